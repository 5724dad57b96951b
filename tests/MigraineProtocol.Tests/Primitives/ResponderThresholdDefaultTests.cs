using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Primitives;

public class ResponderThresholdDefaultTests
{
    [Fact]
    public void TheDefaultValueIsThePreemptFiftyPercentNotAnyReduction()
    {
        var threshold = default(ResponderThreshold);
        Assert.Equal(ResponderThreshold.Percent50, threshold);
        Assert.Equal(0.5, threshold.Fraction);
        Assert.Equal("S11h", threshold.Source?.Source);
        Assert.False(threshold.IsMetBy(20, 19)); // a 5% reduction is not a response
        Assert.False(threshold.IsMetBy(20, 20)); // no reduction is not a response
        Assert.True(threshold.IsMetBy(20, 10));
        Assert.Equal("≥50%", threshold.ToString());
    }

    [Fact]
    public void ZeroIsStillAvailableOnRequest() => Assert.True(ResponderThreshold.FromFraction(0).IsMetBy(20, 20));
}
