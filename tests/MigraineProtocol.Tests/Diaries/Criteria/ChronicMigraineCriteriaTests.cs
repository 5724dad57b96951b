using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Diaries.Criteria;

public class ChronicMigraineCriteriaTests
{
    [Theory]
    [InlineData(15, 8, CriterionOutcome.Met)]
    [InlineData(14, 8, CriterionOutcome.NotMet)]
    [InlineData(15, 7, CriterionOutcome.NotMet)]
    [InlineData(28, 28, CriterionOutcome.Met)]
    public void ThresholdsAreFifteenHeadacheAndEightMigraineDays(int headache, int migraine, CriterionOutcome expected)
    {
        var v = ChronicMigraineCriteria.Evaluate(TestDiaries.Periodic(4, headache, migraine));
        Assert.Equal(expected, v.Outcome);
        Assert.Equal(PeriodKind.TwentyEightDays, v.PeriodKind);
        Assert.Equal(["ichd3-1.3-headache-days", "ichd3-1.3-migraine-days"], v.Criteria.Select(c => c.Id.Value));
        Assert.Equal(new Citation("S8", "ICHD-3 1.3 chronic migraine, criteria A and C (clinical-facts.md §3)", VerificationLevel.Verified), Assert.Single(v.Sources));
    }

    [Fact]
    public void MoreThanThreeMonthsNeedsFourWholePeriods()
    {
        var v = ChronicMigraineCriteria.Evaluate(TestDiaries.Periodic(3, 20, 10));
        Assert.Equal(CriterionOutcome.Indeterminate, v.Outcome);
        Assert.Contains("4 whole periods needed, the diary has 3", v.Criteria[0].Note, StringComparison.Ordinal);
        Assert.Equal(CriterionOutcome.Met, ChronicMigraineCriteria.Evaluate(TestDiaries.Periodic(3, 20, 10), periods: 3).Outcome);
    }

    [Fact]
    public void AShortDiaryThatAlreadyFailsIsNotMet() =>
        Assert.Equal(CriterionOutcome.NotMet, ChronicMigraineCriteria.Evaluate(TestDiaries.Periodic(2, 10, 2)).Outcome);

    [Fact]
    public void UsesTheLatestPeriods()
    {
        // Period 1 is episodic; periods 2 to 5 are chronic.
        var diary = TestDiaries.Make(5 * 28, (i, d) => new DiaryDay(d, i % 28 < (i < 28 ? 5 : 18), i % 28 < (i < 28 ? 0 : 9)));
        var v = ChronicMigraineCriteria.Evaluate(diary);
        Assert.Equal(CriterionOutcome.Met, v.Outcome);
        Assert.Equal(TestDiaries.Start.AddDays(28), v.Criteria[0].Figures[0].Start);
    }

    [Fact]
    public void UnrecordedDaysThatCouldDecideMakeItIndeterminate()
    {
        // 14 headache days and 2 unrecorded days in each period: 14..16, straddling 15.
        var diary = TestDiaries.Make(4 * 28, (i, d) => (i % 28) is 26 or 25 && i != 4 * 28 - 1 ? null : new DiaryDay(d, i % 28 < 14, i % 28 < 10));
        var v = ChronicMigraineCriteria.Evaluate(diary);
        Assert.Equal(CriterionOutcome.Indeterminate, v.Criteria[0].Outcome);
        Assert.Equal(CriterionOutcome.Indeterminate, v.Outcome);
        var f = v.Criteria[0].Figures[0];
        Assert.Equal((14m, 26, 28), (f.Value, f.DaysRecorded!.Value, f.PeriodDays!.Value));
        Assert.Contains("unrecorded days could change the outcome", v.Criteria[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void CalendarMonthsAreASeparatePeriodKind()
    {
        var diary = TestDiaries.Make(151, (i, d) => new DiaryDay(d, d.Day <= 16, d.Day <= 9), new DateOnly(2026, 1, 1));
        var v = ChronicMigraineCriteria.Evaluate(diary, PeriodKind.CalendarMonth);
        Assert.Equal(CriterionOutcome.Met, v.Outcome);
        Assert.Equal(PeriodKind.CalendarMonth, v.PeriodKind);
        Assert.Equal(new DateOnly(2026, 2, 1), v.Criteria[0].Figures[0].Start);
        Assert.Equal(new DateOnly(2026, 5, 31), v.Criteria[0].Figures[^1].End);
    }

    [Fact]
    public void EveryFigureSaysWhatItRestsOn()
    {
        var v = ChronicMigraineCriteria.Evaluate(TestDiaries.Periodic(4, 16, 9));
        Assert.All(v.Criteria.SelectMany(c => c.Figures), f => Assert.Equal((28, 28), (f.DaysRecorded!.Value, f.PeriodDays!.Value)));
        Assert.Equal("headache days 2026-01-05..2026-02-01 = 16 (>= 15; 28 of 28 days recorded)", v.Criteria[0].Figures[0].ToString());
    }
}
