using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Primitives;

public class CitationTests
{
    [Fact]
    public void EqualityIsByValue()
    {
        var a = new Citation("S1", "SmPC §4.2", VerificationLevel.Verified);
        var b = new Citation("S1", "SmPC §4.2", VerificationLevel.Verified);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new Citation("S1", "SmPC §4.2", VerificationLevel.VerifiedSecondary));
    }

    [Theory]
    [InlineData("", "x")]
    [InlineData(" ", "x")]
    [InlineData("S1", "")]
    public void RejectsBlankParts(string source, string locator) =>
        Assert.ThrowsAny<ArgumentException>(() => new Citation(source, locator, VerificationLevel.Verified));

    [Theory]
    [InlineData(VerificationLevel.Verified, "verified")]
    [InlineData(VerificationLevel.VerifiedSecondary, "verified-2nd")]
    [InlineData(VerificationLevel.Unverified, "unverified")]
    public void LevelTextRoundTrips(VerificationLevel level, string text)
    {
        Assert.Equal(text, Citation.FormatLevel(level));
        Assert.True(Citation.TryParseLevel(text, out var back));
        Assert.Equal(level, back);
    }

    [Fact]
    public void SecondaryIsFlagged() => Assert.True(new Citation("S17", "CPT 64615", VerificationLevel.VerifiedSecondary).IsSecondary);
}
