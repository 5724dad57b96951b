using System.Collections.Immutable;
using MigraineProtocol.Dosing;

namespace MigraineProtocol.Sessions;

/// <summary>
/// The prior onabotulinumtoxinA administrations of one patient, all indications, ordered by date. It
/// feeds the retreatment-interval and cumulative-dose rules and gives the next date a chronic-migraine
/// session may be given.
/// </summary>
/// <remarks>
/// <para>A history holds <em>prior</em> administrations: the session being validated is not part of it
/// (the rules add it themselves). Administrations are kept in date order; those on the same date keep
/// the order given. Equality is by value.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class TreatmentHistory : IEquatable<TreatmentHistory>
{
    /// <summary>Initializes a history.</summary>
    /// <param name="administrations">The administrations, in any order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="administrations"/> or an element is <see langword="null"/>.</exception>
    public TreatmentHistory(IEnumerable<Administration> administrations)
    {
        ArgumentNullException.ThrowIfNull(administrations);
        var list = administrations.ToList();
        if (list.Exists(a => a is null))
        {
            throw new ArgumentNullException(nameof(administrations), "A history must not contain null administrations.");
        }

        Administrations = [.. list.OrderBy(a => a.Date)];
    }

    /// <summary>Gets the empty history (a patient never treated).</summary>
    public static TreatmentHistory Empty { get; } = new([]);

    /// <summary>Gets the administrations in date order.</summary>
    public ImmutableArray<Administration> Administrations { get; }

    /// <summary>Returns the last chronic-migraine administration on or before a date; never throws.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The administration, or <see langword="null"/> when there is none.</returns>
    public Administration? LastChronicMigraineOnOrBefore(DateOnly date)
    {
        Administration? last = null;
        foreach (var a in Administrations)
        {
            if (a.Date > date)
            {
                break;
            }

            if (a.IsChronicMigraine)
            {
                last = a;
            }
        }

        return last;
    }

    /// <summary>Returns the units given, all indications together, from <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <returns>The units; saturates at <see cref="ToxinUnits.MaxValue"/>.</returns>
    public ToxinUnits UnitsBetween(DateOnly from, DateOnly to)
    {
        long total = 0;
        foreach (var a in Administrations)
        {
            if (a.Date > to)
            {
                break;
            }

            if (a.Date >= from)
            {
                total = Math.Min(total + a.Units.Hundredths, ToxinUnits.MaxValue.Hundredths);
            }
        }

        return ToxinUnits.FromHundredths(total);
    }

    /// <summary>
    /// Returns the first date on which the next chronic-migraine session may be given: the last
    /// chronic-migraine administration plus <paramref name="intervalDays"/> (84 days, 12 weeks, for the
    /// built-in protocols: clinical-facts.md §1.2, S1 and S3, VERIFIED-2nd). The interval alone: for the
    /// earliest date that also keeps the cumulative limit across indications, use
    /// <c>CumulativeDose.EarliestDate</c> (the same as <c>ValidationReport.NextEligibleDate</c>).
    /// </summary>
    /// <param name="intervalDays">The retreatment interval in days; at least one.</param>
    /// <returns>The date, or <see langword="null"/> when the history holds no chronic-migraine session (any date).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="intervalDays"/> is less than one.</exception>
    public DateOnly? NextEligibleDate(int intervalDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalDays, 1);
        return LastChronicMigraineOnOrBefore(DateOnly.MaxValue) is { } last ? AddDaysSaturating(last.Date, intervalDays) : null;
    }

    internal static DateOnly AddDaysSaturating(DateOnly date, int days) =>
        DateOnly.FromDayNumber((int)Math.Clamp((long)date.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    /// <inheritdoc />
    public bool Equals(TreatmentHistory? other) => other is not null && Administrations.SequenceEqual(other.Administrations);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TreatmentHistory);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Administrations.Length, Administrations.IsEmpty ? default : Administrations[^1].Date);

    /// <summary>Returns <c>n administrations</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Administrations.Length} administrations";
}
