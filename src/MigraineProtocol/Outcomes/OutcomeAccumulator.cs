using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Outcomes;

/// <summary>
/// The immutable, mergeable sufficient statistics of a group of patients at one responder threshold:
/// the count, the responders, the mean change in headache days and the sum of squared deviations of
/// the change. Add patients and merge parts (threads, machines) in any order; the result equals one pass.
/// </summary>
/// <remarks>
/// <para>Every operation returns a new value; nothing allocates. <see cref="Merge"/> is exactly
/// commutative (its formulas are symmetric) and associative up to floating-point rounding (the count
/// and responders exactly; the mean and spread to about 1e-12 relative, see the tests).</para>
/// <para>The mean is kept relative to a shift (a change of one of the patients), so that changes of
/// 10⁹ ± 1 or 10¹² ± 1 days lose none of their spread to the magnitude: the spread uses Chan, Golub and
/// LeVeque's pairwise update on the shifted values (with one patient it is Welford's update), and
/// <see cref="AddRange"/> sums blocks of 4,096 patients shifted by the block's first change. <see cref="Add(PatientOutcome)"/>,
/// <see cref="AddRange"/> and any order of <see cref="Merge"/> agree to about 1e-12 relative (issue 13;
/// see OutcomeAccumulatorTests, checked against exact rational arithmetic).</para>
/// <para><see cref="AddRange"/> reads four patients per step with AVX2 where the processor has it (and one
/// at a time otherwise); the responder test and validation are the same comparisons as the scalar path.</para>
/// <para>The default value is an empty accumulator at a threshold of 0.</para>
/// </remarks>
public readonly struct OutcomeAccumulator : IEquatable<OutcomeAccumulator>
{
    private const int BlockSize = 4096;

    private readonly double shift;
    private readonly double shiftedMean;
    private readonly double sumOfSquares;

    /// <summary>Initializes a new, empty accumulator.</summary>
    /// <param name="threshold">The responder threshold.</param>
    public OutcomeAccumulator(ResponderThreshold threshold)
        : this(threshold, 0, 0, 0, 0, 0)
    {
    }

    private OutcomeAccumulator(ResponderThreshold threshold, long count, long responders, double shift, double shiftedMean, double sumOfSquares)
    {
        Threshold = threshold;
        Count = count;
        Responders = responders;
        this.shift = shift;
        this.shiftedMean = shiftedMean;
        this.sumOfSquares = sumOfSquares;
    }

    /// <summary>Gets the responder threshold.</summary>
    public ResponderThreshold Threshold { get; }

    /// <summary>Gets the number of patients.</summary>
    public long Count { get; }

    /// <summary>Gets the number of responders.</summary>
    public long Responders { get; }

    /// <summary>Gets a value indicating whether no patient has been added.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Gets the responder rate, responders / count; 0 when empty.</summary>
    public double ResponderRate => Count == 0 ? 0.0 : (double)Responders / Count;

    /// <summary>Gets the mean change in headache days (follow-up minus baseline); 0 when empty.</summary>
    public double MeanChange => shift + shiftedMean;

    /// <summary>Gets the sum of squared deviations of the change from its mean.</summary>
    public double SumOfSquaredDeviations => sumOfSquares;

    /// <summary>Gets the sample variance of the change (n - 1 denominator); NaN with fewer than 2 patients.</summary>
    public double ChangeVariance => Count < 2 ? double.NaN : sumOfSquares / (Count - 1);

    /// <summary>Gets the sample standard deviation of the change; NaN with fewer than 2 patients.</summary>
    public double ChangeStandardDeviation => Math.Sqrt(ChangeVariance);

    /// <summary>Compares two accumulators for exact equality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(OutcomeAccumulator left, OutcomeAccumulator right) => left.Equals(right);

    /// <summary>Compares two accumulators for inequality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(OutcomeAccumulator left, OutcomeAccumulator right) => !left.Equals(right);

    /// <summary>Returns a new accumulator with one patient added.</summary>
    /// <param name="outcome">The patient's outcome.</param>
    /// <returns>The new accumulator.</returns>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is the invalid default value.</exception>
    public OutcomeAccumulator Add(PatientOutcome outcome) => Add(outcome.Baseline, outcome.FollowUp);

    /// <summary>Returns a new accumulator with one patient added.</summary>
    /// <param name="baselineHeadacheDays">The baseline headache days, positive and finite.</param>
    /// <param name="followUpHeadacheDays">The follow-up headache days, non-negative and finite.</param>
    /// <returns>The new accumulator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range (see <see cref="PatientOutcome"/>).</exception>
    public OutcomeAccumulator Add(double baselineHeadacheDays, double followUpHeadacheDays)
    {
        if (PatientOutcome.Validate(baselineHeadacheDays, followUpHeadacheDays) is { } error)
        {
            throw new ArgumentOutOfRangeException(error.Parameter, error.Value, error.Message);
        }

        var responder = Threshold.IsMetBy(baselineHeadacheDays, followUpHeadacheDays) ? 1 : 0;
        var change = followUpHeadacheDays - baselineHeadacheDays;
        if (Count == 0)
        {
            return new OutcomeAccumulator(Threshold, 1, responder, change, 0, 0);
        }

        // Welford's update on the change shifted by this accumulator's shift (exact for nearby values).
        var n = checked(Count + 1);
        var shifted = change - shift;
        var delta = shifted - shiftedMean;
        var newMean = shiftedMean + (delta / n);
        return new OutcomeAccumulator(Threshold, n, Responders + responder, shift, newMean, sumOfSquares + (delta * (shifted - newMean)));
    }

    /// <summary>Returns a new accumulator with the patients added, in one allocation-free pass.</summary>
    /// <param name="outcomes">The outcomes.</param>
    /// <returns>The new accumulator.</returns>
    /// <exception cref="ArgumentException">An outcome is the invalid default value or otherwise out of range; the message names its index.</exception>
    public OutcomeAccumulator AddRange(ReadOnlySpan<PatientOutcome> outcomes)
    {
        // PatientOutcome is two doubles (baseline, follow-up); read them as a flat span.
        var values = MemoryMarshal.Cast<PatientOutcome, double>(outcomes);
        var result = this;
        for (var start = 0; start < outcomes.Length; start += BlockSize)
        {
            var length = Math.Min(BlockSize, outcomes.Length - start);
            result = result.Merge(SummarizeBlock(values.Slice(2 * start, 2 * length), start));
        }

        return result;
    }

    /// <summary>Returns a new accumulator that combines this one and <paramref name="other"/>, as if their patients had been added to one.</summary>
    /// <param name="other">The other accumulator, at the same threshold.</param>
    /// <returns>The merged accumulator.</returns>
    /// <exception cref="ArgumentException">The thresholds differ.</exception>
    public OutcomeAccumulator Merge(OutcomeAccumulator other)
    {
        if (Threshold != other.Threshold)
        {
            ThrowThresholdMismatch(Threshold, other.Threshold);
        }
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        var n = checked(Count + other.Count);
        double na = Count;
        double nb = other.Count;
        double nn = n;

        // Keep the shift of the larger part (the smaller shift on a tie): adding one patient keeps the
        // shift, and the choice is symmetric, so merging stays exactly commutative. Both means are
        // re-expressed relative to it; the difference of two nearby shifts is exact (Sterbenz).
        var s = Count > other.Count ? shift : other.Count > Count ? other.shift : Math.Min(shift, other.shift);
        var ma = shiftedMean + (shift - s);
        var mb = other.shiftedMean + (other.shift - s);
        var mergedMean = ((na * ma) + (nb * mb)) / nn;
        var delta = mb - ma;
        var mergedSquares = (sumOfSquares + other.sumOfSquares) + (delta * delta * (na * nb / nn));
        return new OutcomeAccumulator(Threshold, n, checked(Responders + other.Responders), s, mergedMean, mergedSquares);
    }

    /// <summary>Returns the summary of this group as an arm: counts, the responder rate with its interval, the mean change with its t interval.</summary>
    /// <param name="arm">The arm's name.</param>
    /// <param name="level">The confidence level, in (0, 1), for example 0.95.</param>
    /// <param name="method">The responder-rate interval: <see cref="IntervalMethod.Wilson"/> (the default) or <see cref="IntervalMethod.ClopperPearson"/>.</param>
    /// <returns>The summary.</returns>
    /// <remarks>An empty accumulator gives a summary with n = 0 (no rate, the interval [0, 1], no mean change; see <see cref="ArmSummary"/>), not an exception.</remarks>
    /// <exception cref="ArgumentException">The name is blank, or the level or method is out of range.</exception>
    public ArmSummary Summarize(string arm, double level, IntervalMethod method = IntervalMethod.Wilson) => new(arm, this, level, method);

    /// <inheritdoc />
    public bool Equals(OutcomeAccumulator other) =>
        Threshold == other.Threshold && Count == other.Count && Responders == other.Responders
        && shift.Equals(other.shift) && shiftedMean.Equals(other.shiftedMean) && sumOfSquares.Equals(other.sumOfSquares);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OutcomeAccumulator other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Threshold, Count, Responders, shift, shiftedMean, sumOfSquares);

    /// <summary>Returns a short description, for example <c>n=100, responders=47 (≥50%), mean change -8.1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"n={Count}, responders={Responders} ({Threshold}), mean change {MeanChange:R}");

    /// <summary>Sums one block of interleaved (baseline, follow-up) pairs, shifted by the block's first change.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private OutcomeAccumulator SummarizeBlock(ReadOnlySpan<double> pairs, int firstIndex)
    {
        var count = pairs.Length / 2;
        var shift = pairs[1] - pairs[0];
        var t = Threshold.ComparisonFraction;
        double s1a = 0, s1b = 0, s2a = 0, s2b = 0;
        long ra = 0, rb = 0;
        var valid = true;
        var i = 0;
        if (Avx.IsSupported && pairs.Length >= 8)
        {
            // Four patients per step: unpack (b0 f0 b1 f1), (b2 f2 b3 f3) into baselines and follow-ups.
            ref var start = ref MemoryMarshal.GetReference(pairs);
            var shiftV = Vector256.Create(shift);
            var tV = Vector256.Create(t);
            var max = Vector256.Create(double.MaxValue);
            var sum1 = Vector256<double>.Zero;
            var sum2 = Vector256<double>.Zero;
            var responders = Vector256<long>.Zero;
            var ok = Vector256<double>.AllBitsSet;
            for (; i + 7 < pairs.Length; i += 8)
            {
                var v0 = Vector256.LoadUnsafe(ref start, (nuint)i);
                var v1 = Vector256.LoadUnsafe(ref start, (nuint)(i + 4));
                var b = Avx.UnpackLow(v0, v1);
                var f = Avx.UnpackHigh(v0, v1);
                ok &= Vector256.GreaterThan(b, Vector256<double>.Zero) & Vector256.GreaterThanOrEqual(f, Vector256<double>.Zero)
                    & Vector256.LessThanOrEqual(b, max) & Vector256.LessThanOrEqual(f, max);
                var d = f - b - shiftV;
                sum1 += d;
                sum2 += d * d;
                responders -= Vector256.GreaterThanOrEqual(b - f, tV * b).AsInt64();
            }

            valid = ok.AsInt64() == Vector256<long>.AllBitsSet;
            s1a = Vector256.Sum(sum1);
            s2a = Vector256.Sum(sum2);
            ra = Vector256.Sum(responders);
        }

        for (; i + 3 < pairs.Length; i += 4)
        {
            var b0 = pairs[i];
            var f0 = pairs[i + 1];
            var b1 = pairs[i + 2];
            var f1 = pairs[i + 3];
            valid &= b0 > 0 && f0 >= 0 && b0 <= double.MaxValue && f0 <= double.MaxValue;
            valid &= b1 > 0 && f1 >= 0 && b1 <= double.MaxValue && f1 <= double.MaxValue;
            var d0 = f0 - b0 - shift;
            var d1 = f1 - b1 - shift;
            s1a += d0;
            s1b += d1;
            s2a += d0 * d0;
            s2b += d1 * d1;
            ra += b0 - f0 >= t * b0 ? 1 : 0;
            rb += b1 - f1 >= t * b1 ? 1 : 0;
        }

        if (i < pairs.Length)
        {
            var b0 = pairs[i];
            var f0 = pairs[i + 1];
            valid &= b0 > 0 && f0 >= 0 && b0 <= double.MaxValue && f0 <= double.MaxValue;
            var d0 = f0 - b0 - shift;
            s1a += d0;
            s2a += d0 * d0;
            ra += b0 - f0 >= t * b0 ? 1 : 0;
        }

        if (!valid)
        {
            ThrowInvalid(pairs, firstIndex);
        }

        var s1 = s1a + s1b;
        var s2 = s2a + s2b;
        var blockSquares = Math.Max(0.0, s2 - (s1 * s1 / count));
        return new OutcomeAccumulator(Threshold, count, ra + rb, shift, s1 / count, blockSquares);
    }

    private static void ThrowThresholdMismatch(ResponderThreshold a, ResponderThreshold b) =>
        throw new ArgumentException($"Cannot merge accumulators with different responder thresholds ({a} and {b}).", "other");

    private static void ThrowInvalid(ReadOnlySpan<double> pairs, int firstIndex)
    {
        for (var j = 0; j < pairs.Length; j += 2)
        {
            if (PatientOutcome.Validate(pairs[j], pairs[j + 1]) is { } error)
            {
                var index = firstIndex + (j / 2);
                throw new ArgumentException($"outcomes[{index.ToString(CultureInfo.InvariantCulture)}]: {error.Message}", "outcomes");
            }
        }
    }
}
