using MigraineProtocol.Anatomy;
using MigraineProtocol.Dosing;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Protocols;

/// <summary>A fixed site of a protocol with the dose given there.</summary>
/// <remarks>Equality is by value.</remarks>
public sealed class ProtocolSite : IEquatable<ProtocolSite>
{
    /// <summary>Initializes a protocol site.</summary>
    /// <param name="site">The injection site.</param>
    /// <param name="units">The dose at the site; more than zero.</param>
    /// <exception cref="ArgumentNullException"><paramref name="site"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is zero.</exception>
    public ProtocolSite(InjectionSite site, ToxinUnits units)
    {
        Site = Preconditions.CheckNotNull(site);
        Preconditions.CheckRange(units > ToxinUnits.Zero, nameof(units), units, $"The dose at site '{site.Id}' must be more than 0 U.");
        Units = units;
    }

    /// <summary>Gets the injection site.</summary>
    public InjectionSite Site { get; }

    /// <summary>Gets the dose at the site.</summary>
    public ToxinUnits Units { get; }

    /// <inheritdoc />
    public bool Equals(ProtocolSite? other) => other is not null && Site.Equals(other.Site) && Units == other.Units;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ProtocolSite);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Site.Id, Units);

    /// <summary>Returns <c>site: units</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Site.Id}: {Units}";
}
