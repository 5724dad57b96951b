using System.Collections.Immutable;
using MigraineProtocol.Diaries;

namespace MigraineProtocol.Fhir.Diaries;

/// <summary>
/// The counts of one headache diary period that are exchanged as FHIR Observations: the period (start
/// and end, both inclusive), the days with a diary record, the headache days and the migraine days.
/// </summary>
/// <remarks>
/// <para>The invariants are those of a diary period: the end is on or after the start; days recorded are
/// between 0 and the period length; headache days are between 0 and the days recorded; migraine days
/// are between 0 and the headache days (a migraine day is a headache day). PREEMPT counted headache and
/// migraine days per 28-day period (clinical-facts.md §5.1, S4, VERIFIED); a 28-day period's counts are
/// therefore "per 28 days" as they stand.</para>
/// <para>Equality is by value.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class DiaryPeriodCounts : IEquatable<DiaryPeriodCounts>
{
    /// <summary>Initializes the counts of a period.</summary>
    /// <param name="start">The first day of the period.</param>
    /// <param name="end">The last day of the period (inclusive); on or after <paramref name="start"/>.</param>
    /// <param name="daysRecorded">The days with a diary record; 0 to the period length.</param>
    /// <param name="headacheDays">The headache days; 0 to <paramref name="daysRecorded"/>.</param>
    /// <param name="migraineDays">The migraine days; 0 to <paramref name="headacheDays"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of its range.</exception>
    public DiaryPeriodCounts(DateOnly start, DateOnly end, int daysRecorded, int headacheDays, int migraineDays)
    {
        if (end < start)
        {
            throw new ArgumentException($"A period ends on or after its start: {end:yyyy-MM-dd} is before {start:yyyy-MM-dd}.", nameof(end));
        }

        var length = end.DayNumber - start.DayNumber + 1;
        if (daysRecorded < 0 || daysRecorded > length)
        {
            throw new ArgumentOutOfRangeException(nameof(daysRecorded), daysRecorded, $"Recorded days are between 0 and the period length ({length}).");
        }

        if (headacheDays < 0 || headacheDays > daysRecorded)
        {
            throw new ArgumentOutOfRangeException(nameof(headacheDays), headacheDays, $"Headache days are between 0 and the recorded days ({daysRecorded}).");
        }

        if (migraineDays < 0 || migraineDays > headacheDays)
        {
            throw new ArgumentOutOfRangeException(nameof(migraineDays), migraineDays, $"Migraine days are between 0 and the headache days ({headacheDays}); a migraine day is a headache day.");
        }

        Start = start;
        End = end;
        DaysRecorded = daysRecorded;
        HeadacheDays = headacheDays;
        MigraineDays = migraineDays;
    }

    /// <summary>Returns the counts of a diary period summarized by the library (<see cref="HeadacheDiary.Summarize"/> or <see cref="HeadacheDiary.Periods"/>).</summary>
    /// <param name="summary">The period summary.</param>
    /// <returns>The counts: the same start, end, days recorded, headache days and migraine days. The acute
    /// medication days are not exchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is <see langword="null"/>.</exception>
    /// <remarks>A <see cref="PeriodSummary"/> holds the same invariants, so the conversion never fails.</remarks>
    public static DiaryPeriodCounts From(PeriodSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Start, summary.End, summary.DaysRecorded, summary.HeadacheDays, summary.MigraineDays);
    }

    /// <summary>Returns the counts of every period of a diary, cut as <see cref="HeadacheDiary.Periods"/> cuts it.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="kind">How to cut it: 28-day periods from the first date, or calendar months.</param>
    /// <returns>The counts, in date order. Periods that reach past the diary span are included; their days
    /// recorded (sent with every Observation) say how much of the period the counts rest on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diary"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public static ImmutableArray<DiaryPeriodCounts> FromDiary(HeadacheDiary diary, PeriodKind kind)
    {
        ArgumentNullException.ThrowIfNull(diary);
        return [.. diary.Periods(kind).Select(From)];
    }

    /// <summary>Gets the first day of the period.</summary>
    public DateOnly Start { get; }

    /// <summary>Gets the last day of the period (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>Gets the length of the period in days.</summary>
    public int LengthDays => End.DayNumber - Start.DayNumber + 1;

    /// <summary>Gets the days with a diary record.</summary>
    public int DaysRecorded { get; }

    /// <summary>Gets the headache days.</summary>
    public int HeadacheDays { get; }

    /// <summary>Gets the migraine days.</summary>
    public int MigraineDays { get; }

    /// <summary>Returns a day count scaled to 28 recorded days: <c>count x 28 / days recorded</c>, rounded to 0.1 day (half away from zero).</summary>
    /// <param name="count">The count, for example <see cref="HeadacheDays"/>.</param>
    /// <returns>The scaled count, or <see langword="null"/> when no day was recorded.</returns>
    public decimal? PerTwentyEightDays(int count) =>
        DaysRecorded == 0 ? null : decimal.Round(count * 28m / DaysRecorded, 1, MidpointRounding.AwayFromZero);

    /// <inheritdoc />
    public bool Equals(DiaryPeriodCounts? other) =>
        other is not null && Start == other.Start && End == other.End && DaysRecorded == other.DaysRecorded
        && HeadacheDays == other.HeadacheDays && MigraineDays == other.MigraineDays;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DiaryPeriodCounts);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, End, DaysRecorded, HeadacheDays, MigraineDays);

    /// <summary>Returns <c>start..end: n headache, m migraine days (r of l recorded)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}: {HeadacheDays} headache, {MigraineDays} migraine days ({DaysRecorded} of {LengthDays} recorded)";
}
