using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Rules;

/// <summary>
/// Policy choices of the validation that the sources leave open: a tolerance on the retreatment
/// interval, and the cumulative limit across indications with how its window is counted.
/// </summary>
/// <remarks>
/// <para><see cref="Default"/> follows the label: no tolerance on 12 weeks (clinical-facts.md §1.2, S1
/// and S3, VERIFIED), at most 400 U across indications (§1.2, S18, VERIFIED-2nd) counted per treatment
/// cycle (<see cref="CumulativeWindowPolicy.TreatmentCycle"/>: the session and every administration dated
/// fewer than 84 days before it; ADR 0090). The rolling window of 3 calendar months is an opt-in policy
/// (<see cref="WithCumulativePolicy"/>); the report shows its figure as information either way.
/// <see cref="Compel"/> allows the COMPEL study's ±7 days (S12, VERIFIED).</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class ValidationOptions : IEquatable<ValidationOptions>
{
    /// <summary>Initializes options.</summary>
    /// <param name="retreatmentToleranceDays">Days earlier than the protocol's interval that a session may still be given without a warning: 0 to 30.</param>
    /// <param name="cumulativeLimit">The most units, all indications together, in the window.</param>
    /// <param name="cumulativeWindowMonths">The window in calendar months, ending on the session day: 1 to 12.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public ValidationOptions(int retreatmentToleranceDays, ToxinUnits cumulativeLimit, int cumulativeWindowMonths)
        : this(retreatmentToleranceDays, cumulativeLimit, cumulativeWindowMonths, CumulativeWindowPolicy.TreatmentCycle)
    {
    }

    /// <summary>Initializes options with a cumulative policy.</summary>
    /// <param name="retreatmentToleranceDays">Days earlier than the protocol's interval that a session may still be given without a warning: 0 to 30.</param>
    /// <param name="cumulativeLimit">The most units, all indications together, in the window.</param>
    /// <param name="cumulativeWindowMonths">The rolling window in calendar months, ending on the session day: 1 to 12 (used by <see cref="CumulativeWindowPolicy.RollingCalendarMonths"/>, and shown as information otherwise).</param>
    /// <param name="cumulativePolicy">How the cumulative window is counted.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public ValidationOptions(int retreatmentToleranceDays, ToxinUnits cumulativeLimit, int cumulativeWindowMonths, CumulativeWindowPolicy cumulativePolicy)
    {
        Preconditions.CheckRange(Enum.IsDefined(cumulativePolicy), nameof(cumulativePolicy), cumulativePolicy, "A cumulative policy is TreatmentCycle or RollingCalendarMonths.");
        CumulativePolicy = cumulativePolicy;
        Preconditions.CheckRange(retreatmentToleranceDays is >= 0 and <= 30, nameof(retreatmentToleranceDays), retreatmentToleranceDays, "The retreatment tolerance must be 0 to 30 days.");
        Preconditions.CheckRange(cumulativeLimit > ToxinUnits.Zero, nameof(cumulativeLimit), cumulativeLimit, "The cumulative limit must be more than 0 U.");
        Preconditions.CheckRange(cumulativeWindowMonths is >= 1 and <= 12, nameof(cumulativeWindowMonths), cumulativeWindowMonths, "The cumulative window must be 1 to 12 months.");
        RetreatmentToleranceDays = retreatmentToleranceDays;
        CumulativeLimit = cumulativeLimit;
        CumulativeWindowMonths = cumulativeWindowMonths;
    }

    /// <summary>Gets the label's policy: no tolerance, 400 U per treatment cycle (84 days).</summary>
    public static ValidationOptions Default { get; } = new(0, ToxinUnits.FromUnits(400), 3);

    /// <summary>Gets the COMPEL policy: 12 weeks ±7 days (S12, VERIFIED), otherwise as <see cref="Default"/>.</summary>
    public static ValidationOptions Compel { get; } = new(7, ToxinUnits.FromUnits(400), 3);

    /// <summary>Gets the citation of the COMPEL ±7 days tolerance.</summary>
    public static Citation CompelSource { get; } = new("S12", "clinical-facts.md §1.2 and §5.2: COMPEL, 155 U every 12 weeks ±7 days", VerificationLevel.Verified);

    /// <summary>Gets the tolerance in days on the retreatment interval.</summary>
    /// <value>The default value is 0.</value>
    public int RetreatmentToleranceDays { get; }

    /// <summary>Gets the cumulative limit across indications.</summary>
    /// <value>The default value is 400 U.</value>
    public ToxinUnits CumulativeLimit { get; }

    /// <summary>Gets the rolling cumulative window in calendar months (the window of <see cref="CumulativeWindowPolicy.RollingCalendarMonths"/>).</summary>
    /// <value>The default value is 3.</value>
    public int CumulativeWindowMonths { get; }

    /// <summary>Gets how the cumulative window is counted.</summary>
    /// <value>The default value is <see cref="CumulativeWindowPolicy.TreatmentCycle"/>.</value>
    public CumulativeWindowPolicy CumulativePolicy { get; }

    /// <summary>Gets the length of a treatment cycle for <see cref="CumulativeWindowPolicy.TreatmentCycle"/>: 84 days, the label's every 12 weeks (clinical-facts.md §1.2, S1 and S3, VERIFIED).</summary>
    public int CumulativeCycleDays => 84;

    /// <summary>Returns the first day (inclusive) of the cumulative window of a session under <see cref="CumulativePolicy"/>: 83 days before the session for a treatment cycle (an administration 84 days before belongs to the previous cycle), or <see cref="RollingWindowStart"/>.</summary>
    /// <param name="sessionDate">The session date, the last day of the window.</param>
    /// <returns>The first day of the window.</returns>
    public DateOnly CumulativeWindowStart(DateOnly sessionDate) =>
        CumulativePolicy == CumulativeWindowPolicy.TreatmentCycle ? TreatmentHistory.AddDaysSaturating(sessionDate, 1 - CumulativeCycleDays) : RollingWindowStart(sessionDate);

    /// <summary>Returns the first day of the rolling window of a session: the same day of the month <see cref="CumulativeWindowMonths"/> months earlier (clamped to the end of a shorter month), inclusive.</summary>
    /// <param name="sessionDate">The session date, the last day of the window.</param>
    /// <returns>The first day of the window.</returns>
    public DateOnly RollingWindowStart(DateOnly sessionDate) =>
        sessionDate.Year == 1 && sessionDate.Month <= CumulativeWindowMonths ? DateOnly.MinValue : sessionDate.AddMonths(-CumulativeWindowMonths);

    /// <summary>Returns new options with another cumulative policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is undefined.</exception>
    public ValidationOptions WithCumulativePolicy(CumulativeWindowPolicy policy) => new(RetreatmentToleranceDays, CumulativeLimit, CumulativeWindowMonths, policy);

    /// <summary>Returns new options with another retreatment tolerance.</summary>
    /// <param name="days">The tolerance, 0 to 30 days.</param>
    /// <returns>The new options.</returns>
    public ValidationOptions WithRetreatmentToleranceDays(int days) => new(days, CumulativeLimit, CumulativeWindowMonths, CumulativePolicy);

    /// <summary>Returns new options with another cumulative limit.</summary>
    /// <param name="limit">The limit.</param>
    /// <returns>The new options.</returns>
    public ValidationOptions WithCumulativeLimit(ToxinUnits limit) => new(RetreatmentToleranceDays, limit, CumulativeWindowMonths, CumulativePolicy);

    /// <inheritdoc />
    public bool Equals(ValidationOptions? other) =>
        other is not null && RetreatmentToleranceDays == other.RetreatmentToleranceDays && CumulativeLimit == other.CumulativeLimit && CumulativeWindowMonths == other.CumulativeWindowMonths && CumulativePolicy == other.CumulativePolicy;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValidationOptions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RetreatmentToleranceDays, CumulativeLimit, CumulativeWindowMonths, CumulativePolicy);
}
