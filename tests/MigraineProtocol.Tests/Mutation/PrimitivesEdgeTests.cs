using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The edges of the primitives that mutation testing (docs/quality.md, "Mutation testing") showed no other
/// test pinned: each argument error's type, parameter and wording, citation equality on every part, the
/// definition exception's constructors, the site id's ordering operators and its follow-the-pain errors,
/// the responder threshold at its exact boundary, and the quantity converter's writer check.
/// </summary>
public class PrimitivesEdgeTests
{
    private static string Text(Exception e) => e.Message.Split(" (Parameter", 2)[0];

    // ---- Citation ----

    [Fact]
    public void ACitationRefusesAnUndefinedLevelNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Citation("S1", "SmPC §4.2", (VerificationLevel)3));
        Assert.Equal("verification", e.ParamName);
        Assert.Equal("A verification level is Unverified, VerifiedSecondary or Verified.", Text(e));
    }

    [Theory]
    [InlineData("S2", "SmPC §4.2", VerificationLevel.Verified)] // only the source differs
    [InlineData("S1", "SmPC §4.4", VerificationLevel.Verified)] // only the locator differs
    [InlineData("S1", "SmPC §4.2", VerificationLevel.Unverified)] // only the level differs
    public void CitationsDifferingInOnePartAreUnequal(string source, string locator, VerificationLevel level)
    {
        var a = new Citation("S1", "SmPC §4.2", VerificationLevel.Verified);
        var b = new Citation(source, locator, level);
        Assert.False(a.Equals(b));
        Assert.False(b.Equals(a));
        Assert.False(a.Equals((object)b));
    }

    [Fact]
    public void ACitationIsNotEqualToNull()
    {
        var a = new Citation("S1", "SmPC §4.2", VerificationLevel.Verified);
        Assert.False(a.Equals(null));
        Assert.False(a.Equals((object?)null));
        Assert.False(a.Equals("S1 (SmPC §4.2) [verified]"));
    }

    // ---- DefinitionException ----

    [Fact]
    public void EveryDefinitionExceptionConstructorListsItsProblems()
    {
        var plain = new DefinitionException();
        Assert.Equal("Invalid definitions: The definitions are invalid.", plain.Message);
        Assert.Equal(["The definitions are invalid."], plain.Problems);

        var one = new DefinitionException("site 'x' is unknown.");
        Assert.Equal("Invalid definitions: site 'x' is unknown.", one.Message);
        Assert.Equal(["site 'x' is unknown."], one.Problems);

        var inner = new InvalidOperationException("cause");
        var wrapped = new DefinitionException("site 'x' is unknown.", inner);
        Assert.Equal("site 'x' is unknown.", wrapped.Message);
        Assert.Same(inner, wrapped.InnerException);
        Assert.Equal(["site 'x' is unknown."], wrapped.Problems);

        var two = new DefinitionException("Protocol 'p'", ["a.", "b."]);
        Assert.Equal($"Protocol 'p': 2 problems:{Environment.NewLine}  - a.{Environment.NewLine}  - b.", two.Message);
        Assert.Equal("problems", Assert.Throws<ArgumentNullException>(() => new DefinitionException("Protocol 'p'", (IEnumerable<string>)null!)).ParamName);
    }

    // ---- Ids: argument errors, default values, operators ----

    [Fact]
    public void NullIsAnArgumentNullExceptionNamingTheValueForEveryIdFactory()
    {
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => SiteId.From(null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => MuscleId.From(null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => RegionId.From(null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => ProtocolId.From(null!)).ParamName);
    }

    [Theory]
    [InlineData("Temporalis", "'Temporalis' is not a valid site id. A site id is lower-case ASCII letters and digits in kebab-case segments, starting with a letter, at most 64 characters (for example 'temporalis-left-3').")]
    [InlineData("temporalis-middle-ftp", "'temporalis-middle-ftp' is not a valid site id: an id ending in '-ftp' must be '<muscle>-<left|right>-ftp', for example 'temporalis-left-ftp'.")]
    [InlineData("left-ftp", "'left-ftp' is not a valid site id: an id ending in '-ftp' must be '<muscle>-<left|right>-ftp', for example 'temporalis-left-ftp'.")]
    public void ASiteIdErrorSaysWhichRuleTheTextBreaks(string text, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => SiteId.From(text));
        Assert.Equal("value", e.ParamName);
        Assert.Equal(message, Text(e));
    }

    [Fact]
    public void FollowThePainNamesTheBadArgument()
    {
        var noMuscle = Assert.Throws<ArgumentException>(() => SiteId.FollowThePain(default, Laterality.Left));
        Assert.Equal("muscle", noMuscle.ParamName);
        Assert.Equal("The muscle of a follow-the-pain site must not be the default (empty) muscle id.", Text(noMuscle));
        var midline = Assert.Throws<ArgumentOutOfRangeException>(() => SiteId.FollowThePain(MuscleId.From("procerus"), Laterality.Midline));
        Assert.Equal("side", midline.ParamName);
        Assert.Equal("A follow-the-pain injection is given on the left or the right side, never the midline.", Text(midline));
        Assert.Equal("trapezius-right-ftp", SiteId.FollowThePain(MuscleId.From("trapezius"), Laterality.Right).Value);
    }

    [Fact]
    public void AnUndefinedLateralityIsRefusedNamingTheSide()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LateralityText.Format(0));
        Assert.Equal("side", e.ParamName);
        Assert.Equal("A laterality is left, right or midline.", Text(e));
    }

    [Fact]
    public void ComparingAnIdWithAnotherTypeNamesTheExpectedType()
    {
        (Func<object, int> compare, string type)[] ids =
        [
            (o => SiteId.From("procerus").CompareTo(o), "SiteId"),
            (o => MuscleId.From("procerus").CompareTo(o), "MuscleId"),
            (o => RegionId.From("forehead").CompareTo(o), "RegionId"),
            (o => ProtocolId.From("preempt").CompareTo(o), "ProtocolId"),
        ];
        foreach (var (compare, type) in ids)
        {
            var e = Assert.Throws<ArgumentException>(() => compare("procerus"));
            Assert.Equal("obj", e.ParamName);
            Assert.Equal($"Object must be of type {type}.", Text(e));
        }
    }

    [Fact]
    public void TheDefaultProtocolIdIsEmptyAndUnequalToEveryId()
    {
        ProtocolId none = default;
        Assert.Equal(string.Empty, none.Value);
        Assert.Equal(string.Empty, none.ToString());
        Assert.True(none != ProtocolId.From("preempt"));
        Assert.False(ProtocolId.From("preempt") != ProtocolId.From("preempt"));
        Assert.True(ProtocolId.From("preempt") != ProtocolId.From("us-label"));
    }

    /// <summary>Law: the site id operators agree with the ordinal order of the text (the oracle), for any two ids.</summary>
    [Property(MaxTest = 300)]
    public Property SiteIdOperatorsAgreeWithOrdinalOrder() =>
        Prop.ForAll(
            Gen.Elements("procerus", "corrugator-left", "corrugator-right", "temporalis-left-3", "temporalis-left-ftp", "frontalis-left-1", "a", "a-1").ToArbitrary(),
            Gen.Elements("procerus", "corrugator-left", "corrugator-right", "temporalis-left-3", "temporalis-left-ftp", "frontalis-left-1", "a", "a-1").ToArbitrary(),
            (x, y) =>
            {
                var a = SiteId.From(x);
                var b = SiteId.From(y);
                var c = Math.Sign(string.CompareOrdinal(x, y));
                return ((a < b) == (c < 0) && (a <= b) == (c <= 0) && (a > b) == (c > 0) && (a >= b) == (c >= 0)
                        && (a == b) == (c == 0) && (a != b) == (c != 0))
                    .Label($"{x} vs {y}");
            });

    [Fact]
    public void SiteIdOperatorsAtEqualityAndEitherSide()
    {
        var a = SiteId.From("corrugator-left");
        var b = SiteId.From("corrugator-right");
        var a2 = SiteId.Parse("corrugator-left");
        Assert.True(a < b);
        Assert.False(b < a);
        Assert.False(a < a2);
        Assert.True(a <= b);
        Assert.True(a <= a2);
        Assert.False(b <= a);
        Assert.True(b > a);
        Assert.False(a > b);
        Assert.False(a > a2);
        Assert.True(b >= a);
        Assert.True(a >= a2);
        Assert.False(a >= b);
        Assert.True(a != b);
        Assert.False(a != a2);
    }

    // ---- ResponderThreshold ----

    [Fact]
    public void ThresholdFactoriesNameTheirOwnArgument()
    {
        var fraction = Assert.Throws<ArgumentOutOfRangeException>(() => ResponderThreshold.FromFraction(1.5));
        Assert.Equal("fraction", fraction.ParamName);
        Assert.Equal("A responder threshold is a reduction between 0 and 1 (0% and 100%) of the baseline.", Text(fraction));
        foreach (var bad in new[] { 150.0, -1.0, double.NaN })
        {
            var percent = Assert.Throws<ArgumentOutOfRangeException>(() => ResponderThreshold.FromPercent(bad));
            Assert.Equal("percent", percent.ParamName);
            Assert.Equal("A responder threshold is a reduction between 0% and 100% of the baseline.", Text(percent));
        }
    }

    [Theory]
    [InlineData(0.75)]
    [InlineData(0.9)]
    [InlineData(0.625)]
    public void AReductionExactlyAtTheThresholdLessTheToleranceResponds(double fraction)
    {
        var t = ResponderThreshold.FromFraction(fraction);
        var atThreshold = fraction - ResponderThreshold.Tolerance; // the documented comparison: reduction >= (fraction - tolerance) * baseline
        var followUp = 1.0 - atThreshold; // exact in binary (Sterbenz), so 1 - followUp == atThreshold exactly
        Assert.Equal(atThreshold, 1.0 - followUp);
        Assert.True(t.IsMetBy(1.0, followUp));
        var justShort = Math.BitDecrement(atThreshold); // the next reduction below it
        var followUpShort = 1.0 - justShort;
        Assert.Equal(justShort, 1.0 - followUpShort);
        Assert.False(t.IsMetBy(1.0, followUpShort));
    }

    [Theory]
    [InlineData(33.3, "≥33.3%")]
    [InlineData(50, "≥50%")]
    [InlineData(12.3456, "≥12.346%")]
    [InlineData(0, "≥0%")]
    public void AThresholdPrintsAsAtLeastAPercentage(double percent, string text) =>
        Assert.Equal(text, ResponderThreshold.FromPercent(percent).ToString());

    // ---- The quantity converter ----

    [Fact]
    public void TheQuantityConvertersRefuseANullWriterNamingIt()
    {
        var units = (JsonConverter<ToxinUnits>)JsonSerializerOptions.Default.GetConverter(typeof(ToxinUnits));
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => units.Write(null!, ToxinUnits.FromUnits(5), JsonSerializerOptions.Default)).ParamName);
        var volume = (JsonConverter<Volume>)JsonSerializerOptions.Default.GetConverter(typeof(Volume));
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => volume.Write(null!, Volume.FromMillilitres(2), JsonSerializerOptions.Default)).ParamName);
        Assert.Equal("5", JsonSerializer.Serialize(ToxinUnits.FromUnits(5.00m)));
    }
}
