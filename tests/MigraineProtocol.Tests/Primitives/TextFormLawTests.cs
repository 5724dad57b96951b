using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using System.Text.Json;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rules;

namespace MigraineProtocol.Tests.Primitives;

/// <summary>
/// The laws of the one parse shape (ADR 0133), for every id and quantity now that their plumbing is
/// shared (ADR 0170): Parse(ToString(x)) == x, and the string and span forms agree on any text, valid or not.
/// </summary>
public class TextFormLawTests
{
    /// <summary>Text near the id grammar: valid ids, and strings with the characters that break it.</summary>
    private static Gen<string> IdLikeText()
    {
        var segment = Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789".ToCharArray()), n)).Select(cs => new string(cs));
        var valid = Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(segment, n)).Select(parts => "m" + string.Join("-", parts));
        var noise = Gen.Choose(0, 70).SelectMany(n => Gen.ArrayOf(Gen.Elements("ab9-.-A _é".ToCharArray()), n)).Select(cs => new string(cs));
        var dotted = Gen.Elements("ichd3-1.3-headache-days", "nice-ta260-start", "a.b", "ichd3-8.2-", "x..y", "a-.b", "1abc");
        return Gen.OneOf(valid, noise, dotted);
    }

    private static bool Agree<T>(string text)
        where T : struct, ISpanParsable<T>, ISpanFormattable, IEquatable<T>
    {
        var viaString = T.TryParse(text, null, out var a);
        var viaSpan = T.TryParse(text.AsSpan(), null, out var b);
        if (viaString != viaSpan || !a.Equals(b))
        {
            return false;
        }

        if (!viaString)
        {
            return Throws<T>(() => T.Parse(text, null)) && Throws<T>(() => T.Parse(text.AsSpan(), null)) && a.Equals(default);
        }

        Span<char> buffer = stackalloc char[80];
        var formatted = a.TryFormat(buffer, out var n, default, null);
        return formatted
            && buffer[..n].SequenceEqual(a.ToString())
            && T.Parse(a.ToString()!, null).Equals(a)
            && T.Parse(buffer[..n], null).Equals(a);
    }

    private static bool Throws<T>(Func<T> parse)
    {
        try
        {
            parse();
            return false;
        }
        catch (FormatException)
        {
            return true;
        }
    }

    [Property(MaxTest = 500)]
    public Property EveryIdParsesItsOwnTextAndItsSpanFormsAgree() =>
        Prop.ForAll(IdLikeText().ToArbitrary(), text =>
            Agree<SiteId>(text) && Agree<MuscleId>(text) && Agree<RegionId>(text) && Agree<ProtocolId>(text) && Agree<RuleId>(text) && Agree<CriterionId>(text));

    [Property(MaxTest = 300)]
    public Property QuantitiesParseTheirOwnText() =>
        Prop.ForAll(Gen.Choose(0, 40_000).ToArbitrary(), n =>
        {
            var units = ToxinUnits.FromHundredths(n);
            var volume = Volume.FromMicrolitres(n);
            return ToxinUnits.Parse(units.ToString()) == units && ToxinUnits.Parse(units.ToString().AsSpan()) == units
                && Volume.Parse(volume.ToString()) == volume && Volume.Parse(volume.ToString().AsSpan()) == volume;
        });

    [Property(MaxTest = 300)]
    public Property QuantityStringAndSpanParsingAgree() =>
        Prop.ForAll(Gen.Elements("5", "5 U", "2.5 U", "0.1 mL", "1,5", "", " ", "-1", "5 mL", "1e3", "0.001 mL", "abc").ToArbitrary(), text =>
            ToxinUnits.TryParse(text, null, out var a) == ToxinUnits.TryParse(text.AsSpan(), null, out var b) && a == b
            && Volume.TryParse(text, null, out var c) == Volume.TryParse(text.AsSpan(), null, out var d) && c == d);

    [Property(MaxTest = 500)]
    public Property EveryRuleIdIsACriterionIdButNotTheOtherWayRound() =>
        Prop.ForAll(IdLikeText().ToArbitrary(), text =>
            !RuleId.TryParse(text, out _) || CriterionId.TryParse(text, out _));

    [Theory]
    [InlineData("ichd3-1.3-headache-days", true)]
    [InlineData("ichd3-8.2-combination-analgesic", true)]
    [InlineData("insurer-x-diary-weeks", true)]
    [InlineData("a.b", true)]
    [InlineData("ichd3-8.2-", false)]
    [InlineData("x..y", false)]
    [InlineData("a-.b", false)]
    [InlineData("1abc", false)]
    [InlineData("Nice", false)]
    [InlineData("", false)]
    public void CriterionIdsAllowDotsBetweenSegments(string text, bool valid)
    {
        Assert.Equal(valid, CriterionId.TryParse(text, out _));
        if (!valid)
        {
            var e = Assert.Throws<ArgumentException>(() => CriterionId.From(text));
            Assert.Contains("criterion id", e.Message, StringComparison.Ordinal);
        }
    }

    private sealed record PayerDto(CriterionId Criterion, Dictionary<CriterionId, int> Counts);

    [Fact]
    public void ACriterionIdIsAPlainJsonStringAndAKey()
    {
        var id = CriterionId.From("ichd3-1.3-headache-days");
        var json = JsonSerializer.Serialize(new PayerDto(id, new() { [id] = 1 }));
        Assert.Equal("""{"Criterion":"ichd3-1.3-headache-days","Counts":{"ichd3-1.3-headache-days":1}}""", json);
        Assert.Equal(id, JsonSerializer.Deserialize<PayerDto>(json)!.Criterion);
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PayerDto>("""{"Criterion":"Bad Id"}"""));
        Assert.Contains("Expected a criterion id (a string of lower-case letters, digits and single hyphens or dots)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullIsAnArgumentErrorForEveryId()
    {
        Assert.Throws<ArgumentNullException>(() => SiteId.Parse((string)null!));
        Assert.Throws<ArgumentNullException>(() => MuscleId.Parse((string)null!, null));
        Assert.Throws<ArgumentNullException>(() => RuleId.Parse((string)null!));
        Assert.False(RegionId.TryParse((string?)null, out _));
    }
}
