using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MigraineProtocol.Primitives;

/// <content>The span-based parsing and formatting of a protocol id (one shape for every id, ADR 0133).</content>
public readonly partial struct ProtocolId : ISpanParsable<ProtocolId>, ISpanFormattable
{

    /// <summary>Parses the text form, culture-invariant.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid text form.</exception>
    public static ProtocolId Parse(string s) => Parse(s, null);

    /// <summary>Parses the text form from characters, culture-invariant.</summary>
    /// <param name="s">The characters.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid text form.</exception>
    public static ProtocolId Parse(ReadOnlySpan<char> s) => Parse(s, null);
    /// <summary>Tries to parse a protocol id; never throws.</summary>
    /// <param name="s">The text, possibly <see langword="null"/>.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out ProtocolId result) => TryParse(s, null, out result);

    /// <summary>Parses a protocol id from characters.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> does not follow the id grammar.</exception>
    public static ProtocolId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString(), provider);

    /// <summary>Tries to parse a protocol id from characters; never throws.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ProtocolId result) => TryParse(s.ToString(), provider, out result);

    /// <summary>Tries to parse a protocol id from characters; never throws.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out ProtocolId result) => TryParse(s.ToString(), null, out result);

    /// <summary>Copies the id's text into a span.</summary>
    /// <param name="destination">The span.</param>
    /// <param name="charsWritten">The characters written; 0 when the span is too short.</param>
    /// <param name="format">Ignored: an id has one text form.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <returns><see langword="true"/> when the span was long enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (Value.TryCopyTo(destination))
        {
            charsWritten = Value.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <summary>Returns the id's text.</summary>
    /// <param name="format">Ignored: an id has one text form.</param>
    /// <param name="formatProvider">Ignored: ids are culture-invariant.</param>
    /// <returns>The text, as <see cref="ToString()"/>.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value;
}

/// <summary>Reads and writes a protocol id as a JSON string (also as a property name), so a consumer's own types can hold one.</summary>
internal sealed class ProtocolIdJsonConverter : JsonConverter<ProtocolId>
{
    public override ProtocolId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && ProtocolId.TryParse(reader.GetString(), out var id)
            ? id
            : throw new JsonException($"Expected a protocol id (a string of lower-case letters, digits and single hyphens), not {Describe(ref reader)}.");

    public override void Write(Utf8JsonWriter writer, ProtocolId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }

    public override ProtocolId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, [DisallowNull] ProtocolId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Value);
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String ? $"'{reader.GetString()}'" : $"a JSON {reader.TokenType.ToString().ToLowerInvariant()}";
}
