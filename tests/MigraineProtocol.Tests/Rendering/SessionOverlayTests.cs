using FsCheck;
using FsCheck.Fluent;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rendering;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Rendering;

public class SessionOverlayTests
{
    private static readonly TreatmentProtocol Preempt = KnownProtocols.Preempt;
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static SiteId Id(string s) => SiteId.From(s);

    [Fact]
    public void AFullSessionIsAllAsPlanned()
    {
        var overlay = SessionOverlay.FromSession(Preempt, TreatmentSession.FromProtocol(Preempt, Day).WithProduct("BOTOX"));
        Assert.Equal(31, overlay.Count(SiteDoseStatus.AsPlanned));
        Assert.Empty(overlay.FollowThePain);
        Assert.Empty(overlay.Diagnostics);
        Assert.True(overlay.IsValid);
        Assert.Equal(ToxinUnits.FromUnits(155), overlay.GivenUnits);
        Assert.Equal(Day, overlay.Date);
    }

    [Fact]
    public void MissingHalfAndDoubleDosesAreClassified()
    {
        var injections = Preempt.Sites.Where(s => s.Site.Id.Value != "procerus").Select(s => new Injection(s.Site.Id, s.Units)).ToList();
        injections[0] = new Injection(injections[0].Site, ToxinUnits.FromUnits(2.5m));       // corrugator-left-1 under-dosed
        injections.Add(new Injection(Id("trapezius-right-2"), ToxinUnits.FromUnits(5)));    // injected twice: over-dosed
        var overlay = SessionOverlay.FromSession(Preempt, new TreatmentSession(Day, injections, "BOTOX"));
        Assert.True(overlay.TryGetSite(Id("procerus"), out var procerus));
        Assert.Equal(SiteDoseStatus.Missed, procerus.Status);
        Assert.True(overlay.TryGetSite(Id("corrugator-left-1"), out var corrugator));
        Assert.Equal((SiteDoseStatus.UnderDosed, ToxinUnits.FromUnits(2.5m)), (corrugator.Status, corrugator.Given));
        Assert.True(overlay.TryGetSite(Id("trapezius-right-2"), out var trapezius));
        Assert.Equal((SiteDoseStatus.OverDosed, ToxinUnits.FromUnits(10)), (trapezius.Status, trapezius.Given));
        Assert.False(overlay.TryGetSite(Id("nowhere"), out _));
        Assert.Equal(28, overlay.Count(SiteDoseStatus.AsPlanned));
        Assert.Equal(
            [("duplicate-site", "trapezius-right-2"), ("missing-site", "procerus"), ("site-dose", "corrugator-left-1")],
            overlay.Diagnostics.Select(d => (d.Code.Value, d.Site!.Value.Value)));
        Assert.Equal((3, 0, false), (overlay.ErrorCount, overlay.WarningCount, overlay.IsValid));
    }

    [Fact]
    public void StatusesComeFromTheReportNotFromTheDoses()
    {
        var injections = Preempt.Sites.Where(s => s.Site.Id.Value != "procerus").Select(s => new Injection(s.Site.Id, s.Units)).ToList();
        var session = new TreatmentSession(Day, injections, "BOTOX");

        // A rule set without missing-site reports nothing about procerus, so the map draws it as planned (with 0 U given).
        var report = RuleSet.Default.Without(RuleId.MissingSite).Validate(Preempt, session);
        var overlay = SessionOverlay.FromReport(Preempt, session, report);
        Assert.True(overlay.TryGetSite(Id("procerus"), out var procerus));
        Assert.Equal((SiteDoseStatus.AsPlanned, ToxinUnits.Zero), (procerus.Status, procerus.Given));
        Assert.Equal(report.Violations, overlay.Diagnostics);

        // Two half doses add up to the protocol's dose but the site was injected twice: duplicate-site and site-dose, drawn over-dosed.
        var twice = new TreatmentSession(Day, TreatmentSession.FromProtocol(Preempt, Day).WithProduct("BOTOX").Injections.Where(i => i.Site.Value != "procerus")
            .Append(new Injection(Id("procerus"), ToxinUnits.FromUnits(2.5m))).Append(new Injection(Id("procerus"), ToxinUnits.FromUnits(2.5m))), "BOTOX");
        Assert.True(SessionOverlay.FromSession(Preempt, twice).TryGetSite(Id("procerus"), out var halves));
        Assert.Equal((SiteDoseStatus.OverDosed, ToxinUnits.FromUnits(5)), (halves.Status, halves.Given));
    }

    [Fact]
    public void AReportOfAnotherProtocolOrDateIsRejected()
    {
        var session = TreatmentSession.FromProtocol(Preempt, Day).WithProduct("BOTOX");
        Assert.Throws<ArgumentException>(() => SessionOverlay.FromReport(Preempt, session, RuleSet.Default.Validate(KnownProtocols.UsLabel, session)));
        var later = new TreatmentSession(Day.AddDays(1), session.Injections);
        Assert.Throws<ArgumentException>(() => SessionOverlay.FromReport(Preempt, session, RuleSet.Default.Validate(Preempt, later)));
    }

    [Fact]
    public void FollowThePainIsCountedPerMuscleAndSideAndCheckedAgainstTheAllowance()
    {
        var temporalisLeft = Injection.FollowThePain(Temporalis, Laterality.Left, ToxinUnits.FromUnits(5));
        var temporalisRight = Injection.FollowThePain(Temporalis, Laterality.Right, ToxinUnits.FromUnits(5));
        var within = SessionOverlay.FromSession(Preempt, With(temporalisLeft, temporalisRight));
        Assert.Equal(
            [new FollowThePainDose(Temporalis, Laterality.Left, 1, ToxinUnits.FromUnits(5), true), new FollowThePainDose(Temporalis, Laterality.Right, 1, ToxinUnits.FromUnits(5), true)],
            within.FollowThePain);
        Assert.Empty(within.Diagnostics);

        // Temporalis allows +10 U at up to 2 sites (clinical-facts.md §1.1-1.2, S1): a third injection is beyond it.
        var beyond = SessionOverlay.FromSession(Preempt, With(temporalisLeft, temporalisLeft, temporalisRight));
        Assert.All(beyond.FollowThePain, f => Assert.False(f.WithinAllowance));
        Assert.Equal(2, beyond.FollowThePain[0].Injections);
        var limit = Assert.Single(beyond.Diagnostics);
        Assert.Equal((RuleId.FollowThePainLimit, "temporalis-left-ftp"), (limit.Code, limit.Site!.Value.Value));
        Assert.Contains("over its allowance", limit.Message, StringComparison.Ordinal);

        var notAllowed = SessionOverlay.FromSession(KnownProtocols.UsLabel, With(temporalisLeft));
        Assert.False(Assert.Single(notAllowed.FollowThePain).WithinAllowance);
        Assert.Contains("allows no follow-the-pain injections", notAllowed.Diagnostics.Single(d => d.Code == RuleId.FollowThePainLimit).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAndUnplannedSitesAreReported()
    {
        const string cite = """{"source": "clinic", "locator": "local policy", "verification": "unverified"}""";
        var json = $$"""{"protocols": [{"id": "forehead-only", "name": "F", "description": "d", "retreatmentIntervalDays": 84, "sources": [{{cite}}], "sites": [{"site": "procerus", "units": 5}]}]}""";
        var protocol = Catalogs.Load([DefinitionFile.FromJson("f.json", json)]).Get(ProtocolId.From("forehead-only"));
        var session = new TreatmentSession(Day, [new Injection(Id("procerus"), ToxinUnits.FromUnits(5)), new Injection(Id("frontalis-left-1"), ToxinUnits.FromUnits(5)), new Injection(Id("elbow"), ToxinUnits.FromUnits(5))], "BOTOX");
        var overlay = SessionOverlay.FromSession(protocol, session);
        Assert.Equal(SiteDoseStatus.Unplanned, overlay.Sites[1].Status);
        Assert.Equal(2, overlay.Sites.Length);
        Assert.Equal(
            [("unknown-site", "frontalis-left-1"), ("unknown-site", "elbow"), ("total-dose-limit", "-")],
            overlay.Diagnostics.Select(d => (d.Code.Value, d.Site?.Value ?? "-")));
        Assert.Contains("'elbow' is not a site of protocol 'forehead-only'", overlay.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Equal(ToxinUnits.FromUnits(15), overlay.GivenUnits); // the session total, as validate says: elbow's 5 U included
        Assert.Equal(ToxinUnits.FromUnits(5), overlay.UndrawnUnits);
    }

    [Fact]
    public void GivenDosesAndStatusesAgreeWithANaiveOracle() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Zip(Gen.Choose(0, Preempt.Sites.Length - 1), Gen.Choose(0, 2000))).ToArbitrary(),
            picks =>
            {
                var injections = picks.Select(p => new Injection(Preempt.Sites[p.Item1].Site.Id, ToxinUnits.FromHundredths(p.Item2))).ToList();
                var overlay = SessionOverlay.FromSession(Preempt, new TreatmentSession(Day, injections, "BOTOX"));
                return Preempt.Sites.All(s =>
                {
                    var here = injections.Where(i => i.Site == s.Site.Id).ToList();
                    var given = here.Aggregate(ToxinUnits.Zero, (a, i) => a + i.Units);
                    var expected = here.Count == 0 ? SiteDoseStatus.Missed
                        : here.Count == 1 && given == s.Units ? SiteDoseStatus.AsPlanned
                        : given < s.Units ? SiteDoseStatus.UnderDosed
                        : SiteDoseStatus.OverDosed;
                    return overlay.TryGetSite(s.Site.Id, out var d) && d.Given == given && d.Status == expected;
                }) && overlay.Sites.Length == Preempt.Sites.Length;
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void TheConstructorRejectsRepeats()
    {
        var dose = new SiteDose(Id("procerus"), ToxinUnits.FromUnits(5), ToxinUnits.FromUnits(5), SiteDoseStatus.AsPlanned);
        var finding = new RuleViolation(RuleId.TotalDoseLimit, Severity.Error, "x", null, new Citation("clinic", "policy", VerificationLevel.Unverified));
        Assert.Throws<ArgumentException>(() => new SessionOverlay(Day, [dose, dose], [], []));
        var ftp = new FollowThePainDose(Temporalis, Laterality.Left, 1, ToxinUnits.FromUnits(5), true);
        Assert.Throws<ArgumentException>(() => new SessionOverlay(Day, [], [ftp, ftp], []));
        Assert.Throws<ArgumentNullException>(() => new SessionOverlay(Day, [null!], [], []));
        Assert.Equal(new SessionOverlay(Day, [dose], [ftp], [finding]), new SessionOverlay(Day, [dose], [ftp], [finding]));
        Assert.NotEqual(new SessionOverlay(Day, [dose], [ftp], [finding]), new SessionOverlay(Day, [dose], [ftp], []));
    }

    [Fact]
    public void ToStringSummarises() =>
        Assert.Equal("2026-03-02: 155 U; 0 missed, 0 under-dosed, 0 over-dosed, 0 unplanned", SessionOverlay.FromSession(Preempt, TreatmentSession.FromProtocol(Preempt, Day).WithProduct("BOTOX")).ToString());

    private static readonly MuscleId Temporalis = MuscleId.From("temporalis");

    [Fact]
    public void TheOverlayTotalAgreesWithTheReportEvenWithAnUndrawableSite()
    {
        // 165 U given, 5 U of it at an id the map cannot draw: the map used to say 160 U where validate says 165 U.
        var session = With(new Injection(Id("elbow"), ToxinUnits.FromUnits(5)), Injection.FollowThePain(Temporalis, Laterality.Left, ToxinUnits.FromUnits(5)));
        var report = RuleSet.Default.Validate(Preempt, session);
        var overlay = SessionOverlay.FromReport(Preempt, session, report);
        Assert.Equal(ToxinUnits.FromUnits(165), report.TotalUnits);
        Assert.Equal(report.TotalUnits, overlay.GivenUnits);
        Assert.Equal(ToxinUnits.FromUnits(5), overlay.UndrawnUnits);
    }

    private static TreatmentSession With(params Injection[] extra) =>
        new(Day, TreatmentSession.FromProtocol(Preempt, Day).Injections.Concat(extra), "BOTOX");
}
