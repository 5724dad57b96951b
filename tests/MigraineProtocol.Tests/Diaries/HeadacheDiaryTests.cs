using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Diaries;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Diaries;

[Properties(Arbitrary = [typeof(DiaryArbitraries)])]
public class HeadacheDiaryTests
{
    [Fact]
    public void DatesMustBeStrictlyIncreasing()
    {
        var d = new DateOnly(2026, 1, 1);
        var e = Assert.Throws<ArgumentException>(() => new HeadacheDiary([DiaryDay.HeadacheFree(d.AddDays(1)), DiaryDay.HeadacheFree(d)]));
        Assert.Contains("2026-01-01 (day 2) follows 2026-01-02", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new HeadacheDiary([DiaryDay.HeadacheFree(d), DiaryDay.HeadacheFree(d)]));
        Assert.Throws<ArgumentException>(() => new HeadacheDiary([]));
    }

    [Fact]
    public void UnrecordedDaysAreExplicit()
    {
        var d = new DateOnly(2026, 1, 1);
        var diary = new HeadacheDiary([DiaryDay.HeadacheFree(d), new DiaryDay(d.AddDays(3), true, false)]);
        Assert.Equal(4, diary.SpanDays);
        Assert.Equal(2, diary.DaysRecorded);
        Assert.Equal(2, diary.DaysUnrecorded);
        Assert.Equal([d.AddDays(1), d.AddDays(2)], diary.UnrecordedDates);
        Assert.False(diary.TryGetDay(d.AddDays(1), out _));
        Assert.True(diary.TryGetDay(d.AddDays(3), out var day) && day.Headache);
        Assert.False(diary.TryGetDay(d.AddDays(-1), out _));
    }

    [Fact]
    public void TwentyEightDayPeriodsStartAtTheFirstDate()
    {
        var diary = TestDiaries.Periodic(2, headache: 16, migraine: 9);
        var periods = diary.Periods(PeriodKind.TwentyEightDays);
        Assert.Equal(2, periods.Length);
        Assert.Equal((TestDiaries.Start, TestDiaries.Start.AddDays(27)), (periods[0].Start, periods[0].End));
        Assert.All(periods, p => Assert.True(p.IsComplete && p.IsWithinDiary && p.HeadacheDays == 16 && p.MigraineDays == 9));
    }

    [Fact]
    public void CalendarMonthsCoverTheSpanAndFlagPartialMonths()
    {
        // 2026-01-05 .. 2026-03-31: January partly before the diary, February and March whole.
        var diary = TestDiaries.Make(86, (_, date) => DiaryDay.HeadacheFree(date));
        var months = diary.Periods(PeriodKind.CalendarMonth);
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)], months.Select(m => m.Start));
        Assert.Equal([31, 28, 31], months.Select(m => m.LengthDays));
        Assert.Equal([false, true, true], months.Select(m => m.IsWithinDiary));
        Assert.Equal(27, months[0].DaysRecorded);
        Assert.Equal(4, months[0].DaysUnrecorded);
    }

    [Property]
    public bool SummarizeAgreesWithANaiveCount(HeadacheDiary diary, byte a, byte b)
    {
        var start = diary.Start.AddDays(Math.Min(a, b) - 20);
        var end = diary.Start.AddDays(Math.Max(a, b) - 20);
        var s = diary.Summarize(start, end);
        var inRange = diary.Days.Where(d => d.Date >= start && d.Date <= end).ToList();
        return s.DaysRecorded == inRange.Count
            && s.HeadacheDays == inRange.Count(d => d.Headache)
            && s.MigraineDays == inRange.Count(d => d.Migraine)
            && s.AnyAcuteMedicationDays == inRange.Count(d => !d.AcuteMedication.IsEmpty)
            && AcuteMedicationClasses.All.All(c => s.AcuteMedicationDays(c) == inRange.Count(d => d.AcuteMedication.Contains(c)))
            && s.IsWithinDiary == (start >= diary.Start && end <= diary.End);
    }

    [Property]
    public bool PeriodsPartitionTheDiary(HeadacheDiary diary)
    {
        foreach (var kind in new[] { PeriodKind.TwentyEightDays, PeriodKind.CalendarMonth })
        {
            var periods = diary.Periods(kind);
            var contiguous = periods.Zip(periods.Skip(1)).All(x => x.First.End.AddDays(1) == x.Second.Start);
            var covers = periods[0].Start <= diary.Start && periods[^1].End >= diary.End;
            if (!contiguous || !covers || periods.Sum(p => p.DaysRecorded) != diary.DaysRecorded || periods.Sum(p => p.HeadacheDays) != diary.Days.Count(d => d.Headache))
            {
                return false;
            }
        }

        return diary.Periods(PeriodKind.TwentyEightDays).All(p => p.LengthDays == 28);
    }

    [Property]
    public bool UnrecordedDatesAreTheGaps(HeadacheDiary diary)
    {
        var recorded = diary.Days.Select(d => d.Date).ToHashSet();
        var gaps = Enumerable.Range(0, diary.SpanDays).Select(diary.Start.AddDays).Where(d => !recorded.Contains(d));
        return gaps.SequenceEqual(diary.UnrecordedDates) && diary.DaysUnrecorded == gaps.Count();
    }

    [Property]
    public bool EqualityIsByDays(HeadacheDiary diary) => diary.Equals(new HeadacheDiary(diary.Days)) && diary.GetHashCode() == new HeadacheDiary(diary.Days).GetHashCode();
}
