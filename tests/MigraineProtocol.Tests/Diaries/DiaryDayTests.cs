using MigraineProtocol.Diaries;

namespace MigraineProtocol.Tests.Diaries;

public class DiaryDayTests
{
    private static readonly DateOnly Day = new(2026, 2, 3);

    [Fact]
    public void MigraineRequiresHeadache()
    {
        var e = Assert.Throws<ArgumentException>(() => new DiaryDay(Day, headache: false, migraine: true));
        Assert.Contains("2026-02-03", e.Message, StringComparison.Ordinal);
        Assert.Contains("migraine requires headache", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DurationAndSeverityOnlyOnHeadacheDays()
    {
        Assert.Throws<ArgumentException>(() => new DiaryDay(Day, false, false, default, TimeSpan.FromHours(2)));
        Assert.Throws<ArgumentException>(() => new DiaryDay(Day, false, false, default, null, HeadacheSeverity.Mild));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(24 * 60 + 1)]
    public void DurationIsAboveZeroAndAtMostADay(int minutes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiaryDay(Day, true, false, default, TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void EqualityIsByValue()
    {
        var meds = AcuteMedicationSet.Of(AcuteMedicationClass.Triptan);
        Assert.Equal(new DiaryDay(Day, true, true, meds, TimeSpan.FromHours(5)), new DiaryDay(Day, true, true, meds, TimeSpan.FromHours(5)));
        Assert.NotEqual(new DiaryDay(Day, true, true, meds), new DiaryDay(Day, true, false, meds));
        Assert.Equal("2026-02-03: migraine, triptan", new DiaryDay(Day, true, true, meds).ToString());
        Assert.Equal("2026-02-03: no headache", DiaryDay.HeadacheFree(Day).ToString());
    }
}
