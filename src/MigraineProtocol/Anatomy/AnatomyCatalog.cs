using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Anatomy;

/// <summary>
/// A consistent set of lay regions, muscles and fixed injection sites. The built-in PREEMPT anatomy
/// is <c>MigraineProtocol.Definitions.Catalogs.DefaultAnatomy</c>, read from the embedded definition
/// file <c>Definitions/anatomy.json</c>.
/// </summary>
/// <remarks>
/// <para>The constructor checks every invariant and reports all problems at once: unique ids; each
/// muscle in exactly one known region; each site on a known muscle; midline muscles have only midline
/// sites and other muscles only left and right sites; one site per muscle, side and ordinal.</para>
/// <para>Lookups are by id in constant time. Enumerations keep definition order.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class AnatomyCatalog
{
    private readonly FrozenDictionary<RegionId, LayRegion> regionsById;
    private readonly FrozenDictionary<MuscleId, Muscle> musclesById;
    private readonly FrozenDictionary<SiteId, InjectionSite> sitesById;

    /// <summary>Initializes a catalog, checking every invariant.</summary>
    /// <param name="regions">The lay regions.</param>
    /// <param name="muscles">The muscles.</param>
    /// <param name="sites">The fixed injection sites.</param>
    /// <exception cref="ArgumentNullException">An argument or an element is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionException">The definitions are inconsistent; <see cref="DefinitionException.Problems"/> lists every problem.</exception>
    public AnatomyCatalog(IEnumerable<LayRegion> regions, IEnumerable<Muscle> muscles, IEnumerable<InjectionSite> sites)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(muscles);
        ArgumentNullException.ThrowIfNull(sites);
        Regions = [.. regions];
        Muscles = [.. muscles];
        Sites = [.. sites];
        if (Regions.Any(r => r is null) || Muscles.Any(m => m is null) || Sites.Any(s => s is null))
        {
            throw new ArgumentNullException(nameof(regions), "A catalog must not contain null regions, muscles or sites.");
        }

        var problems = new List<string>();
        regionsById = Index(Regions, r => r.Id, "region", problems);
        musclesById = Index(Muscles, m => m.Id, "muscle", problems);
        sitesById = Index(Sites, s => s.Id, "site", problems);

        foreach (var muscle in Muscles)
        {
            if (!regionsById.TryGetValue(muscle.Region, out var region))
            {
                problems.Add($"Muscle '{muscle.Id}' names region '{muscle.Region}', which is not defined.");
            }
            else if (!region.Muscles.Contains(muscle.Id))
            {
                problems.Add($"Muscle '{muscle.Id}' names region '{muscle.Region}', but that region does not list it.");
            }
        }

        foreach (var region in Regions)
        {
            foreach (var m in region.Muscles)
            {
                if (!musclesById.TryGetValue(m, out var muscle))
                {
                    problems.Add($"Region '{region.Id}' lists muscle '{m}', which is not defined.");
                }
                else if (muscle.Region != region.Id)
                {
                    problems.Add($"Region '{region.Id}' lists muscle '{m}', but that muscle belongs to region '{muscle.Region}'.");
                }
            }
        }

        var seen = new HashSet<(MuscleId, Laterality, int)>();
        foreach (var site in Sites)
        {
            if (!musclesById.TryGetValue(site.Muscle, out var muscle))
            {
                problems.Add($"Site '{site.Id}' names muscle '{site.Muscle}', which is not defined.");
                continue;
            }

            if (muscle.IsMidline != (site.Side == Laterality.Midline))
            {
                problems.Add(muscle.IsMidline
                    ? $"Site '{site.Id}' is on the {LateralityText.Format(site.Side)} side, but muscle '{muscle.Id}' is injected at the midline only."
                    : $"Site '{site.Id}' is at the midline, but muscle '{muscle.Id}' is injected on the left and right sides.");
            }

            if (!seen.Add((site.Muscle, site.Side, site.Ordinal)))
            {
                problems.Add($"Site '{site.Id}' repeats ordinal {site.Ordinal} of muscle '{site.Muscle}' on the {LateralityText.Format(site.Side)} side.");
            }
        }

        if (problems.Count > 0)
        {
            throw new DefinitionException("The anatomy definitions are inconsistent", problems);
        }
    }

    /// <summary>Gets the lay regions in definition order.</summary>
    public ImmutableArray<LayRegion> Regions { get; }

    /// <summary>Gets the muscles in definition order.</summary>
    public ImmutableArray<Muscle> Muscles { get; }

    /// <summary>Gets the fixed injection sites in definition order.</summary>
    public ImmutableArray<InjectionSite> Sites { get; }

    /// <summary>Returns the region with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The region.</returns>
    /// <exception cref="KeyNotFoundException">No region has the id.</exception>
    public LayRegion GetRegion(RegionId id) =>
        regionsById.TryGetValue(id, out var r) ? r : throw new KeyNotFoundException($"No lay region has the id '{id}'.");

    /// <summary>Returns the muscle with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The muscle.</returns>
    /// <exception cref="KeyNotFoundException">No muscle has the id.</exception>
    public Muscle GetMuscle(MuscleId id) =>
        musclesById.TryGetValue(id, out var m) ? m : throw new KeyNotFoundException($"No muscle has the id '{id}'.");

    /// <summary>Returns the fixed site with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The site.</returns>
    /// <exception cref="KeyNotFoundException">No fixed site has the id.</exception>
    public InjectionSite GetSite(SiteId id) =>
        sitesById.TryGetValue(id, out var s) ? s : throw new KeyNotFoundException($"No fixed injection site has the id '{id}'.");

    /// <summary>Looks up a region; never throws.</summary>
    /// <param name="id">The id.</param>
    /// <param name="region">The region when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetRegion(RegionId id, [NotNullWhen(true)] out LayRegion? region) => regionsById.TryGetValue(id, out region);

    /// <summary>Looks up a muscle; never throws.</summary>
    /// <param name="id">The id.</param>
    /// <param name="muscle">The muscle when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetMuscle(MuscleId id, [NotNullWhen(true)] out Muscle? muscle) => musclesById.TryGetValue(id, out muscle);

    /// <summary>Looks up a fixed site; never throws.</summary>
    /// <param name="id">The id.</param>
    /// <param name="site">The site when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetSite(SiteId id, [NotNullWhen(true)] out InjectionSite? site) => sitesById.TryGetValue(id, out site);

    /// <summary>Returns the region a muscle lies in.</summary>
    /// <param name="muscle">The muscle id.</param>
    /// <returns>The region.</returns>
    /// <exception cref="KeyNotFoundException">The muscle is not in the catalog.</exception>
    public LayRegion RegionOf(MuscleId muscle) => GetRegion(GetMuscle(muscle).Region);

    private static FrozenDictionary<TKey, T> Index<TKey, T>(ImmutableArray<T> items, Func<T, TKey> key, string kind, List<string> problems)
        where TKey : notnull
    {
        var map = new Dictionary<TKey, T>();
        foreach (var item in items)
        {
            if (!map.TryAdd(key(item), item))
            {
                problems.Add($"The {kind} id '{key(item)}' is defined more than once.");
            }
        }

        return map.ToFrozenDictionary();
    }
}
