using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// The stable id of a diary criterion or of a verdict made of criteria (eligibility, stopping,
/// diagnosis), for example <c>ichd3-1.3-headache-days</c>, <c>nice-ta260-start</c> or a payer's own
/// <c>insurer-x-diary-weeks</c>. Integrators key on these ids; the built-in ones never change
/// (docs/diaries.md lists them).
/// </summary>
/// <remarks>
/// <para>The grammar is the identifier grammar of the other ids (lower-case ASCII letters and digits,
/// starting with a letter, at most 64 characters) with one addition: segments are joined by single
/// hyphens <em>or dots</em>, so a guideline's numbering (<c>1.3</c>, <c>8.2</c>) stays readable. In JSON
/// an id is a plain string (ADR 0171).</para>
/// <para>Equality is ordinal. The <c>default</c> value has an empty <see cref="Value"/>; it is safe to
/// compare, hash and print, but never names a criterion.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
[JsonConverter(typeof(TextIdJsonConverter<CriterionId>))]
public readonly struct CriterionId : IEquatable<CriterionId>, IComparable<CriterionId>, IComparable, ISpanParsable<CriterionId>, ISpanFormattable, ITextId<CriterionId>
{
    private const string Kind = "criterion id";
    private const string Grammar = "lower-case ASCII letters and digits in segments joined by single hyphens or dots, starting with a letter, at most 64 characters (for example 'ichd3-1.3-headache-days')";
    private readonly string? value;

    private CriterionId(string value) => this.value = value;

    /// <summary>Gets the text of the id, for example <c>nice-ta260-start</c>.</summary>
    /// <value>The empty string for <c>default</c>.</value>
    public string Value => value ?? string.Empty;

    /// <inheritdoc />
    static string ITextId<CriterionId>.Kind => Kind;

    /// <inheritdoc />
    static string ITextId<CriterionId>.Shape => "lower-case letters, digits and single hyphens or dots";

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id text, for example <c>insurer-x-diary-weeks</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> does not follow the id grammar.</exception>
    public static CriterionId From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsValid(value) ? new(value) : throw new ArgumentException($"'{value}' is not a valid {Kind}. A {Kind} is {Grammar}.", nameof(value));
    }

    /// <summary>Parses the text form, culture-invariant.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> does not follow the id grammar.</exception>
    public static CriterionId Parse(string s) => TextForms.Parse<CriterionId>(s);

    /// <summary>Parses the text form, culture-invariant.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> does not follow the id grammar.</exception>
    public static CriterionId Parse(string s, IFormatProvider? provider) => TextForms.Parse<CriterionId>(s);

    /// <summary>Parses the text form from characters, culture-invariant.</summary>
    /// <param name="s">The characters.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> does not follow the id grammar.</exception>
    public static CriterionId Parse(ReadOnlySpan<char> s) => TextForms.Parse<CriterionId>(s);

    /// <summary>Parses the text form from characters, culture-invariant.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> does not follow the id grammar.</exception>
    public static CriterionId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TextForms.Parse<CriterionId>(s);

    /// <summary>Tries to parse the text form; never throws.</summary>
    /// <param name="s">The text, possibly <see langword="null"/>.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out CriterionId result) => TryParse(s, null, out result);

    /// <summary>Tries to parse the text form; never throws.</summary>
    /// <param name="s">The text, possibly <see langword="null"/>.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CriterionId result)
    {
        result = s is not null && IsValid(s) ? new CriterionId(s) : default;
        return result.value is not null;
    }

    /// <summary>Tries to parse the text form from characters; never throws.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out CriterionId result) => TryParse(s.ToString(), provider, out result);

    /// <summary>Tries to parse the text form from characters; never throws.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out CriterionId result) => TryParse(s.ToString(), null, out result);

    /// <inheritdoc />
    static bool ITextId<CriterionId>.TryCreate(string? s, out CriterionId result) => TryParse(s, null, out result);

    /// <inheritdoc />
    static FormatException ITextId<CriterionId>.FormatError(string s) => new($"'{s}' is not a valid {Kind}. A {Kind} is {Grammar}.");

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

    /// <summary>Returns the id text; <see cref="Parse(string)"/> reads it back.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <inheritdoc />
    public bool Equals(CriterionId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CriterionId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Compares ids by ordinal text.</summary>
    /// <param name="other">The other id.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(CriterionId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        CriterionId other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(CriterionId)}.", nameof(obj)),
    };

    /// <summary>Compares two ids for equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(CriterionId left, CriterionId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(CriterionId left, CriterionId right) => !left.Equals(right);

    /// <summary>The identifier grammar with dots allowed as separators between segments.</summary>
    private static bool IsValid(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > Identifier.MaxLength || !char.IsAsciiLetterLower(s[0]) || s[^1] is '-' or '.')
        {
            return false;
        }

        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '-' or '.')
            {
                if (s[i - 1] is '-' or '.')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
