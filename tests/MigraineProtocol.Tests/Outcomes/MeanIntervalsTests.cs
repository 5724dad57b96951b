using MigraineProtocol.Outcomes;
using static MigraineProtocol.Tests.Outcomes.ReferenceData;

namespace MigraineProtocol.Tests.Outcomes;

public class MeanIntervalsTests
{
    [Fact]
    public void StudentTMatchesRTTestOnTheExampleCohort()
    {
        var arms = CohortFixture.Arms();
        foreach (var row in Read("cohort-arms.csv").Where(r => r["threshold"] == "0.5"))
        {
            var changes = arms[row["arm"]].Select(p => p.Change).ToArray();
            var mean = changes.Average();
            var sd = Math.Sqrt(changes.Sum(c => (c - mean) * (c - mean)) / (changes.Length - 1));
            var ci = MeanIntervals.StudentT(mean, sd, changes.Length, 0.95);
            Close(row.D("t_lower"), ci.Lower, 1e-12, "t lower " + row["arm"]);
            Close(row.D("t_upper"), ci.Upper, 1e-12, "t upper " + row["arm"]);
            Assert.Equal(IntervalMethod.StudentT, ci.Method);
        }
    }

    [Fact]
    public void WelchMatchesRTTestOnTheExampleCohort()
    {
        var arms = CohortFixture.Arms();
        var row = Read("cohort-comparison.csv").Single();
        var t = arms["onabotulinumtoxinA"].Select(p => p.Change).ToArray();
        var c = arms["placebo"].Select(p => p.Change).ToArray();
        var ci = MeanIntervals.Welch(t.Average(), Sd(t), t.Length, c.Average(), Sd(c), c.Length, 0.95);
        Close(row.D("welch_lower"), ci.Lower, 1e-12, "Welch lower");
        Close(row.D("welch_upper"), ci.Upper, 1e-12, "Welch upper");
    }

    [Fact]
    public void NoSpreadGivesAPointInterval()
    {
        var ci = MeanIntervals.StudentT(-4, 0, 10, 0.95);
        Assert.Equal((-4.0, -4.0), (ci.Lower, ci.Upper));
        var w = MeanIntervals.Welch(-4, 0, 10, -1, 0, 5, 0.95);
        Assert.Equal((-3.0, -3.0), (w.Lower, w.Upper));
    }

    [Fact]
    public void FewerThanTwoObservationsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanIntervals.StudentT(1, 1, 1, 0.95));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanIntervals.Welch(1, 1, 5, 1, 1, 1, 0.95));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanIntervals.StudentT(1, -1, 5, 0.95));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanIntervals.StudentT(double.NaN, 1, 5, 0.95));
    }

    private static double Sd(double[] x)
    {
        var m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
    }
}
