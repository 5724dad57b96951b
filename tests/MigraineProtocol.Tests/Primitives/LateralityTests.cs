using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Primitives;

public class LateralityTests
{
    [Theory]
    [InlineData(Laterality.Left, "left")]
    [InlineData(Laterality.Right, "right")]
    [InlineData(Laterality.Midline, "midline")]
    public void TextRoundTrips(Laterality side, string text)
    {
        Assert.Equal(text, LateralityText.Format(side));
        Assert.True(LateralityText.TryParse(text, out var back));
        Assert.Equal(side, back);
    }

    [Theory]
    [InlineData("Left")]
    [InlineData("l")]
    [InlineData("")]
    [InlineData("both")]
    public void OnlyTheInvariantWordsParse(string text) => Assert.False(LateralityText.TryParse(text, out _));

    [Fact]
    public void ZeroIsUndefined() => Assert.Throws<ArgumentOutOfRangeException>(() => LateralityText.Format(default));
}
