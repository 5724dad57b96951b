using System.Globalization;
using System.Xml.Linq;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rendering;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Rendering;

public class SiteMapTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const string Cite = """{"source": "clinic", "locator": "local policy", "verification": "unverified"}""";

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static IEnumerable<XElement> Sites(XElement root, string view) =>
        root.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "view" && (string?)g.Attribute("data-view") == view)
            .Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "site");

    [Theory]
    [InlineData(MapView.Front, "front", 7)]
    [InlineData(MapView.Back, "back", 16)]
    [InlineData(MapView.Left, "left", 9)]
    [InlineData(MapView.Right, "right", 9)]
    public void EachViewDrawsTheSitesWithAPointInIt(MapView view, string name, int expected)
    {
        var root = Parse(SiteMap.Render(KnownProtocols.Preempt, view));
        var ids = Sites(root, name).Select(g => (string)g.Attribute("data-site")!).ToList();
        Assert.Equal(expected, ids.Count);
        var anatomical = (AnatomicalView)(int)view;
        Assert.Equal(KnownProtocols.Preempt.Sites.Where(s => s.Site.TryGetDrawingPoint(anatomical, out _)).Select(s => s.Site.Id.Value), ids);
    }

    [Fact]
    public void EveryProtocolSiteIsOnTheAllViewsMapWithTitleDescAndLegend()
    {
        var root = Parse(SiteMap.Render(KnownProtocols.Preempt, MapView.All));
        var drawn = root.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "site").Where(g => g.Attribute("data-site") is not null).Select(g => (string)g.Attribute("data-site")!).ToHashSet();
        Assert.Equal(KnownProtocols.Preempt.Sites.Select(s => s.Site.Id.Value).ToHashSet(), drawn);
        Assert.Equal(4, root.Elements(Svg + "g").Count(g => (string?)g.Attribute("class") == "view"));
        Assert.Equal("PREEMPT paradigm: injection sites", root.Element(Svg + "title")!.Value);
        var desc = root.Element(Svg + "desc")!.Value;
        Assert.Contains("temporalis-left-3 (Temporalis, left): 5 U", desc, StringComparison.Ordinal);
        Assert.Contains("follow-the-pain zones", desc, StringComparison.Ordinal);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Single(root.Elements(Svg + "g"), g => (string?)g.Attribute("class") == "legend");
    }

    [Fact]
    public void FollowThePainZonesShadeOnlyMusclesWithAnAllowance()
    {
        var zones = Parse(SiteMap.Render(KnownProtocols.Preempt, MapView.All)).Descendants(Svg + "ellipse")
            .Where(e => ((string?)e.Attribute("class"))?.StartsWith("ftp-zone", StringComparison.Ordinal) == true && e.Attribute("data-muscle") is not null)
            .Select(e => (string)e.Attribute("data-muscle")!).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["occipitalis", "temporalis", "trapezius"], zones);
        var usLabel = Parse(SiteMap.Render(KnownProtocols.UsLabel, MapView.All));
        Assert.DoesNotContain(usLabel.Descendants(Svg + "ellipse"), e => e.Attribute("data-muscle") is not null);
        var unshaded = Parse(SiteMap.Render(KnownProtocols.Preempt, MapView.All, new SiteMapOptions { ShadeFollowThePain = false }));
        Assert.DoesNotContain(unshaded.Descendants(Svg + "ellipse"), e => e.Attribute("data-muscle") is not null);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    public void OutputIsTheSameBytesInEveryCulture(string culture)
    {
        var options = new SiteMapOptions { Overlay = SessionOverlay.FromSession(KnownProtocols.Preempt, Session(("frontalis-left-1", 2.5m))) };
        var invariant = Within(CultureInfo.InvariantCulture, () => SiteMap.Render(KnownProtocols.Preempt, MapView.All, options));
        var other = Within(CultureInfo.GetCultureInfo(culture), () => SiteMap.Render(KnownProtocols.Preempt, MapView.All, options));
        Assert.Equal(invariant, other);
        Assert.Equal(invariant, SiteMap.Render(KnownProtocols.Preempt, MapView.All, options));
        Assert.DoesNotContain('\r', invariant);
        Assert.EndsWith("</svg>\n", invariant, StringComparison.Ordinal);
        Assert.Contains("data-given=\"2.5\"", invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void ATitleIsEscaped()
    {
        var svg = SiteMap.Render(KnownProtocols.Preempt, MapView.Front, new SiteMapOptions { Title = "A <b> & \"c\"" });
        Assert.Contains("A &lt;b&gt; &amp; \"c\"", svg, StringComparison.Ordinal);
        Assert.Equal("A <b> & \"c\"", Parse(svg).Element(Svg + "title")!.Value);
    }

    [Fact]
    public void AContributedSiteIsDrawnWithoutDrawingCodeChanges()
    {
        var json = $$"""
        {
          "regions": [{"id": "jaw", "name": "Jaw", "muscles": ["masseter"]}],
          "muscles": [{"id": "masseter", "name": "Masseter", "region": "jaw", "source": {{Cite}} }],
          "sites": [
            {"id": "masseter-left-1", "muscle": "masseter", "side": "left", "ordinal": 1, "landmark": {"description": "Masseter belly.", "source": {{Cite}} },
             "drawing": [{"view": "left", "x": 0.45, "y": 0.54}]},
            {"id": "masseter-right-1", "muscle": "masseter", "side": "right", "ordinal": 1, "landmark": {"description": "Masseter belly.", "source": {{Cite}} },
             "drawing": []}
          ],
          "protocols": [{"id": "clinic-jaw", "name": "Clinic jaw", "description": "d", "retreatmentIntervalDays": 90, "sources": [{{Cite}}],
            "sites": [{"site": "procerus", "units": 5}, {"site": "masseter-left-1", "units": 10}, {"site": "masseter-right-1", "units": 10}]}]
        }
        """;
        var protocol = Catalogs.Load([DefinitionFile.FromJson("clinic.json", json)]).Get(ProtocolId.From("clinic-jaw"));
        var root = Parse(SiteMap.Render(protocol, MapView.All));
        var masseter = Assert.Single(Sites(root, "left"), g => (string?)g.Attribute("data-site") == "masseter-left-1");
        Assert.Equal("M1", masseter.Element(Svg + "text")!.Value);
        Assert.Equal("M", SiteMap.MuscleCode(protocol.Anatomy, MuscleId.From("masseter")));
        Assert.Contains("Not drawn in this map: masseter-right-1 (Masseter, right): 10 U", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void MuscleCodesAreUniqueAndShort()
    {
        var anatomy = Catalogs.DefaultAnatomy;
        var codes = anatomy.Muscles.Select(m => SiteMap.MuscleCode(anatomy, m.Id)).ToList();
        Assert.Equal(["Co", "P", "F", "Te", "O", "Ce", "Tr"], codes);
    }

    [Fact]
    public void TheOverlayMarksMissedUnderAndOverDosedSitesAndCountsFollowThePain()
    {
        var session = Session().WithInjections(Session().Injections.Where(i => i.Site.Value != "procerus")
                .Append(Injection.FollowThePain(MuscleId.From("temporalis"), Laterality.Left, ToxinUnits.FromUnits(5))));
        var overlay = SessionOverlay.FromSession(KnownProtocols.Preempt, session);
        var root = Parse(SiteMap.Render(KnownProtocols.Preempt, MapView.All, new SiteMapOptions { Overlay = overlay }));
        var status = root.Descendants(Svg + "g").Where(g => g.Attribute("data-site") is not null)
            .GroupBy(g => (string)g.Attribute("data-site")!).ToDictionary(g => g.Key, g => (string)g.First().Attribute("data-status")!);
        Assert.Equal("missed", status["procerus"]);
        Assert.Equal("as-planned", status["frontalis-left-1"]);
        var zone = Assert.Single(root.Descendants(Svg + "ellipse"), e => (string?)e.Attribute("class") == "ftp-zone given");
        Assert.Equal(("temporalis", "left", "1"), ((string)zone.Attribute("data-muscle")!, (string)zone.Attribute("data-side")!, (string)zone.Attribute("data-ftp-injections")!));
        Assert.Contains("Missed: procerus.", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("P1: 0 U", root.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void OverlayStatusesAppearOnTheMarkers()
    {
        var overlay = SessionOverlay.FromSession(KnownProtocols.Preempt, Session(("corrugator-right-1", 2.5m), ("trapezius-left-1", 10m)));
        var root = Parse(SiteMap.Render(KnownProtocols.Preempt, MapView.Back, new SiteMapOptions { Overlay = overlay }));
        var trapezius = Assert.Single(Sites(root, "back"), g => (string?)g.Attribute("data-site") == "trapezius-left-1");
        Assert.Equal("over-dosed", (string?)trapezius.Attribute("data-status"));
        Assert.Contains(trapezius.Elements(Svg + "circle"), c => (string?)c.Attribute("class") == "status-ring over-dosed");
    }

    [Fact]
    public void WithoutLabelsNoLabelIsWritten() =>
        Assert.DoesNotContain(
            Parse(SiteMap.Render(KnownProtocols.Preempt, MapView.All, new SiteMapOptions { ShowLabels = false })).Descendants(Svg + "text"),
            t => (string?)t.Attribute("class") == "site-label");

    [Fact]
    public void BadArgumentsThrow()
    {
        Assert.Throws<ArgumentNullException>(() => SiteMap.Render(null!, MapView.All));
        Assert.Throws<ArgumentOutOfRangeException>(() => SiteMap.Render(KnownProtocols.Preempt, (MapView)0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SiteMap.ViewsOf((MapView)9));
    }

    internal static TreatmentSession Session(params (string Site, decimal Units)[] changes)
    {
        var map = changes.ToDictionary(c => c.Site, c => c.Units);
        return new TreatmentSession(
            new DateOnly(2026, 3, 2),
            KnownProtocols.Preempt.Sites.Select(s => new Injection(s.Site.Id, map.TryGetValue(s.Site.Id.Value, out var u) ? ToxinUnits.FromUnits(u) : s.Units)));
    }

    private static T Within<T>(CultureInfo culture, Func<T> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
