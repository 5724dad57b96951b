using MigraineProtocol.Primitives;

namespace MigraineProtocol.Rules;

/// <summary>
/// A rule about a treatment session: a stable code, a default severity, a clinical source, and an
/// evaluation that reports violations through <see cref="RuleContext.Report"/>. Implement it to add a
/// rule of your own to a <see cref="RuleSet"/> (<see cref="RuleSet.With(ISessionRule)"/>).
/// </summary>
/// <remarks>
/// A rule must be stateless and thread-safe (one instance serves every validation), must not keep the
/// context beyond the call, and should allocate nothing when it finds nothing: the built-in rules
/// validate a valid 31-site session with no allocation.
/// </remarks>
public interface ISessionRule
{
    /// <summary>Gets the rule's stable code.</summary>
    RuleId Id { get; }

    /// <summary>Gets the severity the rule reports at unless a rule set overrides it.</summary>
    Severity DefaultSeverity { get; }

    /// <summary>Gets the clinical source of the rule (cited on each violation unless the rule gives a more precise one).</summary>
    Citation Source { get; }

    /// <summary>Gets a one-sentence description of what the rule checks.</summary>
    string Description { get; }

    /// <summary>Evaluates the rule and reports each violation found.</summary>
    /// <param name="context">The session, protocol, history and options, and the place to report to.</param>
    void Evaluate(in RuleContext context);
}
