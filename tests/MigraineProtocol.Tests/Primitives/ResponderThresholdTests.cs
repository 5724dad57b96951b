using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Primitives;

public class ResponderThresholdTests
{
    [Fact]
    public void BuiltInThresholdsCarryTheirSources()
    {
        Assert.Equal(0.30, ResponderThreshold.Percent30.Fraction);
        Assert.Equal("S9", ResponderThreshold.Percent30.Source!.Source);
        Assert.Equal(0.50, ResponderThreshold.Percent50.Fraction);
        Assert.Equal(VerificationLevel.Verified, ResponderThreshold.Percent50.Source!.Verification);
        Assert.Null(ResponderThreshold.Percent75.Source);
        Assert.Same(ResponderThreshold.Percent50.Source, ResponderThreshold.FromPercent(50).Source);
    }

    [Fact]
    public void FactoriesValidateAndFormat()
    {
        Assert.Equal(ResponderThreshold.FromFraction(0.4), ResponderThreshold.FromPercent(40));
        Assert.Equal("≥40%", ResponderThreshold.FromPercent(40).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponderThreshold.FromPercent(101));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponderThreshold.FromFraction(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponderThreshold.FromFraction(double.NaN));
    }

    [Fact]
    public void IsMetByComparesTheReductionWithTheThreshold()
    {
        Assert.True(ResponderThreshold.Percent30.IsMetBy(20, 14));
        Assert.False(ResponderThreshold.Percent30.IsMetBy(20, 14.1));
        Assert.True(ResponderThreshold.FromPercent(0).IsMetBy(20, 20));
        Assert.False(ResponderThreshold.FromPercent(0).IsMetBy(20, 20.5));
        Assert.True(ResponderThreshold.FromPercent(100).IsMetBy(20, 0));
    }
}
