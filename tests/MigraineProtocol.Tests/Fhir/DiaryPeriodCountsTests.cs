using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Fhir.Diaries;

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

    [Property]
    public Property PerTwentyEightDaysOfACompleteTwentyEightDayPeriodIsTheCount() =>
        Prop.ForAll(Gen.Choose(0, 28).ToArbitrary(), n => new DiaryPeriodCounts(Start, Start.AddDays(27), 28, n, 0).PerTwentyEightDays(n) == n);
}
