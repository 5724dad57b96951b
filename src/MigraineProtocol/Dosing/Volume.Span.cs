using MigraineProtocol.Primitives;

namespace MigraineProtocol.Dosing;

/// <content>The span-based parsing and formatting of Volume (ADR 0133), forwarders to the shared plumbing in <c>TextForms</c> (ADR 0170).</content>
public readonly partial struct Volume : ISpanParsable<Volume>, ISpanFormattable, IJsonQuantity<Volume>
{
    /// <inheritdoc />
    static string IJsonQuantity<Volume>.JsonUnit => "millilitres";

    /// <inheritdoc />
    static string IJsonQuantity<Volume>.JsonExample => "0.1";

    /// <summary>Parses the text form, culture-invariant.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid text form.</exception>
    public static Volume Parse(string s) => Parse(s, null);

    /// <summary>Parses the text form from characters, culture-invariant.</summary>
    /// <param name="s">The characters.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid text form.</exception>
    public static Volume Parse(ReadOnlySpan<char> s) => Parse(s.ToString(), null);

    /// <summary>Parses a quantity from characters, as <see cref="Parse(string, IFormatProvider?)"/>.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored: the text form is culture-invariant.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a quantity.</exception>
    public static Volume Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString(), provider);

    /// <summary>Tries to parse a quantity from characters; never throws.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored: the text form is culture-invariant.</param>
    /// <param name="result">The quantity on success; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Volume result) => TryParse(s.ToString(), provider, out result);

    /// <summary>Formats the quantity into a span, as <see cref="ToString(string?, IFormatProvider?)"/>.</summary>
    /// <param name="destination">The span.</param>
    /// <param name="charsWritten">The characters written; 0 when the span is too short.</param>
    /// <param name="format">The format, as for <see cref="ToString(string?, IFormatProvider?)"/>.</param>
    /// <param name="provider">Ignored: the text form is culture-invariant.</param>
    /// <returns><see langword="true"/> when the span was long enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TextForms.TryCopy(ToString(format.IsEmpty ? null : format.ToString(), provider), destination, out charsWritten);

    /// <inheritdoc />
    static Volume IJsonQuantity<Volume>.FromJsonNumber(decimal value) => FromMillilitres(value);

    /// <inheritdoc />
    static decimal IJsonQuantity<Volume>.ToJsonNumber(Volume value) => value.Millilitres;
}
