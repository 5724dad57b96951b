using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Dosing;

/// <summary>An exact, non-negative volume of liquid in millilitres, to a microlitre (0.001 mL).</summary>
/// <remarks>
/// <para>Stored as a whole number of microlitres: no binary floating point; arithmetic is checked.
/// The range is 0 to <see cref="MaxValue"/>. Text is culture-invariant (<c>0.1 mL</c>). The
/// <c>default</c> value is <see cref="Zero"/>.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
[JsonConverter(typeof(QuantityJsonConverter<Volume>))]
public readonly partial struct Volume : IEquatable<Volume>, IComparable<Volume>, IComparable, IFormattable, IParsable<Volume>
{
    /// <summary>The number of stored steps per millilitre (the precision is 0.001 mL).</summary>
    public const int MicrolitresPerMillilitre = 1000;

    private const long MaxMicrolitres = 10_000_000; // 10 L

    private readonly long microlitres;

    private Volume(long microlitres) => this.microlitres = microlitres;

    /// <summary>Gets a zero volume.</summary>
    public static Volume Zero => default;

    /// <summary>Gets the largest representable volume, 10,000 mL.</summary>
    public static Volume MaxValue => new(MaxMicrolitres);

    /// <summary>Gets the volume in millilitres, exactly.</summary>
    public decimal Millilitres => microlitres / (decimal)MicrolitresPerMillilitre;

    /// <summary>Gets the volume as a whole number of microlitres.</summary>
    public long Microlitres => microlitres;

    /// <summary>Creates a volume from millilitres.</summary>
    /// <param name="millilitres">The volume: 0 to 10,000 mL, at most three decimal places.</param>
    /// <returns>The volume.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millilitres"/> is negative, above the maximum, or finer than 0.001 mL.</exception>
    public static Volume FromMillilitres(decimal millilitres)
    {
        if (!TryFromMillilitres(millilitres, out var result, out var error))
        {
            throw new ArgumentOutOfRangeException(nameof(millilitres), millilitres, error);
        }

        return result;
    }

    /// <summary>Creates a volume from a whole number of microlitres.</summary>
    /// <param name="microlitres">The microlitres: 0 to 10,000,000.</param>
    /// <returns>The volume.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="microlitres"/> is negative or above the maximum.</exception>
    public static Volume FromMicrolitres(long microlitres)
    {
        if (microlitres is < 0 or > MaxMicrolitres)
        {
            throw new ArgumentOutOfRangeException(nameof(microlitres), microlitres, $"A volume must be between 0 and {MaxValue}; {microlitres} microlitres is outside that range.");
        }

        return new Volume(microlitres);
    }

    /// <summary>Tries to create a volume from millilitres; never throws.</summary>
    /// <param name="millilitres">The volume in millilitres.</param>
    /// <param name="result">The volume on success; otherwise <see cref="Zero"/>.</param>
    /// <returns><see langword="true"/> when in range with at most three decimal places.</returns>
    public static bool TryFromMillilitres(decimal millilitres, out Volume result) => TryFromMillilitres(millilitres, out result, out _);

    private static bool TryFromMillilitres(decimal millilitres, out Volume result, [NotNullWhen(false)] out string? error)
    {
        result = default;
        var text = millilitres.ToString(CultureInfo.InvariantCulture);
        if (millilitres < 0)
        {
            error = $"A volume must not be negative; got {text} mL.";
            return false;
        }

        if (millilitres > MaxMicrolitres / MicrolitresPerMillilitre)
        {
            error = $"A volume must be at most {MaxValue}; got {text} mL.";
            return false;
        }

        var scaled = millilitres * MicrolitresPerMillilitre;
        if (scaled != decimal.Truncate(scaled))
        {
            error = $"Volumes are exact to 0.001 mL; {text} mL has more than three decimal places.";
            return false;
        }

        result = new Volume((long)scaled);
        error = null;
        return true;
    }

    /// <summary>Parses <c>2</c>, <c>2 mL</c>, <c>0.1mL</c> (invariant: a point as the decimal separator).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: the text is culture-invariant.</param>
    /// <returns>The volume.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid, in-range volume.</exception>
    public static Volume Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, provider, out var result)
            ? result
            : throw new FormatException($"'{s}' is not a valid volume: expected a non-negative number of millilitres with at most three decimal places and a point as separator, optionally followed by 'mL' (for example '0.1 mL'), at most {MaxValue}.");
    }

    /// <summary>Tries to parse a volume; never throws.</summary>
    /// <param name="s">The text, possibly <see langword="null"/>.</param>
    /// <param name="provider">Ignored: the text is culture-invariant.</param>
    /// <param name="result">The volume on success; otherwise <see cref="Zero"/>.</param>
    /// <returns><see langword="true"/> when the text is a valid volume.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Volume result)
    {
        result = default;
        if (s is null)
        {
            return false;
        }

        var span = s.AsSpan().Trim();
        if (span.EndsWith("mL", StringComparison.Ordinal))
        {
            span = span[..^2].TrimEnd();
        }

        return span.Length > 0
            && char.IsAsciiDigit(span[0])
            && decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ml)
            && TryFromMillilitres(ml, out result);
    }

    /// <summary>Adds two volumes.</summary>
    /// <param name="left">The first volume.</param>
    /// <param name="right">The second volume.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">The sum is above <see cref="MaxValue"/>.</exception>
    public static Volume operator +(Volume left, Volume right)
    {
        var sum = checked(left.microlitres + right.microlitres);
        return sum <= MaxMicrolitres ? new Volume(sum) : throw new OverflowException($"{left} + {right} is above the maximum of {MaxValue}.");
    }

    /// <summary>Subtracts a volume.</summary>
    /// <param name="left">The volume.</param>
    /// <param name="right">The volume to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="OverflowException">The difference would be negative.</exception>
    public static Volume operator -(Volume left, Volume right) =>
        left.microlitres >= right.microlitres
            ? new Volume(left.microlitres - right.microlitres)
            : throw new OverflowException($"{left} - {right} would be negative; volumes are never negative.");

    /// <summary>Returns the sum of two volumes.</summary>
    /// <param name="other">The volume to add.</param>
    /// <returns>The sum.</returns>
    public Volume Plus(Volume other) => this + other;

    /// <summary>Returns this volume less another.</summary>
    /// <param name="other">The volume to subtract.</param>
    /// <returns>The difference.</returns>
    public Volume Minus(Volume other) => this - other;

    /// <inheritdoc />
    public bool Equals(Volume other) => microlitres == other.microlitres;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Volume other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => microlitres.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Volume other) => microlitres.CompareTo(other.microlitres);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Volume other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(Volume)}.", nameof(obj)),
    };

    /// <summary>Returns the invariant text, for example <c>0.1 mL</c>; <see cref="Parse(string, IFormatProvider?)"/> reads it back.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the volume. <c>G</c> (default) gives <c>0.1 mL</c>; <c>N</c> gives the number alone.</summary>
    /// <param name="format"><c>G</c>, <c>N</c> or <see langword="null"/>.</param>
    /// <param name="formatProvider">Ignored: the text is culture-invariant.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not supported.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var number = Millilitres.ToString("0.###", CultureInfo.InvariantCulture);
        return format switch
        {
            null or "" or "G" => number + " mL",
            "N" => number,
            _ => throw new FormatException($"The format '{format}' is not supported for volumes; use 'G' or 'N'."),
        };
    }

    /// <summary>Compares two volumes for equality.</summary>
    /// <param name="left">The first volume.</param>
    /// <param name="right">The second volume.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Volume left, Volume right) => left.Equals(right);

    /// <summary>Compares two volumes for inequality.</summary>
    /// <param name="left">The first volume.</param>
    /// <param name="right">The second volume.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(Volume left, Volume right) => !left.Equals(right);

    /// <summary>Orders two volumes.</summary>
    /// <param name="left">The first volume.</param>
    /// <param name="right">The second volume.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(Volume left, Volume right) => left.microlitres < right.microlitres;

    /// <summary>Orders two volumes.</summary>
    /// <param name="left">The first volume.</param>
    /// <param name="right">The second volume.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(Volume left, Volume right) => left.microlitres <= right.microlitres;

    /// <summary>Orders two volumes.</summary>
    /// <param name="left">The first volume.</param>
    /// <param name="right">The second volume.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(Volume left, Volume right) => left.microlitres > right.microlitres;

    /// <summary>Orders two volumes.</summary>
    /// <param name="left">The first volume.</param>
    /// <param name="right">The second volume.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(Volume left, Volume right) => left.microlitres >= right.microlitres;
}
