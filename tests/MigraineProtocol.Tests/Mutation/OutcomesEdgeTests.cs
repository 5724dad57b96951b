using FsCheck.Xunit;
using MigraineProtocol.Outcomes;
using static MigraineProtocol.Tests.Outcomes.ReferenceData;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The outcome statistics at the places their approximations switch: the normal quantile (AS 241) in its
/// far tails on both sides of the r = 5 split and on both sides of |q| = 0.425, the Cauchy (t with 1 df)
/// quantile against its closed form from the median to the far tails, the t quantile a hair from the
/// median, the beta quantile in both far tails, ln B(a, b) in its Stirling branch and x - ln(1 + x) on
/// both sides of its series cut-off, all against R 4.2 (values computed with <c>Rscript</c>, 17 digits)
/// or an exact series, with tolerances at the documented accuracy. Then the accumulator's blocked/AVX2
/// pass (responders at the exact threshold and invalid patients in every lane), its merge and equality,
/// and the argument checks and value semantics of the intervals (the partial files).
/// </summary>
public partial class OutcomesEdgeTests
{
    // ---- Normal quantile (AS 241) ----

    /// <summary>R's qnorm (itself AS 241) in the lower tail: r = √(-ln p) from 5.3 to 26.3 (the E/F branch), 5.03 and 5.01 on either side of exp(-25) ≈ 1.39e-11, and both sides of p = 0.075.</summary>
    [Theory]
    [InlineData(1e-300, -37.047096299361201)]
    [InlineData(9.9999999999999998e-201, -30.205594179579634)]
    [InlineData(1e-100, -21.273453560965319)]
    [InlineData(1e-50, -14.933337534788489)]
    [InlineData(9.9999999999999995e-21, -9.2623400897984052)]
    [InlineData(9.9999999999999998e-13, -7.0344838253011321)]
    [InlineData(1.3e-11, -6.6676114565107403)]
    [InlineData(1.4e-11, -6.6567230915181836)]
    [InlineData(1e-08, -5.61200124417479)]
    [InlineData(0.01, -2.3263478740408408)]
    [InlineData(0.073999999999999996, -1.4466320671589785)]
    [InlineData(0.075999999999999998, -1.4325027208258114)]
    [InlineData(0.99999999999900002, 7.0344869100478356)]
    [InlineData(0.999999999999999, 7.9414444874159766)]
    [InlineData(0.99999999999909051, 7.0477002566644087)]
    [InlineData(0.92600000000000005, 1.4466320671589785)]
    public void NormalQuantileMatchesRInBothTailsAndAcrossEverySplit(double p, double expected) =>
        Relative(expected, Distributions.NormalQuantile(p), 2e-15, $"qnorm({p:R})");

    /// <summary>z(1 - p) = -z(p) exactly wherever 1 - p is exact: both sides take the same branch on the same number.</summary>
    [Property(MaxTest = 300)]
    public bool NormalQuantileIsExactlyAntisymmetric(ulong raw)
    {
        // p = m · 2⁻⁵³ in (0, 0.5], so 1 - p is exact; from 2⁻⁵³ (the far tail) to the median.
        var m = 1 + (long)(raw % (1UL << 52));
        var p = m * Math.Pow(2, -53);
        return Distributions.NormalQuantile(1.0 - p) == -Distributions.NormalQuantile(p);
    }

    // ---- Student t ----

    /// <summary>The Cauchy quantile tan(π(p - 1/2)), formed without cancellation: from a hair off the median to 1e-300 in either tail.</summary>
    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e-10)]
    [InlineData(0.01)]
    [InlineData(0.2)]
    [InlineData(0.25)]
    [InlineData(0.3)]
    [InlineData(0.4999)]
    [InlineData(0.5 - 1e-10)]
    [InlineData(0.5 + 1e-10)]
    [InlineData(0.5 + 1e-15)]
    [InlineData(0.6)]
    [InlineData(0.75)]
    [InlineData(0.9)]
    [InlineData(1 - 1e-10)]
    [InlineData(1 - 1e-16)]
    public void CauchyQuantileMatchesItsClosedForm(double p)
    {
        var lowerTail = Math.Min(p, 1 - p);
        var magnitude = lowerTail >= 0.25 ? Math.Tan(Math.PI * Math.Abs(p - 0.5)) : 1.0 / Math.Tan(Math.PI * lowerTail);
        Relative(p < 0.5 ? -magnitude : magnitude, Distributions.StudentTQuantile(p, 1), 4e-15, $"qcauchy({p:R})");
    }

    /// <summary>
    /// The t quantile a hair from the median, p = 1/2 + δ with δ = 1e-12 and 1e-10: there t = δ / f(0) to
    /// within t² (below 1e-18), with the density at 0 from R's dt (accurate to the last bit; R's qt itself
    /// forms 1 - 2δ there and is off by up to 6e-7). Odd about the median exactly, since 1 - p is exact.
    /// </summary>
    [Theory]
    [InlineData(0.69999999999999996, 0.29463629499066912)]
    [InlineData(3, 0.36755259694786135)]
    [InlineData(5, 0.37960668982249446)]
    [InlineData(12.5, 0.39105097344080508)]
    [InlineData(40, 0.39645692469934396)]
    [InlineData(1000000, 0.39894218066587506)]
    [InlineData(1000000000000, 0.39894228040133295)]
    public void StudentTQuantileNextToTheMedianKeepsEveryBitOfTheDistance(double df, double densityAtZero)
    {
        foreach (var delta in new[] { 1e-12, 1e-10 })
        {
            var p = 0.5 + delta;
            var expected = (p - 0.5) / densityAtZero;
            var actual = Distributions.StudentTQuantile(p, df);
            Relative(expected, actual, 2e-14, $"qt(0.5 + {delta:R}, {df:R})");
            Assert.Equal(-actual, Distributions.StudentTQuantile(1.0 - p, df));
        }
    }

    [Fact]
    public void StudentTAtTheEdgesOfItsDomain()
    {
        Assert.Equal(0.0, Distributions.StudentTCdf(double.NegativeInfinity, 3));
        Assert.Equal(1.0, Distributions.StudentTCdf(double.PositiveInfinity, 0.5));
        Assert.Equal(0.5, Distributions.StudentTCdf(0, 7));
        Assert.Equal(double.NegativeInfinity, Distributions.StudentTQuantile(0, 7));
        Assert.Equal(double.NegativeInfinity, Distributions.StudentTQuantile(0, 1));

        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.StudentTCdf(double.NaN, 3));
        Assert.Equal("t", nan.ParamName);
        Assert.Contains("must not be NaN", nan.Message, StringComparison.Ordinal);
        foreach (var df in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.StudentTCdf(1.5, df));
            Assert.Equal("degreesOfFreedom", e.ParamName);
            Assert.Contains("degrees of freedom must be positive and finite", e.Message, StringComparison.Ordinal);
        }
    }

    // ---- Beta ----

    /// <summary>R's qbeta in the far lower tail (p down to 1e-300) and next to 1 (1 - p exact down to 1e-15): each tail is solved where it keeps its bits.</summary>
    [Theory]
    [InlineData(9.9999999999999995e-21, 2, 3, 4.082482904749738e-11)]
    [InlineData(1e-100, 3.5, 7, 6.6010263926345114e-30)]
    [InlineData(9.9999999999999998e-13, 20, 30, 0.05795784844623348)]
    [InlineData(1e-300, 2.5, 4, 3.4371873209635704e-121)]
    [InlineData(0.999999999999999, 2, 2, 0.99999998174987914)]
    [InlineData(0.99999999999900002, 3.5, 7, 0.98939077564488498)]
    [InlineData(0.99999999989999999, 20, 30, 0.80941458810641675)]
    [InlineData(0.99999999999999001, 2.5, 4, 0.99981757096903123)]
    public void BetaQuantileMatchesRInBothFarTails(double p, double a, double b, double expected) =>
        Relative(expected, Distributions.BetaQuantile(p, a, b), 1e-12, $"qbeta({p:R}, {a}, {b})");

    [Fact]
    public void EveryBetaArgumentIsChecked()
    {
        foreach (var bad in new[] { 0.0, -2.0, double.NaN, double.PositiveInfinity })
        {
            var a = Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.BetaCdf(0.5, bad, 2));
            Assert.Equal("a", a.ParamName);
            Assert.Contains("beta shape parameter must be positive and finite", a.Message, StringComparison.Ordinal);
            var b = Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.BetaQuantile(0.5, 2, bad));
            Assert.Equal("b", b.ParamName);
            Assert.Contains("beta shape parameter must be positive and finite", b.Message, StringComparison.Ordinal);
        }

        foreach (var x in new[] { -0.5, 1.5, double.NaN })
        {
            Assert.Equal("x", Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.BetaCdf(x, 2, 3)).ParamName);
        }
    }

    /// <summary>R's lbeta where the smaller shape is at least 10 (the Stirling form), including the split at exactly 10.</summary>
    [Theory]
    [InlineData(10, 10, -13.736229227036555)]
    [InlineData(10, 1000000, -125.35332309941877)]
    [InlineData(25.5, 40, -44.232542155266444)]
    [InlineData(1000, 1000000000, -14818.045913237063)]
    [InlineData(12, 12.5, -16.953839168358932)]
    [InlineData(300000, 700000, -610869.51054745167)]
    [InlineData(10, 11, -14.4293764075965)]
    public void LogBetaMatchesRForLargeShapes(double a, double b, double expected)
    {
        Relative(expected, Distributions.LogBeta(a, b), 1e-14, $"lbeta({a}, {b})");
        Assert.Equal(Distributions.LogBeta(a, b), Distributions.LogBeta(b, a));
    }

    /// <summary>
    /// x - ln(1 + x) against its alternating series summed in decimal (28 digits), on both sides of the
    /// cut-off |x| = 0.1 and out to |x| = 0.59 (the largest argument the beta prefactor passes): within 1.5e-15.
    /// </summary>
    [Theory]
    [InlineData(0.59375)]
    [InlineData(-0.59375)]
    [InlineData(0.5)]
    [InlineData(-0.5)]
    [InlineData(0.375)]
    [InlineData(-0.375)]
    [InlineData(0.125)]
    [InlineData(-0.125)]
    [InlineData(0.0625)]
    [InlineData(-0.0625)]
    [InlineData(0.0078125)]
    [InlineData(7.62939453125E-06)]
    [InlineData(-7.62939453125E-06)]
    public void Rlog1MatchesItsSeries(double x)
    {
        var dx = (decimal)x;
        Assert.Equal(x, (double)dx);
        decimal sum = 0, power = dx;
        for (var k = 2; k < 400; k++)
        {
            power *= -dx;
            sum += power / k;
        }

        // power is (-1)^(k-1) x^k, so the sum is -(x²/2 - x³/3 + x⁴/4 - ...).
        Relative((double)-sum, Distributions.Rlog1(x), 1.5e-15, $"rlog1({x:R})");
    }
}
