using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Outcomes;

namespace MigraineProtocol.Tests.Outcomes;

public class NumberNeededToTreatTests
{
    private static ConfidenceInterval Rd(double lower, double upper) => new(lower, upper, 0.95, IntervalMethod.Newcombe);

    [Theory]
    [InlineData(0.4, 2.5, TreatmentEffect.Benefit, "NNTB 2.5")]
    [InlineData(-0.0076, 131.57894736842104, TreatmentEffect.Harm, "NNTH 131.57894736842104")]
    [InlineData(1.0, 1.0, TreatmentEffect.Benefit, "NNTB 1")]
    [InlineData(-1.0, 1.0, TreatmentEffect.Harm, "NNTH 1")]
    public void PointValueIsLabelledNotSigned(double riskDifference, double value, TreatmentEffect effect, string text)
    {
        var nnt = NumberNeededToTreat.FromRiskDifference(riskDifference);
        Assert.Equal(value, nnt.Value);
        Assert.Equal(effect, nnt.Effect);
        Assert.Equal(1.0 / riskDifference, nnt.SignedValue);
        Assert.Equal(text, nnt.ToString());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(1.5)]
    public void NoDifferenceOrOutOfRangeHasNoNumber(double riskDifference) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberNeededToTreat.FromRiskDifference(riskDifference));

    [Fact]
    public void BenefitIntervalIsTheReciprocalsInOrder()
    {
        var ci = NumberNeededToTreatInterval.FromRiskDifference(Rd(0.15260218474765144, 0.58643806403062393));
        Assert.False(ci.CrossesZero);
        Assert.Equal(TreatmentEffect.Benefit, ci.Effect);
        Assert.Equal(1 / 0.58643806403062393, ci.Lower);
        Assert.Equal(1 / 0.15260218474765144, ci.Upper);
        Assert.Null(ci.BenefitFrom);
        Assert.Null(ci.HarmFrom);
        Assert.Equal("NNTB 1.7 to 6.6", ci.ToString());
        Assert.Equal(0.95, ci.Level);
    }

    [Fact]
    public void HarmIntervalIsSignedWithLowerBelowUpper()
    {
        var ci = NumberNeededToTreatInterval.FromRiskDifference(Rd(-0.3, -0.1));
        Assert.Equal(TreatmentEffect.Harm, ci.Effect);
        Assert.Equal(-10.0, ci.Lower!.Value, 12);
        Assert.Equal(-1 / 0.3, ci.Upper!.Value, 12);
        Assert.True(ci.Lower <= ci.Upper);
        Assert.Equal("NNTH 3.3 to 10.0", ci.ToString());
    }

    [Fact]
    public void CrossingZeroRunsThroughInfinityAsAltmanWritesIt()
    {
        // The example: -0.76 points, interval -4.30 to +2.78 points.
        var ci = NumberNeededToTreatInterval.FromRiskDifference(Rd(-0.0430, 0.0278));
        Assert.True(ci.CrossesZero);
        Assert.Null(ci.Effect);
        Assert.Null(ci.Lower);
        Assert.Null(ci.Upper);
        Assert.Equal(1 / 0.0278, ci.BenefitFrom);
        Assert.Equal(1 / 0.0430, ci.HarmFrom);
        Assert.Equal("NNTB 36.0 to ∞ to NNTH 23.3", ci.ToString());
    }

    [Fact]
    public void ABoundOfExactlyZeroLeavesItsSideEmpty()
    {
        var benefitOnly = NumberNeededToTreatInterval.FromRiskDifference(Rd(0.0, 0.25));
        Assert.True(benefitOnly.CrossesZero);
        Assert.Equal(4.0, benefitOnly.BenefitFrom);
        Assert.Null(benefitOnly.HarmFrom);
        Assert.Equal("NNTB 4.0 to ∞", benefitOnly.ToString());
        var harmOnly = NumberNeededToTreatInterval.FromRiskDifference(Rd(-0.5, 0.0));
        Assert.Null(harmOnly.BenefitFrom);
        Assert.Equal(2.0, harmOnly.HarmFrom);
        Assert.Equal("∞ to NNTH 2.0", harmOnly.ToString());
    }

    [Fact]
    public void CitesAltman()
    {
        Assert.Contains("BMJ 1998;317:1309", NumberNeededToTreatInterval.Source.Locator, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberNeededToTreatInterval.FromRiskDifference(default));
    }

    /// <summary>Law: the interval contains the point NNT's reciprocal relation: lower ≤ 1/RD ≤ upper when it does not cross 0; crossing exactly when the RD interval holds 0.</summary>
    [Property(MaxTest = 500)]
    public Property IntervalBracketsThePointEstimate(int x1Raw, int n1Raw, int x2Raw, int n2Raw)
    {
        var n1 = 1 + (Math.Abs(n1Raw) % 300);
        var n2 = 1 + (Math.Abs(n2Raw) % 300);
        var x1 = Math.Abs(x1Raw) % (n1 + 1);
        var x2 = Math.Abs(x2Raw) % (n2 + 1);
        var rd = ProportionIntervals.NewcombeDifference(x1, n1, x2, n2, 0.95);
        var ci = NumberNeededToTreatInterval.FromRiskDifference(rd);
        var d = ((double)x1 / n1) - ((double)x2 / n2);
        var ok = ci.CrossesZero == (rd.Lower <= 0 && rd.Upper >= 0)
            && (ci.CrossesZero || (d != 0 && ci.Lower <= 1 / d && 1 / d <= ci.Upper));
        return ok.Label($"{x1}/{n1} vs {x2}/{n2}: {rd} -> {ci}");
    }
}
