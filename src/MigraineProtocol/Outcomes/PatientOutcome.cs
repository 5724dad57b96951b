using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Outcomes;

/// <summary>
/// One patient's headache days at baseline and at follow-up, over periods of the same length (for
/// example per 28 days), with the change, the percent reduction and the responder test.
/// </summary>
/// <remarks>
/// <para>The baseline is positive (a baseline of 0 headache days has no percent reduction) and finite;
/// the follow-up is non-negative and finite. Equality is by value.</para>
/// <para>The default value has a baseline of 0 and is not a valid outcome (ADR 0071): <see cref="IsDefault"/>
/// tells it apart, accumulators reject it, <see cref="IsResponder"/> throws for it rather than count it
/// (a reduction of 0 of 0 days would otherwise meet every threshold), and its <see cref="Reduction"/>
/// and <see cref="PercentReduction"/> are NaN.</para>
/// </remarks>
public readonly struct PatientOutcome : IEquatable<PatientOutcome>
{
    /// <summary>Initializes a new outcome.</summary>
    /// <param name="baselineHeadacheDays">The baseline headache days, positive and finite.</param>
    /// <param name="followUpHeadacheDays">The follow-up headache days, non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range; the message names it and the rule.</exception>
    public PatientOutcome(double baselineHeadacheDays, double followUpHeadacheDays)
    {
        if (Validate(baselineHeadacheDays, followUpHeadacheDays) is { } error)
        {
            throw new ArgumentOutOfRangeException(error.Parameter, error.Value, error.Message);
        }

        Baseline = baselineHeadacheDays;
        FollowUp = followUpHeadacheDays;
    }

    /// <summary>Gets the baseline headache days.</summary>
    public double Baseline { get; }

    /// <summary>Gets the follow-up headache days.</summary>
    public double FollowUp { get; }

    /// <summary>Gets a value indicating whether this is the invalid default value (a baseline of 0), not an outcome made by the constructor or <see cref="TryCreate"/>.</summary>
    public bool IsDefault => Baseline == 0;

    /// <summary>Gets the change in headache days, follow-up minus baseline (negative is an improvement).</summary>
    public double Change => FollowUp - Baseline;

    /// <summary>Gets the reduction as a fraction of the baseline, (baseline - follow-up) / baseline; negative when headache days rose.</summary>
    public double Reduction => (Baseline - FollowUp) / Baseline;

    /// <summary>Gets the reduction in percent of the baseline.</summary>
    public double PercentReduction => 100.0 * (Baseline - FollowUp) / Baseline;

    /// <summary>Compares two outcomes for equality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(PatientOutcome left, PatientOutcome right) => left.Equals(right);

    /// <summary>Compares two outcomes for inequality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(PatientOutcome left, PatientOutcome right) => !left.Equals(right);

    /// <summary>Tries to create an outcome from untrusted values; never throws.</summary>
    /// <param name="baselineHeadacheDays">The baseline headache days.</param>
    /// <param name="followUpHeadacheDays">The follow-up headache days.</param>
    /// <param name="outcome">The outcome when valid.</param>
    /// <param name="error">Why the values are invalid (naming the value and the rule), or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryCreate(double baselineHeadacheDays, double followUpHeadacheDays, out PatientOutcome outcome, [NotNullWhen(false)] out string? error)
    {
        if (Validate(baselineHeadacheDays, followUpHeadacheDays) is { } e)
        {
            outcome = default;
            error = e.Message;
            return false;
        }

        outcome = new PatientOutcome(baselineHeadacheDays, followUpHeadacheDays);
        error = null;
        return true;
    }

    /// <summary>Returns <see langword="true"/> when the reduction reaches the threshold.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns><see langword="true"/> for a responder.</returns>
    /// <exception cref="InvalidOperationException">This is the invalid default value: it has no baseline, so no reduction to test.</exception>
    public bool IsResponder(ResponderThreshold threshold)
    {
        if (IsDefault)
        {
            throw new InvalidOperationException("default(PatientOutcome) is not an outcome: it has a baseline of 0 headache days and so no reduction to test. Create outcomes with the constructor or TryCreate.");
        }

        return threshold.IsMetBy(Baseline, FollowUp);
    }

    /// <inheritdoc />
    public bool Equals(PatientOutcome other) => Baseline.Equals(other.Baseline) && FollowUp.Equals(other.FollowUp);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PatientOutcome other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Baseline, FollowUp);

    /// <summary>Returns <c>baseline → follow-up days</c>, for example <c>20 → 9 days</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Baseline:R} → {FollowUp:R} days");

    /// <summary>Checks a baseline and follow-up; returns the first problem or <see langword="null"/>.</summary>
    internal static (string Parameter, double Value, string Message)? Validate(double baseline, double followUp)
    {
        if (!double.IsFinite(baseline) || baseline < 0)
        {
            return ("baselineHeadacheDays", baseline, string.Create(CultureInfo.InvariantCulture, $"The baseline headache days must be a finite number above 0, not {baseline:R}."));
        }

        if (baseline == 0)
        {
            return ("baselineHeadacheDays", baseline, "The baseline headache days are 0: a baseline of 0 headache days has no percent reduction.");
        }

        if (!double.IsFinite(followUp) || followUp < 0)
        {
            return ("followUpHeadacheDays", followUp, string.Create(CultureInfo.InvariantCulture, $"The follow-up headache days must be a finite number of at least 0, not {followUp:R}."));
        }

        return null;
    }
}
