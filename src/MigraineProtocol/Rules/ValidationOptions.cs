using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Rules;

/// <summary>
/// Policy choices of the validation that the sources leave open: a tolerance on the retreatment
/// interval, and the cumulative limit across indications with its window.
/// </summary>
/// <remarks>
/// <para><see cref="Default"/> follows the label: no tolerance on 12 weeks (clinical-facts.md §1.2, S1
/// and S3, VERIFIED), at most 400 U in 3 calendar months across indications (§1.2, S18, VERIFIED-2nd).
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
    {
        Preconditions.CheckRange(retreatmentToleranceDays is >= 0 and <= 30, nameof(retreatmentToleranceDays), retreatmentToleranceDays, "The retreatment tolerance must be 0 to 30 days.");
        Preconditions.CheckRange(cumulativeLimit > ToxinUnits.Zero, nameof(cumulativeLimit), cumulativeLimit, "The cumulative limit must be more than 0 U.");
        Preconditions.CheckRange(cumulativeWindowMonths is >= 1 and <= 12, nameof(cumulativeWindowMonths), cumulativeWindowMonths, "The cumulative window must be 1 to 12 months.");
        RetreatmentToleranceDays = retreatmentToleranceDays;
        CumulativeLimit = cumulativeLimit;
        CumulativeWindowMonths = cumulativeWindowMonths;
    }

    /// <summary>Gets the label's policy: no tolerance, 400 U in 3 months.</summary>
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

    /// <summary>Gets the cumulative window in calendar months.</summary>
    /// <value>The default value is 3.</value>
    public int CumulativeWindowMonths { get; }

    /// <summary>Returns the first day of the cumulative window of a session: the same day of the month <see cref="CumulativeWindowMonths"/> months earlier (clamped to the end of a shorter month), inclusive.</summary>
    /// <param name="sessionDate">The session date, the last day of the window.</param>
    /// <returns>The first day of the window.</returns>
    public DateOnly CumulativeWindowStart(DateOnly sessionDate) =>
        sessionDate.Year == 1 && sessionDate.Month <= CumulativeWindowMonths ? DateOnly.MinValue : sessionDate.AddMonths(-CumulativeWindowMonths);

    /// <summary>Returns new options with another retreatment tolerance.</summary>
    /// <param name="days">The tolerance, 0 to 30 days.</param>
    /// <returns>The new options.</returns>
    public ValidationOptions WithRetreatmentToleranceDays(int days) => new(days, CumulativeLimit, CumulativeWindowMonths);

    /// <summary>Returns new options with another cumulative limit.</summary>
    /// <param name="limit">The limit.</param>
    /// <returns>The new options.</returns>
    public ValidationOptions WithCumulativeLimit(ToxinUnits limit) => new(RetreatmentToleranceDays, limit, CumulativeWindowMonths);

    /// <inheritdoc />
    public bool Equals(ValidationOptions? other) =>
        other is not null && RetreatmentToleranceDays == other.RetreatmentToleranceDays && CumulativeLimit == other.CumulativeLimit && CumulativeWindowMonths == other.CumulativeWindowMonths;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValidationOptions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RetreatmentToleranceDays, CumulativeLimit, CumulativeWindowMonths);
}
