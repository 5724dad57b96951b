using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rules;

namespace MigraineProtocol.Tests.Primitives;

/// <summary>Ids and quantities go into a consumer's own DTOs with System.Text.Json, and parse and format through spans like through strings.</summary>
public class IdAndQuantityJsonTests
{
    private sealed record ConsumerDto(SiteId Site, MuscleId Muscle, RegionId Region, ProtocolId Protocol, RuleId Rule, ToxinUnits Dose, Volume Diluent, Dictionary<SiteId, ToxinUnits> BySite);

    [Fact]
    public void AConsumerDtoRoundTripsAndWritesPlainStringsAndNumbers()
    {
        var dto = new ConsumerDto(SiteId.From("procerus"), MuscleId.From("temporalis"), RegionId.From("forehead"), ProtocolId.From("preempt"), RuleId.TotalDoseLimit, ToxinUnits.FromUnits(2.5m), Volume.FromMillilitres(0.1m), new() { [SiteId.From("procerus")] = ToxinUnits.FromUnits(5) });
        var json = JsonSerializer.Serialize(dto);
        Assert.Equal("""{"Site":"procerus","Muscle":"temporalis","Region":"forehead","Protocol":"preempt","Rule":"total-dose-limit","Dose":2.5,"Diluent":0.1,"BySite":{"procerus":5}}""", json);
        var back = JsonSerializer.Deserialize<ConsumerDto>(json)!;
        Assert.Equal((dto.Site, dto.Muscle, dto.Region, dto.Protocol, dto.Rule, dto.Dose, dto.Diluent), (back.Site, back.Muscle, back.Region, back.Protocol, back.Rule, back.Dose, back.Diluent));
        Assert.Equal(dto.BySite, back.BySite);
    }

    [Theory]
    [InlineData("""{"Site":"Not An Id"}""", "Expected a site id")]
    [InlineData("""{"Site":5}""", "not a JSON number")]
    [InlineData("""{"Dose":-1}""", "is not a valid quantity of units")]
    [InlineData("""{"Dose":"5"}""", "Expected a number of units")]
    public void BadValuesAreJsonExceptionsThatSayWhatWasExpected(string json, string expected)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ConsumerDto>(json));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleIdParsesLikeTheOtherIds()
    {
        Assert.Equal(RuleId.MissingSite, RuleId.Parse("missing-site"));
        Assert.Equal(RuleId.MissingSite, RuleId.Parse("missing-site".AsSpan()));
        Assert.Throws<FormatException>(() => RuleId.Parse("Missing Site"));
        Assert.False(RuleId.TryParse("x--y".AsSpan(), out _));
        Assert.True(RuleId.TryParse("clinic-rule", null, out var id));
        Assert.Equal("clinic-rule", id.ToString());
    }

    [Property]
    public bool SpanFormattingAgreesWithToString(PositiveInt hundredths, NonNegativeInt width)
    {
        var units = ToxinUnits.FromHundredths(hundredths.Get % 100_000);
        var buffer = new char[width.Get % 16];
        var ok = units.TryFormat(buffer, out var written, default, null);
        var text = units.ToString();
        return ok == (text.Length <= buffer.Length) && (!ok || new string(buffer, 0, written) == text) && (ok || written == 0);
    }

    [Property]
    public Property IdsRoundTripThroughSpans() =>
        Prop.ForAll(
            Gen.Elements("procerus", "corrugator-left", "temporalis-right-3", "a", "x1-y2").ToArbitrary(),
            text =>
            {
                var site = SiteId.Parse(text.AsSpan(), null);
                Span<char> buffer = stackalloc char[32];
                return site.TryFormat(buffer, out var n, default, null) && buffer[..n].SequenceEqual(text) && SiteId.Parse(buffer[..n]) == site;
            });
}
