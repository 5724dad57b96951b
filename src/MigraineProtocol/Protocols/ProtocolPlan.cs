using System.Collections.Immutable;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Protocols;

/// <summary>
/// A printable plan of a protocol: its fixed sites grouped by lay region and muscle, with the dose
/// and volume per site, subtotals, totals, the follow-the-pain allowance and the vials needed, for a
/// given reconstitution.
/// </summary>
/// <remarks>Regions, muscles and sites keep the anatomy catalog's definition order.</remarks>
public sealed class ProtocolPlan
{
    private ProtocolPlan(TreatmentProtocol protocol, Reconstitution reconstitution, ImmutableArray<RegionPlan> regions)
    {
        Protocol = protocol;
        Reconstitution = reconstitution;
        Regions = regions;
        Sites = [.. regions.SelectMany(r => r.Muscles).SelectMany(m => m.Sites)];
        TotalVolume = Sites.Aggregate(Volume.Zero, (v, s) => v + s.Volume);
        FixedVials = reconstitution.VialsFor(protocol.FixedUnits);
        MaximumVials = reconstitution.VialsFor(protocol.MaximumUnits);
    }

    /// <summary>Gets the protocol.</summary>
    public TreatmentProtocol Protocol { get; }

    /// <summary>Gets the reconstitution the volumes are computed for.</summary>
    public Reconstitution Reconstitution { get; }

    /// <summary>Gets the lay regions with their muscles and sites.</summary>
    public ImmutableArray<RegionPlan> Regions { get; }

    /// <summary>Gets every site of the plan, in plan order.</summary>
    public ImmutableArray<SitePlan> Sites { get; }

    /// <summary>Gets the units at the fixed sites.</summary>
    public ToxinUnits TotalUnits => Protocol.FixedUnits;

    /// <summary>Gets the volume injected at the fixed sites.</summary>
    public Volume TotalVolume { get; }

    /// <summary>Gets the vials the fixed sites need and the units discarded.</summary>
    public VialUsage FixedVials { get; }

    /// <summary>Gets the vials the maximum dose (with every follow-the-pain injection) needs and the units discarded.</summary>
    public VialUsage MaximumVials { get; }

    /// <summary>Whether a plan of the protocol at the reconstitution stays within the representable volumes and vials (site volumes are rounded, so one microlitre per site is kept as margin).</summary>
    internal static bool Fits(TreatmentProtocol protocol, Reconstitution r)
    {
        var microlitres = (decimal)protocol.MaximumUnits.Hundredths * r.Diluent.Microlitres / r.VialUnits.Hundredths;
        var vials = (protocol.MaximumUnits.Hundredths + r.VialUnits.Hundredths - 1) / r.VialUnits.Hundredths;
        return microlitres + protocol.Sites.Length <= Volume.MaxValue.Microlitres && vials <= ToxinUnits.MaxValue.Hundredths / r.VialUnits.Hundredths;
    }

    /// <summary>Tries to plan a protocol for a reconstitution; never throws for a plan beyond the representable volumes and vials.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="reconstitution">The reconstitution.</param>
    /// <param name="plan">The plan, when it fits.</param>
    /// <returns><see langword="true"/> when the plan's volumes and vials are within <see cref="Volume.MaxValue"/> and <see cref="ToxinUnits.MaxValue"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="protocol"/> or <paramref name="reconstitution"/> is <see langword="null"/>.</exception>
    public static bool TryCreate(TreatmentProtocol protocol, Reconstitution reconstitution, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProtocolPlan? plan)
    {
        Preconditions.CheckNotNull(protocol);
        Preconditions.CheckNotNull(reconstitution);
        plan = Fits(protocol, reconstitution) ? Create(protocol, reconstitution) : null;
        return plan is not null;
    }

    /// <summary>Returns the plan of a protocol for a reconstitution.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="reconstitution">The reconstitution; the default is 100 U in 2 mL (5 U per 0.1 mL).</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException">At this reconstitution the protocol's doses need more solution than
    /// <see cref="Volume.MaxValue"/>, or more vials than hold <see cref="ToxinUnits.MaxValue"/> (beyond the representable range; docs/quality.md, "Totals").</exception>
    public static ProtocolPlan Create(TreatmentProtocol protocol, Reconstitution? reconstitution = null)
    {
        Preconditions.CheckNotNull(protocol);
        var r = reconstitution ?? Reconstitution.Vial100In2Ml;
        if (!Fits(protocol, r))
        {
            throw new ArgumentOutOfRangeException(nameof(reconstitution), $"At {r.VialUnits} in {r.Diluent}, the doses of protocol '{protocol.Id}' need more than {Volume.MaxValue} of solution or more vials than the library represents.");
        }

        var anatomy = protocol.Anatomy;
        var regions = ImmutableArray.CreateBuilder<RegionPlan>();
        foreach (var region in anatomy.Regions)
        {
            var muscles = ImmutableArray.CreateBuilder<MusclePlan>();
            foreach (var muscleId in region.Muscles)
            {
                var muscle = anatomy.GetMuscle(muscleId);
                var sites = protocol.Sites
                    .Where(s => s.Site.Muscle == muscleId)
                    .Select(s => new SitePlan(s.Site, muscle, region, s.Units, r.VolumeFor(s.Units)))
                    .ToImmutableArray();
                protocol.TryGetFollowThePain(muscleId, out var ftp);
                if (!sites.IsEmpty || ftp is not null)
                {
                    protocol.TryGetMuscleLimit(muscleId, out var limit);
                    muscles.Add(new MusclePlan(muscle, sites, ftp, limit!));
                }
            }

            if (muscles.Count > 0)
            {
                regions.Add(new RegionPlan(region, muscles.ToImmutable()));
            }
        }

        return new ProtocolPlan(protocol, r, regions.ToImmutable());
    }
}

/// <summary>A lay region of a plan with its muscles.</summary>
public sealed class RegionPlan
{
    internal RegionPlan(LayRegion region, ImmutableArray<MusclePlan> muscles)
    {
        Region = region;
        Muscles = muscles;
        Units = ToxinUnits.Sum(muscles.Select(m => m.Units));
        SiteCount = muscles.Sum(m => m.Sites.Length);
    }

    /// <summary>Gets the lay region.</summary>
    public LayRegion Region { get; }

    /// <summary>Gets the muscles of the region in the plan.</summary>
    public ImmutableArray<MusclePlan> Muscles { get; }

    /// <summary>Gets the units at the region's fixed sites.</summary>
    public ToxinUnits Units { get; }

    /// <summary>Gets the number of fixed sites in the region.</summary>
    public int SiteCount { get; }
}

/// <summary>A muscle of a plan with its sites, follow-the-pain allowance and limits.</summary>
public sealed class MusclePlan
{
    internal MusclePlan(Muscle muscle, ImmutableArray<SitePlan> sites, FollowThePainAllowance? followThePain, MuscleLimit limit)
    {
        Muscle = muscle;
        Sites = sites;
        FollowThePain = followThePain;
        Limit = limit;
        Units = ToxinUnits.Sum(sites.Select(s => s.Units));
        Volume = sites.Aggregate(Dosing.Volume.Zero, (v, s) => v + s.Volume);
    }

    /// <summary>Gets the muscle.</summary>
    public Muscle Muscle { get; }

    /// <summary>Gets the fixed sites of the muscle.</summary>
    public ImmutableArray<SitePlan> Sites { get; }

    /// <summary>Gets the follow-the-pain allowance, or <see langword="null"/> when the muscle has none.</summary>
    public FollowThePainAllowance? FollowThePain { get; }

    /// <summary>Gets the muscle's dose limits.</summary>
    public MuscleLimit Limit { get; }

    /// <summary>Gets the units at the muscle's fixed sites.</summary>
    public ToxinUnits Units { get; }

    /// <summary>Gets the volume at the muscle's fixed sites.</summary>
    public Volume Volume { get; }
}

/// <summary>A fixed site of a plan with its dose and volume.</summary>
/// <param name="Site">The site.</param>
/// <param name="Muscle">The muscle.</param>
/// <param name="Region">The lay region.</param>
/// <param name="Units">The dose.</param>
/// <param name="Volume">The volume of reconstituted solution that holds the dose.</param>
public sealed record SitePlan(InjectionSite Site, Muscle Muscle, LayRegion Region, ToxinUnits Units, Volume Volume)
{
    /// <summary>Gets the side of the site.</summary>
    public Laterality Side => Site.Side;
}
