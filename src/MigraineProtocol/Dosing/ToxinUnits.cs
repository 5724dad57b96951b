using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Dosing;

/// <summary>
/// An exact, non-negative amount of onabotulinumtoxinA in product units (U), to a hundredth of a unit.
/// </summary>
/// <remarks>
/// <para>Stored as a whole number of hundredths of a unit: no binary floating point, and arithmetic is
/// checked (an overflow or a negative result throws <see cref="OverflowException"/>). The range is
/// 0 to <see cref="MaxValue"/>.</para>
/// <para>BOTOX units are not interchangeable with the units of other botulinum toxin products
/// (clinical-facts.md §1.2, source S7, VERIFIED); this type is for onabotulinumtoxinA units only.</para>
/// <para>Text is culture-invariant (<c>2.5 U</c>): decimal commas are a clinical hazard. The
/// <c>default</c> value is <see cref="Zero"/>.</para>
/// </remarks>
/// <example><code>
/// var dose = ToxinUnits.FromUnits(5) * 31;   // 155 U
/// var parsed = ToxinUnits.Parse("2.5 U");
/// </code></example>
/// <threadsafety>This type is an immutable value type.</threadsafety>
[JsonConverter(typeof(QuantityJsonConverter<ToxinUnits>))]
public readonly partial struct ToxinUnits : IEquatable<ToxinUnits>, IComparable<ToxinUnits>, IComparable, IFormattable, IParsable<ToxinUnits>
{
    /// <summary>The number of stored steps per unit (the precision is 0.01 U).</summary>
    public const int HundredthsPerUnit = 100;

    private const long MaxHundredths = 100_000_000; // 1,000,000 U

    private readonly long hundredths;

    private ToxinUnits(long hundredths) => this.hundredths = hundredths;

    /// <summary>Gets zero units.</summary>
    public static ToxinUnits Zero => default;

    /// <summary>Gets the largest representable amount, 1,000,000 U (far above any clinical dose; it bounds arithmetic).</summary>
    public static ToxinUnits MaxValue => new(MaxHundredths);

    /// <summary>Gets the amount in units, exactly.</summary>
    public decimal Units => hundredths / (decimal)HundredthsPerUnit;

    /// <summary>Gets the amount as a whole number of hundredths of a unit.</summary>
    public long Hundredths => hundredths;

    /// <summary>Gets a value indicating whether the amount is a whole number of units.</summary>
    public bool IsWholeUnits => hundredths % HundredthsPerUnit == 0;

    /// <summary>Creates an amount from a number of units.</summary>
    /// <param name="units">The units: 0 to 1,000,000, at most two decimal places.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is negative, above the maximum, or has more than two decimal places.</exception>
    public static ToxinUnits FromUnits(decimal units)
    {
        if (!TryFromUnits(units, out var result, out var error))
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, error);
        }

        return result;
    }

    /// <summary>Creates an amount from a whole number of units.</summary>
    /// <param name="units">The units: 0 to 1,000,000.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is negative or above the maximum.</exception>
    public static ToxinUnits FromUnits(int units) => FromUnits((decimal)units);

    /// <summary>Creates an amount from a whole number of hundredths of a unit.</summary>
    /// <param name="hundredths">The hundredths: 0 to 100,000,000.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hundredths"/> is negative or above the maximum.</exception>
    public static ToxinUnits FromHundredths(long hundredths)
    {
        if (hundredths is < 0 or > MaxHundredths)
        {
            throw new ArgumentOutOfRangeException(nameof(hundredths), hundredths, $"Toxin units must be between 0 and {MaxValue}; {hundredths} hundredths is outside that range.");
        }

        return new ToxinUnits(hundredths);
    }

    /// <summary>Tries to create an amount from a number of units; never throws.</summary>
    /// <param name="units">The units.</param>
    /// <param name="result">The amount on success; otherwise <see cref="Zero"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="units"/> is in range with at most two decimal places.</returns>
    public static bool TryFromUnits(decimal units, out ToxinUnits result) => TryFromUnits(units, out result, out _);

    private static bool TryFromUnits(decimal units, out ToxinUnits result, [NotNullWhen(false)] out string? error)
    {
        result = default;
        if (units < 0)
        {
            error = $"Toxin units must not be negative; got {units.ToString(CultureInfo.InvariantCulture)} U.";
            return false;
        }

        if (units > MaxHundredths / HundredthsPerUnit)
        {
            error = $"Toxin units must be at most {MaxValue}; got {units.ToString(CultureInfo.InvariantCulture)} U.";
            return false;
        }

        var scaled = units * HundredthsPerUnit;
        if (scaled != decimal.Truncate(scaled))
        {
            error = $"Toxin units are exact to 0.01 U; {units.ToString(CultureInfo.InvariantCulture)} U has more than two decimal places.";
            return false;
        }

        result = new ToxinUnits((long)scaled);
        error = null;
        return true;
    }

    /// <summary>Parses <c>5</c>, <c>5 U</c>, <c>5U</c> or <c>2.5 U</c> (invariant: a point, never a comma, as the decimal separator).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: the text is culture-invariant.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid, in-range amount.</exception>
    public static ToxinUnits Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, provider, out var result)
            ? result
            : throw new FormatException($"'{s}' is not a valid amount of toxin units: expected a non-negative number with at most two decimal places and a point as separator, optionally followed by 'U' (for example '5 U' or '2.5 U'), at most {MaxValue}.");
    }

    /// <summary>Tries to parse an amount; never throws.</summary>
    /// <param name="s">The text, possibly <see langword="null"/>.</param>
    /// <param name="provider">Ignored: the text is culture-invariant.</param>
    /// <param name="result">The amount on success; otherwise <see cref="Zero"/>.</param>
    /// <returns><see langword="true"/> when the text is a valid amount.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ToxinUnits result)
    {
        result = default;
        if (s is null)
        {
            return false;
        }

        var span = s.AsSpan().Trim();
        if (span.EndsWith("U", StringComparison.Ordinal))
        {
            span = span[..^1].TrimEnd();
        }

        return span.Length > 0
            && char.IsAsciiDigit(span[0])
            && decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var units)
            && TryFromUnits(units, out result);
    }

    /// <summary>Tries to parse an amount; never throws.</summary>
    /// <param name="s">The text, possibly <see langword="null"/>.</param>
    /// <param name="result">The amount on success; otherwise <see cref="Zero"/>.</param>
    /// <returns><see langword="true"/> when the text is a valid amount.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out ToxinUnits result) => TryParse(s, null, out result);

    /// <summary>Returns the sum of two amounts.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">The sum is above <see cref="MaxValue"/>.</exception>
    public ToxinUnits Plus(ToxinUnits other) => this + other;

    /// <summary>Returns this amount less another.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="OverflowException">The difference would be negative.</exception>
    public ToxinUnits Minus(ToxinUnits other) => this - other;

    /// <summary>Adds two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">The sum is above <see cref="MaxValue"/>.</exception>
    public static ToxinUnits operator +(ToxinUnits left, ToxinUnits right)
    {
        var sum = checked(left.hundredths + right.hundredths);
        return sum <= MaxHundredths
            ? new ToxinUnits(sum)
            : throw new OverflowException($"{left} + {right} is above the maximum of {MaxValue}.");
    }

    /// <summary>Subtracts an amount.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="OverflowException"><paramref name="right"/> is larger than <paramref name="left"/>: toxin units are never negative.</exception>
    public static ToxinUnits operator -(ToxinUnits left, ToxinUnits right) =>
        left.hundredths >= right.hundredths
            ? new ToxinUnits(left.hundredths - right.hundredths)
            : throw new OverflowException($"{left} - {right} would be negative; toxin units are never negative.");

    /// <summary>Multiplies an amount by a count (for example the dose per site by the number of sites).</summary>
    /// <param name="units">The amount.</param>
    /// <param name="count">The non-negative count.</param>
    /// <returns>The product.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="OverflowException">The product is above <see cref="MaxValue"/>.</exception>
    public static ToxinUnits operator *(ToxinUnits units, int count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A count of injections or vials must not be negative.");
        }

        var product = checked(units.hundredths * count);
        return product <= MaxHundredths
            ? new ToxinUnits(product)
            : throw new OverflowException($"{units} x {count} is above the maximum of {MaxValue}.");
    }

    /// <summary>Multiplies an amount by a count.</summary>
    /// <param name="count">The non-negative count.</param>
    /// <param name="units">The amount.</param>
    /// <returns>The product.</returns>
    public static ToxinUnits operator *(int count, ToxinUnits units) => units * count;

    /// <summary>Returns the sum of a sequence of amounts.</summary>
    /// <param name="amounts">The amounts.</param>
    /// <returns>The sum; <see cref="Zero"/> for an empty sequence.</returns>
    /// <exception cref="OverflowException">The sum is above <see cref="MaxValue"/>.</exception>
    public static ToxinUnits Sum(IEnumerable<ToxinUnits> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = Zero;
        foreach (var amount in amounts)
        {
            total += amount;
        }

        return total;
    }

    /// <summary>Returns the larger of two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The larger amount.</returns>
    public static ToxinUnits Max(ToxinUnits left, ToxinUnits right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The smaller amount.</returns>
    public static ToxinUnits Min(ToxinUnits left, ToxinUnits right) => left <= right ? left : right;

    /// <inheritdoc />
    public bool Equals(ToxinUnits other) => hundredths == other.hundredths;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ToxinUnits other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => hundredths.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(ToxinUnits other) => hundredths.CompareTo(other.hundredths);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        ToxinUnits other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(ToxinUnits)}.", nameof(obj)),
    };

    /// <summary>Returns the invariant text, for example <c>155 U</c> or <c>2.5 U</c>; <see cref="Parse(string, IFormatProvider?)"/> reads it back.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the amount. <c>G</c> (default) gives <c>2.5 U</c>; <c>N</c> gives the number alone, <c>2.5</c>.</summary>
    /// <param name="format"><c>G</c>, <c>N</c> or <see langword="null"/>.</param>
    /// <param name="formatProvider">Ignored: the text is culture-invariant.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not supported.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var number = Units.ToString("0.##", CultureInfo.InvariantCulture);
        return format switch
        {
            null or "" or "G" => number + " U",
            "N" => number,
            _ => throw new FormatException($"The format '{format}' is not supported for toxin units; use 'G' or 'N'."),
        };
    }

    /// <summary>Compares two amounts for equality.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ToxinUnits left, ToxinUnits right) => left.Equals(right);

    /// <summary>Compares two amounts for inequality.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(ToxinUnits left, ToxinUnits right) => !left.Equals(right);

    /// <summary>Orders two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(ToxinUnits left, ToxinUnits right) => left.hundredths < right.hundredths;

    /// <summary>Orders two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(ToxinUnits left, ToxinUnits right) => left.hundredths <= right.hundredths;

    /// <summary>Orders two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(ToxinUnits left, ToxinUnits right) => left.hundredths > right.hundredths;

    /// <summary>Orders two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(ToxinUnits left, ToxinUnits right) => left.hundredths >= right.hundredths;
}
