using System.Diagnostics.CodeAnalysis;

namespace MigraineProtocol.Primitives;

/// <content>The span-based parsing and formatting of a region id: one shape for every id (ADR 0133), each member a forwarder to the shared plumbing in <c>TextForms</c> (ADR 0170).</content>
public readonly partial struct RegionId : ISpanParsable<RegionId>, ISpanFormattable, ITextId<RegionId>
{
    /// <inheritdoc />
    static string ITextId<RegionId>.Kind => Kind;

    /// <inheritdoc />
    static bool ITextId<RegionId>.TryCreate(string? s, out RegionId result) => TryParse(s, null, out result);

    /// <summary>Parses the text form, culture-invariant.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> does not follow the id grammar.</exception>
    public static RegionId Parse(string s) => TextForms.Parse<RegionId>(s);

    /// <summary>Parses the text form, culture-invariant.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> does not follow the id grammar.</exception>
    public static RegionId Parse(string s, IFormatProvider? provider) => TextForms.Parse<RegionId>(s);

    /// <summary>Parses the text form from characters, culture-invariant.</summary>
    /// <param name="s">The characters.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> does not follow the id grammar.</exception>
    public static RegionId Parse(ReadOnlySpan<char> s) => TextForms.Parse<RegionId>(s);

    /// <summary>Parses the text form from characters, culture-invariant.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> does not follow the id grammar.</exception>
    public static RegionId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TextForms.Parse<RegionId>(s);

    /// <summary>Tries to parse the text form; never throws.</summary>
    /// <param name="s">The text, possibly <see langword="null"/>.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out RegionId result) => TryParse(s, null, out result);

    /// <summary>Tries to parse the text form from characters; never throws.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out RegionId result) => TryParse(s.ToString(), provider, out result);

    /// <summary>Tries to parse the text form from characters; never throws.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out RegionId result) => TryParse(s.ToString(), null, out result);

    /// <summary>Copies the id's text into a span.</summary>
    /// <param name="destination">The span.</param>
    /// <param name="charsWritten">The characters written; 0 when the span is too short.</param>
    /// <param name="format">Ignored: an id has one text form.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <returns><see langword="true"/> when the span was long enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) => TextForms.TryCopy(Value, destination, out charsWritten);

    /// <summary>Returns the id's text.</summary>
    /// <param name="format">Ignored: an id has one text form.</param>
    /// <param name="formatProvider">Ignored: ids are culture-invariant.</param>
    /// <returns>The text, as <see cref="ToString()"/>.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value;
}
