using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;

namespace MigraineProtocol.Primitives;

/// <summary>Identifies a muscle: the muscle id, for example <c>temporalis</c> or <c>cervical-paraspinal</c>.</summary>
/// <remarks>
/// <para>Ids follow the library's identifier grammar (lower-case kebab-case ASCII) and are public
/// contracts: integrators and definition files store them.</para>
/// <para>Equality is ordinal. The <c>default</c> value has an empty <see cref="Value"/>; it is safe to
/// compare, hash and print, but never names a muscle.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
[JsonConverter(typeof(TextIdJsonConverter<MuscleId>))]
public readonly partial struct MuscleId : IEquatable<MuscleId>, IComparable<MuscleId>, IComparable, IParsable<MuscleId>
{
    private const string Kind = "muscle id";
    private readonly string? value;

    private MuscleId(string value) => this.value = value;

    /// <summary>Gets the text of the id.</summary>
    /// <value>The empty string for <c>default</c>.</value>
    public string Value => value ?? string.Empty;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> does not follow the id grammar.</exception>
    public static MuscleId From(string value) => new(Identifier.Check(value, Kind, nameof(value)));

    /// <summary>Tries to parse an id; never throws.</summary>
    /// <param name="s">The text, possibly <see langword="null"/>.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MuscleId result)
    {
        if (s is not null && Identifier.IsValid(s))
        {
            result = new MuscleId(s);
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(MuscleId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MuscleId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Compares ids by ordinal text.</summary>
    /// <param name="other">The other id.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(MuscleId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        MuscleId other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(MuscleId)}.", nameof(obj)),
    };

    /// <summary>Returns the id text; <see cref="Parse(string, IFormatProvider?)"/> reads it back.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Compares two ids for equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(MuscleId left, MuscleId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(MuscleId left, MuscleId right) => !left.Equals(right);
}
