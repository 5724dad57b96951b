using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;
using static MigraineProtocol.Tests.Outcomes.ReferenceData;

namespace MigraineProtocol.Tests.Outcomes;

/// <summary>
/// The precision goals of issue 13, pinned against values computed with R (Reference/precision.R) and,
/// for a subset, 50-digit mpmath (Reference/precision.py): Clopper-Pearson bounds within 1e-12 relative
/// for every n up to 2^53 and the Student t quantile and CDF within 1e-12 relative for every df.
/// </summary>
public class PrecisionTests
{
    [Fact]
    public void ClopperPearsonMatchesRUpToTwoToThe53()
    {
        var rows = Read("precision-clopper-pearson.csv");
        Assert.Contains(rows, r => r.D("n") == 9007199254740992.0);
        foreach (var row in rows)
        {
            var ci = ProportionIntervals.ClopperPearson(row.L("x"), row.L("n"), row.D("level"));
            var what = $"binom.test({row["x"]}, {row["n"]}, conf.level = {row["level"]})";
            Relative(row.D("lower"), ci.Lower, 1e-12, what + " lower");
            Relative(row.D("upper"), ci.Upper, 1e-12, what + " upper");
        }
    }

    [Fact]
    public void StudentTQuantileMatchesRForEveryDegreesOfFreedom()
    {
        foreach (var row in Read("precision-t-quantiles.csv"))
        {
            Relative(row.D("q"), Distributions.StudentTQuantile(row.D("p"), row.D("df")), 1e-12, $"qt({row["p"]}, {row["df"]})");
        }
    }

    [Fact]
    public void StudentTCdfMatchesRForEveryDegreesOfFreedom()
    {
        foreach (var row in Read("precision-t-cdf.csv"))
        {
            Relative(row.D("p"), Distributions.StudentTCdf(row.D("t"), row.D("df")), 1e-12, $"pt({row["t"]}, {row["df"]})");
        }
    }

    [Fact]
    public void RandomSweepOfBetaAndTMatchesR()
    {
        var rows = Read("precision-sweep.csv");
        Assert.True(rows.Count > 3_000);
        foreach (var row in rows)
        {
            var x = row.D("x");
            var a = row.D("a");
            var actual = row["f"] switch
            {
                "pbeta" => Distributions.BetaCdf(x, a, row.D("b")),
                "qbeta" => Distributions.BetaQuantile(x, a, row.D("b")),
                "pt" => Distributions.StudentTCdf(x, a),
                "qt" => Distributions.StudentTQuantile(x, a),
                _ => throw new InvalidOperationException(row["f"]),
            };
            Relative(row.D("value"), actual, 1e-12, $"{row["f"]}({row["x"]}, {row["a"]}, {row["b"]})");
        }
    }

    [Fact]
    public void ConfidenceLevelsStopWhereTheCriticalProbabilityRoundsToOne()
    {
        var tooClose = Math.BitIncrement(ConfidenceInterval.MaxLevel);
        Assert.True(tooClose < 1.0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ProportionIntervals.Wilson(3, 10, tooClose));
        Assert.Contains("0.9999999999999998", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionIntervals.ClopperPearson(3, 10, tooClose));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanIntervals.StudentT(1, 1, 10, tooClose));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutcomeAccumulator(ResponderThreshold.Percent50).Add(20, 5).Summarize("a", tooClose));

        // At the largest level every interval is finite, for the smallest degrees of freedom too.
        var level = ConfidenceInterval.MaxLevel;
        Assert.True(double.IsFinite(ProportionIntervals.Wilson(3, 10, level).Upper));
        Assert.True(ProportionIntervals.ClopperPearson(3, 10, level).Upper < 1.0);
        foreach (var n in new long[] { 2, 3, 4, 1_000_000 })
        {
            Assert.True(double.IsFinite(MeanIntervals.StudentT(1, 1, n, level).Upper));
        }

        Assert.True(double.IsFinite(ProportionIntervals.NewcombeDifference(3, 10, 1, 10, level).Upper));
    }

    /// <summary>Values from 50-digit arithmetic (Reference/precision.py): the issue's failing cases.</summary>
    [Theory]
    [InlineData(0L, 1_000_000_000L, 3.6888794473100204977e-9)]
    [InlineData(1L, 1_000_000_000L, 5.5716433782031152715e-9)]
    [InlineData(5L, 1_000_000_000_000L, 1.1668332079283765475e-11)]
    [InlineData(0L, 1_000_000_000_000L, 3.688879454107132387e-12)]
    public void ClopperPearsonUpperMatchesArbitraryPrecision(long x, long n, double expected) =>
        Relative(expected, ProportionIntervals.ClopperPearson(x, n, 0.95).Upper, 1e-12, $"CP upper {x}/{n}");

    [Theory]
    [InlineData(4e5, 1.9599699152357706382, 0.97500175824054400416)]
    [InlineData(1e7, 1.9599642217672054904, 0.97500209098734290593)]
    [InlineData(1e12, 1.9599639845424265068, 0.9750021048516409215)]
    [InlineData(1e16, 1.9599639845400544728, 0.975002104851779552)]
    public void StudentTMatchesArbitraryPrecision(double df, double quantile975, double cdfAt196)
    {
        Relative(quantile975, Distributions.StudentTQuantile(0.975, df), 1e-12, $"qt(0.975, {df})");
        Relative(cdfAt196, Distributions.StudentTCdf(1.96, df), 1e-12, $"pt(1.96, {df})");
    }
}
