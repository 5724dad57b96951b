namespace MigraineProtocol.Rules;

/// <summary>
/// How the cumulative limit across indications (400 U, clinical-facts.md §1.2, S18, VERIFIED-2nd) is
/// counted: the label states "400 Units in a 3-month interval" but gives no window arithmetic (ADR 0090).
/// </summary>
public enum CumulativeWindowPolicy
{
    /// <summary>
    /// The default: one treatment cycle. The session plus every administration, all indications, dated
    /// fewer than <see cref="ValidationOptions.CumulativeCycleDays"/> (84, the label's 12-week cycle, S1
    /// and S3, VERIFIED) days before it. An administration exactly 84 days before belongs to the previous cycle.
    /// </summary>
    TreatmentCycle = 0,

    /// <summary>
    /// Opt-in: the rolling window of <see cref="ValidationOptions.CumulativeWindowMonths"/> calendar months
    /// (89 to 92 days for 3) up to and including the session day. It always contains the previous session of
    /// an every-12-week schedule, so it counts two cycles as one interval.
    /// </summary>
    RollingCalendarMonths = 1,
}
