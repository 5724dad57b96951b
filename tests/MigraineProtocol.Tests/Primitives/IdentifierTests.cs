using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Primitives;

/// <summary>The contract shared by <see cref="MuscleId"/>, <see cref="RegionId"/> and <see cref="ProtocolId"/> (and <see cref="SiteId"/>).</summary>
public class IdentifierTests
{
    private static readonly Gen<string> WellFormed =
        from first in Gen.Elements("a", "t", "z")
        from rest in Gen.Elements("emporalis", "-left", "-1", "x", "-9a", "rap").ArrayOf().Where(a => a.Length < 6)
        select first + string.Concat(rest);

    private static bool Oracle(string s) => System.Text.RegularExpressions.Regex.IsMatch(s, @"\A[a-z][a-z0-9]*(-[a-z0-9]+)*\z") && s.Length <= 64;

    [Property(MaxTest = 500)]
    public Property GrammarAgreesWithTheRegexOracle() =>
        Prop.ForAll(Gen.OneOf(WellFormed, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)).ToArbitrary(), s =>
            MuscleId.TryParse(s, null, out _) == Oracle(s)
            && RegionId.TryParse(s, null, out _) == Oracle(s)
            && ProtocolId.TryParse(s, null, out _) == Oracle(s)
            && SiteId.TryParse(s, out _) == Oracle(s));

    [Property]
    public Property RoundTripsThroughText() =>
        Prop.ForAll(WellFormed.ToArbitrary(), s =>
            MuscleId.Parse(s).ToString() == s && RegionId.Parse(s).ToString() == s && ProtocolId.Parse(s).ToString() == s
            && MuscleId.Parse(s) == MuscleId.From(s) && RegionId.From(s).Equals((object)RegionId.Parse(s)));

    [Theory]
    [InlineData("procerus\n")]
    [InlineData("procerus ")]
    [InlineData("\nprocerus")]
    public void SurroundingWhiteSpaceIsNotPartOfAnId(string text) => Assert.False(SiteId.TryParse(text, out _));

    [Fact]
    public void SixtyFourCharactersIsTheLimit()
    {
        Assert.True(ProtocolId.TryParse(new string('a', 64), null, out _));
        Assert.False(ProtocolId.TryParse(new string('a', 65), null, out _));
    }

    [Fact]
    public void DefaultsAreEmptyAndOrderFirst()
    {
        Assert.Equal(string.Empty, default(MuscleId).Value);
        Assert.True(default(RegionId).CompareTo(RegionId.From("a")) < 0);
        Assert.Equal(1, default(ProtocolId).CompareTo(null));
        Assert.Throws<ArgumentException>(() => MuscleId.From("x").CompareTo("x"));
    }

    [Fact]
    public void ErrorsNameTheValueAndTheRule()
    {
        var e = Assert.Throws<ArgumentException>(() => MuscleId.From("Temporalis"));
        Assert.Contains("'Temporalis' is not a valid muscle id", e.Message, StringComparison.Ordinal);
        Assert.Contains("kebab-case", e.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => RegionId.Parse("back of head"));
        Assert.Throws<ArgumentNullException>(() => ProtocolId.Parse(null!));
    }
}
