using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Outcomes;
using static MigraineProtocol.Tests.Outcomes.ReferenceData;

namespace MigraineProtocol.Tests.Outcomes;

public class ProportionIntervalsTests
{
    [Fact]
    public void WilsonAndClopperPearsonMatchR()
    {
        foreach (var row in Read("proportion-intervals.csv"))
        {
            var (x, n, level) = (row.L("x"), row.L("n"), row.D("level"));
            var what = $"{x}/{n} at {level}";
            var w = ProportionIntervals.Wilson(x, n, level);
            Close(row.D("wilson_lower"), w.Lower, 1e-13, "Wilson lower " + what);
            Close(row.D("wilson_upper"), w.Upper, 1e-13, "Wilson upper " + what);
            var cp = ProportionIntervals.ClopperPearson(x, n, level);
            var tolerance = n > 10_000 ? 1e-9 : 1e-11;
            Relative(row.D("cp_lower"), cp.Lower, tolerance, "Clopper-Pearson lower " + what);
            Relative(row.D("cp_upper"), cp.Upper, tolerance, "Clopper-Pearson upper " + what);
        }
    }

    [Fact]
    public void NewcombeMatchesRFormulaOverPropTest()
    {
        foreach (var row in Read("newcombe-intervals.csv"))
        {
            var ci = ProportionIntervals.NewcombeDifference(row.L("x1"), row.L("n1"), row.L("x2"), row.L("n2"), row.D("level"));
            var what = $"{row["x1"]}/{row["n1"]} - {row["x2"]}/{row["n2"]} at {row["level"]}";
            Close(row.D("lower"), ci.Lower, 1e-13, "Newcombe lower " + what);
            Close(row.D("upper"), ci.Upper, 1e-13, "Newcombe upper " + what);
            Assert.Equal(IntervalMethod.Newcombe, ci.Method);
        }
    }

    [Fact]
    public void NewcombeReproducesThePublishedExample()
    {
        // Newcombe (1998), Statistics in Medicine 17:873, Table II, method 10: 56/70 - 48/80 gives 0.0524 to 0.3339.
        var ci = ProportionIntervals.NewcombeDifference(56, 70, 48, 80, 0.95);
        Assert.Equal(0.0524, Math.Round(ci.Lower, 4));
        Assert.Equal(0.3339, Math.Round(ci.Upper, 4));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1_000_000)]
    public void EdgesAreExactAtZeroAndAll(long n)
    {
        Assert.Equal(0.0, ProportionIntervals.Wilson(0, n, 0.95).Lower);
        Assert.Equal(1.0, ProportionIntervals.Wilson(n, n, 0.95).Upper);
        Assert.Equal(0.0, ProportionIntervals.ClopperPearson(0, n, 0.95).Lower);
        Assert.Equal(1.0, ProportionIntervals.ClopperPearson(n, n, 0.95).Upper);
        Assert.True(ProportionIntervals.Wilson(0, n, 0.95).Upper > 0);
        Assert.True(ProportionIntervals.ClopperPearson(n, n, 0.95).Lower < 1);
    }

    [Fact]
    public void ClopperPearsonAtZeroHasTheClosedFormUpperBound()
    {
        // x = 0: upper = 1 - (α/2)^(1/n).
        var ci = ProportionIntervals.ClopperPearson(0, 20, 0.95);
        Relative(1 - Math.Pow(0.025, 1.0 / 20), ci.Upper, 1e-14, "upper at 0/20");
    }

    [Property(MaxTest = 300)]
    public Property IntervalsStayInsideZeroToOneAndContainTheEstimate() =>
        Prop.ForAll(
            Gen.Choose(1, 5000).SelectMany(n => Gen.Choose(0, n).Select(x => (x, n))).ToArbitrary(),
            Gen.Elements(0.8, 0.9, 0.95, 0.99).ToArbitrary(),
            (c, level) =>
            {
                var p = (double)c.x / c.n;
                var w = ProportionIntervals.Wilson(c.x, c.n, level);
                var cp = ProportionIntervals.ClopperPearson(c.x, c.n, level);
                return w.Lower >= 0 && w.Upper <= 1 && w.Contains(p) && cp.Lower >= 0 && cp.Upper <= 1 && cp.Contains(p)
                    && (c.x != 0 || (w.Lower == 0 && cp.Lower == 0)) && (c.x != c.n || (w.Upper == 1 && cp.Upper == 1));
            });

    [Property(MaxTest = 300)]
    public Property NewcombeStaysInsideMinusOneToOneAndContainsTheDifference() =>
        Prop.ForAll(
            Gen.Choose(1, 500).SelectMany(n => Gen.Choose(0, n).Select(x => (x, n))).ToArbitrary(),
            Gen.Choose(1, 500).SelectMany(n => Gen.Choose(0, n).Select(x => (x, n))).ToArbitrary(),
            (a, b) =>
            {
                var ci = ProportionIntervals.NewcombeDifference(a.x, a.n, b.x, b.n, 0.95);
                return ci.Lower >= -1 && ci.Upper <= 1 && ci.Contains(((double)a.x / a.n) - ((double)b.x / b.n));
            });

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, 0)]
    public void BadCountsAreRejected(long x, long n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionIntervals.Wilson(x, n, 0.95));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1.5)]
    public void BadLevelsAreRejected(double level)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ProportionIntervals.ClopperPearson(3, 10, level));
        Assert.Contains("confidence level", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForRejectsMeanMethods() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionIntervals.For(3, 10, 0.95, IntervalMethod.Welch));
}
