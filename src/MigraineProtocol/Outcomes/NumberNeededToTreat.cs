using System.Globalization;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Outcomes;

/// <summary>Whether a number needed to treat counts patients for one more good outcome or one more bad one.</summary>
public enum TreatmentEffect
{
    /// <summary>Benefit: the treatment arm has the higher responder rate (number needed to treat to benefit, NNTB).</summary>
    Benefit = 0,

    /// <summary>Harm: the treatment arm has the lower responder rate (number needed to treat to harm, NNTH).</summary>
    Harm = 1,
}

/// <summary>
/// A number needed to treat, labelled by its direction as Altman (BMJ 1998;317:1309) writes it: NNTB 2.5
/// (2.5 patients treated for one more responder) or NNTH 131.2 (131.2 treated for one fewer), rather than
/// a signed number.
/// </summary>
/// <remarks>
/// <para>The value is 1 / |risk difference|, at least 1, and finite: a risk difference of 0 has no number
/// needed to treat (<see cref="ArmComparison.NumberNeededToTreat"/> is then <see langword="null"/>).</para>
/// <para>Equality is by value. The default value has a value of 0 and is not a valid number needed to treat:
/// create one with <see cref="FromRiskDifference"/>.</para>
/// </remarks>
public readonly struct NumberNeededToTreat : IEquatable<NumberNeededToTreat>
{
    private NumberNeededToTreat(double value, TreatmentEffect effect)
    {
        Value = value;
        Effect = effect;
    }

    /// <summary>Gets the number of patients, 1 / |risk difference|: at least 1.</summary>
    public double Value { get; }

    /// <summary>Gets whether this is a number needed to treat to benefit or to harm.</summary>
    public TreatmentEffect Effect { get; }

    /// <summary>Gets the value with the sign of the risk difference: positive for benefit, negative for harm (1 / risk difference).</summary>
    public double SignedValue => Effect == TreatmentEffect.Benefit ? Value : -Value;

    /// <summary>Gets the label, <c>NNTB</c> or <c>NNTH</c>.</summary>
    public string Label => FormatEffect(Effect);

    /// <summary>Compares two values for equality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(NumberNeededToTreat left, NumberNeededToTreat right) => left.Equals(right);

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(NumberNeededToTreat left, NumberNeededToTreat right) => !left.Equals(right);

    /// <summary>Returns the number needed to treat for a risk difference (treatment minus control responder rate).</summary>
    /// <param name="riskDifference">The risk difference, in [-1, 1] and not 0.</param>
    /// <returns>NNTB 1/d for d &gt; 0, NNTH 1/|d| for d &lt; 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="riskDifference"/> is 0, NaN or outside [-1, 1].</exception>
    public static NumberNeededToTreat FromRiskDifference(double riskDifference)
    {
        Preconditions.CheckRange(riskDifference is >= -1 and <= 1 && riskDifference != 0, nameof(riskDifference), riskDifference, "A risk difference with a number needed to treat is between -1 and 1 and not 0.");
        return new NumberNeededToTreat(1.0 / Math.Abs(riskDifference), riskDifference > 0 ? TreatmentEffect.Benefit : TreatmentEffect.Harm);
    }

    /// <summary>Returns the label of a direction: <c>NNTB</c> or <c>NNTH</c>.</summary>
    /// <param name="effect">The direction.</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effect"/> is not defined.</exception>
    public static string FormatEffect(TreatmentEffect effect) => effect switch
    {
        TreatmentEffect.Benefit => "NNTB",
        TreatmentEffect.Harm => "NNTH",
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect, "The effect must be Benefit or Harm."),
    };

    /// <inheritdoc />
    public bool Equals(NumberNeededToTreat other) => Value.Equals(other.Value) && Effect == other.Effect;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NumberNeededToTreat other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, Effect);

    /// <summary>Returns the label and the value, for example <c>NNTB 2.5</c> (round-trip number).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Label} {Value:R}");
}

/// <summary>
/// The confidence interval of a number needed to treat, after Altman (BMJ 1998;317:1309): the reciprocals
/// of the bounds of the risk-difference interval. When that interval excludes 0 the interval is
/// NNTB L to U (benefit) or NNTH L to U (harm); when it includes 0 the numbers needed to treat run from
/// NNTB 1/upper through infinity (no difference) to NNTH 1/|lower|, written "NNTB x to ∞ to NNTH y".
/// </summary>
/// <remarks>
/// <para>Immutable; equality is by value. <see cref="Lower"/> and <see cref="Upper"/> are signed like
/// 1 / risk difference (negative for harm) and set only when the interval does not cross 0;
/// <see cref="BenefitFrom"/> and <see cref="HarmFrom"/> only when it does (each <see langword="null"/> when
/// its risk-difference bound is exactly 0, so that side of the interval is empty).</para>
/// <para>The default value is not a valid interval (level 0); create one with <see cref="FromRiskDifference"/>.</para>
/// </remarks>
public readonly struct NumberNeededToTreatInterval : IEquatable<NumberNeededToTreatInterval>
{
    private NumberNeededToTreatInterval(double level, bool crossesZero, double? lower, double? upper, double? benefitFrom, double? harmFrom)
    {
        Level = level;
        CrossesZero = crossesZero;
        Lower = lower;
        Upper = upper;
        BenefitFrom = benefitFrom;
        HarmFrom = harmFrom;
    }

    /// <summary>Gets the source of the method: Altman DG, Confidence intervals for the number needed to treat, BMJ 1998;317:1309-1312.</summary>
    /// <remarks>A statistical method, not a clinical figure; the reference is not in clinical-facts.md and was not re-read in this project (UNVERIFIED).</remarks>
    public static Citation Source { get; } = new("Altman 1998", "Altman DG. Confidence intervals for the number needed to treat. BMJ 1998;317:1309-1312", VerificationLevel.Unverified);

    /// <summary>Gets the confidence level, that of the risk-difference interval.</summary>
    public double Level { get; }

    /// <summary>Gets the method, always <see cref="IntervalMethod.Altman"/> (text <c>altman</c>, <see cref="IntervalMethods.Format"/>).</summary>
    public IntervalMethod Method => IntervalMethod.Altman;

    /// <summary>Gets a value indicating whether the risk-difference interval includes 0 (the data are compatible with benefit and with harm, or with no difference).</summary>
    public bool CrossesZero { get; }

    /// <summary>Gets the lower bound, 1 / (upper risk-difference bound), signed (negative for harm); <see langword="null"/> when the interval crosses 0.</summary>
    public double? Lower { get; }

    /// <summary>Gets the upper bound, 1 / (lower risk-difference bound), signed, at least <see cref="Lower"/>; <see langword="null"/> when the interval crosses 0.</summary>
    public double? Upper { get; }

    /// <summary>Gets the smallest number needed to treat to benefit, 1 / (upper risk-difference bound), when the interval crosses 0; <see langword="null"/> otherwise or when that bound is 0.</summary>
    public double? BenefitFrom { get; }

    /// <summary>Gets the smallest number needed to treat to harm, 1 / |lower risk-difference bound|, when the interval crosses 0; <see langword="null"/> otherwise or when that bound is 0.</summary>
    public double? HarmFrom { get; }

    /// <summary>Gets the effect the whole interval shows, or <see langword="null"/> when it crosses 0.</summary>
    public TreatmentEffect? Effect => CrossesZero ? null : Lower > 0 ? TreatmentEffect.Benefit : TreatmentEffect.Harm;

    /// <summary>Compares two intervals for equality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(NumberNeededToTreatInterval left, NumberNeededToTreatInterval right) => left.Equals(right);

    /// <summary>Compares two intervals for inequality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(NumberNeededToTreatInterval left, NumberNeededToTreatInterval right) => !left.Equals(right);

    /// <summary>Returns Altman's interval from the confidence interval of a risk difference (treatment minus control).</summary>
    /// <param name="riskDifference">The risk-difference interval, within [-1, 1] (for example <see cref="ArmComparison.RiskDifferenceInterval"/>).</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is outside [-1, 1].</exception>
    public static NumberNeededToTreatInterval FromRiskDifference(ConfidenceInterval riskDifference)
    {
        var lo = riskDifference.Lower;
        var hi = riskDifference.Upper;
        Preconditions.CheckRange(lo >= -1 && hi <= 1, nameof(riskDifference), riskDifference, "A risk-difference interval lies within [-1, 1].");
        ConfidenceLevels.Check(riskDifference.Level, nameof(riskDifference));
        if (lo > 0 || hi < 0)
        {
            // Both bounds on one side: the reciprocals swap order (1/hi ≤ 1/lo for either sign).
            return new NumberNeededToTreatInterval(riskDifference.Level, false, 1.0 / hi, 1.0 / lo, null, null);
        }

        return new NumberNeededToTreatInterval(
            riskDifference.Level,
            true,
            null,
            null,
            hi > 0 ? 1.0 / hi : null,
            lo < 0 ? 1.0 / -lo : null);
    }

    /// <inheritdoc />
    public bool Equals(NumberNeededToTreatInterval other) =>
        Level.Equals(other.Level) && CrossesZero == other.CrossesZero && Nullable.Equals(Lower, other.Lower) && Nullable.Equals(Upper, other.Upper)
        && Nullable.Equals(BenefitFrom, other.BenefitFrom) && Nullable.Equals(HarmFrom, other.HarmFrom);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NumberNeededToTreatInterval other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Level, CrossesZero, Lower, Upper, BenefitFrom, HarmFrom);

    /// <summary>Returns the interval as Altman writes it with one decimal: <c>NNTB 2.1 to 6.6</c>, <c>NNTH 3.3 to 10.0</c> or <c>NNTB 23.4 to ∞ to NNTH 36.0</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Format("0.0");

    /// <summary>Returns the interval as Altman writes it, the numbers in the given invariant format.</summary>
    /// <param name="numberFormat">A .NET numeric format, for example <c>0.0</c>.</param>
    /// <returns>The text, for example <c>NNTB 23.4 to ∞ to NNTH 36.0</c>.</returns>
    public string Format(string numberFormat)
    {
        string N(double v) => v.ToString(numberFormat, CultureInfo.InvariantCulture);
        if (!CrossesZero && Effect is { } effect && Lower is { } lower && Upper is { } upper)
        {
            var label = NumberNeededToTreat.FormatEffect(effect);
            var (a, b) = (Math.Abs(lower), Math.Abs(upper));
            return $"{label} {N(Math.Min(a, b))} to {N(Math.Max(a, b))}";
        }

        var benefit = BenefitFrom is { } bf ? $"NNTB {N(bf)} to " : string.Empty;
        var harm = HarmFrom is { } hf ? $" to NNTH {N(hf)}" : string.Empty;
        return $"{benefit}∞{harm}";
    }
}
