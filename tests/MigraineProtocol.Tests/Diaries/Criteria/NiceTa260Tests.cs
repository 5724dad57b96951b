using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;

namespace MigraineProtocol.Tests.Diaries.Criteria;

public class NiceTa260Tests
{
    private static readonly EligibilityInput Full = new(3, medicationOveruseManaged: true, adult: true);

    [Fact]
    public void StartIsMetWhenEveryCriterionIs()
    {
        var v = NiceTa260.Start(TestDiaries.Periodic(2, 15, 8), Full, PeriodKind.TwentyEightDays);
        Assert.Equal(CriterionOutcome.Met, v.Outcome);
        Assert.Equal(["nice-ta260-headache-days", "nice-ta260-migraine-days", "nice-ta260-preventives", "nice-ta260-overuse-managed", "nice-ta260-adult"], v.Criteria.Select(c => c.Id.Value));
        Assert.All(v.Criteria, c => Assert.Equal("S9", c.Source.Source));
    }

    [Theory]
    [InlineData(14, 8, 3, true, CriterionOutcome.NotMet)]
    [InlineData(15, 7, 3, true, CriterionOutcome.NotMet)]
    [InlineData(15, 8, 2, true, CriterionOutcome.NotMet)]
    [InlineData(15, 8, 3, false, CriterionOutcome.NotMet)]
    [InlineData(15, 8, 3, null, CriterionOutcome.Indeterminate)]
    public void StartNeedsEachCriterion(int headache, int migraine, int preventives, bool? managed, CriterionOutcome expected) =>
        Assert.Equal(expected, NiceTa260.Start(TestDiaries.Periodic(2, headache, migraine), new EligibilityInput(preventives, managed, true), PeriodKind.TwentyEightDays).Outcome);

    [Fact]
    public void MissingInputsAreNotAssessedNeverMet()
    {
        var v = NiceTa260.Start(TestDiaries.Periodic(2, 20, 10), new EligibilityInput(null), PeriodKind.TwentyEightDays);
        Assert.Equal(CriterionOutcome.Indeterminate, v.Outcome);
        Assert.Equal(3, v.Criteria.Count(c => c.Outcome == CriterionOutcome.NotAssessed));
        Assert.All(v.Criteria.Where(c => c.Outcome == CriterionOutcome.NotAssessed), c => Assert.StartsWith("Not assessed", c.Note, StringComparison.Ordinal));
    }

    [Fact]
    public void StartUsesCalendarMonthsByDefault()
    {
        var diary = TestDiaries.Make(70, (i, d) => new DiaryDay(d, d.Day <= 15, d.Day <= 8), new DateOnly(2026, 1, 10));
        var v = NiceTa260.Start(diary, Full);
        Assert.Equal(PeriodKind.CalendarMonth, v.PeriodKind);
        Assert.Equal(CriterionOutcome.Met, v.Outcome);
        Assert.Equal(new DateOnly(2026, 2, 1), v.Criteria[0].Figures[0].Start);
    }

    [Theory]
    [InlineData(20, 14, StoppingDecision.Continue)]            // 30% reduction: continue
    [InlineData(20, 15, StoppingDecision.StopForNonResponse)]  // 25%: stop
    [InlineData(17, 12, StoppingDecision.StopForNonResponse)]  // 29.4%
    [InlineData(17, 11, StoppingDecision.Continue)]            // 35.3%
    public void NonResponseIsLessThanThirtyPercentAfterTwoCycles(int baseline, int afterCycle2, StoppingDecision expected)
    {
        // Baseline window, then two 84-day cycles; the last 28 days of cycle 2 have 'afterCycle2' headache days, the rest 'baseline'.
        var diary = TestDiaries.Windows([baseline, baseline, baseline, baseline, baseline, baseline, afterCycle2]);
        var course = new TreatmentCourse(diary, [TestDiaries.Start.AddDays(28), TestDiaries.Start.AddDays(28 + 84)]);
        var s = NiceTa260.Stopping(course, PeriodKind.TwentyEightDays);
        Assert.Equal(expected, s.Decision);
        Assert.Equal("nice-ta260-stop", s.Verdict.Id.Value);
        var reduction = s.Verdict.Criteria[0].Figures.Single(f => f.Name == "reduction from baseline").Value;
        Assert.Equal(decimal.Round((baseline - afterCycle2) / (decimal)baseline, 4), reduction);
    }

    [Fact]
    public void EpisodicForThreeConsecutiveMonthsStops()
    {
        // Baseline 20, then 30% better in cycle 2 (continue on response) and under 15 for the last 3 periods.
        var diary = TestDiaries.Windows(20, 14, 14, 14, 14, 14, 14);
        var course = new TreatmentCourse(diary, [TestDiaries.Start.AddDays(28), TestDiaries.Start.AddDays(28 + 84)]);
        var s = NiceTa260.Stopping(course, PeriodKind.TwentyEightDays);
        Assert.Equal(StoppingDecision.StopForEpisodic, s.Decision);
        Assert.Equal(3, s.Verdict.Criteria[1].Figures.Length);
    }

    [Fact]
    public void FifteenHeadacheDaysIsNotEpisodic()
    {
        var diary = TestDiaries.Windows(24, 15, 15, 15, 15, 15, 15);
        var course = new TreatmentCourse(diary, [TestDiaries.Start.AddDays(28), TestDiaries.Start.AddDays(28 + 84)]);
        Assert.Equal(StoppingDecision.Continue, NiceTa260.Stopping(course, PeriodKind.TwentyEightDays).Decision);
    }

    [Fact]
    public void OneCycleIsTooEarlyToJudgeResponse()
    {
        var diary = TestDiaries.Windows(20, 19, 19, 19);
        var course = new TreatmentCourse(diary, [TestDiaries.Start.AddDays(28)]);
        var s = NiceTa260.Stopping(course, PeriodKind.TwentyEightDays);
        Assert.Equal(CriterionOutcome.NotAssessed, s.Verdict.Criteria[0].Outcome);
        Assert.Equal(StoppingDecision.Indeterminate, s.Decision);
    }
}
