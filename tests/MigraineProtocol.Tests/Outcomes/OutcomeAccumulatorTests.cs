using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Outcomes;

[Properties(Arbitrary = [typeof(OutcomeArbitraries)], MaxTest = 300)]
public class OutcomeAccumulatorTests
{
    private static readonly ResponderThreshold Half = ResponderThreshold.Percent50;

    private static OutcomeAccumulator Of(PatientOutcome[] patients) => new OutcomeAccumulator(Half).AddRange(patients);

    /// <summary>Equal counts exactly; mean and spread within a relative 1e-12 (floating-point rounding of a different order).</summary>
    private static bool Same(OutcomeAccumulator a, OutcomeAccumulator b) =>
        a.Count == b.Count && a.Responders == b.Responders
        && Math.Abs(a.MeanChange - b.MeanChange) <= 1e-12 * Math.Max(1, Math.Abs(a.MeanChange))
        && Math.Abs(a.SumOfSquaredDeviations - b.SumOfSquaredDeviations) <= 1e-12 * Math.Max(1, a.SumOfSquaredDeviations);

    [Property]
    public bool MergeIsCommutativeExactly(PatientOutcome[] a, PatientOutcome[] b) => Of(a).Merge(Of(b)) == Of(b).Merge(Of(a));

    [Property]
    public bool MergeIsAssociative(PatientOutcome[] a, PatientOutcome[] b, PatientOutcome[] c) =>
        Same(Of(a).Merge(Of(b)).Merge(Of(c)), Of(a).Merge(Of(b).Merge(Of(c))));

    [Property]
    public bool EmptyIsTheIdentity(PatientOutcome[] a) =>
        Of(a).Merge(new OutcomeAccumulator(Half)) == Of(a) && new OutcomeAccumulator(Half).Merge(Of(a)) == Of(a);

    [Property]
    public Property MergedPartsEqualOnePass(PatientOutcome[] all, byte cutRaw)
    {
        var cut = all.Length == 0 ? 0 : cutRaw % (all.Length + 1);
        return Same(Of(all[..cut]).Merge(Of(all[cut..])), Of(all)).Label($"cut at {cut} of {all.Length}");
    }

    [Property]
    public bool AddOneAtATimeEqualsAddRange(PatientOutcome[] all) =>
        Same(all.Aggregate(new OutcomeAccumulator(Half), (acc, p) => acc.Add(p)), Of(all));

    [Property]
    public Property AgreesWithANaiveTwoPassOracle(PatientOutcome[] all)
    {
        var acc = Of(all);
        var changes = all.Select(p => p.Change).ToArray();
        var mean = changes.Length == 0 ? 0 : changes.Average();
        var squares = changes.Sum(c => (c - mean) * (c - mean));
        var responders = all.Count(p => (p.Baseline - p.FollowUp) / p.Baseline >= 0.5 - 1e-12);
        return (acc.Count == all.Length && acc.Responders == responders
            && Math.Abs(acc.MeanChange - mean) <= 1e-12 * Math.Max(1, Math.Abs(mean))
            && Math.Abs(acc.SumOfSquaredDeviations - squares) <= 1e-9 * Math.Max(1, squares)).Label($"n={all.Length}");
    }

    [Fact]
    public void LargeCohortsSplitIntoBlocksAgreeWithTheOracle()
    {
        var random = new Random(7);
        var all = Enumerable.Range(0, 20_000).Select(_ => new PatientOutcome(15 + random.Next(14), random.Next(29))).ToArray();
        var acc = Of(all);
        var mean = all.Average(p => p.Change);
        var variance = all.Sum(p => (p.Change - mean) * (p.Change - mean)) / (all.Length - 1);
        Assert.Equal(all.Length, acc.Count);
        Assert.Equal(all.Count(p => p.IsResponder(Half)), acc.Responders);
        ReferenceData.Relative(mean, acc.MeanChange, 1e-12, "mean");
        ReferenceData.Relative(variance, acc.ChangeVariance, 1e-12, "variance");
    }

    [Fact]
    public void ParallelPartsMergeToTheSequentialResult()
    {
        var random = new Random(11);
        var all = Enumerable.Range(0, 10_000).Select(_ => new PatientOutcome(15 + random.Next(14), random.NextDouble() * 28)).ToArray();
        var parts = new OutcomeAccumulator[4];
        Parallel.For(0, 4, i => parts[i] = Of(all[(i * 2500)..((i + 1) * 2500)]));
        Assert.True(Same(parts.Aggregate((a, b) => a.Merge(b)), Of(all)));
    }

    [Fact]
    public void InvalidOutcomesAreNamedByIndex()
    {
        var patients = new[] { new PatientOutcome(20, 10), default, new PatientOutcome(20, 10) };
        var e = Assert.Throws<ArgumentException>(() => Of(patients));
        Assert.StartsWith("outcomes[1]: The baseline headache days are 0", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutcomeAccumulator(Half).Add(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutcomeAccumulator(Half).Add(10, double.NaN));
    }

    [Fact]
    public void MergingDifferentThresholdsIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new OutcomeAccumulator(Half).Merge(new OutcomeAccumulator(ResponderThreshold.Percent30)));
        Assert.Contains("different responder thresholds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyAndSingleHaveDocumentedValues()
    {
        var empty = new OutcomeAccumulator(Half);
        Assert.True(empty.IsEmpty);
        Assert.Equal(0.0, empty.ResponderRate);
        Assert.True(double.IsNaN(empty.ChangeVariance));
        var one = empty.Add(20, 8);
        Assert.Equal((1L, 1L, -12.0), (one.Count, one.Responders, one.MeanChange));
        Assert.True(double.IsNaN(one.ChangeStandardDeviation));
    }

    [Fact]
    public void AnEmptyAccumulatorSummarizesToNoPatients()
    {
        var summary = new OutcomeAccumulator(Half).Summarize("arm", 0.95, IntervalMethod.ClopperPearson);
        Assert.True(summary.IsEmpty);
        Assert.Equal((0L, 0L), (summary.Count, summary.Responders));
        Assert.True(double.IsNaN(summary.ResponderRate));
        Assert.True(double.IsNaN(summary.MeanChange));
        Assert.Equal((0.0, 1.0), (summary.ResponderRateInterval.Lower, summary.ResponderRateInterval.Upper));
        Assert.Null(summary.MeanChangeInterval);
        Assert.Equal("arm: n=0 (no patients)", summary.ToString());
        var other = new OutcomeAccumulator(Half).Add(20, 5).Summarize("other", 0.95, IntervalMethod.ClopperPearson);
        var e = Assert.Throws<ArgumentException>(() => ArmComparison.Create(other, summary));
        Assert.Contains("'arm' has no patients", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ArmComparison.Create(summary, other));
    }
}
