using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Sessions;

public class TreatmentSessionTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    [Fact]
    public void FromProtocolGivesEveryFixedSiteItsDose()
    {
        var s = TreatmentSession.FromProtocol(KnownProtocols.Preempt, Day);
        Assert.Equal(31, s.Injections.Length);
        Assert.Equal(ToxinUnits.FromUnits(155), s.TotalUnits);
        Assert.Equal(KnownProtocols.Preempt.Sites.Select(p => p.Site.Id), s.Injections.Select(i => i.Site));
    }

    [Fact]
    public void KeepsWhatWasGivenIncludingRepeatsAndUnknownSites()
    {
        var s = new TreatmentSession(Day, [
            new Injection(SiteId.From("procerus"), ToxinUnits.FromUnits(5)),
            new Injection(SiteId.From("procerus"), ToxinUnits.FromUnits(5)),
            new Injection(SiteId.From("nasalis-left-1"), ToxinUnits.Zero),
            Injection.FollowThePain(MuscleId.From("temporalis"), Laterality.Left, ToxinUnits.FromUnits(5)),
        ]);
        Assert.Equal(4, s.Injections.Length);
        Assert.True(s.Injections[3].IsFollowThePain);
        Assert.Equal("temporalis-left-ftp", s.Injections[3].Site.Value);
    }

    [Fact]
    public void EqualityIsByValueAndWithCopiesKeepDetails()
    {
        var a = new TreatmentSession(Day, [new Injection(SiteId.From("procerus"), ToxinUnits.FromUnits(5))], "BOTOX", "C1234", new DateOnly(2027, 1, 31), Reconstitution.Vial100In2Ml);
        var b = new TreatmentSession(Day, [new Injection(SiteId.From("procerus"), ToxinUnits.FromUnits(5))], "BOTOX", "C1234", new DateOnly(2027, 1, 31), Reconstitution.Vial100In2Ml);
        Assert.Equal(a, b);
        var moved = a.WithDate(Day.AddDays(84));
        Assert.NotEqual(a, moved);
        Assert.Equal("C1234", moved.Lot);
        Assert.Equal(a, moved.WithDate(Day));
    }

    [Fact]
    public void RejectsBlankDetailsAndDefaultSites()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TreatmentSession(Day, [], lot: " "));
        Assert.ThrowsAny<ArgumentException>(() => new Injection(default, ToxinUnits.FromUnits(5)));
        Assert.Throws<ArgumentNullException>(() => new TreatmentSession(Day, [null!]));
    }
}
