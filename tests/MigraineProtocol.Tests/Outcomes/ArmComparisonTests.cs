using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;
using static MigraineProtocol.Tests.Outcomes.ReferenceData;

namespace MigraineProtocol.Tests.Outcomes;

public class ArmComparisonTests
{
    private static ArmSummary Summary(string arm, double threshold = 0.5, IntervalMethod method = IntervalMethod.Wilson) =>
        new OutcomeAccumulator(ResponderThreshold.FromFraction(threshold)).AddRange(CohortFixture.Arms()[arm]).Summarize(arm, 0.95, method);

    [Fact]
    public void ArmSummariesMatchR()
    {
        foreach (var row in Read("cohort-arms.csv"))
        {
            var arm = row["arm"];
            var wilson = Summary(arm, row.D("threshold"));
            var cp = Summary(arm, row.D("threshold"), IntervalMethod.ClopperPearson);
            var what = $"{arm} at {row["threshold"]}";
            Assert.Equal(row.L("n"), wilson.Count);
            Assert.Equal(row.L("responders"), wilson.Responders);
            Close(row.D("wilson_lower"), wilson.ResponderRateInterval.Lower, 1e-13, "Wilson lower " + what);
            Close(row.D("wilson_upper"), wilson.ResponderRateInterval.Upper, 1e-13, "Wilson upper " + what);
            Close(row.D("cp_lower"), cp.ResponderRateInterval.Lower, 1e-11, "CP lower " + what);
            Close(row.D("cp_upper"), cp.ResponderRateInterval.Upper, 1e-11, "CP upper " + what);
            Close(row.D("mean_change"), wilson.MeanChange, 1e-13, "mean " + what);
            Close(row.D("sd_change"), wilson.ChangeStandardDeviation, 1e-12, "sd " + what);
            Close(row.D("t_lower"), wilson.MeanChangeInterval!.Value.Lower, 1e-12, "t lower " + what);
            Close(row.D("t_upper"), wilson.MeanChangeInterval!.Value.Upper, 1e-12, "t upper " + what);
        }
    }

    [Fact]
    public void ComparisonMatchesR()
    {
        var row = Read("cohort-comparison.csv").Single();
        var c = ArmComparison.Create(Summary("onabotulinumtoxinA"), Summary("placebo"));
        Close(row.D("risk_difference"), c.RiskDifference, 1e-15, "risk difference");
        Close(row.D("newcombe_lower"), c.RiskDifferenceInterval.Lower, 1e-13, "Newcombe lower");
        Close(row.D("newcombe_upper"), c.RiskDifferenceInterval.Upper, 1e-13, "Newcombe upper");
        Close(1 / row.D("risk_difference"), c.NumberNeededToTreat!.Value.Value, 1e-13, "NNT");
        Assert.Equal(TreatmentEffect.Benefit, c.NumberNeededToTreat!.Value.Effect);
        Assert.False(c.NumberNeededToTreatInterval.CrossesZero);
        Close(1 / row.D("newcombe_upper"), c.NumberNeededToTreatInterval.Lower!.Value, 1e-13, "NNT lower");
        Close(1 / row.D("newcombe_lower"), c.NumberNeededToTreatInterval.Upper!.Value, 1e-13, "NNT upper");
        Close(row.D("mean_difference"), c.MeanChangeDifference, 1e-13, "mean difference");
        Close(row.D("welch_lower"), c.MeanChangeDifferenceInterval!.Value.Lower, 1e-12, "Welch lower");
        Close(row.D("welch_upper"), c.MeanChangeDifferenceInterval!.Value.Upper, 1e-12, "Welch upper");
        Close(row.D("welch_df"), c.WelchDegreesOfFreedom!.Value, 1e-12, "Welch df");
    }

    [Fact]
    public void NoDifferenceHasNoNumberNeededToTreat()
    {
        var a = new OutcomeAccumulator(ResponderThreshold.Percent50).Add(20, 5).Add(20, 18).Summarize("a", 0.95);
        var b = new OutcomeAccumulator(ResponderThreshold.Percent50).Add(16, 4).Add(16, 16).Summarize("b", 0.95);
        var c = ArmComparison.Create(a, b);
        Assert.Equal(0.0, c.RiskDifference);
        Assert.Null(c.NumberNeededToTreat);
    }

    [Fact]
    public void SinglePatientArmsHaveNoMeanIntervals()
    {
        var a = new OutcomeAccumulator(ResponderThreshold.Percent50).Add(20, 5).Summarize("a", 0.95);
        var b = new OutcomeAccumulator(ResponderThreshold.Percent50).Add(16, 14).Add(18, 3).Summarize("b", 0.95);
        Assert.Null(a.MeanChangeInterval);
        var c = ArmComparison.Create(a, b);
        Assert.Null(c.MeanChangeDifferenceInterval);
        Assert.Null(c.WelchDegreesOfFreedom);
        Assert.Equal(0.5, c.RiskDifference);
        Assert.Equal("NNTB 2", c.NumberNeededToTreat.ToString());
        Assert.Equal(2.0, c.NumberNeededToTreat!.Value.SignedValue);
    }

    [Fact]
    public void ArmsMustShareThresholdAndLevel()
    {
        var a = Summary("placebo");
        Assert.Throws<ArgumentException>(() => ArmComparison.Create(a, Summary("placebo", 0.3)));
        var other = new OutcomeAccumulator(ResponderThreshold.Percent50).AddRange(CohortFixture.Arms()["placebo"]).Summarize("placebo", 0.9);
        Assert.Throws<ArgumentException>(() => ArmComparison.Create(a, other));
    }
}
