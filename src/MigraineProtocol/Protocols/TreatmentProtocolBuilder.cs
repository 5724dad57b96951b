using System.Collections.Immutable;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Protocols;

/// <summary>
/// A mutable builder of a <see cref="TreatmentProtocol"/>. Start from
/// <see cref="TreatmentProtocol.ToBuilder"/> to derive a custom protocol, or from
/// <see cref="TreatmentProtocol.CreateBuilder"/> to write one from scratch; <see cref="Build"/>
/// re-checks every invariant and lists every problem at once.
/// </summary>
/// <example><code>
/// TreatmentProtocol oneSided = KnownProtocols.Preempt.ToBuilder()
///     .WithId(ProtocolId.From("clinic-no-ftp"), "PREEMPT without follow-the-pain")
///     .ClearFollowThePain()
///     .Build();
/// </code></example>
/// <threadsafety>Builders are not thread-safe.</threadsafety>
public sealed class TreatmentProtocolBuilder
{
    private readonly List<(SiteId Site, ToxinUnits Units)> sites = [];
    private readonly Dictionary<SiteId, int> siteIndex = [];
    private readonly List<FollowThePainAllowance> followThePain = [];
    private readonly List<Citation> sources = [];

    internal TreatmentProtocolBuilder(ProtocolId id, string name, AnatomyCatalog anatomy)
    {
        Id = id;
        Name = name;
        Description = name;
        Anatomy = Preconditions.CheckNotNull(anatomy);
        RetreatmentIntervalDays = 84;
    }

    internal TreatmentProtocolBuilder(TreatmentProtocol protocol)
    {
        Id = protocol.Id;
        Name = protocol.Name;
        Description = protocol.Description;
        Anatomy = protocol.Anatomy;
        RetreatmentIntervalDays = protocol.RetreatmentIntervalDays;
        var derived = protocol.FixedUnits + ToxinUnits.Sum(protocol.FollowThePain.Select(f => f.MaxExtraUnits));
        MaximumUnits = protocol.MaximumUnits == derived ? null : protocol.MaximumUnits;
        sites.AddRange(protocol.Sites.Select(s => (s.Site.Id, s.Units)));
        Reindex();
        followThePain.AddRange(protocol.FollowThePain);
        sources.AddRange(protocol.Sources);
    }

    /// <summary>Gets the id of the protocol being built.</summary>
    public ProtocolId Id { get; private set; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; private set; }

    /// <summary>Gets the description.</summary>
    public string Description { get; private set; }

    /// <summary>Gets the anatomy the sites come from.</summary>
    public AnatomyCatalog Anatomy { get; private set; }

    /// <summary>Gets the retreatment interval in days.</summary>
    /// <value>The default value is 84 (12 weeks, clinical-facts.md §1.2, S1 and S3, VERIFIED).</value>
    public int RetreatmentIntervalDays { get; private set; }

    /// <summary>Gets the explicit total limit, or <see langword="null"/> to use the fixed total plus every follow-the-pain allowance.</summary>
    public ToxinUnits? MaximumUnits { get; private set; }

    /// <summary>Gets the site ids and doses added so far, in order.</summary>
    public IReadOnlyList<(SiteId Site, ToxinUnits Units)> Sites => sites;

    /// <summary>Gets the follow-the-pain allowances added so far.</summary>
    public IReadOnlyList<FollowThePainAllowance> FollowThePain => followThePain;

    /// <summary>Gets the sources added so far.</summary>
    public IReadOnlyList<Citation> Sources => sources;

    /// <summary>Sets the id and display name.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The display name.</param>
    /// <returns>This builder.</returns>
    public TreatmentProtocolBuilder WithId(ProtocolId id, string name)
    {
        Id = id;
        Name = name;
        return this;
    }

    /// <summary>Sets the description.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    public TreatmentProtocolBuilder WithDescription(string description)
    {
        Description = description;
        return this;
    }

    /// <summary>Sets the anatomy the sites come from (for a catalog extended with definitions of its own).</summary>
    /// <param name="anatomy">The anatomy.</param>
    /// <returns>This builder.</returns>
    public TreatmentProtocolBuilder WithAnatomy(AnatomyCatalog anatomy)
    {
        Anatomy = Preconditions.CheckNotNull(anatomy);
        return this;
    }

    /// <summary>Sets the retreatment interval.</summary>
    /// <param name="days">The interval in days.</param>
    /// <returns>This builder.</returns>
    public TreatmentProtocolBuilder WithRetreatmentIntervalDays(int days)
    {
        RetreatmentIntervalDays = days;
        return this;
    }

    /// <summary>Sets an explicit total limit, or <see langword="null"/> to derive it.</summary>
    /// <param name="maximum">The limit.</param>
    /// <returns>This builder.</returns>
    public TreatmentProtocolBuilder WithMaximumUnits(ToxinUnits? maximum)
    {
        MaximumUnits = maximum;
        return this;
    }

    /// <summary>Adds a fixed site, or changes its dose if already present.</summary>
    /// <param name="site">The site id.</param>
    /// <param name="units">The dose.</param>
    /// <returns>This builder.</returns>
    public TreatmentProtocolBuilder SetSite(SiteId site, ToxinUnits units)
    {
        // Indexed by site, so that building a protocol of n sites takes time linear in n.
        if (siteIndex.TryGetValue(site, out var index))
        {
            sites[index] = (site, units);
        }
        else
        {
            siteIndex[site] = sites.Count;
            sites.Add((site, units));
        }

        return this;
    }

    /// <summary>Removes a fixed site if present.</summary>
    /// <param name="site">The site id.</param>
    /// <returns>This builder.</returns>
    public TreatmentProtocolBuilder RemoveSite(SiteId site)
    {
        sites.RemoveAll(s => s.Site == site);
        Reindex();
        return this;
    }

    /// <summary>Sets the follow-the-pain allowance of a muscle, replacing any it had.</summary>
    /// <param name="allowance">The allowance.</param>
    /// <returns>This builder.</returns>
    public TreatmentProtocolBuilder SetFollowThePain(FollowThePainAllowance allowance)
    {
        ArgumentNullException.ThrowIfNull(allowance);
        var index = followThePain.FindIndex(f => f.Muscle == allowance.Muscle);
        if (index >= 0)
        {
            followThePain[index] = allowance;
        }
        else
        {
            followThePain.Add(allowance);
        }

        return this;
    }

    /// <summary>Removes the follow-the-pain allowance of a muscle if present.</summary>
    /// <param name="muscle">The muscle.</param>
    /// <returns>This builder.</returns>
    public TreatmentProtocolBuilder RemoveFollowThePain(MuscleId muscle)
    {
        followThePain.RemoveAll(f => f.Muscle == muscle);
        return this;
    }

    /// <summary>Removes every follow-the-pain allowance.</summary>
    /// <returns>This builder.</returns>
    public TreatmentProtocolBuilder ClearFollowThePain()
    {
        followThePain.Clear();
        return this;
    }

    /// <summary>Adds a source.</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    public TreatmentProtocolBuilder AddSource(Citation source)
    {
        sources.Add(Preconditions.CheckNotNull(source));
        return this;
    }

    /// <summary>Builds the protocol, checking every invariant.</summary>
    /// <returns>The protocol.</returns>
    /// <exception cref="DefinitionException">An invariant is broken; <see cref="DefinitionException.Problems"/> lists every problem.</exception>
    public TreatmentProtocol Build()
    {
        var problems = new List<string>();
        var label = Id.Value.Length == 0 ? "(no id)" : Id.Value;
        if (Id.Value.Length == 0)
        {
            problems.Add("The protocol id must not be the default (empty) id.");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("The protocol name must not be empty.");
        }

        if (sites.Count == 0)
        {
            problems.Add("A protocol needs at least one fixed site.");
        }

        var built = ImmutableArray.CreateBuilder<ProtocolSite>(sites.Count);
        var seen = new HashSet<SiteId>();
        foreach (var (id, units) in sites)
        {
            if (!seen.Add(id))
            {
                problems.Add($"Site '{id}' is listed more than once.");
            }
            else if (!Anatomy.TryGetSite(id, out var site))
            {
                problems.Add($"Site '{id}' is not a fixed site of the anatomy catalog.");
            }
            else if (units == ToxinUnits.Zero)
            {
                problems.Add($"The dose at site '{id}' must be more than 0 U.");
            }
            else
            {
                built.Add(new ProtocolSite(site, units));
            }
        }

        // Totals beyond the representable range are a problem, never an OverflowException (ADR 0102).
        if (built.Sum(s => s.Units.Hundredths) + followThePain.Sum(f => f.MaxExtraUnits.Hundredths) > ToxinUnits.MaxValue.Hundredths)
        {
            problems.Add($"The doses and follow-the-pain allowances add up to more than {ToxinUnits.MaxValue}, the largest total the library represents.");
            throw new DefinitionException($"Protocol '{label}' is invalid", problems);
        }

        CheckBilateral(built, problems);
        CheckFollowThePain(problems);

        var fixedUnits = ToxinUnits.Sum(built.Select(s => s.Units));
        var derivedMaximum = fixedUnits + ToxinUnits.Sum(followThePain.Select(f => f.MaxExtraUnits));
        var maximum = MaximumUnits ?? derivedMaximum;
        if (maximum < fixedUnits || maximum > derivedMaximum)
        {
            problems.Add($"The total limit {maximum} must be between the fixed total {fixedUnits} and the fixed total plus every follow-the-pain allowance, {derivedMaximum}.");
        }

        if (RetreatmentIntervalDays < 1)
        {
            problems.Add($"The retreatment interval must be at least 1 day; got {RetreatmentIntervalDays}.");
        }

        if (sources.Count == 0)
        {
            problems.Add("A protocol must cite at least one source.");
        }

        if (problems.Count > 0)
        {
            throw new DefinitionException($"Protocol '{label}' is invalid", problems);
        }

        return new TreatmentProtocol(Id, Name, Description, Anatomy, built.ToImmutable(), [.. followThePain], maximum, RetreatmentIntervalDays, [.. sources]);
    }

    private void CheckBilateral(ImmutableArray<ProtocolSite>.Builder built, List<string> problems)
    {
        foreach (var group in built.GroupBy(s => s.Site.Muscle))
        {
            if (Anatomy.TryGetMuscle(group.Key, out var muscle) && muscle.IsMidline)
            {
                continue;
            }

            var left = group.Where(s => s.Site.Side == Laterality.Left).ToList();
            var right = group.Where(s => s.Site.Side == Laterality.Right).ToList();
            var leftUnits = ToxinUnits.Sum(left.Select(s => s.Units));
            var rightUnits = ToxinUnits.Sum(right.Select(s => s.Units));
            if (left.Count != right.Count || leftUnits != rightUnits)
            {
                problems.Add($"Muscle '{group.Key}' must be injected bilaterally with half its sites and units on each side (SmPC §4.2, S1); it has {left.Count} sites / {leftUnits} on the left and {right.Count} sites / {rightUnits} on the right.");
            }
        }
    }

    private void CheckFollowThePain(List<string> problems)
    {
        var seen = new HashSet<MuscleId>();
        foreach (var allowance in followThePain)
        {
            if (!seen.Add(allowance.Muscle))
            {
                problems.Add($"Muscle '{allowance.Muscle}' has more than one follow-the-pain allowance.");
            }
            else if (!Anatomy.TryGetMuscle(allowance.Muscle, out var muscle))
            {
                problems.Add($"The follow-the-pain allowance names muscle '{allowance.Muscle}', which is not in the anatomy catalog.");
            }
            else if (muscle.IsMidline)
            {
                problems.Add($"Muscle '{allowance.Muscle}' is a midline muscle; follow-the-pain injections are given to the left or right side.");
            }
        }
    }

    private void Reindex()
    {
        siteIndex.Clear();
        for (var i = 0; i < sites.Count; i++)
        {
            siteIndex.TryAdd(sites[i].Site, i);
        }
    }
}
