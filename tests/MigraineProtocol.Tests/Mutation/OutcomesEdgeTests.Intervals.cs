using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The intervals' contracts at their boundaries: each argument check names its parameter and the rule,
/// a closed interval contains its bounds, value equality looks at every field, Wilson reaches exactly 1
/// when every patient responds, and arms of exactly two patients get a mean interval and a Welch
/// interval (with the Welch-Satterthwaite degrees of freedom where there is spread, none where there is none).
/// </summary>
public partial class OutcomesEdgeTests
{
    private static void Rejects(string parameter, string rule, Action action)
    {
        var e = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(rule, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfidenceIntervalChecksEachArgument()
    {
        Rejects("lower", "bound must be a finite number", () => _ = new ConfidenceInterval(double.NaN, 1, 0.95, IntervalMethod.Wilson));
        Rejects("lower", "bound must be a finite number", () => _ = new ConfidenceInterval(double.NegativeInfinity, 1, 0.95, IntervalMethod.Wilson));
        Rejects("upper", "bound must be a finite number", () => _ = new ConfidenceInterval(0, double.PositiveInfinity, 0.95, IntervalMethod.Wilson));
        Rejects("upper", "must not be below the lower bound 0.5", () => _ = new ConfidenceInterval(0.5, 0.25, 0.95, IntervalMethod.Wilson));
        Rejects("level", "strictly between 0 and 1", () => _ = new ConfidenceInterval(0, 1, 1.0, IntervalMethod.Wilson));
        Rejects("level", "strictly between 0 and 1", () => _ = new ConfidenceInterval(0, 1, 0, IntervalMethod.Wilson));
        Rejects("method", "other than Altman", () => _ = new ConfidenceInterval(0, 1, 0.95, IntervalMethod.Altman));
        Rejects("method", "other than Altman", () => _ = new ConfidenceInterval(0, 1, 0.95, (IntervalMethod)99));
        Rejects("method", "must be a defined IntervalMethod", () => IntervalMethods.Format((IntervalMethod)99));
        Rejects("method", "must be a defined IntervalMethod", () => IntervalMethods.Describe((IntervalMethod)99));

        // A point interval is allowed.
        Assert.Equal(0.0, new ConfidenceInterval(0.3, 0.3, 0.95, IntervalMethod.Wilson).Width);
    }

    [Fact]
    public void AConfidenceIntervalIsClosedAndComparedOnEveryField()
    {
        var ci = new ConfidenceInterval(0.25, 0.75, 0.9, IntervalMethod.Wilson);
        Assert.True(ci.Contains(0.25));
        Assert.True(ci.Contains(0.75));
        Assert.True(ci.Contains(0.5));
        Assert.False(ci.Contains(Math.BitDecrement(0.25)));
        Assert.False(ci.Contains(Math.BitIncrement(0.75)));
        Assert.False(ci.Contains(-1));
        Assert.False(ci.Contains(2));
        Assert.Equal(0.5, ci.Width);
        Assert.Equal(1.5, new ConfidenceInterval(-1, 0.5, 0.9, IntervalMethod.Newcombe).Width);

        Assert.True(ci == new ConfidenceInterval(0.25, 0.75, 0.9, IntervalMethod.Wilson));
        Assert.False(ci != new ConfidenceInterval(0.25, 0.75, 0.9, IntervalMethod.Wilson));
        Assert.True(ci != new ConfidenceInterval(0.2, 0.75, 0.9, IntervalMethod.Wilson));
        Assert.True(ci != new ConfidenceInterval(0.25, 0.8, 0.9, IntervalMethod.Wilson));
        Assert.True(ci != new ConfidenceInterval(0.25, 0.75, 0.95, IntervalMethod.Wilson));
        Assert.True(ci != new ConfidenceInterval(0.25, 0.75, 0.9, IntervalMethod.ClopperPearson));
        Assert.False(ci.Equals((object)new ConfidenceInterval(0.25, 0.75, 0.95, IntervalMethod.Wilson)));

        Assert.EndsWith("(90% wilson)", ci.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("(99.5% t)", new ConfidenceInterval(1, 2, 0.995, IntervalMethod.StudentT).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MeanIntervalsCheckEachArgument()
    {
        Rejects("mean", "mean must be a finite number", () => MeanIntervals.StudentT(double.NaN, 1, 5, 0.95));
        Rejects("standardDeviation", "non-negative and finite", () => MeanIntervals.StudentT(0, -1, 5, 0.95));
        Rejects("standardDeviation", "non-negative and finite", () => MeanIntervals.StudentT(0, double.PositiveInfinity, 5, 0.95));
        Rejects("count", "at least 2 observations", () => MeanIntervals.StudentT(0, 1, 1, 0.95));
        Rejects("level", "strictly between 0 and 1", () => MeanIntervals.StudentT(0, 1, 5, 1.0));

        Rejects("mean1", "mean must be a finite number", () => MeanIntervals.Welch(double.PositiveInfinity, 1, 5, 0, 1, 5, 0.95));
        Rejects("mean2", "mean must be a finite number", () => MeanIntervals.Welch(0, 1, 5, double.NaN, 1, 5, 0.95));
        Rejects("standardDeviation1", "non-negative and finite", () => MeanIntervals.Welch(0, -1, 5, 0, 1, 5, 0.95));
        Rejects("standardDeviation1", "non-negative and finite", () => MeanIntervals.Welch(0, double.PositiveInfinity, 5, 0, 1, 5, 0.95));
        Rejects("standardDeviation2", "non-negative and finite", () => MeanIntervals.Welch(0, 1, 5, 0, -1, 5, 0.95));
        Rejects("standardDeviation2", "non-negative and finite", () => MeanIntervals.Welch(0, 1, 5, 0, double.PositiveInfinity, 5, 0.95));
        Rejects("count1", "at least 2 observations in each group", () => MeanIntervals.Welch(0, 1, 1, 0, 1, 5, 0.95));
        Rejects("count2", "at least 2 observations in each group", () => MeanIntervals.Welch(0, 1, 5, 0, 1, 1, 0.95));
        Rejects("level", "strictly between 0 and 1", () => MeanIntervals.Welch(0, 1, 5, 0, 1, 5, 1.0));
    }

    [Fact]
    public void ProportionIntervalsCheckEachArgument()
    {
        Rejects("trials", "must be at least 1", () => ProportionIntervals.ClopperPearson(0, 0, 0.95));
        Rejects("successes", "between 0 and the number of trials, 4", () => ProportionIntervals.ClopperPearson(5, 4, 0.95));
        Rejects("method", "Wilson or ClopperPearson", () => ProportionIntervals.For(1, 4, 0.95, IntervalMethod.StudentT));
        Rejects("trials", "must be at least 1", () => ProportionIntervals.NewcombeDifference(0, 0, 1, 4, 0.95));
        Rejects("successes", "between 0 and the number of trials, 2", () => ProportionIntervals.NewcombeDifference(1, 4, 3, 2, 0.95));
        Rejects("successes", "between 0 and the number of trials, 4", () => ProportionIntervals.NewcombeDifference(-1, 4, 1, 2, 0.95));
        Rejects("level", "strictly between 0 and 1", () => ProportionIntervals.NewcombeDifference(1, 4, 1, 2, 1.0));
    }

    /// <summary>When every patient responds the Wilson upper bound is exactly 1 (and 0 responders give exactly 0), not a rounding of centre ± half.</summary>
    [Fact]
    public void WilsonReachesExactlyOneAndZero()
    {
        foreach (var level in new[] { 0.8, 0.9, 0.95, 0.99 })
        {
            for (var n = 1; n <= 400; n++)
            {
                Assert.Equal(1.0, ProportionIntervals.Wilson(n, n, level).Upper);
                Assert.Equal(0.0, ProportionIntervals.Wilson(0, n, level).Lower);
                var (_, upper) = ProportionIntervals.WilsonBounds(n, n, Distributions.NormalQuantile(ConfidenceLevels.UpperProbability(level)));
                Assert.Equal(1.0, upper);
            }
        }
    }

    [Fact]
    public void NumberNeededToTreatChecksAndComparesEveryField()
    {
        Rejects("riskDifference", "between -1 and 1 and not 0", () => NumberNeededToTreat.FromRiskDifference(1.5));
        Rejects("effect", "Benefit or Harm", () => NumberNeededToTreat.FormatEffect((TreatmentEffect)9));
        var benefit = NumberNeededToTreat.FromRiskDifference(0.25);
        var harm = NumberNeededToTreat.FromRiskDifference(-0.25);
        Assert.Equal(TreatmentEffect.Benefit, benefit.Effect);
        Assert.Equal(TreatmentEffect.Harm, harm.Effect);
        Assert.Equal(benefit.Value, harm.Value);
        Assert.False(benefit.Equals(harm));
        Assert.True(benefit != harm);
        Assert.False(benefit != NumberNeededToTreat.FromRiskDifference(0.25));
        Assert.True(benefit != NumberNeededToTreat.FromRiskDifference(0.2));

        Rejects("riskDifference", "lies within [-1, 1]", () => NumberNeededToTreatInterval.FromRiskDifference(new ConfidenceInterval(-1.5, 0.2, 0.95, IntervalMethod.Newcombe)));
        Rejects("riskDifference", "lies within [-1, 1]", () => NumberNeededToTreatInterval.FromRiskDifference(new ConfidenceInterval(-0.2, 1.5, 0.95, IntervalMethod.Newcombe)));

        static NumberNeededToTreatInterval Nnt(double lower, double upper, double level = 0.95) =>
            NumberNeededToTreatInterval.FromRiskDifference(new ConfidenceInterval(lower, upper, level, IntervalMethod.Newcombe));

        var one = Nnt(0.1, 0.2);
        Assert.True(one == Nnt(0.1, 0.2));
        Assert.False(one != Nnt(0.1, 0.2));
        Assert.True(one != Nnt(0.1, 0.2, 0.9));      // level only
        Assert.True(one != Nnt(0.1, 0.25));          // lower (1/hi) only
        Assert.True(one != Nnt(0.125, 0.2));         // upper (1/lo) only
        Assert.True(Nnt(-0.1, 0.2) != Nnt(-0.1, 0.25));   // benefit-from only
        Assert.True(Nnt(-0.1, 0.2) != Nnt(-0.125, 0.2));  // harm-from only
        Assert.True(Nnt(-0.1, 0) != Nnt(-0.1, 0.2));      // crossing, with or without a benefit side
        Assert.False(Nnt(-0.1, 0.2).Equals((object)Nnt(-0.1, 0.25)));
    }

    [Fact]
    public void TwoPatientsPerArmAreEnoughForMeanIntervals()
    {
        static ArmSummary Arm(string name, params (double Baseline, double FollowUp)[] patients) =>
            new OutcomeAccumulator(ResponderThreshold.Percent50)
                .AddRange(patients.Select(p => new PatientOutcome(p.Baseline, p.FollowUp)).ToArray())
                .Summarize(name, 0.95);

        var treatment = Arm("BOTOX", (20, 8), (18, 10));
        var control = Arm("placebo", (19, 15), (21, 13));
        Assert.NotNull(treatment.MeanChangeInterval);
        var comparison = ArmComparison.Create(treatment, control);
        Assert.NotNull(comparison.MeanChangeDifferenceInterval);

        // Equal counts and equal variances (changes -12, -8 and -4, -8): ν = 2(n - 1) = 2, a Welch interval of t(0.975, 2).
        Assert.Equal(2.0, comparison.WelchDegreesOfFreedom!.Value, 12);
        var half = Distributions.StudentTQuantile(0.975, 2) * Math.Sqrt((8.0 / 2) + (8.0 / 2));
        Assert.Equal(-4.0 - half, comparison.MeanChangeDifferenceInterval!.Value.Lower, 12);

        // No spread in either arm: the difference is known exactly and there are no degrees of freedom to report.
        var flat = ArmComparison.Create(Arm("A", (20, 10), (20, 10)), Arm("B", (20, 15), (20, 15)));
        Assert.Null(flat.WelchDegreesOfFreedom);
        Assert.Equal(new ConfidenceInterval(-5, -5, 0.95, IntervalMethod.Welch), flat.MeanChangeDifferenceInterval);

        Rejects("treatment", "The treatment arm 'E' has no patients", () => ArmComparison.Create(new OutcomeAccumulator(ResponderThreshold.Percent50).Summarize("E", 0.95), control));
        Rejects("control", "different confidence levels", () => ArmComparison.Create(treatment, new OutcomeAccumulator(ResponderThreshold.Percent50).Add(20, 4).Summarize("C", 0.9)));
        Rejects("control", "different responder thresholds (≥50% and ≥30%)", () => ArmComparison.Create(treatment, new OutcomeAccumulator(ResponderThreshold.Percent30).Add(20, 4).Summarize("C", 0.95)));
        Assert.Equal("treatment", Assert.Throws<ArgumentNullException>(() => ArmComparison.Create(null!, control)).ParamName);
        Assert.Equal("control", Assert.Throws<ArgumentNullException>(() => ArmComparison.Create(treatment, null!)).ParamName);
        Rejects("method", "A responder-rate interval is Wilson or ClopperPearson", () => new OutcomeAccumulator(ResponderThreshold.Percent50).Add(20, 4).Summarize("C", 0.95, IntervalMethod.Welch));
    }
}
