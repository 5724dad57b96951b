using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Rendering;

/// <summary>The dose given at one fixed site in a session against the protocol's dose there, and the verdict.</summary>
/// <remarks>Equality is by value. Instances are immutable and validated on creation.</remarks>
public sealed class SiteDose : IEquatable<SiteDose>
{
    /// <summary>Initializes a site dose; the status usually comes from a rules report (<see cref="SessionOverlay.FromReport"/>).</summary>
    /// <param name="site">The fixed site; never a follow-the-pain id.</param>
    /// <param name="planned">The protocol's dose at the site; zero when the site is not in the protocol.</param>
    /// <param name="given">The total dose given at the site in the session.</param>
    /// <param name="status">The verdict.</param>
    /// <exception cref="ArgumentException">The site id is <c>default</c> or a follow-the-pain id, or the status is undefined.</exception>
    public SiteDose(SiteId site, ToxinUnits planned, ToxinUnits given, SiteDoseStatus status)
    {
        Preconditions.CheckArgument(site.Value.Length > 0, nameof(site), "The site of a site dose must not be the default (empty) id.");
        Preconditions.CheckArgument(!site.IsFollowThePain, nameof(site), $"'{site}' is a follow-the-pain id; use FollowThePainDose for follow-the-pain injections.");
        Preconditions.CheckRange(Enum.IsDefined(status), nameof(status), status, $"The status of site '{site}' must be a defined SiteDoseStatus.");
        Site = site;
        Planned = planned;
        Given = given;
        Status = status;
    }

    /// <summary>Gets the fixed site.</summary>
    public SiteId Site { get; }

    /// <summary>Gets the protocol's dose at the site (zero when the site is not in the protocol).</summary>
    public ToxinUnits Planned { get; }

    /// <summary>Gets the total dose given at the site in the session.</summary>
    public ToxinUnits Given { get; }

    /// <summary>Gets the verdict.</summary>
    public SiteDoseStatus Status { get; }

    /// <inheritdoc />
    public bool Equals(SiteDose? other) =>
        other is not null && Site == other.Site && Planned == other.Planned && Given == other.Given && Status == other.Status;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SiteDose);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Site, Planned, Given, Status);

    /// <summary>Returns the site, the doses and the status, for example <c>procerus: 5 U of 5 U (as-planned)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Site}: {Given} of {Planned} ({SiteDoseStatusText.Format(Status)})";
}
