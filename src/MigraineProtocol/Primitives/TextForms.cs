using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MigraineProtocol.Primitives;

/// <summary>
/// An id with one culture-invariant text form (ADR 0133): what the shared parse, format and JSON code
/// needs to know of it. Internal, so the public surface of each id stays its own (ADR 0170).
/// </summary>
/// <typeparam name="TSelf">The id type.</typeparam>
internal interface ITextId<TSelf>
    where TSelf : struct, ITextId<TSelf>
{
    /// <summary>Gets what the id is called in messages, for example <c>site id</c>.</summary>
    static abstract string Kind { get; }

    /// <summary>Gets the shape of the text in a JSON error, after "a string of".</summary>
    static virtual string Shape => "lower-case letters, digits and single hyphens";

    /// <summary>Gets the text of the id (empty for <c>default</c>).</summary>
    string Value { get; }

    /// <summary>Validates <paramref name="s"/> and creates the id; never throws.</summary>
    static abstract bool TryCreate(string? s, out TSelf result);

    /// <summary>Returns the <see cref="FormatException"/> for text that is not an id.</summary>
    static virtual FormatException FormatError(string s) => Identifier.FormatError(s, TSelf.Kind);
}

/// <summary>A quantity written in JSON as a number in one unit (ADR 0133), for the shared converter.</summary>
/// <typeparam name="TSelf">The quantity type.</typeparam>
internal interface IJsonQuantity<TSelf>
    where TSelf : struct, IJsonQuantity<TSelf>
{
    /// <summary>Gets the unit of the JSON number, plural, for example <c>units</c>.</summary>
    static abstract string JsonUnit { get; }

    /// <summary>Gets example JSON numbers for an error message, for example <c>5 or 2.5</c>.</summary>
    static abstract string JsonExample { get; }

    /// <summary>Creates the quantity from the JSON number; throws an <see cref="ArgumentException"/> when out of range or too precise.</summary>
    static abstract TSelf FromJsonNumber(decimal value);

    /// <summary>Returns the JSON number of a quantity.</summary>
    static abstract decimal ToJsonNumber(TSelf value);
}

/// <summary>The parse and format plumbing every id and quantity shares, written once (ADR 0170).</summary>
internal static class TextForms
{
    /// <summary>Parses an id: <see cref="ArgumentNullException"/> for null, <see cref="FormatException"/> for bad text.</summary>
    internal static T Parse<T>(string s)
        where T : struct, ITextId<T>
    {
        ArgumentNullException.ThrowIfNull(s);
        return T.TryCreate(s, out var id) ? id : throw T.FormatError(s);
    }

    /// <summary>Parses an id from characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Parse<T>(ReadOnlySpan<char> s)
        where T : struct, ITextId<T> => Parse<T>(s.ToString());

    /// <summary>Copies a text form into a span: all of it, or nothing when the span is too short.</summary>
    internal static bool TryCopy(string text, Span<char> destination, out int charsWritten)
    {
        if (text.TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <summary>The text of a JSON token for an error message.</summary>
    internal static string Describe(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? $"'{reader.GetString()}'" : $"a JSON {reader.TokenType.ToString().ToLowerInvariant()}";
}

/// <summary>Reads and writes an id as a JSON string (also as a property name), so a consumer's own types can hold one.</summary>
/// <typeparam name="T">The id type.</typeparam>
internal sealed class TextIdJsonConverter<T> : JsonConverter<T>
    where T : struct, ITextId<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && T.TryCreate(reader.GetString(), out var id)
            ? id
            : throw new JsonException($"Expected a {T.Kind} (a string of {T.Shape}), not {TextForms.Describe(ref reader)}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Value);
    }
}

/// <summary>Reads and writes a quantity as a JSON number in its unit, the form of the session JSON.</summary>
/// <typeparam name="T">The quantity type.</typeparam>
internal sealed class QuantityJsonConverter<T> : JsonConverter<T>
    where T : struct, IJsonQuantity<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value))
        {
            try
            {
                return T.FromJsonNumber(value);
            }
            catch (ArgumentException e)
            {
                throw new JsonException($"{value.ToString(CultureInfo.InvariantCulture)} is not a valid quantity of {T.JsonUnit}: {e.Message.Split(" (Parameter", 2)[0]}", e);
            }
        }

        throw new JsonException($"Expected a number of {T.JsonUnit}, for example {T.JsonExample}, not a JSON {reader.TokenType.ToString().ToLowerInvariant()}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(T.ToJsonNumber(value) / 1.000000000000000000000000000000000m);
    }
}
