using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Sessions;

public class AdverseEventTests
{
    private static readonly DateOnly Onset = new(2026, 3, 5);

    [Fact]
    public void EveryTermHasAUniqueKebabCodeThatParsesBack()
    {
        var codes = AdverseEventTerms.All.Select(AdverseEventTerms.Code).ToList();
        Assert.Equal(13, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        foreach (var t in AdverseEventTerms.All)
        {
            Assert.True(AdverseEventTerms.TryParse(AdverseEventTerms.Code(t), out var back));
            Assert.Equal(t, back);
        }

        Assert.False(AdverseEventTerms.TryParse("inflammation", out _));
        Assert.False(AdverseEventTerms.TryParse("Dysphagia", out _));
        Assert.False(AdverseEventTerms.TryParse(null, out _));
    }

    [Fact]
    public void TheDistantSpreadTermsAreExactlyTheBoxedWarningFive()
    {
        Assert.Equal(
            [AdverseEventTerm.Dysphagia, AdverseEventTerm.Dysphonia, AdverseEventTerm.BreathingDifficulty, AdverseEventTerm.Diplopia, AdverseEventTerm.GeneralisedWeakness],
            AdverseEventTerms.All.Where(AdverseEventTerms.IsDistantSpread));
        Assert.Equal("S2", AdverseEventTerms.BoxedWarning.Source);
        Assert.Equal(VerificationLevel.Verified, AdverseEventTerms.BoxedWarning.Verification);
    }

    [Fact]
    public void FactoriesKeepWhatTheyAreGiven()
    {
        var e = AdverseEvent.Resolved(AdverseEventTerm.NeckPain, Onset, 3, AdverseEventSeverity.Moderate, serious: false, muscle: MuscleId.From("trapezius"));
        Assert.Equal(3, e.DurationDays);
        Assert.False(e.IsOngoing);
        Assert.Equal("Neck pain", e.Description);
        Assert.Equal("Neck pain, onset 2026-03-05, 3 days, moderate, in trapezius", e.ToString());
        var o = AdverseEvent.Ongoing(AdverseEventTerm.Dysphagia, Onset, AdverseEventSeverity.Severe, serious: true);
        Assert.True(o.IsOngoing);
        Assert.Null(o.DurationDays);
        Assert.Equal("Dysphagia, onset 2026-03-05, ongoing, severe, serious", o.ToString());
        var x = AdverseEvent.Other("rash", Onset, 1, AdverseEventSeverity.Mild);
        Assert.Equal(AdverseEventTerm.Other, x.Term);
        Assert.Equal("rash", x.Description);
        Assert.Equal(x, AdverseEvent.Other("rash", Onset, 1, AdverseEventSeverity.Mild));
        Assert.NotEqual(x, AdverseEvent.Other("rash", Onset, 2, AdverseEventSeverity.Mild));
    }

    [Fact]
    public void InvalidArgumentsThrowNamingTheValue()
    {
        Assert.Throws<ArgumentException>("term", () => AdverseEvent.Ongoing(AdverseEventTerm.Other, Onset, AdverseEventSeverity.Mild));
        Assert.Throws<ArgumentOutOfRangeException>("term", () => AdverseEvent.Ongoing((AdverseEventTerm)99, Onset, AdverseEventSeverity.Mild));
        Assert.Throws<ArgumentOutOfRangeException>("severity", () => AdverseEvent.Ongoing(AdverseEventTerm.Headache, Onset, (AdverseEventSeverity)7));
        Assert.Throws<ArgumentOutOfRangeException>("durationDays", () => AdverseEvent.Resolved(AdverseEventTerm.Headache, Onset, -1, AdverseEventSeverity.Mild));
        Assert.Throws<ArgumentOutOfRangeException>("durationDays", () => AdverseEvent.Other("x", Onset, AdverseEvent.MaxDurationDays + 1, AdverseEventSeverity.Mild));
        Assert.Throws<ArgumentException>("text", () => AdverseEvent.Other("  ", Onset, null, AdverseEventSeverity.Mild));
        Assert.Throws<ArgumentNullException>("text", () => AdverseEvent.Other(null!, Onset, null, AdverseEventSeverity.Mild));
        Assert.Throws<ArgumentException>("text", () => AdverseEvent.Other(new string('a', 201), Onset, null, AdverseEventSeverity.Mild));
        Assert.Throws<ArgumentException>("site", () => AdverseEvent.Ongoing(AdverseEventTerm.Headache, Onset, AdverseEventSeverity.Mild, site: default(SiteId)));
        Assert.Throws<ArgumentException>("muscle", () => AdverseEvent.Ongoing(AdverseEventTerm.Headache, Onset, AdverseEventSeverity.Mild, muscle: default(MuscleId)));
    }

    [Fact]
    public void SessionsAndAdministrationsCarryEventsAndCompareByThem()
    {
        var e = AdverseEvent.Ongoing(AdverseEventTerm.EyelidPtosis, Onset, AdverseEventSeverity.Mild);
        var s = new TreatmentSession(new DateOnly(2026, 3, 2), []).WithProduct("BOTOX");
        var with = s.WithAdverseEvents([e]).WithDistantSpreadAcknowledged(true);
        Assert.Equal([e], with.AdverseEvents);
        Assert.True(with.DistantSpreadAcknowledged);
        Assert.NotEqual(s, with);
        Assert.Equal(with, with.WithProduct("BOTOX"));
        Assert.Equal([e], with.WithDate(new DateOnly(2026, 3, 3)).AdverseEvents);
        Assert.True(with.WithVialsOpened(1).DistantSpreadAcknowledged);
        Assert.Throws<ArgumentNullException>("events", () => s.WithAdverseEvents([null!]));
        Assert.Throws<ArgumentException>("events", () => s.WithAdverseEvents([AdverseEvent.Ongoing(AdverseEventTerm.Headache, new DateOnly(2026, 3, 1), AdverseEventSeverity.Mild)]));
        Assert.Throws<ArgumentException>("date", () => with.WithDate(new DateOnly(2026, 3, 6)));
        Assert.Equal(Onset, s.WithAdverseEvents([e]).WithDate(Onset).Date);   // the same day is fine
        Assert.Throws<ArgumentException>("events", () => new Administration(Onset.AddDays(1), MigraineProtocol.Dosing.ToxinUnits.FromUnits(155), "chronic-migraine").WithAdverseEvents([e]));
        var a = Administration.FromSession(with);
        Assert.Equal([e], a.AdverseEvents);
        Assert.True(a.IsChronicMigraine);
        Assert.NotEqual(a, new Administration(a.Date, a.Units, a.Indication));
        Assert.Empty(new Administration(a.Date, a.Units, a.Indication).AdverseEvents);
    }
}
