using System.Collections.Immutable;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// The built-in diary criteria as <see cref="IDiaryRule"/>s: the same extension point a payer's own
/// rule uses (ADR 0172). Each wraps the static evaluation of its rule set, so
/// <c>DiaryCriteria.NiceTa260Start.Evaluate(context)</c> and <see cref="NiceTa260.Start"/> give the same verdict.
/// </summary>
public static class DiaryCriteria
{
    /// <summary>Gets ICHD-3 1.3 chronic migraine, diary criteria A and C (<see cref="ChronicMigraineCriteria.Evaluate(HeadacheDiary, PeriodKind, int?)"/>), id <c>ichd3-1.3-chronic-migraine</c>.</summary>
    public static IDiaryRule ChronicMigraine { get; } = new BuiltIn(
        "ichd3-1.3-chronic-migraine", "ICHD-3 1.3 chronic migraine (diary criteria A and C)", DiaryCitations.Ichd3ChronicMigraine,
        c => ChronicMigraineCriteria.Evaluate(c.Diary, c.PeriodKind ?? PeriodKind.TwentyEightDays));

    /// <summary>Gets NICE TA260 1.1, the start criteria (<see cref="NiceTa260.Start"/>), id <c>nice-ta260-start</c>.</summary>
    public static IDiaryRule NiceTa260Start { get; } = new BuiltIn(
        "nice-ta260-start", "NICE TA260 1.1: start onabotulinumtoxinA", DiaryCitations.NiceStart,
        c => NiceTa260.Start(c.Diary, c.Input, c.PeriodKind ?? PeriodKind.CalendarMonth));

    /// <summary>
    /// Gets NICE TA260 1.2, the stopping rules (<see cref="NiceTa260.Stopping"/>), id <c>nice-ta260-stop</c>:
    /// met when a stopping criterion is met. Without a treatment course in the context it cannot tell
    /// (not assessed, and says so).
    /// </summary>
    public static IDiaryRule NiceTa260Stopping { get; } = new BuiltIn(
        "nice-ta260-stop", "NICE TA260 1.2: stop onabotulinumtoxinA", DiaryCitations.NiceStop,
        c => c.Course is { } course
            ? NiceTa260.Stopping(course, c.PeriodKind ?? PeriodKind.CalendarMonth).Verdict
            : new Verdict(
                CriterionId.From("nice-ta260-stop"),
                "NICE TA260 1.2: stop onabotulinumtoxinA",
                CriterionOutcome.NotAssessed,
                [new CriterionResult(CriterionId.From("nice-ta260-course"), "A treatment course (session dates over the diary) to judge.", CriterionOutcome.NotAssessed, [], DiaryCitations.NiceStop, "Not assessed: no treatment course was given, so the stopping rules cannot be applied.")],
                c.PeriodKind));

    /// <summary>Gets the US-label indication (<see cref="UsLabel.Indication"/>), id <c>us-label-indication</c>.</summary>
    public static IDiaryRule UsLabelIndication { get; } = new BuiltIn(
        "us-label-indication", "US label: chronic migraine indication", DiaryCitations.UsLabel,
        c => UsLabel.Indication(c.Diary, c.Input, c.PeriodKind ?? PeriodKind.CalendarMonth));

    /// <summary>Gets every built-in rule, in this order: ICHD-3 chronic migraine, NICE TA260 start, US label, NICE TA260 stopping.</summary>
    public static ImmutableArray<IDiaryRule> All { get; } = [ChronicMigraine, NiceTa260Start, UsLabelIndication, NiceTa260Stopping];

    /// <summary>Evaluates rules in order and checks each keeps the contract (a verdict with its own id).</summary>
    /// <param name="context">The context.</param>
    /// <param name="rules">The rules.</param>
    /// <returns>One verdict per rule, in order.</returns>
    /// <exception cref="ArgumentNullException">An argument or a rule is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A rule returned no verdict or a verdict with another id.</exception>
    public static ImmutableArray<Verdict> Evaluate(DiaryRuleContext context, IEnumerable<IDiaryRule> rules)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rules);
        var verdicts = ImmutableArray.CreateBuilder<Verdict>();
        foreach (var rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            var v = rule.Evaluate(context) ?? throw new InvalidOperationException($"The diary rule '{rule.Id}' returned no verdict.");
            if (v.Id != rule.Id)
            {
                throw new InvalidOperationException($"The diary rule '{rule.Id}' returned a verdict with the id '{v.Id}'; a rule's verdict carries the rule's id.");
            }

            verdicts.Add(v);
        }

        return verdicts.ToImmutable();
    }

    private sealed class BuiltIn(string id, string title, Citation source, Func<DiaryRuleContext, Verdict> evaluate) : IDiaryRule
    {
        public CriterionId Id { get; } = CriterionId.From(id);

        public string Title => title;

        public Citation Source => source;

        public Verdict Evaluate(DiaryRuleContext context) => evaluate(Preconditions.CheckNotNull(context));

        public override string ToString() => Id.Value;
    }
}
