using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The accumulator's one-pass <see cref="OutcomeAccumulator.AddRange"/> reads four patients per AVX2 step,
/// then two per scalar step, then the odd one, in blocks of 4,096: every size from 1 to 13 and around the
/// block size puts a patient at the exact responder threshold, or an invalid (default) patient, into every
/// one of those positions, against the one-at-a-time <see cref="OutcomeAccumulator.Add(PatientOutcome)"/>
/// and <see cref="ResponderThreshold.IsMetBy"/> as the oracle.
/// </summary>
public partial class OutcomesEdgeTests
{
    private static readonly ResponderThreshold Half = ResponderThreshold.Percent50;

    private static readonly int[] EdgeSizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 4095, 4096, 4097, 4099, 4101, 8192 + 6];

    private static OutcomeAccumulator OneAtATime(ResponderThreshold threshold, IEnumerable<PatientOutcome> patients) =>
        patients.Aggregate(new OutcomeAccumulator(threshold), (acc, p) => acc.Add(p));

    /// <summary>The follow-up f with b - f = t·b exactly (t the threshold's comparison fraction), when one is within 4 ulps of b - t·b.</summary>
    private static double? ExactThresholdFollowUp(double baseline, ResponderThreshold threshold)
    {
        var t = threshold.ComparisonFraction;
        var f = baseline - (t * baseline);
        for (var k = 0; k < 4; k++)
        {
            f = Math.BitDecrement(f);
        }

        for (var k = 0; k < 9; k++, f = Math.BitIncrement(f))
        {
            if (f >= 0 && baseline - f == t * baseline)
            {
                return f;
            }
        }

        return null;
    }

    /// <summary>A patient exactly at the threshold (b - f = t·b) is a responder in every lane; one an ulp above it is not.</summary>
    [Property(MaxTest = 60)]
    public Property RespondersAtTheExactThresholdAreCountedInEveryLane(byte sizeRaw, ulong pattern, bool thirty)
    {
        var threshold = thirty ? ResponderThreshold.Percent30 : Half;
        var n = EdgeSizes[sizeRaw % EdgeSizes.Length];
        var patients = new PatientOutcome[n];
        for (var i = 0; i < n; i++)
        {
            var baseline = 10 + (i % 19);
            var atThreshold = ExactThresholdFollowUp(baseline, threshold) ?? (baseline - (threshold.ComparisonFraction * baseline));
            var followUp = ((pattern >> (i % 64)) & 1) == 1 ? atThreshold : Math.BitIncrement(atThreshold);
            patients[i] = new PatientOutcome(baseline, followUp);
        }

        var expected = patients.Count(p => threshold.IsMetBy(p.Baseline, p.FollowUp));
        var range = new OutcomeAccumulator(threshold).AddRange(patients);
        return (range.Responders == expected && OneAtATime(threshold, patients).Responders == expected)
            .Label($"n={n}, {threshold}: {range.Responders} responders, expected {expected}");
    }

    [Fact]
    public void ThresholdPatientsAreRespondersWhereverTheyStand()
    {
        // Every patient exactly at 50% (less the tolerance): each one counts, whatever path (AVX2, pair, odd one) reads it.
        foreach (var n in EdgeSizes)
        {
            var patients = Enumerable.Range(0, n).Select(i => 10.0 + (i % 7)).Select(b => new PatientOutcome(b, ExactThresholdFollowUp(b, Half)!.Value)).ToArray();
            Assert.All(patients, p => Assert.Equal(p.Baseline - p.FollowUp, Half.ComparisonFraction * p.Baseline));
            Assert.Equal(n, new OutcomeAccumulator(Half).AddRange(patients).Responders);
            var above = patients.Select(p => new PatientOutcome(p.Baseline, Math.BitIncrement(p.FollowUp))).ToArray();
            Assert.Equal(0, new OutcomeAccumulator(Half).AddRange(above).Responders);
        }
    }

    /// <summary>An invalid (default) patient anywhere is named by its index, whether the AVX2 step, a pair or the odd one reads it, in the first block or a later one.</summary>
    [Fact]
    public void AnInvalidPatientInAnyPositionIsNamedByItsIndex()
    {
        foreach (var n in EdgeSizes)
        {
            int[] positions = n <= 13 ? Enumerable.Range(0, n).ToArray() : [0, 3, 4094, 4095, n - 1, n - 2, Math.Min(4096, n - 1)];
            foreach (var k in positions.Where(k => k < n).Distinct())
            {
                var patients = Enumerable.Range(0, n).Select(i => new PatientOutcome(10, i % 7)).ToArray();
                patients[k] = default;
                var e = Assert.Throws<ArgumentException>(() => new OutcomeAccumulator(Half).AddRange(patients));
                Assert.Equal("outcomes", e.ParamName);
                Assert.StartsWith($"outcomes[{k}]: The baseline headache days are 0", e.Message, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Two invalid patients in the same AVX2 lane (0 and 4 of 8) are still caught: the lane checks accumulate with "and".</summary>
    [Fact]
    public void TwoInvalidPatientsInOneLaneAreCaught()
    {
        foreach (var (n, first, second) in new[] { (8, 0, 4), (8, 1, 5), (12, 2, 6), (12, 3, 11), (2, 0, 1), (3, 0, 2) })
        {
            var patients = Enumerable.Range(0, n).Select(i => new PatientOutcome(12, i)).ToArray();
            patients[first] = default;
            patients[second] = default;
            var e = Assert.Throws<ArgumentException>(() => new OutcomeAccumulator(Half).AddRange(patients));
            Assert.StartsWith($"outcomes[{first}]:", e.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Merging with an empty accumulator on either side returns the other one unchanged, bit for bit (here n·m/n would round away from m).</summary>
    [Fact]
    public void MergingWithEmptyChangesNothing()
    {
        var a = OneAtATime(Half, [new PatientOutcome(22.39, 10.02), new PatientOutcome(6.59, 8.62), new PatientOutcome(11.88, 2.47)]);
        var empty = new OutcomeAccumulator(Half);
        Assert.True(a.Merge(empty) == a);
        Assert.True(empty.Merge(a) == a);
        Assert.Equal(a.MeanChange, a.Merge(empty).MeanChange);
        Assert.Equal(a.MeanChange, empty.Merge(a).MeanChange);
        Assert.True(empty.Merge(empty) == empty);
    }

    /// <summary>Two parts of the same size but different first patients merge to the same value in either order (the tie-break on the shift is symmetric).</summary>
    [Fact]
    public void EqualSizedPartsMergeCommutatively()
    {
        var a = OneAtATime(Half, [new PatientOutcome(20, 4), new PatientOutcome(18, 12)]);
        var b = OneAtATime(Half, [new PatientOutcome(15, 14), new PatientOutcome(25, 5)]);
        Assert.True(a.Merge(b) == b.Merge(a));
        Assert.Equal(a.Merge(b).GetHashCode(), b.Merge(a).GetHashCode());
        var c = new OutcomeAccumulator(Half).AddRange([new PatientOutcome(30, 1), new PatientOutcome(9, 9), new PatientOutcome(16, 2), new PatientOutcome(11, 3)]);
        var d = new OutcomeAccumulator(Half).AddRange([new PatientOutcome(7, 7), new PatientOutcome(22, 20), new PatientOutcome(12, 1), new PatientOutcome(19, 4)]);
        Assert.True(c.Merge(d) == d.Merge(c));
    }

    /// <summary>Equality looks at every statistic: accumulators that differ only in the threshold, only in the count or only in the responders are different.</summary>
    [Fact]
    public void AccumulatorsDifferingInOneStatisticAreDifferent()
    {
        Assert.True(new OutcomeAccumulator(Half) != new OutcomeAccumulator(ResponderThreshold.Percent30));
        Assert.False(new OutcomeAccumulator(Half).Equals(new OutcomeAccumulator(ResponderThreshold.Percent75)));

        // Same change 0 each time: shift, mean and spread equal, only the count differs.
        var two = OneAtATime(Half, [new PatientOutcome(10, 10), new PatientOutcome(10, 10)]);
        var three = OneAtATime(Half, [new PatientOutcome(10, 10), new PatientOutcome(10, 10), new PatientOutcome(10, 10)]);
        Assert.True(two != three);
        Assert.False(two.Equals((object)three));

        // Change -5 both: a responder at 50% from 10 days, not from 20.
        var responder = new OutcomeAccumulator(Half).Add(10, 5);
        var nonResponder = new OutcomeAccumulator(Half).Add(20, 15);
        Assert.Equal(responder.MeanChange, nonResponder.MeanChange);
        Assert.True(responder != nonResponder);
        Assert.False(responder.Equals(nonResponder));
        Assert.False(responder != new OutcomeAccumulator(Half).Add(10, 5));
    }

    [Fact]
    public void MergingDifferentThresholdsNamesBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => new OutcomeAccumulator(Half).Add(10, 2).Merge(new OutcomeAccumulator(ResponderThreshold.Percent30)));
        Assert.Equal("other", e.ParamName);
        Assert.Contains("different responder thresholds (≥50% and ≥30%)", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Random cohorts of the edge sizes: the blocked pass agrees with the one-at-a-time oracle (counts exactly, the mean and spread to 1e-12).</summary>
    [Property(MaxTest = 40)]
    public Property BlockedPassAgreesWithOneAtATime(byte sizeRaw, int seed)
    {
        var n = EdgeSizes[sizeRaw % EdgeSizes.Length];
        var random = new Random(seed);
        var patients = Enumerable.Range(0, n).Select(_ => new PatientOutcome(1 + random.Next(3000) / 100.0, random.Next(3100) / 100.0)).ToArray();
        var range = new OutcomeAccumulator(Half).AddRange(patients);
        var naive = OneAtATime(Half, patients);
        var mean = patients.Average(p => p.Change);
        var squares = patients.Sum(p => (p.Change - mean) * (p.Change - mean));
        return (range.Count == n && range.Responders == naive.Responders
            && Math.Abs(range.MeanChange - mean) <= 1e-12 * Math.Max(1, Math.Abs(mean))
            && Math.Abs(range.SumOfSquaredDeviations - squares) <= 1e-12 * Math.Max(1, squares)
            && Math.Abs(naive.SumOfSquaredDeviations - squares) <= 1e-12 * Math.Max(1, squares))
            .Label($"n={n}: mean {range.MeanChange:R} vs {mean:R}, squares {range.SumOfSquaredDeviations:R} vs {squares:R}");
    }
}
