using System.Globalization;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Primitives;

/// <summary>
/// The reduction in headache days that makes a patient a responder, as a fraction of the baseline
/// (0.5 = a 50% reduction). A patient responds when the reduction is at least the threshold.
/// One type for the diaries (a treatment cycle's response, the NICE TA260 non-response rule) and the
/// outcome statistics (responder rates), so both compare the same way (ADR 0173).
/// </summary>
/// <remarks>
/// <para>Range [0, 1]. Equality is by fraction. The default value is <see cref="Percent50"/> (the PREEMPT responder
/// definition), never "any reduction"; use <see cref="Percent30"/>, <see cref="Percent50"/>, <see cref="Percent75"/> or a factory.</para>
/// <para>The comparison is <c>baseline - followUp ≥ (fraction - 1e-12) · baseline</c>: the tolerance
/// absorbs binary rounding of decimal input, so 20.1 → 14.07 days is exactly a 30% reduction.</para>
/// </remarks>
public readonly struct ResponderThreshold : IEquatable<ResponderThreshold>
{
    /// <summary>The tolerance of the responder comparison, as a fraction of the baseline.</summary>
    public const double Tolerance = 1e-12;

    private static readonly Citation PreemptResponder = new("S11h", "Silberstein, JNNP 2015;86:996 (≥50% headache-day response)", VerificationLevel.Verified);

    private readonly double fraction;
    private readonly Citation? source;
    private readonly bool created;

    private ResponderThreshold(double fraction, Citation? source)
    {
        this.fraction = fraction;
        this.source = source;
        created = true;
    }

    /// <summary>Gets a 30% reduction in headache days: NICE TA260 §1.2 stops treatment below it after 2 cycles (clinical-facts.md §4, S9, VERIFIED).</summary>
    public static ResponderThreshold Percent30 { get; } = new(0.30, new Citation("S9", "NICE TA260 §1.2 (less than a 30% reduction in headache days per month after 2 treatment cycles)", VerificationLevel.Verified));

    /// <summary>Gets a 50% reduction in headache days, the PREEMPT responder definition (clinical-facts.md §5.2, S11h, VERIFIED).</summary>
    public static ResponderThreshold Percent50 { get; } = new(0.50, PreemptResponder);

    /// <summary>Gets a 75% reduction in headache days (an analysis choice; no clinical source is attached).</summary>
    public static ResponderThreshold Percent75 { get; } = new(0.75, null);

    /// <summary>Gets the threshold as a fraction of the baseline, in [0, 1].</summary>
    public double Fraction => created ? fraction : 0.50;

    /// <summary>Gets the threshold in percent, in [0, 100].</summary>
    public double Percent => Fraction * 100.0;

    /// <summary>Gets where the threshold comes from, or <see langword="null"/> for a caller's own threshold.</summary>
    public Citation? Source => created ? source : PreemptResponder;

    /// <summary>Compares two thresholds for equality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ResponderThreshold left, ResponderThreshold right) => left.Equals(right);

    /// <summary>Compares two thresholds for inequality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(ResponderThreshold left, ResponderThreshold right) => !left.Equals(right);

    /// <summary>Returns a threshold from a fraction of the baseline; 0.3, 0.5 and 0.75 return the cited built-in thresholds.</summary>
    /// <param name="fraction">The fraction, in [0, 1].</param>
    /// <returns>The threshold.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is outside [0, 1] or NaN.</exception>
    public static ResponderThreshold FromFraction(double fraction)
    {
        Preconditions.CheckRange(fraction is >= 0 and <= 1, nameof(fraction), fraction, "A responder threshold is a reduction between 0 and 1 (0% and 100%) of the baseline.");
        return fraction switch
        {
            0.30 => Percent30,
            0.50 => Percent50,
            0.75 => Percent75,
            _ => new ResponderThreshold(fraction, null),
        };
    }

    /// <summary>Returns a threshold from a percentage of the baseline, for example 50.</summary>
    /// <param name="percent">The percentage, in [0, 100].</param>
    /// <returns>The threshold.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside [0, 100] or NaN.</exception>
    public static ResponderThreshold FromPercent(double percent)
    {
        Preconditions.CheckRange(percent is >= 0 and <= 100, nameof(percent), percent, "A responder threshold is a reduction between 0% and 100% of the baseline.");
        return FromFraction(percent / 100.0);
    }

    /// <summary>Returns <see langword="true"/> when a patient with these headache days responds.</summary>
    /// <param name="baseline">The baseline headache days, positive.</param>
    /// <param name="followUp">The follow-up headache days.</param>
    /// <returns><see langword="true"/> when baseline - followUp ≥ (fraction - <see cref="Tolerance"/>) · baseline.</returns>
    public bool IsMetBy(double baseline, double followUp) => baseline - followUp >= ComparisonFraction * baseline;

    /// <inheritdoc />
    public bool Equals(ResponderThreshold other) => Fraction.Equals(other.Fraction);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ResponderThreshold other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Fraction.GetHashCode();

    /// <summary>Returns the threshold in percent, for example <c>≥50%</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "≥" + Percent.ToString("0.###", CultureInfo.InvariantCulture) + "%";

    /// <summary>The fraction the comparison uses, lowered by the tolerance.</summary>
    internal double ComparisonFraction => Fraction - Tolerance;
}
