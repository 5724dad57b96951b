using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Diaries.Criteria;

public class UsLabelTests
{
    private static readonly EligibilityInput Adult = new(0, adult: true);

    [Fact]
    public void FifteenDaysOfFourHoursOrMoreIsMet()
    {
        var v = UsLabel.Indication(TestDiaries.Periodic(2, 15, 0, duration: TimeSpan.FromHours(4)), Adult, PeriodKind.TwentyEightDays);
        Assert.Equal(CriterionOutcome.Met, v.Outcome);
        Assert.True(Assert.Single(v.Sources).IsSecondary);
        Assert.Equal(VerificationLevel.VerifiedSecondary, v.Criteria[1].Source.Verification);
    }

    [Fact]
    public void FourteenHeadacheDaysIsEpisodicAndNotIndicated() =>
        Assert.Equal(CriterionOutcome.NotMet, UsLabel.Indication(TestDiaries.Periodic(2, 14, 0, duration: TimeSpan.FromHours(8)), Adult, PeriodKind.TwentyEightDays).Outcome);

    [Fact]
    public void ShorterHeadachesDoNotCount()
    {
        var v = UsLabel.Indication(TestDiaries.Periodic(2, 20, 0, duration: TimeSpan.FromMinutes(239)), Adult, PeriodKind.TwentyEightDays);
        Assert.Equal(CriterionOutcome.Met, v.Criteria[0].Outcome);
        Assert.Equal(CriterionOutcome.NotMet, v.Criteria[1].Outcome);
        Assert.Equal(CriterionOutcome.NotMet, v.Outcome);
    }

    [Fact]
    public void WithoutDurationsTheFourHourCriterionIsNotAssessed()
    {
        var v = UsLabel.Indication(TestDiaries.Periodic(2, 20, 10), Adult, PeriodKind.TwentyEightDays);
        var c = v.Criteria.Single(x => x.Id.Value == "us-label-4-hours");
        Assert.Equal(CriterionOutcome.NotAssessed, c.Outcome);
        Assert.Contains("4-hour criterion cannot be checked", c.Note, StringComparison.Ordinal);
        Assert.Equal(CriterionOutcome.Indeterminate, v.Outcome);
    }

    [Fact]
    public void AdultMustBeStated() =>
        Assert.Equal(CriterionOutcome.Indeterminate, UsLabel.Indication(TestDiaries.Periodic(2, 20, 0, duration: TimeSpan.FromHours(5)), new EligibilityInput(0), PeriodKind.TwentyEightDays).Outcome);
}
