using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Sessions;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Rendering;

/// <summary>
/// What a session did against a protocol, in the form a site map draws: the dose given at each fixed
/// site with its verdict (as planned, missed, under-dosed, over-dosed, unplanned), the follow-the-pain
/// injections per muscle and side, and plain-language findings about injections that cannot be drawn.
/// </summary>
/// <remarks>
/// <para>This is the seam between whatever judges a session and the picture: <see cref="FromSession"/>
/// compares the doses directly; a rules report can build an overlay through the public constructor
/// instead (docs/adr/0080-site-maps-as-deterministic-svg.md).</para>
/// <para>It is a drawing aid, not a clinical verdict: the findings inform, a clinician decides.</para>
/// <para>Equality is by value. Instances are immutable and validated on creation.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class SessionOverlay : IEquatable<SessionOverlay>
{
    /// <summary>Initializes an overlay.</summary>
    /// <param name="date">The session date.</param>
    /// <param name="sites">The fixed sites, each at most once.</param>
    /// <param name="followThePain">The follow-the-pain injections, each muscle and side at most once.</param>
    /// <param name="findings">Plain-language findings (for example an injection at an unknown site).</param>
    /// <exception cref="ArgumentNullException">An argument or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A site, or a muscle and side, is repeated, or a finding is blank.</exception>
    public SessionOverlay(DateOnly date, IEnumerable<SiteDose> sites, IEnumerable<FollowThePainDose> followThePain, IEnumerable<string> findings)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(followThePain);
        ArgumentNullException.ThrowIfNull(findings);
        Date = date;
        Sites = [.. sites];
        FollowThePain = [.. followThePain];
        Findings = [.. findings];
        if (Sites.Any(s => s is null) || FollowThePain.Any(f => f is null) || Findings.Any(f => f is null))
        {
            throw new ArgumentNullException(nameof(sites), "An overlay must not contain null site doses, follow-the-pain doses or findings.");
        }

        var repeated = Sites.GroupBy(s => s.Site).FirstOrDefault(g => g.Count() > 1);
        Preconditions.CheckArgument(repeated is null, nameof(sites), $"Site '{repeated?.Key}' appears more than once in the overlay; give one total per site.");
        var repeatedFtp = FollowThePain.GroupBy(f => (f.Muscle, f.Side)).FirstOrDefault(g => g.Count() > 1);
        Preconditions.CheckArgument(
            repeatedFtp is null,
            nameof(followThePain),
            $"Follow-the-pain into '{repeatedFtp?.Key.Muscle}' on one side appears more than once in the overlay; give one total per muscle and side.");
        Preconditions.CheckArgument(Findings.All(f => !string.IsNullOrWhiteSpace(f)), nameof(findings), "A finding must not be empty or white space.");
    }

    /// <summary>Gets the session date.</summary>
    public DateOnly Date { get; }

    /// <summary>Gets the fixed sites: the protocol's sites in protocol order, then any unplanned sites in session order.</summary>
    public ImmutableArray<SiteDose> Sites { get; }

    /// <summary>Gets the follow-the-pain injections per muscle and side.</summary>
    public ImmutableArray<FollowThePainDose> FollowThePain { get; }

    /// <summary>Gets plain-language findings about injections the map cannot show as a fixed site or a follow-the-pain zone.</summary>
    public ImmutableArray<string> Findings { get; }

    /// <summary>Gets the total dose at the fixed sites and follow-the-pain zones of this overlay.</summary>
    public ToxinUnits GivenUnits => ToxinUnits.Sum(Sites.Select(s => s.Given)) + ToxinUnits.Sum(FollowThePain.Select(f => f.Units));

    /// <summary>Returns an overlay that compares a session's injections with a protocol, dose by dose.</summary>
    /// <remarks>
    /// Doses at the same site are added. A protocol site with nothing given is missed; less or more than
    /// the protocol's dose is under- or over-dosed. A fixed site of the anatomy that the protocol lacks is
    /// unplanned. Follow-the-pain injections are counted per muscle and side and checked, both sides
    /// together, against the protocol's allowance (clinical-facts.md §1.2, S1, VERIFIED: extra injections
    /// only in the temporalis, occipitalis and trapezius, up to each muscle's maximum). Injections at
    /// unknown sites become findings.
    /// </remarks>
    /// <param name="protocol">The protocol.</param>
    /// <param name="session">The session.</param>
    /// <returns>The overlay.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static SessionOverlay FromSession(TreatmentProtocol protocol, TreatmentSession session)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(session);
        var given = new Dictionary<SiteId, ToxinUnits>();
        var order = new List<SiteId>();
        foreach (var injection in session.Injections)
        {
            if (given.TryGetValue(injection.Site, out var sum))
            {
                given[injection.Site] = sum + injection.Units;
            }
            else
            {
                given.Add(injection.Site, injection.Units);
                order.Add(injection.Site);
            }
        }

        var sites = new List<SiteDose>();
        foreach (var site in protocol.Sites)
        {
            sites.Add(SiteDose.Compare(site.Site.Id, site.Units, given.GetValueOrDefault(site.Site.Id)));
        }

        var findings = new List<string>();
        var ftp = new List<(MuscleId Muscle, Laterality Side, int Count, ToxinUnits Units)>();
        foreach (var id in order)
        {
            var units = given[id];
            if (id.TryGetFollowThePain(out var muscle, out var side))
            {
                var count = session.Injections.Count(i => i.Site == id);
                ftp.Add((muscle, side, count, units));
            }
            else if (protocol.TryGetSite(id, out _))
            {
                continue;
            }
            else if (protocol.Anatomy.TryGetSite(id, out _))
            {
                sites.Add(SiteDose.Compare(id, ToxinUnits.Zero, units));
                findings.Add($"Site '{id}' is not in protocol '{protocol.Id}': {units} given.");
            }
            else
            {
                findings.Add($"'{id}' is not a site of the anatomy: {units} given there is not drawn.");
            }
        }

        var followThePain = new List<FollowThePainDose>();
        var muscles = protocol.FollowThePain.Select(a => a.Muscle).Concat(ftp.Select(f => f.Muscle)).Distinct().ToList();
        foreach (var muscle in muscles)
        {
            var doses = ftp.Where(f => f.Muscle == muscle).OrderBy(f => f.Side).ToList();
            if (doses.Count == 0)
            {
                continue;
            }

            var count = doses.Sum(d => d.Count);
            var units = ToxinUnits.Sum(doses.Select(d => d.Units));
            bool within;
            if (!protocol.Anatomy.TryGetMuscle(muscle, out _))
            {
                within = false;
                findings.Add($"Follow-the-pain into '{muscle}': no such muscle in the anatomy; {units} given there is not drawn.");
            }
            else if (!protocol.TryGetFollowThePain(muscle, out var allowance))
            {
                within = false;
                findings.Add($"Follow-the-pain into '{muscle}' is not part of protocol '{protocol.Id}': {count} injection{(count == 1 ? string.Empty : "s")}, {units}.");
            }
            else
            {
                within = count <= allowance.MaxExtraSites && units <= allowance.MaxExtraUnits;
                if (!within)
                {
                    findings.Add($"Follow-the-pain into '{muscle}': {count} injection{(count == 1 ? string.Empty : "s")}, {units}, beyond the allowance of +{allowance.MaxExtraUnits} at up to {allowance.MaxExtraSites} sites.");
                }
            }

            followThePain.AddRange(doses.Select(d => new FollowThePainDose(muscle, d.Side, d.Count, d.Units, within)));
        }

        return new SessionOverlay(session.Date, sites, followThePain, findings);
    }

    /// <summary>Looks up the dose at a fixed site; never throws.</summary>
    /// <param name="site">The site.</param>
    /// <param name="dose">The dose when the site is in the overlay.</param>
    /// <returns><see langword="true"/> when the site is in the overlay.</returns>
    public bool TryGetSite(SiteId site, [NotNullWhen(true)] out SiteDose? dose)
    {
        foreach (var s in Sites)
        {
            if (s.Site == site)
            {
                dose = s;
                return true;
            }
        }

        dose = null;
        return false;
    }

    /// <summary>Returns how many fixed sites have a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int Count(SiteDoseStatus status) => Sites.Count(s => s.Status == status);

    /// <inheritdoc />
    public bool Equals(SessionOverlay? other) =>
        other is not null && Date == other.Date && Sites.SequenceEqual(other.Sites) && FollowThePain.SequenceEqual(other.FollowThePain)
        && Findings.SequenceEqual(other.Findings, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Date, Sites.Length, FollowThePain.Length, Findings.Length);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SessionOverlay);

    /// <summary>Returns a summary, for example <c>2026-03-02: 150 U; 1 missed, 0 over-dosed</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Date:yyyy-MM-dd}: {GivenUnits}; {Count(SiteDoseStatus.Missed)} missed, {Count(SiteDoseStatus.UnderDosed)} under-dosed, {Count(SiteDoseStatus.OverDosed)} over-dosed, {Count(SiteDoseStatus.Unplanned)} unplanned");
}
