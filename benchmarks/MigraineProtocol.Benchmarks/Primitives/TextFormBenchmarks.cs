using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Benchmarks.Primitives;

/// <summary>
/// The shared text-form plumbing of ADR 0170 against what each type did before, in one run: span
/// parsing as it is now against the former body inlined (<c>TryParse(s.ToString(), …)</c>, the
/// baseline), and a DTO of 31 site ids and doses read and written through the generic converters
/// against a copy of the former hand-written site-id converter.
/// </summary>
[MemoryDiagnoser]
public class TextFormBenchmarks
{
    private string[] ids = [];
    private byte[] json = [];
    private byte[] oldJson = [];

    [GlobalSetup]
    public void Setup()
    {
        ids = [.. Definitions.KnownProtocols.Preempt.Sites.Select(s => s.Site.Id.Value)];
        json = JsonSerializer.SerializeToUtf8Bytes(ids.Select(i => new NewDto(SiteId.From(i), ToxinUnits.FromUnits(5))).ToArray());
        oldJson = JsonSerializer.SerializeToUtf8Bytes(ids.Select(i => new OldDto(SiteId.From(i), ToxinUnits.FromUnits(5))).ToArray());
    }

    [Benchmark(Baseline = true)]
    public int SpanParseFormerBody()
    {
        var n = 0;
        foreach (var s in ids)
        {
            n += SiteId.TryParse(s.AsSpan().ToString(), null, out _) ? 1 : 0;
        }

        return n;
    }

    [Benchmark]
    public int SpanParseNow()
    {
        var n = 0;
        foreach (var s in ids)
        {
            n += SiteId.TryParse(s.AsSpan(), null, out _) ? 1 : 0;
        }

        return n;
    }

    [Benchmark]
    public int JsonFormerConverter() => JsonSerializer.Deserialize<OldDto[]>(oldJson)!.Length + JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize<OldDto[]>(oldJson)).Length;

    [Benchmark]
    public int JsonGenericConverter() => JsonSerializer.Deserialize<NewDto[]>(json)!.Length + JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize<NewDto[]>(json)).Length;

    public sealed record NewDto(SiteId Site, ToxinUnits Dose);

    public sealed record OldDto([property: JsonConverter(typeof(FormerSiteIdConverter))] SiteId Site, ToxinUnits Dose);

    /// <summary>The former hand-written converter (before ADR 0170), through the public API.</summary>
    private sealed class FormerSiteIdConverter : JsonConverter<SiteId>
    {
        public override SiteId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType is JsonTokenType.String && SiteId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Expected a site id.");

        public override void Write(Utf8JsonWriter writer, SiteId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
