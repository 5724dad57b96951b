using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MigraineProtocol.Dosing;

/// <content>The span-based parsing and formatting of ToxinUnits (ADR 0133).</content>
public readonly partial struct ToxinUnits : ISpanParsable<ToxinUnits>, ISpanFormattable
{

    /// <summary>Parses the text form, culture-invariant.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid text form.</exception>
    public static ToxinUnits Parse(string s) => Parse(s, null);

    /// <summary>Parses the text form from characters, culture-invariant.</summary>
    /// <param name="s">The characters.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid text form.</exception>
    public static ToxinUnits Parse(ReadOnlySpan<char> s) => Parse(s, null);
    /// <summary>Parses a quantity from characters, as <see cref="Parse(string, IFormatProvider?)"/>.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored: the text form is culture-invariant.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a quantity.</exception>
    public static ToxinUnits Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString(), provider);

    /// <summary>Tries to parse a quantity from characters; never throws.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored: the text form is culture-invariant.</param>
    /// <param name="result">The quantity on success; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ToxinUnits result) => TryParse(s.ToString(), provider, out result);

    /// <summary>Formats the quantity into a span, as <see cref="ToString(string?, IFormatProvider?)"/>.</summary>
    /// <param name="destination">The span.</param>
    /// <param name="charsWritten">The characters written; 0 when the span is too short.</param>
    /// <param name="format">The format, as for <see cref="ToString(string?, IFormatProvider?)"/>.</param>
    /// <param name="provider">Ignored: the text form is culture-invariant.</param>
    /// <returns><see langword="true"/> when the span was long enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var text = ToString(format.IsEmpty ? null : format.ToString(), provider);
        if (text.TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }
}

/// <summary>Reads and writes ToxinUnits as a JSON number of units (a number of units, for example 5 or 2.5), the form of the session JSON.</summary>
internal sealed class ToxinUnitsJsonConverter : JsonConverter<ToxinUnits>
{
    public override ToxinUnits Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value))
        {
            try
            {
                return ToxinUnits.FromUnits(value);
            }
            catch (ArgumentException e)
            {
                throw new JsonException($"{value.ToString(CultureInfo.InvariantCulture)} is not a valid quantity of units: {e.Message.Split(" (Parameter", 2)[0]}", e);
            }
        }

        throw new JsonException($"Expected a number of units, for example 5 or 2.5, not a JSON {reader.TokenType.ToString().ToLowerInvariant()}.");
    }

    public override void Write(Utf8JsonWriter writer, ToxinUnits value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Units / 1.000000000000000000000000000000000m);
    }
}
