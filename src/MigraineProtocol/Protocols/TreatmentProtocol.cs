using System.Collections.Frozen;
using System.Collections.Immutable;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Protocols;

/// <summary>
/// A treatment protocol: the fixed sites with their doses, the follow-the-pain allowance per muscle,
/// the total limit, the retreatment interval and the sources. The built-in protocols are
/// <see cref="KnownProtocols.Preempt"/> (155 U at 31 sites, up to 195 U at 39 with follow-the-pain)
/// and <see cref="KnownProtocols.UsLabel"/> (155 U at 31 sites).
/// </summary>
/// <remarks>
/// <para>A protocol is built only through <see cref="TreatmentProtocolBuilder.Build"/>, which checks
/// every invariant: at least one site; every site in the anatomy catalog and given once, with a dose
/// above zero; every muscle except midline ones split evenly left and right in sites and units (EU/UK
/// SmPC §4.2 bilateral rule, S1 VERIFIED); follow-the-pain only in known, non-midline muscles, once
/// per muscle; the total limit between the fixed total and the fixed total plus every allowance; a
/// retreatment interval of at least one day; at least one source.</para>
/// <para>Equality is by value (the anatomy catalog is compared by reference).</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class TreatmentProtocol : IEquatable<TreatmentProtocol>
{
    private readonly FrozenDictionary<SiteId, ProtocolSite> sitesById;
    private readonly FrozenDictionary<MuscleId, FollowThePainAllowance> followThePainByMuscle;
    private readonly FrozenDictionary<MuscleId, MuscleLimit> limitsByMuscle;

    internal TreatmentProtocol(
        ProtocolId id,
        string name,
        string description,
        AnatomyCatalog anatomy,
        ImmutableArray<ProtocolSite> sites,
        ImmutableArray<FollowThePainAllowance> followThePain,
        ToxinUnits maximumUnits,
        int retreatmentIntervalDays,
        ImmutableArray<Citation> sources)
    {
        Id = id;
        Name = name;
        Description = description;
        Anatomy = anatomy;
        Sites = sites;
        FollowThePain = followThePain;
        MaximumUnits = maximumUnits;
        RetreatmentIntervalDays = retreatmentIntervalDays;
        Sources = sources;
        sitesById = sites.ToFrozenDictionary(s => s.Site.Id);
        followThePainByMuscle = followThePain.ToFrozenDictionary(f => f.Muscle);
        FixedUnits = ToxinUnits.Sum(sites.Select(s => s.Units));
        MaximumSites = sites.Length + followThePain.Sum(f => f.MaxExtraSites);
        MuscleLimits = [.. sites.Select(s => s.Site.Muscle).Concat(followThePain.Select(f => f.Muscle)).Distinct().Select(BuildLimit)];
        limitsByMuscle = MuscleLimits.ToFrozenDictionary(l => l.Muscle);
    }

    /// <summary>Gets the id, for example <c>preempt</c>.</summary>
    public ProtocolId Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets a one-paragraph description.</summary>
    public string Description { get; }

    /// <summary>Gets the anatomy the protocol's sites come from.</summary>
    public AnatomyCatalog Anatomy { get; }

    /// <summary>Gets the fixed sites with their doses, in definition order.</summary>
    public ImmutableArray<ProtocolSite> Sites { get; }

    /// <summary>Gets the follow-the-pain allowances, one per muscle; empty when the protocol has none.</summary>
    public ImmutableArray<FollowThePainAllowance> FollowThePain { get; }

    /// <summary>Gets the units at the fixed sites (155 U for PREEMPT).</summary>
    public ToxinUnits FixedUnits { get; }

    /// <summary>Gets the most units a session may give (195 U for PREEMPT, 155 U for the US label).</summary>
    public ToxinUnits MaximumUnits { get; }

    /// <summary>Gets the number of fixed sites (31 for PREEMPT).</summary>
    public int FixedSiteCount => Sites.Length;

    /// <summary>Gets the most injections a session may give: fixed sites plus every follow-the-pain site (39 for PREEMPT).</summary>
    public int MaximumSites { get; }

    /// <summary>Gets the dose limits per muscle, in the order the muscles first appear.</summary>
    public ImmutableArray<MuscleLimit> MuscleLimits { get; }

    /// <summary>Gets the retreatment interval in days (84, every 12 weeks, for PREEMPT: clinical-facts.md §1.2, S1 and S3, VERIFIED).</summary>
    public int RetreatmentIntervalDays { get; }

    /// <summary>Gets the sources of the protocol.</summary>
    public ImmutableArray<Citation> Sources { get; }

    /// <summary>Gets a value indicating whether the protocol allows follow-the-pain injections.</summary>
    public bool AllowsFollowThePain => !FollowThePain.IsEmpty;

    /// <summary>Returns a new builder named <paramref name="id"/> over an anatomy catalog, with no sites.</summary>
    /// <param name="id">The id of the new protocol.</param>
    /// <param name="name">The display name.</param>
    /// <param name="anatomy">The anatomy the sites come from.</param>
    /// <returns>The builder.</returns>
    public static TreatmentProtocolBuilder CreateBuilder(ProtocolId id, string name, AnatomyCatalog anatomy) => new(id, name, anatomy);

    /// <summary>Returns a new builder holding this protocol's values, to derive a custom protocol.</summary>
    /// <returns>The builder; <see cref="TreatmentProtocolBuilder.Build"/> re-checks every invariant.</returns>
    public TreatmentProtocolBuilder ToBuilder() => new(this);

    /// <summary>Looks up a fixed site of the protocol; never throws.</summary>
    /// <param name="site">The site id.</param>
    /// <param name="protocolSite">The protocol site when found.</param>
    /// <returns><see langword="true"/> when the site is one of the protocol's fixed sites.</returns>
    public bool TryGetSite(SiteId site, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProtocolSite? protocolSite) =>
        sitesById.TryGetValue(site, out protocolSite);

    /// <summary>Looks up the follow-the-pain allowance of a muscle; never throws.</summary>
    /// <param name="muscle">The muscle.</param>
    /// <param name="allowance">The allowance when the muscle has one.</param>
    /// <returns><see langword="true"/> when the muscle has a follow-the-pain allowance.</returns>
    public bool TryGetFollowThePain(MuscleId muscle, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FollowThePainAllowance? allowance) =>
        followThePainByMuscle.TryGetValue(muscle, out allowance);

    /// <summary>Looks up the limits of a muscle; never throws.</summary>
    /// <param name="muscle">The muscle.</param>
    /// <param name="limit">The limit when the muscle is part of the protocol.</param>
    /// <returns><see langword="true"/> when the muscle is part of the protocol.</returns>
    public bool TryGetMuscleLimit(MuscleId muscle, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MuscleLimit? limit) =>
        limitsByMuscle.TryGetValue(muscle, out limit);

    private MuscleLimit BuildLimit(MuscleId muscle)
    {
        var fixedSites = Sites.Where(s => s.Site.Muscle == muscle).ToList();
        var fixedUnits = ToxinUnits.Sum(fixedSites.Select(s => s.Units));
        return followThePainByMuscle.TryGetValue(muscle, out var ftp)
            ? new MuscleLimit(muscle, fixedUnits, fixedSites.Count, fixedUnits + ftp.MaxExtraUnits, fixedSites.Count + ftp.MaxExtraSites)
            : new MuscleLimit(muscle, fixedUnits, fixedSites.Count, fixedUnits, fixedSites.Count);
    }

    /// <inheritdoc />
    public bool Equals(TreatmentProtocol? other) =>
        other is not null
        && Id == other.Id
        && Name == other.Name
        && Description == other.Description
        && ReferenceEquals(Anatomy, other.Anatomy)
        && Sites.SequenceEqual(other.Sites)
        && FollowThePain.SequenceEqual(other.FollowThePain)
        && MaximumUnits == other.MaximumUnits
        && RetreatmentIntervalDays == other.RetreatmentIntervalDays
        && Sources.SequenceEqual(other.Sources);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TreatmentProtocol);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, FixedUnits, MaximumUnits, Sites.Length, FollowThePain.Length);

    /// <summary>Returns <c>id (fixed U at n sites, up to max U at m sites)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        AllowsFollowThePain
            ? $"{Id} ({FixedUnits} at {FixedSiteCount} sites, up to {MaximumUnits} at {MaximumSites} sites)"
            : $"{Id} ({FixedUnits} at {FixedSiteCount} sites)";
}
