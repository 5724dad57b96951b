using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Rules;

/// <summary>
/// What a rule sees while it evaluates one session: the session, its protocol, the patient's history,
/// the options and precomputed totals, and <see cref="Report"/> to record a violation under the rule's
/// code, effective severity and source.
/// </summary>
/// <remarks>A stack-only value: it lives for one call of <see cref="ISessionRule.Evaluate"/> and cannot be stored.</remarks>
public readonly ref struct RuleContext
{
    private readonly ref List<RuleViolation>? violations;
    private readonly RuleId code;
    private readonly Severity severity;
    private readonly Citation source;

    internal RuleContext(ref List<RuleViolation>? violations, SessionAnalysis analysis, RuleId code, Severity severity, Citation source)
    {
        this.violations = ref violations;
        this.Analysis = analysis;
        this.code = code;
        this.severity = severity;
        this.source = source;
    }

    /// <summary>Gets the session being validated.</summary>
    public TreatmentSession Session => Analysis.Session;

    /// <summary>Gets the protocol the session is validated against.</summary>
    public TreatmentProtocol Protocol => Analysis.Compiled.Protocol;

    /// <summary>Gets the patient's prior administrations (empty when none were given).</summary>
    public TreatmentHistory History => Analysis.History;

    /// <summary>Gets the validation options.</summary>
    public ValidationOptions Options => Analysis.Options;

    /// <summary>Gets the session's total units (saturating at <see cref="ToxinUnits.MaxValue"/>).</summary>
    public ToxinUnits TotalUnits => ToxinUnits.FromHundredths(Analysis.TotalHundredths);

    /// <summary>Gets the units given in the cumulative window, all indications, including this session.</summary>
    public ToxinUnits CumulativeUnits => ToxinUnits.FromHundredths(Analysis.CumulativeHundredths);

    /// <summary>Gets the date of the last chronic-migraine administration on or before the session date, if any.</summary>
    public DateOnly? PreviousSessionDate => Analysis.PreviousSessionDate;

    /// <summary>Gets the severity this rule reports at in the current rule set.</summary>
    public Severity Severity => severity;

    /// <summary>The shared analysis; a field (not a property) so that rules read it through the <c>in</c> reference without copying it.</summary>
    internal readonly SessionAnalysis Analysis;

    /// <summary>Records a violation under the rule's code and effective severity.</summary>
    /// <param name="message">The message, naming the site or value concerned.</param>
    /// <param name="site">The site concerned, if any.</param>
    /// <param name="citation">A more precise source than the rule's own, if any.</param>
    public void Report(string message, SiteId? site = null, Citation? citation = null) =>
        (violations ??= []).Add(new RuleViolation(code, severity, message, site, citation ?? source));

    /// <summary>Records a violation of a limit the protocol sets, citing the protocol's own sources unless it is the built-in PREEMPT protocol (ADR 0092).</summary>
    internal void ReportLimit(string message, SiteId? site = null) =>
        (violations ??= []).Add(new RuleViolation(code, severity, message, site, Analysis.Compiled.ProtocolSource ?? source));

    /// <summary>Records a violation at a severity no higher than the rule's effective one (a finding the rule itself treats as a warning stays a warning).</summary>
    internal void ReportAtMost(Severity most, string message, Citation? citation = null) =>
        (violations ??= []).Add(new RuleViolation(code, severity < most ? severity : most, message, null, citation ?? source));
}

/// <summary>The facts about a session that every rule needs, computed once per validation without allocating.</summary>
internal readonly ref struct SessionAnalysis
{
    internal required CompiledProtocol Compiled { get; init; }

    internal required TreatmentSession Session { get; init; }

    internal required TreatmentHistory History { get; init; }

    internal required ValidationOptions Options { get; init; }

    /// <summary>Per injection: 0..S-1 a fixed site, S.. a follow-the-pain slot (see <see cref="CompiledProtocol"/>), -1 unknown.</summary>
    internal required ReadOnlySpan<int> Slots { get; init; }

    /// <summary>Per fixed site: the number of injections.</summary>
    internal required ReadOnlySpan<int> FixedCounts { get; init; }

    /// <summary>Per muscle of the anatomy: the number of follow-the-pain injections.</summary>
    internal required ReadOnlySpan<int> FollowThePainCounts { get; init; }

    /// <summary>Per muscle of the anatomy: the follow-the-pain units, in hundredths.</summary>
    internal required ReadOnlySpan<long> FollowThePainHundredths { get; init; }

    internal required long TotalHundredths { get; init; }

    internal required int UnknownCount { get; init; }

    internal required int FollowThePainInjections { get; init; }

    internal required bool AnyRepeated { get; init; }

    internal required long CumulativeHundredths { get; init; }

    internal required DateOnly CumulativeWindowStart { get; init; }

    internal required DateOnly? PreviousSessionDate { get; init; }
}
