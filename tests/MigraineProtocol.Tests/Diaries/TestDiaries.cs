using MigraineProtocol.Diaries;

namespace MigraineProtocol.Tests.Diaries;

/// <summary>Hand-made diaries for example-based tests.</summary>
internal static class TestDiaries
{
    internal static readonly DateOnly Start = new(2026, 1, 5);

    /// <summary>A diary of <paramref name="days"/> days from <paramref name="start"/>; <paramref name="day"/> returns null for an unrecorded day.</summary>
    internal static HeadacheDiary Make(int days, Func<int, DateOnly, DiaryDay?> day, DateOnly? start = null)
    {
        var s = start ?? Start;
        var list = new List<DiaryDay>();
        for (var i = 0; i < days; i++)
        {
            if (day(i, s.AddDays(i)) is { } d)
            {
                list.Add(d);
            }
        }

        return new HeadacheDiary(list);
    }

    /// <summary>
    /// Every 28-day period (from the start) has <paramref name="headache"/> headache days, of which
    /// <paramref name="migraine"/> migraine days, and <paramref name="medicated"/> of the headache days
    /// with <paramref name="medication"/>; headache days first in each period.
    /// </summary>
    internal static HeadacheDiary Periodic(int periods, int headache, int migraine, int medicated = 0, AcuteMedicationSet medication = default, TimeSpan? duration = null, DateOnly? start = null) =>
        Make(periods * 28, (i, date) =>
        {
            var k = i % 28;
            var h = k < headache;
            return new DiaryDay(date, h, k < migraine, k < medicated ? medication : AcuteMedicationSet.None, h ? duration : null);
        }, start);

    /// <summary>A diary whose headache days per 28-day window follow <paramref name="perWindow"/>.</summary>
    internal static HeadacheDiary Windows(params int[] perWindow) =>
        Make(perWindow.Length * 28, (i, date) =>
        {
            var h = i % 28 < perWindow[i / 28];
            return new DiaryDay(date, h, false);
        });
}
