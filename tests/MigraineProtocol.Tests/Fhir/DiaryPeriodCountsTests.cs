using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Diaries;
using MigraineProtocol.Fhir.Diaries;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Fhir;

public class DiaryPeriodCountsTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    [Fact]
    public void HoldsTheCountsAndTheLength()
    {
        var p = new DiaryPeriodCounts(Start, Start.AddDays(27), 27, 18, 11);
        Assert.Equal((28, 27, 18, 11), (p.LengthDays, p.DaysRecorded, p.HeadacheDays, p.MigraineDays));
        Assert.Equal("2026-01-05..2026-02-01: 18 headache, 11 migraine days (27 of 28 recorded)", p.ToString());
        Assert.Equal(new DiaryPeriodCounts(Start, Start.AddDays(27), 27, 18, 11), p);
    }

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(27, 29, 0, 0)]
    [InlineData(27, 10, 11, 0)]
    [InlineData(27, 10, 5, 6)]
    [InlineData(27, 10, -1, 0)]
    public void RejectsCountsOutOfRange(int lengthMinusOne, int recorded, int headache, int migraine)
    {
        if (lengthMinusOne < 0)
        {
            Assert.Throws<ArgumentException>(() => new DiaryPeriodCounts(Start, Start.AddDays(lengthMinusOne), recorded, headache, migraine));
        }
        else
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new DiaryPeriodCounts(Start, Start.AddDays(lengthMinusOne), recorded, headache, migraine));
        }
    }

    [Fact]
    public void PerTwentyEightDaysScalesByRecordedDaysAndIsNullWithoutRecords()
    {
        Assert.Equal(18.7m, new DiaryPeriodCounts(Start, Start.AddDays(27), 27, 18, 11).PerTwentyEightDays(18));
        Assert.Equal(15m, new DiaryPeriodCounts(Start, Start.AddDays(27), 28, 15, 8).PerTwentyEightDays(15));
        Assert.Null(new DiaryPeriodCounts(Start, Start.AddDays(27), 0, 0, 0).PerTwentyEightDays(0));
    }

    [Property(Arbitrary = [typeof(DiaryArbitraries)])]
    public void FromDiaryKeepsEveryPeriodsDatesAndCountsInOrder(HeadacheDiary diary, bool calendar)
    {
        var kind = calendar ? PeriodKind.CalendarMonth : PeriodKind.TwentyEightDays;
        var summaries = diary.Periods(kind);
        var counts = DiaryPeriodCounts.FromDiary(diary, kind);
        Assert.Equal(
            summaries.Select(p => (p.Start, p.End, p.LengthDays, p.DaysRecorded, p.HeadacheDays, p.MigraineDays)),
            counts.Select(p => (p.Start, p.End, p.LengthDays, p.DaysRecorded, p.HeadacheDays, p.MigraineDays)));
        Assert.Equal(summaries.Select(DiaryPeriodCounts.From), counts);
        Assert.Equal(summaries.Select(p => p.ToString()), counts.Select(p => p.ToString()));
    }

    [Fact]
    public void FromTakesTheCountsOfASummaryAndRejectsNull()
    {
        var summary = new PeriodSummary(Start, Start.AddDays(27), 27, 18, 11, [3, 0, 0, 2, 0], 5, isWithinDiary: true);
        Assert.Equal(new DiaryPeriodCounts(Start, Start.AddDays(27), 27, 18, 11), DiaryPeriodCounts.From(summary));
        Assert.Throws<ArgumentNullException>(() => DiaryPeriodCounts.From(null!));
        Assert.Throws<ArgumentNullException>(() => DiaryPeriodCounts.FromDiary(null!, PeriodKind.TwentyEightDays));
    }

    [Property]
    public Property PerTwentyEightDaysOfACompleteTwentyEightDayPeriodIsTheCount() =>
        Prop.ForAll(Gen.Choose(0, 28).ToArbitrary(), n => new DiaryPeriodCounts(Start, Start.AddDays(27), 28, n, 0).PerTwentyEightDays(n) == n);
}
