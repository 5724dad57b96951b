using MathNet.Numerics.Distributions;
using MigraineProtocol.Outcomes;
using static MigraineProtocol.Tests.Outcomes.ReferenceData;

namespace MigraineProtocol.Tests.Outcomes;

public class DistributionsTests
{
    [Fact]
    public void NormalQuantileMatchesR()
    {
        foreach (var row in Read("normal-quantiles.csv"))
        {
            Relative(row.D("q"), Distributions.NormalQuantile(row.D("p")), 1e-15, $"qnorm({row["p"]})");
        }
    }

    [Fact]
    public void StudentTQuantileMatchesR()
    {
        foreach (var row in Read("t-quantiles.csv"))
        {
            var df = row.D("df");
            Relative(row.D("q"), Distributions.StudentTQuantile(row.D("p"), df), 1e-12, $"qt({row["p"]}, {row["df"]})");
        }
    }

    [Fact]
    public void StudentTCdfMatchesR()
    {
        foreach (var row in Read("t-cdf.csv"))
        {
            Relative(row.D("p"), Distributions.StudentTCdf(row.D("t"), row.D("df")), 1e-12, $"pt({row["t"]}, {row["df"]})");
        }
    }

    [Fact]
    public void BetaCdfMatchesR()
    {
        foreach (var row in Read("beta-cdf.csv"))
        {
            const double tolerance = 1e-12;
            Relative(row.D("cdf"), Distributions.BetaCdf(row.D("x"), row.D("a"), row.D("b")), tolerance, $"pbeta({row["x"]}, {row["a"]}, {row["b"]})");
        }
    }

    [Fact]
    public void BetaQuantileMatchesR()
    {
        foreach (var row in Read("beta-quantiles.csv"))
        {
            const double tolerance = 1e-12;
            Relative(row.D("q"), Distributions.BetaQuantile(row.D("p"), row.D("a"), row.D("b")), tolerance, $"qbeta({row["p"]}, {row["a"]}, {row["b"]})");
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.95)]
    [InlineData(0.975)]
    [InlineData(0.995)]
    [InlineData(0.0001)]
    public void NormalQuantileAgreesWithMathNet(double p) =>
        Relative(Normal.InvCDF(0, 1, p), Distributions.NormalQuantile(p), 1e-9, $"Normal.InvCDF({p})");

    [Theory]
    [InlineData(0.975, 1)]
    [InlineData(0.975, 2)]
    [InlineData(0.975, 5)]
    [InlineData(0.95, 29)]
    [InlineData(0.995, 12.5)]
    [InlineData(0.025, 300)]
    public void StudentTQuantileAgreesWithMathNet(double p, double df) =>
        Relative(StudentT.InvCDF(0, 1, df, p), Distributions.StudentTQuantile(p, df), 1e-8, $"StudentT.InvCDF({p}, {df})");

    [Theory]
    [InlineData(0.025, 3, 18)]
    [InlineData(0.975, 19, 2)]
    [InlineData(0.5, 0.5, 0.5)]
    [InlineData(0.05, 120, 380)]
    public void BetaQuantileAgreesWithMathNet(double p, double a, double b) =>
        Relative(Beta.InvCDF(a, b, p), Distributions.BetaQuantile(p, a, b), 1e-8, $"Beta.InvCDF({a}, {b}, {p})");

    [Theory]
    [InlineData(0.3, 2, 5)]
    [InlineData(0.9, 0.5, 40)]
    [InlineData(0.01, 7, 7)]
    public void BetaCdfAgreesWithMathNet(double x, double a, double b) =>
        Relative(MathNet.Numerics.SpecialFunctions.BetaRegularized(a, b, x), Distributions.BetaCdf(x, a, b), 1e-12, $"BetaRegularized({a}, {b}, {x})");

    [Fact]
    public void EdgesAreExact()
    {
        Assert.Equal(double.NegativeInfinity, Distributions.NormalQuantile(0));
        Assert.Equal(double.PositiveInfinity, Distributions.NormalQuantile(1));
        Assert.Equal(0.0, Distributions.NormalQuantile(0.5));
        Assert.Equal(0.0, Distributions.StudentTQuantile(0.5, 7));
        Assert.Equal(double.PositiveInfinity, Distributions.StudentTQuantile(1, 7));
        Assert.Equal(0.0, Distributions.BetaQuantile(0, 2, 3));
        Assert.Equal(1.0, Distributions.BetaQuantile(1, 2, 3));
        Assert.Equal(0.0, Distributions.BetaCdf(0, 2, 3));
        Assert.Equal(1.0, Distributions.BetaCdf(1, 2, 3));
        Assert.Equal(1.0, Distributions.StudentTCdf(double.PositiveInfinity, 3));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void ProbabilitiesOutsideZeroToOneAreRejected(double p)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.NormalQuantile(p));
        Assert.Contains("between 0 and 1", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.BetaQuantile(p, 1, 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(double.PositiveInfinity)]
    public void BadParametersAreRejected(double v)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.StudentTQuantile(0.9, v));
        Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.BetaQuantile(0.9, v, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.BetaCdf(0.5, 1, v));
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool BetaQuantileInvertsTheCdf(ushort pRaw, byte aRaw, byte bRaw)
    {
        var p = (pRaw + 1) / 65_537.0;
        var a = (aRaw + 1) / 4.0;
        var b = (bRaw + 1) / 4.0;
        var x = Distributions.BetaQuantile(p, a, b);
        return x is >= 0 and <= 1 && Math.Abs(Distributions.BetaCdf(x, a, b) - p) <= 1e-10;
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool StudentTQuantileInvertsTheCdf(ushort pRaw, ushort dfRaw)
    {
        var p = (pRaw + 1) / 65_537.0;
        var df = (dfRaw + 1) / 16.0;
        return Math.Abs(Distributions.StudentTCdf(Distributions.StudentTQuantile(p, df), df) - p) <= 1e-10;
    }
}
