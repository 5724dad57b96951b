using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Rules;

/// <summary>The safety checks on the events of prior sessions: prior-distant-spread and prior-local-weakness.</summary>
public class AdverseEventRulesTests
{
    private static readonly DateOnly Last = new(2025, 12, 8);
    private static readonly TreatmentSession Next = SessionRulesTests.Full();

    private static TreatmentHistory After(params AdverseEvent[] events) =>
        new([new Administration(Last, ToxinUnits.FromUnits(155), Administration.ChronicMigraine).WithAdverseEvents(events)]);

    private static ValidationReport Validate(TreatmentSession s, TreatmentHistory h) => RuleSet.Default.Validate(KnownProtocols.Preempt, s, h);

    [Fact]
    public void ADysphagiaEventAfterTheLastSessionIsACodedErrorUntilAcknowledged()
    {
        var h = After(AdverseEvent.Resolved(AdverseEventTerm.Dysphagia, Last.AddDays(6), 4, AdverseEventSeverity.Moderate));
        var r = Validate(Next, h);
        Assert.False(r.IsValid);
        var v = Assert.Single(r.Violations);
        Assert.Equal(RuleId.PriorDistantSpread, v.Code);
        Assert.Equal(Severity.Error, v.Severity);
        Assert.Equal("S2", v.Source.Source);
        Assert.Equal(VerificationLevel.Verified, v.Source.Verification);
        Assert.Contains("Dysphagia, onset 2025-12-14, 4 days, moderate", v.Message, StringComparison.Ordinal);
        Assert.Contains("2025-12-08", v.Message, StringComparison.Ordinal);
        Assert.Contains("distantSpreadAcknowledged", v.Message, StringComparison.Ordinal);

        var acknowledged = Validate(Next.WithDistantSpreadAcknowledged(true), h);
        Assert.True(acknowledged.IsValid);
        var w = Assert.Single(acknowledged.Violations);
        Assert.Equal(RuleId.PriorDistantSpread, w.Code);
        Assert.Equal(Severity.Warning, w.Severity);
        Assert.StartsWith("Acknowledged by the clinician for this session", w.Message, StringComparison.Ordinal);

        // The acknowledgement is in the report JSON and survives reading it back.
        var json = ReportJson.Write(acknowledged);
        Assert.Contains("prior-distant-spread", json, StringComparison.Ordinal);
        Assert.Contains("Acknowledged by the clinician", json, StringComparison.Ordinal);
        Assert.Equal(acknowledged, ReportJson.Read(json, "r.json"));
    }

    [Theory]
    [InlineData(AdverseEventTerm.Dysphagia, true)]
    [InlineData(AdverseEventTerm.BreathingDifficulty, true)]
    [InlineData(AdverseEventTerm.Dysphonia, true)]
    [InlineData(AdverseEventTerm.Diplopia, true)]
    [InlineData(AdverseEventTerm.GeneralisedWeakness, true)]
    [InlineData(AdverseEventTerm.NeckPain, false)]
    [InlineData(AdverseEventTerm.Headache, false)]
    [InlineData(AdverseEventTerm.InjectionSitePain, false)]
    [InlineData(AdverseEventTerm.FacialParesis, false)]
    public void OnlyTheBoxedWarningTermsAreErrors(AdverseEventTerm term, bool error)
    {
        var r = Validate(Next, After(AdverseEvent.Ongoing(term, Last.AddDays(3), AdverseEventSeverity.Mild)));
        Assert.Equal(error, r.ViolationsOf(RuleId.PriorDistantSpread).Any());
        Assert.Equal(!error, r.IsValid);
    }

    [Fact]
    public void EveryPriorDistantSpreadEventCountsNotOnlyTheLastSessionAndOtherIndicationsToo()
    {
        var h = new TreatmentHistory([
            new Administration(new DateOnly(2025, 3, 1), ToxinUnits.FromUnits(155), Administration.ChronicMigraine)
                .WithAdverseEvents([AdverseEvent.Resolved(AdverseEventTerm.Diplopia, new DateOnly(2025, 3, 9), 10, AdverseEventSeverity.Mild)]),
            new Administration(new DateOnly(2025, 10, 1), ToxinUnits.FromUnits(100), "cervical-dystonia")
                .WithAdverseEvents([AdverseEvent.Ongoing(AdverseEventTerm.BreathingDifficulty, new DateOnly(2025, 10, 4), AdverseEventSeverity.Severe, serious: true)]),
            new Administration(Last, ToxinUnits.FromUnits(155), Administration.ChronicMigraine),
        ]);
        var r = Validate(Next, h);
        Assert.Equal(2, r.ViolationsOf(RuleId.PriorDistantSpread).Count(v => v.IsError));
        Assert.Contains(r.Violations, v => v.Message.Contains("cervical-dystonia administration on 2025-10-01", StringComparison.Ordinal));
    }

    [Fact]
    public void EyelidPtosisAfterTheLastSessionWarnsNamingTheFrontalRegionAndNoDose()
    {
        var r = Validate(Next, After(AdverseEvent.Resolved(AdverseEventTerm.EyelidPtosis, Last.AddDays(7), 28, AdverseEventSeverity.Mild)));
        Assert.True(r.IsValid);
        var v = Assert.Single(r.Violations);
        Assert.Equal(RuleId.PriorLocalWeakness, v.Code);
        Assert.Equal(Severity.Warning, v.Severity);
        Assert.Contains("frontal region (frontalis, corrugator, procerus)", v.Message, StringComparison.Ordinal);
        Assert.Equal("S5", v.Source.Source);
        Assert.True(v.Source.IsSecondary);
        Assert.DoesNotMatch(@"\d+(\.\d+)? ?U\b", v.Message);
    }

    [Theory]
    [InlineData("trapezius", null)]
    [InlineData("cervical-paraspinal", null)]
    [InlineData(null, "trapezius-left-2")]
    [InlineData(null, "cervical-paraspinal-right-1")]
    [InlineData(null, "trapezius-right-ftp")]
    public void NeckWeaknessWarnsNamingTheNeck(string? muscle, string? site)
    {
        var e = AdverseEvent.Ongoing(AdverseEventTerm.MuscularWeakness, Last.AddDays(5), AdverseEventSeverity.Moderate,
            site: site is null ? null : SiteId.From(site), muscle: muscle is null ? null : MuscleId.From(muscle));
        var v = Assert.Single(Validate(Next, After(e)).Violations);
        Assert.Equal(RuleId.PriorLocalWeakness, v.Code);
        Assert.StartsWith("Neck weakness", v.Message, StringComparison.Ordinal);
        Assert.Contains("the neck (cervical paraspinal, trapezius)", v.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+(\.\d+)? ?U\b", v.Message);
        Assert.Null(v.Site); // a site of the previous session, not of this one: the map's overlay must not mark it
    }

    [Fact]
    public void WeaknessElsewhereIsSilentAndWeaknessWithoutALocationCannotTell()
    {
        var frontal = AdverseEvent.Ongoing(AdverseEventTerm.MuscularWeakness, Last.AddDays(5), AdverseEventSeverity.Mild, muscle: MuscleId.From("frontalis"));
        Assert.Empty(Validate(Next, After(frontal)).Violations);
        var nowhere = AdverseEvent.Ongoing(AdverseEventTerm.MuscularWeakness, Last.AddDays(5), AdverseEventSeverity.Mild);
        var v = Assert.Single(Validate(Next, After(nowhere)).Violations);
        Assert.Contains("location not recorded: cannot tell whether the neck", v.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PtosisAfterAnEarlierSessionThanTheLastIsNotReported()
    {
        var h = new TreatmentHistory([
            new Administration(new DateOnly(2025, 9, 1), ToxinUnits.FromUnits(155), Administration.ChronicMigraine)
                .WithAdverseEvents([AdverseEvent.Resolved(AdverseEventTerm.EyelidPtosis, new DateOnly(2025, 9, 9), 20, AdverseEventSeverity.Mild)]),
            new Administration(Last, ToxinUnits.FromUnits(155), Administration.ChronicMigraine),
        ]);
        Assert.Empty(Validate(Next, h).Violations);
    }

    [Fact]
    public void RulesAreListedWithTheirDefaultSeverities()
    {
        Assert.Contains(RuleSet.Default.Rules, r => r.Id == RuleId.PriorDistantSpread && r.DefaultSeverity == Severity.Error);
        Assert.Contains(RuleSet.Default.Rules, r => r.Id == RuleId.PriorLocalWeakness && r.DefaultSeverity == Severity.Warning);
    }
}
