using MigraineProtocol.Primitives;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// A rule evaluated over a diary (and, for a stopping rule, a treatment course): a stable id, a title,
/// a clinical or policy source, and an evaluation that gives a <see cref="Verdict"/>, coded, cited and
/// explained, whose outcome is "criteria met", "not met" or "cannot tell" (indeterminate or not
/// assessed, with the reason in each criterion's note). The built-in criteria are rules
/// (<see cref="DiaryCriteria"/>); implement this interface to add a payer's start or stopping rule
/// beside them without forking (<see cref="EligibilityAssessment.Assess(DiaryRuleContext, IEnumerable{IDiaryRule})"/>).
/// </summary>
/// <remarks>
/// <para>Like <see cref="Rules.ISessionRule"/> for sessions (ADR 0172). A rule must be stateless and
/// thread-safe (one instance serves every evaluation), must return a verdict whose
/// <see cref="Verdict.Id"/> is its <see cref="Id"/>, and must report what it cannot compute as
/// <see cref="CriterionOutcome.Indeterminate"/> or <see cref="CriterionOutcome.NotAssessed"/> with a
/// note saying why, never as a number it does not have. Clinical findings are verdicts, not exceptions.</para>
/// </remarks>
public interface IDiaryRule
{
    /// <summary>Gets the id of the verdict the rule gives, for example <c>nice-ta260-start</c>.</summary>
    CriterionId Id { get; }

    /// <summary>Gets a title for people, for example <c>NICE TA260 1.1: start onabotulinumtoxinA</c>.</summary>
    string Title { get; }

    /// <summary>Gets the source the rule rests on, with how well it is verified.</summary>
    Citation Source { get; }

    /// <summary>Evaluates the rule.</summary>
    /// <param name="context">The diary, the inputs beyond it, the period kind and the treatment course, if any.</param>
    /// <returns>The verdict, with id <see cref="Id"/>.</returns>
    Verdict Evaluate(DiaryRuleContext context);
}
