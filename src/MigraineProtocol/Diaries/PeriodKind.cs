namespace MigraineProtocol.Diaries;

/// <summary>How a diary is cut into the "months" that clinical criteria count days in.</summary>
/// <remarks>Every verdict states which kind it used. ICHD-3 and NICE say "per month"; trials
/// (PREEMPT) counted per 28 days (clinical-facts.md §5.1, S4, VERIFIED).</remarks>
public enum PeriodKind
{
    /// <summary>Consecutive 28-day periods from the first diary date (the trial convention).</summary>
    TwentyEightDays = 0,

    /// <summary>Calendar months (the wording of NICE TA260 and the US label).</summary>
    CalendarMonth = 1,
}

/// <summary>Text names of <see cref="PeriodKind"/>: <c>28-day</c> and <c>calendar-month</c>.</summary>
public static class PeriodKinds
{
    /// <summary>Returns <c>28-day</c> or <c>calendar-month</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public static string Format(PeriodKind kind) => kind switch
    {
        PeriodKind.TwentyEightDays => "28-day",
        PeriodKind.CalendarMonth => "calendar-month",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A period kind is 28-day or calendar-month."),
    };

    /// <summary>Tries to read <c>28-day</c> or <c>calendar-month</c>; never throws.</summary>
    /// <param name="text">The text.</param>
    /// <param name="kind">The kind when recognised.</param>
    /// <returns><see langword="true"/> when recognised.</returns>
    public static bool TryParse(string? text, out PeriodKind kind)
    {
        (var ok, kind) = text switch
        {
            "28-day" => (true, PeriodKind.TwentyEightDays),
            "calendar-month" => (true, PeriodKind.CalendarMonth),
            _ => (false, PeriodKind.TwentyEightDays),
        };
        return ok;
    }
}
