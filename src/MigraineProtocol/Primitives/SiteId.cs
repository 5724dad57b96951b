using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;

namespace MigraineProtocol.Primitives;

/// <summary>
/// The identifier of an injection site: a fixed site such as <c>procerus</c> or
/// <c>temporalis-left-3</c>, or a follow-the-pain injection written <c>&lt;muscle&gt;-&lt;side&gt;-ftp</c>
/// such as <c>temporalis-left-ftp</c>.
/// </summary>
/// <remarks>
/// <para>Site ids are a public contract: integrators store them. The ids of the 31 PREEMPT fixed sites
/// never change (a test fails if a shipped id changes or disappears).</para>
/// <para>Equality is ordinal. The <c>default</c> value has an empty <see cref="Value"/> and is not a
/// valid parsed id; it is safe to compare, hash and print.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type. See the thread safety section of the user guide for more information.</threadsafety>
[JsonConverter(typeof(TextIdJsonConverter<SiteId>))]
public readonly partial struct SiteId : IEquatable<SiteId>, IComparable<SiteId>, IComparable, IParsable<SiteId>
{
    /// <summary>The suffix that marks a follow-the-pain injection id.</summary>
    public const string FollowThePainSuffix = "-ftp";

    private const string Kind = "site id";
    private readonly string? value;

    private SiteId(string value) => this.value = value;

    /// <summary>Gets the text of the id, for example <c>temporalis-left-3</c>.</summary>
    /// <value>The empty string for <c>default</c>.</value>
    public string Value => value ?? string.Empty;

    /// <summary>Gets a value indicating whether this id names a follow-the-pain injection (<c>&lt;muscle&gt;-&lt;side&gt;-ftp</c>).</summary>
    public bool IsFollowThePain => TryGetFollowThePain(out _, out _);

    /// <summary>Creates a site id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> does not follow the id grammar.</exception>
    public static SiteId From(string value)
    {
        Identifier.Check(value, Kind, nameof(value));
        return IsValid(value)
            ? new(value)
            : throw new ArgumentException($"'{value}' is not a valid {Kind}: an id ending in '{FollowThePainSuffix}' must be '<muscle>-<left|right>{FollowThePainSuffix}', for example 'temporalis-left-ftp'.", nameof(value));
    }

    /// <summary>Returns the id of a follow-the-pain injection into <paramref name="muscle"/> on <paramref name="side"/>.</summary>
    /// <param name="muscle">The muscle.</param>
    /// <param name="side">The side: <see cref="Laterality.Left"/> or <see cref="Laterality.Right"/>.</param>
    /// <returns>The id, for example <c>temporalis-left-ftp</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="muscle"/> is <c>default</c>, or <paramref name="side"/> is not left or right.</exception>
    public static SiteId FollowThePain(MuscleId muscle, Laterality side)
    {
        if (muscle.Value.Length == 0)
        {
            throw new ArgumentException("The muscle of a follow-the-pain site must not be the default (empty) muscle id.", nameof(muscle));
        }

        if (side is not (Laterality.Left or Laterality.Right))
        {
            throw new ArgumentOutOfRangeException(nameof(side), side, "A follow-the-pain injection is given on the left or the right side, never the midline.");
        }

        return From($"{muscle.Value}-{LateralityText.Format(side)}{FollowThePainSuffix}");
    }

    /// <summary>Decomposes a follow-the-pain id into its muscle and side.</summary>
    /// <param name="muscle">When this method returns <see langword="true"/>, the muscle.</param>
    /// <param name="side">When this method returns <see langword="true"/>, the side (left or right).</param>
    /// <returns><see langword="true"/> when this id is <c>&lt;muscle&gt;-&lt;left|right&gt;-ftp</c>.</returns>
    public bool TryGetFollowThePain(out MuscleId muscle, out Laterality side) => TryFollowThePain(Value, out muscle, out side);

    /// <summary>A site id follows the identifier grammar and, when it ends in <c>-ftp</c>, is exactly <c>&lt;muscle&gt;-&lt;left|right&gt;-ftp</c>.</summary>
    internal static bool IsValid(string? s) =>
        s is not null && Identifier.IsValid(s) && (!s.EndsWith(FollowThePainSuffix, StringComparison.Ordinal) || TryFollowThePain(s, out _, out _));

    private static bool TryFollowThePain(string? text, out MuscleId muscle, out Laterality side)
    {
        muscle = default;
        side = default;
        if (text is null || !text.EndsWith(FollowThePainSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        var head = text.AsSpan(0, text.Length - FollowThePainSuffix.Length);
        var dash = head.LastIndexOf('-');
        if (dash <= 0 || !LateralityText.TryParseSide(head[(dash + 1)..], out side))
        {
            return false;
        }

        var muscleText = head[..dash];
        if (!Identifier.IsValid(muscleText))
        {
            return false;
        }

        muscle = MuscleId.From(muscleText.ToString());
        return true;
    }

    /// <summary>Tries to parse a site id; never throws.</summary>
    /// <param name="s">The text, possibly <see langword="null"/>.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SiteId result)
    {
        if (IsValid(s))
        {
            result = new SiteId(s!);
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(SiteId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SiteId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Compares ids by ordinal text.</summary>
    /// <param name="other">The other id.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(SiteId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        SiteId other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(SiteId)}.", nameof(obj)),
    };

    /// <summary>Returns the id text; <see cref="Parse(string, IFormatProvider?)"/> reads it back.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Compares two ids for equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(SiteId left, SiteId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(SiteId left, SiteId right) => !left.Equals(right);

    /// <summary>Orders two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(SiteId left, SiteId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or equal.</returns>
    public static bool operator <=(SiteId left, SiteId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(SiteId left, SiteId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or equal.</returns>
    public static bool operator >=(SiteId left, SiteId right) => left.CompareTo(right) >= 0;
}
