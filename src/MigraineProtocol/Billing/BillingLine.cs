using MigraineProtocol.Utility;

namespace MigraineProtocol.Billing;

/// <summary>One line of a claim that follows from a session: a code system (<c>CPT</c> or <c>HCPCS</c>), a code, an optional modifier and a quantity.</summary>
/// <remarks>The codes are VERIFIED-2nd (clinical-facts.md §6, S17): re-check them before release. Equality is by value.</remarks>
public sealed class BillingLine : IEquatable<BillingLine>
{
    /// <summary>Initializes a line.</summary>
    /// <param name="system">The code system, for example <c>HCPCS</c>.</param>
    /// <param name="code">The code, for example <c>J0585</c>.</param>
    /// <param name="modifier">The modifier (<c>JW</c>, <c>JZ</c>) or <see langword="null"/>.</param>
    /// <param name="quantity">The quantity (units of service); not negative.</param>
    /// <param name="description">What the line bills.</param>
    /// <exception cref="ArgumentException">A text is empty, or <paramref name="quantity"/> is negative.</exception>
    public BillingLine(string system, string code, string? modifier, decimal quantity, string description)
    {
        System = Preconditions.CheckNotBlank(system);
        Code = Preconditions.CheckNotBlank(code);
        Modifier = modifier is null ? null : Preconditions.CheckNotBlank(modifier);
        Preconditions.CheckRange(quantity >= 0, nameof(quantity), quantity, "A billing quantity must not be negative.");
        Quantity = quantity;
        Description = Preconditions.CheckNotBlank(description);
    }

    /// <summary>Gets the code system: <c>CPT</c> or <c>HCPCS</c>.</summary>
    public string System { get; }

    /// <summary>Gets the code.</summary>
    public string Code { get; }

    /// <summary>Gets the modifier, or <see langword="null"/>.</summary>
    public string? Modifier { get; }

    /// <summary>Gets the quantity (for J0585, units of onabotulinumtoxinA; for 64615, sessions).</summary>
    public decimal Quantity { get; }

    /// <summary>Gets what the line bills.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public bool Equals(BillingLine? other) =>
        other is not null && System == other.System && Code == other.Code && Modifier == other.Modifier && Quantity == other.Quantity && Description == other.Description;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BillingLine);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(System, Code, Modifier, Quantity);

    /// <summary>Returns <c>code-modifier x quantity</c>, for example <c>J0585-JW x 45</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Code}{(Modifier is null ? string.Empty : "-" + Modifier)} x {Quantity.ToString("0.##", global::System.Globalization.CultureInfo.InvariantCulture)}";
}
