using System.Collections.Immutable;
using MigraineProtocol.Dosing;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Rules;

/// <summary>
/// The cumulative limit across indications as a query, for callers that plan rather than validate (a
/// scheduling or CDS service): the units in a date's window, the headroom, the earliest date a dose fits
/// both the retreatment interval and the limit. The same arithmetic as the <c>cumulative-dose-limit</c>
/// rule and <see cref="ValidationReport.NextEligibleDate"/> (clinical-facts.md §1.2, S18, VERIFIED-2nd;
/// the counting policy is <see cref="ValidationOptions.CumulativePolicy"/>, ADR 0090).
/// </summary>
/// <threadsafety>Every member is pure and thread-safe.</threadsafety>
public static class CumulativeDose
{
    /// <summary>Returns the units given, all indications, in the window that ends on <paramref name="date"/> (inclusive) under the options' policy.</summary>
    /// <param name="history">The administrations.</param>
    /// <param name="date">The last day of the window (the day of a planned session).</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ValidationOptions.Default"/>.</param>
    /// <returns>The units; saturates at <see cref="ToxinUnits.MaxValue"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    public static ToxinUnits UnitsInWindow(TreatmentHistory history, DateOnly date, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var o = options ?? ValidationOptions.Default;
        return ToxinUnits.FromHundredths(Sum(history.Administrations, default, 0, o.CumulativeWindowStart(date), date));
    }

    /// <summary>Returns the headroom on a date: how many units may still be given that day without the window exceeding the limit; zero when at or over it.</summary>
    /// <param name="history">The administrations.</param>
    /// <param name="date">The day of a planned session.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ValidationOptions.Default"/>.</param>
    /// <returns>The headroom.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    public static ToxinUnits Headroom(TreatmentHistory history, DateOnly date, ValidationOptions? options = null)
    {
        var o = options ?? ValidationOptions.Default;
        var used = UnitsInWindow(history, date, o);
        return used >= o.CumulativeLimit ? ToxinUnits.Zero : o.CumulativeLimit - used;
    }

    /// <summary>
    /// Returns the earliest date on or after <paramref name="notBefore"/> on which <paramref name="dose"/>
    /// keeps the window within the limit. Pass the retreatment date (the last chronic-migraine session
    /// plus the interval, less any tolerance) as <paramref name="notBefore"/> to satisfy both the interval and the limit.
    /// </summary>
    /// <param name="history">The administrations (future-dated ones count in the windows they fall in).</param>
    /// <param name="dose">The planned dose.</param>
    /// <param name="notBefore">The first date to consider.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ValidationOptions.Default"/>.</param>
    /// <returns>The date, or <see langword="null"/> when the dose alone is over the limit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    public static DateOnly? EarliestDate(TreatmentHistory history, ToxinUnits dose, DateOnly notBefore, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Earliest(history.Administrations, default, 0, dose.Hundredths, notBefore, options ?? ValidationOptions.Default);
    }

    /// <summary>The earliest date for <paramref name="dose"/> hundredths, counting <paramref name="administrations"/> plus one extra administration (the session just validated) without allocating.</summary>
    internal static DateOnly? Earliest(ImmutableArray<Administration> administrations, DateOnly extraDate, long extraHundredths, long dose, DateOnly notBefore, ValidationOptions options)
    {
        var limit = options.CumulativeLimit.Hundredths;
        if (dose > limit)
        {
            return null;
        }

        // Once the last administration has left every window, any date fits: the rolling window is at most
        // 12 months (366 days), the cycle 84 days.
        var last = extraHundredths > 0 ? extraDate : DateOnly.MinValue;
        if (!administrations.IsDefaultOrEmpty && administrations[^1].Date > last)
        {
            last = administrations[^1].Date;
        }

        var stop = TreatmentHistory.AddDaysSaturating(last, 370);
        for (var d = notBefore; ; d = d.AddDays(1))
        {
            if (d >= stop || Sum(administrations, extraDate, extraHundredths, options.CumulativeWindowStart(d), d) + dose <= limit || d == DateOnly.MaxValue)
            {
                return d;
            }
        }
    }

    internal static long Sum(ImmutableArray<Administration> administrations, DateOnly extraDate, long extraHundredths, DateOnly from, DateOnly to)
    {
        long total = extraHundredths > 0 && extraDate >= from && extraDate <= to ? extraHundredths : 0;
        if (administrations.IsDefault)
        {
            return total;
        }

        foreach (var a in administrations)
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

        return total;
    }
}
