using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Rendering;

/// <summary>
/// What a session did against a protocol, in the form a site map draws: the dose given at each fixed
/// site with its status (as planned, missed, under-dosed, over-dosed, unplanned), the follow-the-pain
/// injections per muscle and side, and the rules report's diagnostics (codes, severities, messages).
/// </summary>
/// <remarks>
/// <para>The statuses are not worked out here: <see cref="FromReport"/> takes them from a rules report
/// (<see cref="ValidationReport"/>, namespace <c>MigraineProtocol.Rules</c>), so the map and the
/// <c>validate</c> command always agree (docs/adr/0080-site-maps-as-deterministic-svg.md).</para>
/// <para>It is a drawing aid, not a clinical verdict: the diagnostics inform, a clinician decides.</para>
/// <para>Equality is by value. Instances are immutable and validated on creation.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class SessionOverlay : IEquatable<SessionOverlay>
{
    /// <summary>Initializes an overlay.</summary>
    /// <param name="date">The session date.</param>
    /// <param name="sites">The fixed sites, each at most once.</param>
    /// <param name="followThePain">The follow-the-pain injections, each muscle and side at most once.</param>
    /// <param name="diagnostics">The rules report's diagnostics, in report order.</param>
    /// <exception cref="ArgumentNullException">An argument or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A site, or a muscle and side, is repeated.</exception>
    public SessionOverlay(DateOnly date, IEnumerable<SiteDose> sites, IEnumerable<FollowThePainDose> followThePain, IEnumerable<RuleViolation> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(followThePain);
        ArgumentNullException.ThrowIfNull(diagnostics);
        Date = date;
        Sites = [.. sites];
        FollowThePain = [.. followThePain];
        Diagnostics = [.. diagnostics];
        if (Sites.Any(s => s is null) || FollowThePain.Any(f => f is null) || Diagnostics.Any(d => d is null))
        {
            throw new ArgumentNullException(nameof(sites), "An overlay must not contain null site doses, follow-the-pain doses or diagnostics.");
        }

        var repeated = Sites.GroupBy(s => s.Site).FirstOrDefault(g => g.Count() > 1);
        Preconditions.CheckArgument(repeated is null, nameof(sites), $"Site '{repeated?.Key}' appears more than once in the overlay; give one total per site.");
        var repeatedFtp = FollowThePain.GroupBy(f => (f.Muscle, f.Side)).FirstOrDefault(g => g.Count() > 1);
        Preconditions.CheckArgument(
            repeatedFtp is null,
            nameof(followThePain),
            $"Follow-the-pain into '{repeatedFtp?.Key.Muscle}' on one side appears more than once in the overlay; give one total per muscle and side.");
    }

    /// <summary>Gets the session date.</summary>
    public DateOnly Date { get; }

    /// <summary>Gets the fixed sites: the protocol's sites in protocol order, then any unplanned sites in session order.</summary>
    public ImmutableArray<SiteDose> Sites { get; }

    /// <summary>Gets the follow-the-pain injections per muscle and side.</summary>
    public ImmutableArray<FollowThePainDose> FollowThePain { get; }

    /// <summary>Gets the rules report's diagnostics, in report order (the map's description lists them all, its legend the first few).</summary>
    public ImmutableArray<RuleViolation> Diagnostics { get; }

    /// <summary>Gets the number of diagnostics that are errors.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    /// <summary>Gets the number of diagnostics that are warnings.</summary>
    public int WarningCount => Diagnostics.Length - ErrorCount;

    /// <summary>Gets a value indicating whether the session is valid: no diagnostic is an error.</summary>
    public bool IsValid => ErrorCount == 0;

    /// <summary>Gets the dose given at ids the map cannot draw (not a site of the anatomy, nor follow-the-pain into one of its muscles); the <c>unknown-site</c> rule reports them.</summary>
    /// <value>The default value is zero.</value>
    public ToxinUnits UndrawnUnits { get; private init; }

    /// <summary>Gets the session total: the fixed sites and follow-the-pain zones of this overlay plus <see cref="UndrawnUnits"/>, the same total as the rules report.</summary>
    public ToxinUnits GivenUnits => ToxinUnits.Sum(Sites.Select(s => s.Given)) + ToxinUnits.Sum(FollowThePain.Select(f => f.Units)) + UndrawnUnits;

    /// <summary>Returns an overlay of a session validated with <see cref="RuleSet.Default"/> (no history).</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="session">The session.</param>
    /// <returns>The overlay.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static SessionOverlay FromSession(TreatmentProtocol protocol, TreatmentSession session)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(session);
        return FromReport(protocol, session, RuleSet.Default.Validate(protocol, session));
    }

    /// <summary>Returns the overlay of a session and its rules report: the statuses and follow-the-pain verdicts come from the report's diagnostics.</summary>
    /// <remarks>
    /// <para>The doses given are added per site (and per follow-the-pain muscle and side) from the session;
    /// every judgement comes from the report, by code and site:</para>
    /// <list type="bullet">
    /// <item><c>missing-site</c> at a protocol site: <see cref="SiteDoseStatus.Missed"/>.</item>
    /// <item><c>site-dose</c> or <c>duplicate-site</c> at a protocol site: <see cref="SiteDoseStatus.UnderDosed"/>
    /// when the total given there is below the protocol's dose, otherwise <see cref="SiteDoseStatus.OverDosed"/>
    /// (a site injected twice is over-dosed even when the two doses add up to the protocol's).</item>
    /// <item><c>unknown-site</c> at a fixed site of the anatomy that the protocol lacks: <see cref="SiteDoseStatus.Unplanned"/>;
    /// other unknown ids are not drawn (the diagnostic says why).</item>
    /// <item><c>follow-the-pain-limit</c> at a muscle's follow-the-pain id: that muscle's follow-the-pain
    /// injections are beyond the allowance (<see cref="FollowThePainDose.WithinAllowance"/> is false).</item>
    /// <item>A protocol site with none of these diagnostics is <see cref="SiteDoseStatus.AsPlanned"/>.</item>
    /// </list>
    /// <para>A rule set without a rule (for example <c>RuleSet.Default.Without(RuleId.MissingSite)</c>)
    /// therefore draws nothing for it: the map shows the report it is given.</para>
    /// </remarks>
    /// <param name="protocol">The protocol the report was made against.</param>
    /// <param name="session">The session the report was made of.</param>
    /// <param name="report">The rules report.</param>
    /// <returns>The overlay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="protocol"/> or <paramref name="session"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The report is about another protocol or another date.</exception>
    public static SessionOverlay FromReport(TreatmentProtocol protocol, TreatmentSession session, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(session);
        Preconditions.CheckArgument(report.Protocol == protocol.Id, nameof(report), $"The report is about protocol '{report.Protocol}', not '{protocol.Id}'.");
        Preconditions.CheckArgument(report.Date == session.Date, nameof(report), string.Create(CultureInfo.InvariantCulture, $"The report is about a session on {report.Date:yyyy-MM-dd}, not {session.Date:yyyy-MM-dd}."));

        var given = new Dictionary<SiteId, (int Count, ToxinUnits Units)>();
        var order = new List<SiteId>();
        foreach (var injection in session.Injections)
        {
            if (given.TryGetValue(injection.Site, out var sum))
            {
                given[injection.Site] = (sum.Count + 1, sum.Units + injection.Units);
            }
            else
            {
                given.Add(injection.Site, (1, injection.Units));
                order.Add(injection.Site);
            }
        }

        var missed = new HashSet<SiteId>();
        var misdosed = new HashSet<SiteId>();
        var unknown = new HashSet<SiteId>();
        var beyond = new HashSet<MuscleId>();
        foreach (var d in report.Violations)
        {
            if (d.Site is not { } site)
            {
                continue;
            }

            if (d.Code == RuleId.MissingSite)
            {
                missed.Add(site);
            }
            else if (d.Code == RuleId.SiteDose || d.Code == RuleId.DuplicateSite)
            {
                misdosed.Add(site);
            }
            else if (d.Code == RuleId.UnknownSite)
            {
                unknown.Add(site);
            }
            else if (d.Code == RuleId.FollowThePainLimit && site.TryGetFollowThePain(out var muscle, out _))
            {
                beyond.Add(muscle);
            }
        }

        var sites = new List<SiteDose>();
        foreach (var planned in protocol.Sites)
        {
            var id = planned.Site.Id;
            var total = given.GetValueOrDefault(id).Units;
            var status = missed.Contains(id) ? SiteDoseStatus.Missed
                : !misdosed.Contains(id) ? SiteDoseStatus.AsPlanned
                : total < planned.Units ? SiteDoseStatus.UnderDosed
                : SiteDoseStatus.OverDosed;
            sites.Add(new SiteDose(id, planned.Units, total, status));
        }

        var followThePain = new List<FollowThePainDose>();
        foreach (var id in order)
        {
            if (unknown.Contains(id))
            {
                if (!id.IsFollowThePain && protocol.Anatomy.TryGetSite(id, out _))
                {
                    sites.Add(new SiteDose(id, ToxinUnits.Zero, given[id].Units, SiteDoseStatus.Unplanned));
                }
            }
            else if (id.TryGetFollowThePain(out var muscle, out var side))
            {
                var (count, units) = given[id];
                followThePain.Add(new FollowThePainDose(muscle, side, count, units, !beyond.Contains(muscle)));
            }
        }

        // Muscles in the protocol's follow-the-pain order, then any other muscle in session order; left before right.
        var muscles = protocol.FollowThePain.Select(a => a.Muscle).Concat(followThePain.Select(f => f.Muscle)).Distinct().ToList();
        var ordered = followThePain.OrderBy(f => muscles.IndexOf(f.Muscle)).ThenBy(f => f.Side);
        var drawn = ToxinUnits.Sum(sites.Select(x => x.Given)) + ToxinUnits.Sum(ordered.Select(f => f.Units));
        var reported = report.TotalUnits;
        return new SessionOverlay(session.Date, sites, ordered, report.Violations) { UndrawnUnits = reported > drawn ? reported - drawn : ToxinUnits.Zero };
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
        && Diagnostics.SequenceEqual(other.Diagnostics);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Date, Sites.Length, FollowThePain.Length, Diagnostics.Length);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SessionOverlay);

    /// <summary>Returns a summary, for example <c>2026-03-02: 150 U; 1 missed, 0 over-dosed</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Date:yyyy-MM-dd}: {GivenUnits}; {Count(SiteDoseStatus.Missed)} missed, {Count(SiteDoseStatus.UnderDosed)} under-dosed, {Count(SiteDoseStatus.OverDosed)} over-dosed, {Count(SiteDoseStatus.Unplanned)} unplanned");
}
