using System.Collections.Immutable;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries;

/// <summary>
/// A patient's headache diary: the recorded days, in strictly increasing date order, over the span
/// from the first to the last recorded date. Every date of the span that has no
/// <see cref="DiaryDay"/> is an explicit unrecorded day, never a headache-free one.
/// </summary>
/// <remarks>
/// <para>Counts over a period (<see cref="Summarize"/>, <see cref="Periods"/>) always say how many
/// days they rest on (<see cref="PeriodSummary.DaysRecorded"/>). ICHD-3 notes that a diary of at
/// least one month is needed to diagnose chronic migraine (clinical-facts.md §3, S8, VERIFIED).</para>
/// <para>Equality is by value (the recorded days).</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class HeadacheDiary : IEquatable<HeadacheDiary>
{
    private readonly int[] dayIndex;

    /// <summary>Initializes a diary from its recorded days.</summary>
    /// <param name="days">The recorded days, in strictly increasing date order; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There are no days, or a date is not after the previous one (the message names both dates).</exception>
    public HeadacheDiary(IEnumerable<DiaryDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        Days = [.. days];
        Preconditions.CheckArgument(Days.Length > 0, nameof(days), "A headache diary needs at least one recorded day.");
        for (var i = 1; i < Days.Length; i++)
        {
            if (Days[i].Date <= Days[i - 1].Date)
            {
                throw new ArgumentException(
                    $"Diary dates must be strictly increasing: {Days[i].Date:yyyy-MM-dd} (day {i + 1}) follows {Days[i - 1].Date:yyyy-MM-dd}.",
                    nameof(days));
            }
        }

        Start = Days[0].Date;
        End = Days[^1].Date;
        dayIndex = new int[SpanDays];
        Array.Fill(dayIndex, -1);
        for (var i = 0; i < Days.Length; i++)
        {
            dayIndex[Days[i].Date.DayNumber - Start.DayNumber] = i;
        }
    }

    /// <summary>Gets the first recorded date (the start of the first 28-day period).</summary>
    public DateOnly Start { get; }

    /// <summary>Gets the last recorded date (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>Gets the recorded days, in date order.</summary>
    public ImmutableArray<DiaryDay> Days { get; }

    /// <summary>Gets the number of days from <see cref="Start"/> to <see cref="End"/>, both included.</summary>
    public int SpanDays => End.DayNumber - Start.DayNumber + 1;

    /// <summary>Gets the number of recorded days.</summary>
    public int DaysRecorded => Days.Length;

    /// <summary>Gets the number of unrecorded days inside the span.</summary>
    public int DaysUnrecorded => SpanDays - Days.Length;

    /// <summary>Gets the dates inside the span that were not recorded, in order.</summary>
    public IEnumerable<DateOnly> UnrecordedDates
    {
        get
        {
            for (var i = 0; i < dayIndex.Length; i++)
            {
                if (dayIndex[i] < 0)
                {
                    yield return Start.AddDays(i);
                }
            }
        }
    }

    /// <summary>Returns the recorded day on a date, if any.</summary>
    /// <param name="date">The date.</param>
    /// <param name="day">The recorded day when this method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when the date was recorded; <see langword="false"/> when it is unrecorded or outside the span.</returns>
    public bool TryGetDay(DateOnly date, out DiaryDay day)
    {
        var offset = date.DayNumber - Start.DayNumber;
        if (offset >= 0 && offset < dayIndex.Length && dayIndex[offset] >= 0)
        {
            day = Days[dayIndex[offset]];
            return true;
        }

        day = default;
        return false;
    }

    /// <summary>Returns the recorded days from <paramref name="start"/> to <paramref name="end"/> (inclusive), in order.</summary>
    /// <param name="start">The first date.</param>
    /// <param name="end">The last date (inclusive).</param>
    /// <returns>The recorded days in the range (none outside the span).</returns>
    public IEnumerable<DiaryDay> DaysBetween(DateOnly start, DateOnly end)
    {
        var (from, to) = IndexRange(start, end);
        for (var i = from; i < to; i++)
        {
            yield return Days[i];
        }
    }

    /// <summary>Counts headache, migraine and acute-medication days from <paramref name="start"/> to <paramref name="end"/> (inclusive).</summary>
    /// <param name="start">The first date.</param>
    /// <param name="end">The last date (inclusive); not before <paramref name="start"/>.</param>
    /// <returns>The summary; days outside the diary span count as unrecorded.</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public PeriodSummary Summarize(DateOnly start, DateOnly end)
    {
        Preconditions.CheckArgument(end >= start, nameof(end), $"A period ends on or after its start: {end:yyyy-MM-dd} is before {start:yyyy-MM-dd}.");
        var (from, to) = IndexRange(start, end);
        int headache = 0, migraine = 0, anyMedication = 0;
        Span<int> perClass = stackalloc int[AcuteMedicationClasses.Count];
        for (var i = from; i < to; i++)
        {
            var d = Days[i];
            headache += d.Headache ? 1 : 0;
            migraine += d.Migraine ? 1 : 0;
            anyMedication += d.AcuteMedication.IsEmpty ? 0 : 1;
            var mask = d.AcuteMedication.Mask;
            for (var c = 0; c < perClass.Length; c++)
            {
                perClass[c] += (mask >> c) & 1;
            }
        }

        return new PeriodSummary(start, end, to - from, headache, migraine, [.. perClass], anyMedication, start >= Start && end <= End);
    }

    /// <summary>Cuts the diary into periods and summarizes each.</summary>
    /// <param name="kind">
    /// <see cref="PeriodKind.TwentyEightDays"/>: consecutive 28-day periods from <see cref="Start"/>, the last
    /// one possibly reaching past <see cref="End"/>. <see cref="PeriodKind.CalendarMonth"/>: every calendar
    /// month that the span touches, the first and last possibly partly outside it.
    /// </param>
    /// <returns>The periods in date order; <see cref="PeriodSummary.IsWithinDiary"/> says which lie wholly inside the span.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public ImmutableArray<PeriodSummary> Periods(PeriodKind kind)
    {
        var builder = ImmutableArray.CreateBuilder<PeriodSummary>();
        switch (kind)
        {
            case PeriodKind.TwentyEightDays:
                for (var s = Start; s <= End; s = s.AddDays(28))
                {
                    builder.Add(Summarize(s, s.AddDays(27)));
                }

                break;
            case PeriodKind.CalendarMonth:
                for (var s = new DateOnly(Start.Year, Start.Month, 1); s <= End; s = s.AddMonths(1))
                {
                    builder.Add(Summarize(s, s.AddMonths(1).AddDays(-1)));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "A period kind is 28-day or calendar-month.");
        }

        return builder.ToImmutable();
    }

    /// <inheritdoc />
    public bool Equals(HeadacheDiary? other) => other is not null && Days.SequenceEqual(other.Days);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as HeadacheDiary);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, End, Days.Length);

    /// <summary>Returns <c>start..end: n of m days recorded</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}: {DaysRecorded} of {SpanDays} days recorded";

    private (int From, int To) IndexRange(DateOnly start, DateOnly end)
    {
        var from = LowerBound(start);
        var to = end == DateOnly.MaxValue ? Days.Length : LowerBound(end.AddDays(1));
        return (from, Math.Max(from, to));
    }

    private int LowerBound(DateOnly date)
    {
        int lo = 0, hi = Days.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Days[mid].Date < date)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
