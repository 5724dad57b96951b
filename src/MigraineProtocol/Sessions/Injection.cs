using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Sessions;

/// <summary>
/// One injection given in a session: the site (a fixed site id, or a follow-the-pain id
/// <c>&lt;muscle&gt;-&lt;side&gt;-ftp</c>, once per injection) and the units given.
/// </summary>
/// <remarks>
/// An injection records what was given, so it accepts any well-formed site id and any amount,
/// including zero; whether that fits a protocol is a finding of the rules, not an exception.
/// </remarks>
public sealed class Injection : IEquatable<Injection>
{
    /// <summary>Initializes an injection.</summary>
    /// <param name="site">The site id; not <c>default</c>.</param>
    /// <param name="units">The units given.</param>
    /// <exception cref="ArgumentException"><paramref name="site"/> is <c>default</c>.</exception>
    public Injection(SiteId site, ToxinUnits units)
    {
        if (site.Value.Length == 0)
        {
            throw new ArgumentException("The site of an injection must not be the default (empty) site id.", nameof(site));
        }

        Site = site;
        Units = units;
    }

    /// <summary>Returns a follow-the-pain injection into a muscle on one side.</summary>
    /// <param name="muscle">The muscle.</param>
    /// <param name="side">Left or right.</param>
    /// <param name="units">The units given.</param>
    /// <returns>The injection, at site <c>&lt;muscle&gt;-&lt;side&gt;-ftp</c>.</returns>
    public static Injection FollowThePain(MuscleId muscle, Laterality side, ToxinUnits units) => new(SiteId.FollowThePain(muscle, side), units);

    /// <summary>Gets the site id.</summary>
    public SiteId Site { get; }

    /// <summary>Gets the units given.</summary>
    public ToxinUnits Units { get; }

    /// <summary>Gets a value indicating whether this is a follow-the-pain injection.</summary>
    public bool IsFollowThePain => Site.IsFollowThePain;

    /// <inheritdoc />
    public bool Equals(Injection? other) => other is not null && Site == other.Site && Units == other.Units;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Injection);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Site, Units);

    /// <summary>Returns <c>site: units</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Site}: {Units}";
}
