using System.Collections.Immutable;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries;

/// <summary>
/// The counts of one diary period: headache, migraine and acute-medication days, and how many days
/// the counts rest on.
/// </summary>
/// <remarks>
/// <para>Counts are of recorded days only. A period with unrecorded days is not
/// <see cref="IsComplete"/>; criteria then treat a count as a range from the count (no unrecorded day
/// qualifies) to the count plus <see cref="DaysUnrecorded"/> (every unrecorded day qualifies).</para>
/// <para>Equality is by value.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class PeriodSummary : IEquatable<PeriodSummary>
{
    /// <summary>Initializes a period summary.</summary>
    /// <param name="start">The first date.</param>
    /// <param name="end">The last date (inclusive).</param>
    /// <param name="daysRecorded">The recorded days in the period.</param>
    /// <param name="headacheDays">The headache days.</param>
    /// <param name="migraineDays">The migraine days.</param>
    /// <param name="acuteMedicationDays">The days each class was taken, indexed by <see cref="AcuteMedicationClass"/> (5 entries).</param>
    /// <param name="anyAcuteMedicationDays">The days any acute medication was taken.</param>
    /// <param name="isWithinDiary">Whether the period lies wholly within the diary span.</param>
    /// <exception cref="ArgumentException">The counts are inconsistent (migraine above headache days, a count above the recorded days, and so on).</exception>
    public PeriodSummary(DateOnly start, DateOnly end, int daysRecorded, int headacheDays, int migraineDays, ImmutableArray<int> acuteMedicationDays, int anyAcuteMedicationDays, bool isWithinDiary)
    {
        Preconditions.CheckArgument(end >= start, nameof(end), $"A period ends on or after its start: {end:yyyy-MM-dd} is before {start:yyyy-MM-dd}.");
        var length = end.DayNumber - start.DayNumber + 1;
        Preconditions.CheckRange(daysRecorded >= 0 && daysRecorded <= length, nameof(daysRecorded), daysRecorded, $"Recorded days are between 0 and the period length ({length}).");
        Preconditions.CheckRange(headacheDays >= 0 && headacheDays <= daysRecorded, nameof(headacheDays), headacheDays, "Headache days are between 0 and the recorded days.");
        Preconditions.CheckRange(migraineDays >= 0 && migraineDays <= headacheDays, nameof(migraineDays), migraineDays, "Migraine days are between 0 and the headache days (a migraine day is a headache day).");
        Preconditions.CheckArgument(!acuteMedicationDays.IsDefault && acuteMedicationDays.Length == AcuteMedicationClasses.Count, nameof(acuteMedicationDays), "Acute medication days have one entry per class (5).");
        Preconditions.CheckRange(anyAcuteMedicationDays >= 0 && anyAcuteMedicationDays <= daysRecorded, nameof(anyAcuteMedicationDays), anyAcuteMedicationDays, "Acute medication days are between 0 and the recorded days.");
        foreach (var n in acuteMedicationDays)
        {
            Preconditions.CheckRange(n >= 0 && n <= anyAcuteMedicationDays, nameof(acuteMedicationDays), n, "Days of one class are between 0 and the days with any acute medication.");
        }

        Start = start;
        End = end;
        DaysRecorded = daysRecorded;
        HeadacheDays = headacheDays;
        MigraineDays = migraineDays;
        AcuteMedicationDaysByClass = acuteMedicationDays;
        AnyAcuteMedicationDays = anyAcuteMedicationDays;
        IsWithinDiary = isWithinDiary;
    }

    /// <summary>Gets the first date.</summary>
    public DateOnly Start { get; }

    /// <summary>Gets the last date (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>Gets the number of days in the period.</summary>
    public int LengthDays => End.DayNumber - Start.DayNumber + 1;

    /// <summary>Gets the number of recorded days: what every count rests on.</summary>
    public int DaysRecorded { get; }

    /// <summary>Gets the number of unrecorded days (including days outside the diary span).</summary>
    public int DaysUnrecorded => LengthDays - DaysRecorded;

    /// <summary>Gets the headache days (migraine days included).</summary>
    public int HeadacheDays { get; }

    /// <summary>Gets the migraine days.</summary>
    public int MigraineDays { get; }

    /// <summary>Gets the days each acute medication class was taken, indexed by <see cref="AcuteMedicationClass"/>.</summary>
    public ImmutableArray<int> AcuteMedicationDaysByClass { get; }

    /// <summary>Gets the days any acute medication was taken.</summary>
    public int AnyAcuteMedicationDays { get; }

    /// <summary>Gets a value indicating whether the period lies wholly within the diary span (only such periods feed verdicts).</summary>
    public bool IsWithinDiary { get; }

    /// <summary>Gets a value indicating whether every day of the period was recorded.</summary>
    public bool IsComplete => DaysRecorded == LengthDays;

    /// <summary>Gets the fraction of the period's days that were recorded (diary compliance), from 0 to 1.</summary>
    public double Compliance => (double)DaysRecorded / LengthDays;

    /// <summary>Returns the days one acute medication class was taken.</summary>
    /// <param name="medicationClass">The class.</param>
    /// <returns>The days.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="medicationClass"/> is not defined.</exception>
    public int AcuteMedicationDays(AcuteMedicationClass medicationClass)
    {
        AcuteMedicationClasses.Format(medicationClass);
        return AcuteMedicationDaysByClass[(int)medicationClass];
    }

    /// <inheritdoc />
    public bool Equals(PeriodSummary? other) =>
        other is not null && Start == other.Start && End == other.End && DaysRecorded == other.DaysRecorded && HeadacheDays == other.HeadacheDays
        && MigraineDays == other.MigraineDays && AcuteMedicationDaysByClass.SequenceEqual(other.AcuteMedicationDaysByClass)
        && AnyAcuteMedicationDays == other.AnyAcuteMedicationDays && IsWithinDiary == other.IsWithinDiary;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PeriodSummary);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, End, DaysRecorded, HeadacheDays, MigraineDays, AnyAcuteMedicationDays);

    /// <summary>Returns <c>start..end: h headache, m migraine days (r of n recorded)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}: {HeadacheDays} headache, {MigraineDays} migraine days ({DaysRecorded} of {LengthDays} recorded)";
}
