using MigraineProtocol.Primitives;

namespace MigraineProtocol.Sessions;

/// <summary>
/// The product of a session: the library models onabotulinumtoxinA (BOTOX) only. Units of other
/// botulinum toxin products are not interchangeable with BOTOX units (clinical-facts.md §1.2, S7,
/// VERIFIED), so their doses cannot be judged against this protocol, nor billed as HCPCS J0585.
/// </summary>
/// <threadsafety>Every member is pure and thread-safe.</threadsafety>
public static class ToxinProducts
{
    private static readonly string[] Accepted = ["BOTOX", "onabotulinumtoxinA"];

    /// <summary>Gets the names accepted as onabotulinumtoxinA, compared case-insensitively after trimming: <c>BOTOX</c> and <c>onabotulinumtoxinA</c>.</summary>
    public static IReadOnlyList<string> OnabotulinumtoxinANames { get; } = Array.AsReadOnly(Accepted);

    /// <summary>Gets the source: Botox units are not interchangeable with other botulinum toxin products (clinical-facts.md §1.2, S7, VERIFIED).</summary>
    public static Citation Source { get; } =
        new("S7", "clinical-facts.md §1.2: Botox units are not interchangeable with other botulinum toxin products", VerificationLevel.Verified);

    /// <summary>Returns whether a recorded product name is onabotulinumtoxinA.</summary>
    /// <param name="product">The recorded product name, or <see langword="null"/> when none was recorded.</param>
    /// <returns><see langword="true"/> for an accepted name, <see langword="false"/> for another product, <see langword="null"/> when none was recorded.</returns>
    public static bool? IsOnabotulinumtoxinA(string? product)
    {
        if (product is null)
        {
            return null;
        }

        var name = product.AsSpan().Trim();
        foreach (var accepted in Accepted)
        {
            if (name.Equals(accepted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
