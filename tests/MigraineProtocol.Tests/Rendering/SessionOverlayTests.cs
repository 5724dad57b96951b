using FsCheck;
using FsCheck.Fluent;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rendering;
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
        var overlay = SessionOverlay.FromSession(Preempt, TreatmentSession.FromProtocol(Preempt, Day));
        Assert.Equal(31, overlay.Count(SiteDoseStatus.AsPlanned));
        Assert.Empty(overlay.FollowThePain);
        Assert.Empty(overlay.Findings);
        Assert.Equal(ToxinUnits.FromUnits(155), overlay.GivenUnits);
        Assert.Equal(Day, overlay.Date);
    }

    [Fact]
    public void MissingHalfAndDoubleDosesAreClassified()
    {
        var injections = Preempt.Sites.Where(s => s.Site.Id.Value != "procerus").Select(s => new Injection(s.Site.Id, s.Units)).ToList();
        injections[0] = new Injection(injections[0].Site, ToxinUnits.FromUnits(2.5m));       // corrugator-left-1 under-dosed
        injections.Add(new Injection(Id("trapezius-right-2"), ToxinUnits.FromUnits(5)));    // injected twice: over-dosed
        var overlay = SessionOverlay.FromSession(Preempt, new TreatmentSession(Day, injections));
        Assert.True(overlay.TryGetSite(Id("procerus"), out var procerus));
        Assert.Equal(SiteDoseStatus.Missed, procerus.Status);
        Assert.True(overlay.TryGetSite(Id("corrugator-left-1"), out var corrugator));
        Assert.Equal((SiteDoseStatus.UnderDosed, ToxinUnits.FromUnits(2.5m)), (corrugator.Status, corrugator.Given));
        Assert.True(overlay.TryGetSite(Id("trapezius-right-2"), out var trapezius));
        Assert.Equal((SiteDoseStatus.OverDosed, ToxinUnits.FromUnits(10)), (trapezius.Status, trapezius.Given));
        Assert.False(overlay.TryGetSite(Id("nowhere"), out _));
        Assert.Equal(28, overlay.Count(SiteDoseStatus.AsPlanned));
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
        Assert.Empty(within.Findings);

        // Temporalis allows +10 U at up to 2 sites (clinical-facts.md §1.1-1.2, S1): a third injection is beyond it.
        var beyond = SessionOverlay.FromSession(Preempt, With(temporalisLeft, temporalisLeft, temporalisRight));
        Assert.All(beyond.FollowThePain, f => Assert.False(f.WithinAllowance));
        Assert.Equal(2, beyond.FollowThePain[0].Injections);
        Assert.Contains("beyond the allowance of +10 U at up to 2 sites", Assert.Single(beyond.Findings), StringComparison.Ordinal);

        var notAllowed = SessionOverlay.FromSession(KnownProtocols.UsLabel, With(temporalisLeft));
        Assert.False(Assert.Single(notAllowed.FollowThePain).WithinAllowance);
        Assert.Contains("not part of protocol 'us-label'", Assert.Single(notAllowed.Findings), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAndUnplannedSitesAreReported()
    {
        const string cite = """{"source": "clinic", "locator": "local policy", "verification": "unverified"}""";
        var json = $$"""{"protocols": [{"id": "forehead-only", "name": "F", "description": "d", "retreatmentIntervalDays": 84, "sources": [{{cite}}], "sites": [{"site": "procerus", "units": 5}]}]}""";
        var protocol = ProtocolCatalog.Load([DefinitionFile.FromJson("f.json", json)]).Get(ProtocolId.From("forehead-only"));
        var session = new TreatmentSession(Day, [new Injection(Id("procerus"), ToxinUnits.FromUnits(5)), new Injection(Id("frontalis-left-1"), ToxinUnits.FromUnits(5)), new Injection(Id("elbow"), ToxinUnits.FromUnits(5))]);
        var overlay = SessionOverlay.FromSession(protocol, session);
        Assert.Equal(SiteDoseStatus.Unplanned, overlay.Sites[1].Status);
        Assert.Equal(2, overlay.Findings.Length);
        Assert.Contains("'elbow' is not a site of the anatomy", overlay.Findings[1], StringComparison.Ordinal);
        Assert.Equal(ToxinUnits.FromUnits(10), overlay.GivenUnits);
    }

    [Fact]
    public void GivenDosesAgreeWithANaiveSum() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Zip(Gen.Choose(0, Preempt.Sites.Length - 1), Gen.Choose(0, 2000))).ToArbitrary(),
            picks =>
            {
                var injections = picks.Select(p => new Injection(Preempt.Sites[p.Item1].Site.Id, ToxinUnits.FromHundredths(p.Item2))).ToList();
                var overlay = SessionOverlay.FromSession(Preempt, new TreatmentSession(Day, injections));
                return Preempt.Sites.All(s =>
                {
                    var given = injections.Where(i => i.Site == s.Site.Id).Aggregate(ToxinUnits.Zero, (a, i) => a + i.Units);
                    var expected = given == ToxinUnits.Zero ? SiteDoseStatus.Missed : given < s.Units ? SiteDoseStatus.UnderDosed : given > s.Units ? SiteDoseStatus.OverDosed : SiteDoseStatus.AsPlanned;
                    return overlay.TryGetSite(s.Site.Id, out var d) && d.Given == given && d.Status == expected;
                }) && overlay.Sites.Length == Preempt.Sites.Length;
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void TheConstructorRejectsRepeats()
    {
        var dose = SiteDose.Compare(Id("procerus"), ToxinUnits.FromUnits(5), ToxinUnits.FromUnits(5));
        Assert.Throws<ArgumentException>(() => new SessionOverlay(Day, [dose, dose], [], []));
        var ftp = new FollowThePainDose(Temporalis, Laterality.Left, 1, ToxinUnits.FromUnits(5), true);
        Assert.Throws<ArgumentException>(() => new SessionOverlay(Day, [], [ftp, ftp], []));
        Assert.Throws<ArgumentException>(() => new SessionOverlay(Day, [], [], [" "]));
        Assert.Throws<ArgumentNullException>(() => new SessionOverlay(Day, [null!], [], []));
        Assert.Equal(new SessionOverlay(Day, [dose], [ftp], ["x"]), new SessionOverlay(Day, [dose], [ftp], ["x"]));
    }

    [Fact]
    public void ToStringSummarises() =>
        Assert.Equal("2026-03-02: 155 U; 0 missed, 0 under-dosed, 0 over-dosed, 0 unplanned", SessionOverlay.FromSession(Preempt, TreatmentSession.FromProtocol(Preempt, Day)).ToString());

    private static readonly MuscleId Temporalis = MuscleId.From("temporalis");

    private static TreatmentSession With(params Injection[] extra) =>
        new(Day, TreatmentSession.FromProtocol(Preempt, Day).Injections.Concat(extra));
}
