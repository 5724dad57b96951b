using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rendering;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Mutation;

public partial class RenderingEdgeTests
{
    private static readonly TreatmentProtocol Preempt = KnownProtocols.Preempt;

    private static SiteId Id(string s) => SiteId.From(s);

    private static Injection Shot(string site, decimal units) => new(Id(site), ToxinUnits.FromUnits(units));

    private static Injection Ftp(string muscle, Laterality side, decimal units) => Injection.FollowThePain(MuscleId.From(muscle), side, ToxinUnits.FromUnits(units));

    private static TreatmentProtocol Custom(string json, string id) => Catalogs.Load([DefinitionFile.FromJson("clinic.json", json)]).Get(ProtocolId.From(id));

    /// <summary>Procerus alone: frontalis is in the anatomy but not in the protocol.</summary>
    private static TreatmentProtocol ForeheadOnly => Custom(
        $$"""{"protocols": [{"id": "forehead-only", "name": "Forehead only", "description": "d", "retreatmentIntervalDays": 84, "sources": [{{Cite}}], "sites": [{"site": "procerus", "units": 5}]}]}""",
        "forehead-only");

    /// <summary>Procerus and a temporalis follow-the-pain allowance, without any fixed temporalis site.</summary>
    private static TreatmentProtocol ForeheadWithFollowThePain => Custom(
        $$"""
        {"protocols": [{"id": "forehead-ftp", "name": "Forehead and pain", "description": "d", "retreatmentIntervalDays": 84, "sources": [{{Cite}}],
          "sites": [{"site": "procerus", "units": 5}],
          "followThePain": [{"muscle": "temporalis", "maxExtraUnits": 10, "maxExtraSites": 2, "unitsPerSite": 5, "source": {{Cite}} }]}]}
        """,
        "forehead-ftp");

    /// <summary>A contributed muscle with one drawn site and three sites without drawing coordinates.</summary>
    private static TreatmentProtocol Jaw => Custom(
        $$"""
        {
          "regions": [{"id": "jaw", "name": "Jaw", "muscles": ["masseter"]}],
          "muscles": [{"id": "masseter", "name": "Masseter", "region": "jaw", "source": {{Cite}} }],
          "sites": [
            {"id": "masseter-left-1", "muscle": "masseter", "side": "left", "ordinal": 1, "landmark": {"description": "Masseter belly.", "source": {{Cite}} },
             "drawing": [{"view": "left", "x": 0.45, "y": 0.54}]},
            {"id": "masseter-right-1", "muscle": "masseter", "side": "right", "ordinal": 1, "landmark": {"description": "Masseter belly.", "source": {{Cite}} }, "drawing": []},
            {"id": "masseter-left-2", "muscle": "masseter", "side": "left", "ordinal": 2, "landmark": {"description": "Masseter angle.", "source": {{Cite}} }, "drawing": []},
            {"id": "masseter-right-2", "muscle": "masseter", "side": "right", "ordinal": 2, "landmark": {"description": "Masseter angle.", "source": {{Cite}} }, "drawing": []}
          ],
          "protocols": [{"id": "clinic-jaw", "name": "Clinic jaw", "description": "d", "retreatmentIntervalDays": 90, "sources": [{{Cite}}],
            "sites": [{"site": "procerus", "units": 5}, {"site": "masseter-left-1", "units": 10}, {"site": "masseter-right-1", "units": 10},
                      {"site": "masseter-left-2", "units": 5}, {"site": "masseter-right-2", "units": 5}]}]
        }
        """,
        "clinic-jaw");

    /// <summary>Procerus missed, corrugator-left-1 under-dosed, trapezius-right-2 injected twice, temporalis follow-the-pain
    /// within its allowance on the left, occipitalis beyond it on the right (three injections where two are allowed).</summary>
    private static SessionOverlay Mixed()
    {
        var injections = TreatmentSession.FromProtocol(Preempt, Day).Injections
            .Where(i => i.Site.Value != "procerus")
            .Select(i => i.Site.Value == "corrugator-left-1" ? Shot("corrugator-left-1", 2.5m) : i)
            .Append(Shot("trapezius-right-2", 5))
            .Append(Ftp("temporalis", Laterality.Left, 5))
            .Append(Ftp("occipitalis", Laterality.Right, 5)).Append(Ftp("occipitalis", Laterality.Right, 5)).Append(Ftp("occipitalis", Laterality.Right, 5));
        return SessionOverlay.FromSession(Preempt, new TreatmentSession(Day, injections, "BOTOX"));
    }

    private static SessionOverlay Full() => SessionOverlay.FromSession(Preempt, TreatmentSession.FromProtocol(Preempt, Day).WithProduct("BOTOX"));

    private static RuleViolation Finding(string code, Severity severity, string message, string? site = null) =>
        new(RuleId.From(code), severity, message, site is null ? null : Id(site), Clinic);

    /// <summary>Every PREEMPT site as planned, with the given diagnostics.</summary>
    private static SessionOverlay WithFindings(params RuleViolation[] findings) =>
        new(Day, Preempt.Sites.Select(s => new SiteDose(s.Site.Id, s.Units, s.Units, SiteDoseStatus.AsPlanned)), [], findings);

    private static RuleViolation[] Warnings(int n) =>
        [.. Enumerable.Range(1, n).Select(k => Finding($"c{k:00}", Severity.Warning, "m"))];

    private static readonly string[] FrontSites = ["corrugator-left-1", "corrugator-right-1", "procerus", "frontalis-left-1", "frontalis-left-2", "frontalis-right-1", "frontalis-right-2"];

    /// <summary>"warning c44: aaaa bbbb cccc dddd eeee ffff g" is exactly 44 characters, one more makes 45.</summary>
    private const string Fits44 = "aaaa bbbb cccc dddd eeee ffff g";

    private static (TreatmentProtocol Protocol, MapView View, SiteMapOptions? Options) Scenario(string name) => name switch
    {
        "preempt-all" => (Preempt, MapView.All, null),
        "preempt-front" => (Preempt, MapView.Front, null),
        "preempt-back" => (Preempt, MapView.Back, null),
        "preempt-left" => (Preempt, MapView.Left, null),
        "preempt-right" => (Preempt, MapView.Right, null),
        "preempt-plain" => (Preempt, MapView.All, new SiteMapOptions { ShowLabels = false, ShadeFollowThePain = false, Title = "Clinic map" }),
        "uslabel-all" => (KnownProtocols.UsLabel, MapView.All, null),
        "full-front" => (Preempt, MapView.Front, new SiteMapOptions { Overlay = Full() }),
        "mixed-all" => (Preempt, MapView.All, new SiteMapOptions { Overlay = Mixed() }),
        "mixed-front" => (Preempt, MapView.Front, new SiteMapOptions { Overlay = Mixed() }),
        "mixed-back" => (Preempt, MapView.Back, new SiteMapOptions { Overlay = Mixed() }),
        "mixed-left" => (Preempt, MapView.Left, new SiteMapOptions { Overlay = Mixed() }),
        "mixed-unshaded" => (Preempt, MapView.Back, new SiteMapOptions { Overlay = Mixed(), ShadeFollowThePain = false }),
        "mixed-unlabelled" => (Preempt, MapView.Right, new SiteMapOptions { Overlay = Mixed(), ShowLabels = false }),
        "uslabel-ftp-left" => (KnownProtocols.UsLabel, MapView.Left, new SiteMapOptions
        {
            Overlay = SessionOverlay.FromSession(KnownProtocols.UsLabel, new TreatmentSession(Day, TreatmentSession.FromProtocol(KnownProtocols.UsLabel, Day).Injections.Append(Ftp("temporalis", Laterality.Left, 5)), "BOTOX")),
        }),
        "forehead-all" => (ForeheadOnly, MapView.All, new SiteMapOptions { Overlay = ForeheadSession(ForeheadOnly) }),
        "forehead-front" => (ForeheadOnly, MapView.Front, new SiteMapOptions { Overlay = ForeheadSession(ForeheadOnly) }),
        "forehead-back" => (ForeheadOnly, MapView.Back, new SiteMapOptions { Overlay = ForeheadSession(ForeheadOnly) }),
        "forehead-plain-back" => (ForeheadOnly, MapView.Back, null),
        "forehead-ftp-left" => (ForeheadWithFollowThePain, MapView.Left, new SiteMapOptions { Overlay = ForeheadFtpSession() }),
        "forehead-ftp-all" => (ForeheadWithFollowThePain, MapView.All, new SiteMapOptions { Overlay = ForeheadFtpSession() }),
        "jaw-left" => (Jaw, MapView.Left, null),
        "jaw-all" => (Jaw, MapView.All, null),
        "jaw-front-session" => (Jaw, MapView.Front, new SiteMapOptions { Overlay = SessionOverlay.FromSession(Jaw, new TreatmentSession(Day, [Shot("procerus", 5), Shot("masseter-left-1", 10)], "BOTOX")) }),
        "budget-12" => (Preempt, MapView.Front, new SiteMapOptions { Overlay = WithFindings(Warnings(12)) }),
        "budget-13" => (Preempt, MapView.Front, new SiteMapOptions { Overlay = WithFindings(Warnings(13)) }),
        "groups-6-7" => (Preempt, MapView.Front, new SiteMapOptions
        {
            Overlay = WithFindings([
                .. FrontSites.Take(6).Select(s => Finding("site-dose", Severity.Error, "dose", s)),
                .. FrontSites.Select(s => Finding("duplicate-site", Severity.Error, "twice", s)),
                Finding("site-dose", Severity.Error, "again", "procerus"),
                Finding("site-dose", Severity.Warning, "a warning of the same code", "procerus")]),
        }),
        "wrap-44" => (Preempt, MapView.Front, new SiteMapOptions
        {
            Overlay = WithFindings(Finding("c44", Severity.Warning, Fits44), Finding("c45", Severity.Warning, Fits44 + "g"), Finding("c46", Severity.Warning, "one"))
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such scenario"),
    };

    /// <summary>Procerus as planned, both first frontalis sites (in the anatomy, not in the protocol) and an id that is no site at all.</summary>
    private static SessionOverlay ForeheadSession(TreatmentProtocol p) =>
        SessionOverlay.FromSession(p, new TreatmentSession(Day, [Shot("procerus", 5), Shot("frontalis-left-1", 5), Shot("frontalis-right-1", 2.5m), Shot("elbow", 5)], "BOTOX"));

    /// <summary>Procerus, an unplanned temporalis site and a temporalis follow-the-pain injection.</summary>
    private static SessionOverlay ForeheadFtpSession()
    {
        var p = ForeheadWithFollowThePain;
        return SessionOverlay.FromSession(p, new TreatmentSession(Day, [Shot("procerus", 5), Shot("temporalis-left-1", 5), Ftp("temporalis", Laterality.Left, 5)], "BOTOX"));
    }

    public static TheoryData<string> Scenarios =>
    [
        "preempt-all", "preempt-front", "preempt-back", "preempt-left", "preempt-right", "preempt-plain", "uslabel-all",
        "full-front", "mixed-all", "mixed-front", "mixed-back", "mixed-left", "mixed-unshaded", "mixed-unlabelled", "uslabel-ftp-left",
        "forehead-all", "forehead-front", "forehead-back", "forehead-plain-back", "forehead-ftp-left", "forehead-ftp-all",
        "jaw-left", "jaw-all", "jaw-front-session", "budget-12", "budget-13", "groups-6-7", "wrap-44",
    ];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void EveryElementIsWhereTheMapModelPutsIt(string scenario)
    {
        var (protocol, view, options) = Scenario(scenario);
        CheckMap(protocol, view, options);
    }

    private static List<XElement> LegendTexts(XElement root) =>
        [.. root.Elements(Svg + "g").Single(g => Class(g) == "legend").Elements(Svg + "text").Where(t => Class(t) != "code")];

    [Fact]
    public void TheScenariosReachTheBoundariesTheyAreMeantTo()
    {
        // The legend is taller than one view only with many diagnostics: then it sets the height.
        var (p, view, options) = Scenario("budget-13");
        var root = CheckMap(p, view, options);
        Assert.True(D(root, "height") > 64 + 446 + 16, "a long legend makes the map taller than its view");
        var texts = LegendTexts(root).Select(t => t.Value).ToList();
        Assert.Contains("warning c12: m", texts);
        Assert.DoesNotContain("warning c13: m", texts);
        Assert.Contains("and more: see the description or run validate", texts);
        Assert.Equal(64 + 446 + 16, D(CheckMap(Preempt, MapView.Front), "height"));

        // Exactly twelve one-line diagnostics fit the budget: no "and more".
        (p, view, options) = Scenario("budget-12");
        texts = [.. LegendTexts(CheckMap(p, view, options)).Select(t => t.Value)];
        Assert.Contains("warning c12: m", texts);
        Assert.DoesNotContain("and more: see the description or run validate", texts);

        // A 44-character line stays whole; 45 characters wrap.
        (p, view, options) = Scenario("wrap-44");
        texts = [.. LegendTexts(CheckMap(p, view, options)).Select(t => t.Value)];
        Assert.Equal(44, ("warning c44: " + Fits44).Length);
        Assert.Contains("warning c44: " + Fits44, texts);
        Assert.Contains("warning c45: aaaa bbbb cccc dddd eeee ffff", texts);
        Assert.Contains("gg", texts);

        // Six sites of a code are listed; a seventh is counted.
        (p, view, options) = Scenario("groups-6-7");
        var legend = string.Join(" ", LegendTexts(CheckMap(p, view, options)).Select(t => t.Value));
        Assert.Contains("error site-dose: corrugator-left-1, corrugator-right-1, procerus, frontalis-left-1, frontalis-left-2, frontalis-right-1 error duplicate-site", legend, StringComparison.Ordinal);
        Assert.Contains("frontalis-right-1 and 1 more", legend, StringComparison.Ordinal);
        Assert.Contains("warning site-dose: procerus", legend, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSessionIsSpelledOutInTheTitlesTheLegendAndTheDescription()
    {
        var root = CheckMap(Preempt, MapView.All, new SiteMapOptions { Overlay = Mixed() });
        string Title(string site) => root.Descendants(Svg + "g").First(g => (string?)g.Attribute("data-site") == site).Element(Svg + "title")!.Value;
        Assert.Equal("procerus (Procerus, midline): missed, 5 U planned (missing-site)", Title("procerus"));
        Assert.Equal("corrugator-left-1 (Corrugator supercilii, left): under-dosed, 2.5 U given of 5 U planned (site-dose)", Title("corrugator-left-1"));
        Assert.Equal("trapezius-right-2 (Trapezius, right): over-dosed, 10 U given of 5 U planned (duplicate-site)", Title("trapezius-right-2"));
        Assert.Equal("frontalis-left-1 (Frontalis, left): 5 U given as planned", Title("frontalis-left-1"));
        var zones = root.Descendants(Svg + "ellipse").Where(e => (string?)e.Attribute("data-muscle") == "occipitalis" && (string?)e.Attribute("data-side") == "right").ToList();
        Assert.Equal(2, zones.Count); // the back view and the right side view
        Assert.All(zones, zone => Assert.Equal("ftp-zone given", Class(zone)));
        Assert.All(zones, zone => Assert.EndsWith(". Session: 3 injections, 15 U, beyond the allowance.", zone.Element(Svg + "title")!.Value, StringComparison.Ordinal));
        var legend = LegendTexts(root);
        var beyond = legend.Single(t => t.Value.StartsWith("Follow-the-pain, Occipitalis right", StringComparison.Ordinal));
        Assert.Equal("alert", Class(beyond));
        Assert.Equal("heading alert", Class(legend.Single(t => t.Value.StartsWith("Rules: INVALID", StringComparison.Ordinal))));
        Assert.Null(Class(legend.Single(t => t.Value.StartsWith("Follow-the-pain, Temporalis left", StringComparison.Ordinal))));
        var desc = root.Element(Svg + "desc")!.Value;
        Assert.Contains("occipitalis right: 3 follow-the-pain, 15 U (beyond the allowance). ", desc, StringComparison.Ordinal);
        Assert.Contains(" and the dose given: Co Corrugator supercilii, ", desc, StringComparison.Ordinal);

        var unplanned = CheckMap(ForeheadOnly, MapView.All, new SiteMapOptions { Overlay = ForeheadSession(ForeheadOnly) });
        Assert.Equal(
            "frontalis-right-1 (Frontalis, right): 2.5 U given, not in the protocol (unknown-site)",
            unplanned.Descendants(Svg + "g").First(g => (string?)g.Attribute("data-site") == "frontalis-right-1").Element(Svg + "title")!.Value);
        Assert.Contains("Unplanned: frontalis-left-1, frontalis-right-1. ", unplanned.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("Back view: head, neck and shoulders: no sites. ", unplanned.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("Not in the protocol: 2", LegendTexts(unplanned).Select(t => t.Value));
        Assert.Contains("not in this protocol", LegendTexts(unplanned).Select(t => t.Value));
    }

    [Fact]
    public void SitesElsewhereAndSitesWithoutCoordinatesAreCountedAndNamed()
    {
        var root = CheckMap(Jaw, MapView.Left);
        var legend = LegendTexts(root).Select(t => t.Value).ToList();
        Assert.Contains("1 more site in the other views", legend);
        Assert.Equal(
            "Not drawn (no drawing coordinates): masseter-right-1, masseter-left-2, masseter-right-2",
            string.Join(" ", legend.SkipWhile(l => !l.StartsWith("Not drawn", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("Schematic", StringComparison.Ordinal))));
        Assert.Contains(
            "Not drawn in this map: procerus (Procerus, midline): 5 U; masseter-right-1 (Masseter, right): 10 U; masseter-left-2 (Masseter, left): 5 U; masseter-right-2 (Masseter, right): 5 U. ",
            root.Element(Svg + "desc")!.Value,
            StringComparison.Ordinal);
        Assert.Contains("24 more sites in the other views", LegendTexts(CheckMap(Preempt, MapView.Front)).Select(t => t.Value));
        Assert.DoesNotContain(LegendTexts(CheckMap(Preempt, MapView.All)), t => t.Value.Contains("other views", StringComparison.Ordinal));
    }

    [Fact]
    public void TheZoneLegendNeedsAShownPlannedSiteOfAMuscleWithAnAllowance()
    {
        static bool HasZoneLine(XElement root) => LegendTexts(root).Any(t => t.Value.StartsWith("Follow-the-pain zone", StringComparison.Ordinal));
        static bool Shaded(XElement root) => root.Element(Svg + "desc")!.Value.Contains("Shaded areas", StringComparison.Ordinal);
        Assert.True(HasZoneLine(CheckMap(Preempt, MapView.Back)) && Shaded(CheckMap(Preempt, MapView.Back)), "occipitalis and trapezius have allowances (temporalis is not in the back view)");
        Assert.False(HasZoneLine(CheckMap(Preempt, MapView.Front)) || Shaded(CheckMap(Preempt, MapView.Front)), "no muscle of the front view has an allowance");
        Assert.False(HasZoneLine(CheckMap(Preempt, MapView.Back, new SiteMapOptions { ShadeFollowThePain = false })), "not when shading is off");
        var unplannedOnly = CheckMap(ForeheadWithFollowThePain, MapView.Left, new SiteMapOptions { Overlay = ForeheadFtpSession() });
        Assert.False(HasZoneLine(unplannedOnly) || Shaded(unplannedOnly), "an unplanned temporalis site has no planned dose, so there is no zone to shade");
        Assert.Contains(unplannedOnly.Descendants(Svg + "g"), g => (string?)g.Attribute("data-site") == "temporalis-left-1" && (string?)g.Attribute("data-status") == "unplanned");
    }

    [Theory]
    [InlineData(MapView.Front, "PREEMPT: 155 U at 31 fixed sites; the front view")]
    [InlineData(MapView.Back, "PREEMPT: 155 U at 31 fixed sites; the back view")]
    [InlineData(MapView.Left, "PREEMPT: 155 U at 31 fixed sites; the left side view")]
    [InlineData(MapView.Right, "PREEMPT: 155 U at 31 fixed sites; the right side view")]
    [InlineData(MapView.All, "PREEMPT: 155 U at 31 fixed sites; the front, back, left and right views")]
    public void TheSubtitleNamesTheView(MapView view, string subtitle) =>
        Assert.Equal(subtitle.Replace("PREEMPT", Preempt.Id.Value, StringComparison.Ordinal), CheckMap(Preempt, view).Elements(Svg + "text").Single(t => Class(t) == "map-subtitle").Value);

    /// <summary>Random sessions (any sites, any doses, repeats, follow-the-pain into muscles with and without an allowance) of either
    /// built-in protocol, in any view, with labels and zones on or off.</summary>
    private static Arbitrary<(bool UsLabel, MapView View, (int Site, int Hundredths)[] Shots, (string Muscle, Laterality Side)[] Extra, bool Labels, bool Shade)> RandomMaps() =>
        (from usLabel in Gen.Elements(false, true)
         from view in Gen.Elements(MapView.All, MapView.Front, MapView.Back, MapView.Left, MapView.Right)
         from shots in (from site in Gen.Choose(0, 30) from hundredths in Gen.Choose(0, 2000) select (site, hundredths)).ArrayOf()
         from extra in (from muscle in Gen.Elements("temporalis", "occipitalis", "trapezius", "frontalis") from side in Gen.Elements(Laterality.Left, Laterality.Right) select (muscle, side)).ArrayOf()
         from labels in Gen.Elements(true, true, false)
         from shade in Gen.Elements(true, true, false)
         select (usLabel, view, shots, extra.Take(6).ToArray(), labels, shade)).ToArbitrary();

    [Property(MaxTest = 60)]
    public Property AnySessionIsDrawnAsTheModelSays() =>
        Prop.ForAll(RandomMaps(), t =>
        {
            var p = t.UsLabel ? KnownProtocols.UsLabel : Preempt;
            var injections = t.Shots.Select(s => new Injection(p.Sites[s.Site].Site.Id, ToxinUnits.FromHundredths(s.Hundredths)))
                .Concat(t.Extra.Select(e => Ftp(e.Muscle, e.Side, 5)));
            var overlay = SessionOverlay.FromSession(p, new TreatmentSession(Day, injections, "BOTOX"));
            CheckMap(p, t.View, new SiteMapOptions { Overlay = overlay, ShowLabels = t.Labels, ShadeFollowThePain = t.Shade });
            return true;
        });
}
