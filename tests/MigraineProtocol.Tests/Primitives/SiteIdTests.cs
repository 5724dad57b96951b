using FsCheck.Xunit;
using MigraineProtocol.Primitives;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Primitives;

[Properties(Arbitrary = [typeof(DomainArbitraries)])]
public class SiteIdTests
{
    [Property]
    public bool ToStringThenParseIsIdentity(SiteId id) => SiteId.Parse(id.ToString()) == id;

    [Property]
    public bool CompareAgreesWithEquals(SiteId a, SiteId b) => (a.CompareTo(b) == 0) == a.Equals(b) && (!a.Equals(b) || a.GetHashCode() == b.GetHashCode()) && (a == b) == a.Equals(b);

    [Property]
    public bool TryParseNeverThrows(string? text) => SiteId.TryParse(text, out var id) ? id.Value == text : id == default;

    [Theory]
    [InlineData("")]
    [InlineData("Procerus")]
    [InlineData("temporalis--left")]
    [InlineData("-procerus")]
    [InlineData("procerus-")]
    [InlineData("1-procerus")]
    [InlineData("tempo ralis")]
    [InlineData("temporalis_left_1")]
    public void RejectsMalformedIds(string text)
    {
        Assert.False(SiteId.TryParse(text, out _));
        var e = Assert.Throws<FormatException>(() => SiteId.Parse(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SiteId.From(text));
    }

    [Fact]
    public void DefaultIsSafeAndEmpty()
    {
        SiteId id = default;
        Assert.Equal(string.Empty, id.Value);
        Assert.Equal(string.Empty, id.ToString());
        Assert.False(id.IsFollowThePain);
        Assert.Equal(default, id);
        Assert.Equal(1, id.CompareTo(null));
    }

    [Theory]
    [InlineData("temporalis-left-ftp", "temporalis", Laterality.Left)]
    [InlineData("trapezius-right-ftp", "trapezius", Laterality.Right)]
    [InlineData("cervical-paraspinal-left-ftp", "cervical-paraspinal", Laterality.Left)]
    public void DecomposesFollowThePainIds(string text, string muscle, Laterality side)
    {
        var id = SiteId.Parse(text);
        Assert.True(id.TryGetFollowThePain(out var m, out var s));
        Assert.Equal(MuscleId.From(muscle), m);
        Assert.Equal(side, s);
        Assert.Equal(id, SiteId.FollowThePain(m, s));
    }

    [Theory]
    [InlineData("temporalis-left-1")]
    [InlineData("procerus")]
    [InlineData("ftp")]
    public void OtherIdsAreNotFollowThePain(string text) => Assert.False(SiteId.Parse(text).IsFollowThePain);

    /// <summary>Regression (fuzzing): an id ending in '-ftp' in any other form than '&lt;muscle&gt;-&lt;side&gt;-ftp' is not a site id.</summary>
    [Theory]
    [InlineData("temporalis-midline-ftp")]
    [InlineData("left-ftp")]
    [InlineData("temporalis-ftp")]
    [InlineData("a-b-ftp")]
    [InlineData("temporalis-left-1-ftp")]
    public void MalformedFollowThePainIdsAreRejected(string text)
    {
        Assert.False(SiteId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SiteId.Parse(text));
        Assert.Throws<ArgumentException>(() => SiteId.From(text));
    }

    [Fact]
    public void FollowThePainRejectsMidline()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SiteId.FollowThePain(MuscleId.From("temporalis"), Laterality.Midline));
        Assert.Equal("side", e.ParamName);
    }
}
