using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>A rule set whose start criteria an <see cref="EligibilityAssessment"/> checks.</summary>
public enum EligibilityRuleSet
{
    /// <summary>NICE TA260 1.1, the start criteria (<see cref="NiceTa260.Start"/>); text <c>nice</c>.</summary>
    NiceTa260 = 0,

    /// <summary>The US-label indication (<see cref="UsLabel.Indication"/>); text <c>us-label</c>.</summary>
    UsLabel = 1,
}

/// <summary>Text forms of <see cref="EligibilityRuleSet"/>: <c>nice</c> and <c>us-label</c>.</summary>
public static class EligibilityRuleSets
{
    /// <summary>Gets every rule set, in the order their verdicts are given.</summary>
    public static ImmutableArray<EligibilityRuleSet> All { get; } = [EligibilityRuleSet.NiceTa260, EligibilityRuleSet.UsLabel];

    /// <summary>Returns the text form of a rule set.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns><c>nice</c> or <c>us-label</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string Format(EligibilityRuleSet ruleSet) => ruleSet switch
    {
        EligibilityRuleSet.NiceTa260 => "nice",
        EligibilityRuleSet.UsLabel => "us-label",
        _ => throw new ArgumentOutOfRangeException(nameof(ruleSet), ruleSet, "Not a defined eligibility rule set."),
    };

    /// <summary>Parses the text form of a rule set (ordinal, exact).</summary>
    /// <param name="text">The text.</param>
    /// <param name="ruleSet">The rule set when recognized.</param>
    /// <returns><see langword="true"/> when recognized.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out EligibilityRuleSet ruleSet)
    {
        foreach (var r in All)
        {
            if (string.Equals(text, Format(r), StringComparison.Ordinal))
            {
                ruleSet = r;
                return true;
            }
        }

        ruleSet = default;
        return false;
    }
}

/// <summary>
/// The composite start verdict of one or more rule sets over one diary: every selected verdict, and
/// whether all their criteria are met. It informs; a clinician decides.
/// </summary>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class EligibilityAssessment
{
    private EligibilityAssessment(PeriodKind periodKind, ImmutableArray<Verdict> verdicts)
    {
        PeriodKind = periodKind;
        Verdicts = verdicts;
        CriteriaMet = verdicts.All(v => v.IsMet);
    }

    /// <summary>Gets the period kind the verdicts use.</summary>
    public PeriodKind PeriodKind { get; }

    /// <summary>Gets the verdicts, in the order of <see cref="EligibilityRuleSets.All"/>.</summary>
    public ImmutableArray<Verdict> Verdicts { get; }

    /// <summary>Gets a value indicating whether every selected verdict is met; a criterion not met, not assessed or indeterminate makes it <see langword="false"/>.</summary>
    public bool CriteriaMet { get; }

    /// <summary>Gets one sentence for people: whether the criteria of every selected rule set are met, worded to inform, not decide.</summary>
    public string Summary => CriteriaMet
        ? "Criteria met under every selected rule set (this informs; a clinician decides)."
        : "Criteria not all met: a criterion is not met, not assessed or indeterminate (see above).";

    /// <summary>Checks a diary against the start criteria of the selected rule sets.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="input">The preventive history, overuse management and age.</param>
    /// <param name="periodKind">The period kind (calendar months: the NICE and US-label wording).</param>
    /// <param name="ruleSets">The rule sets; each verdict is given once, in the order of <see cref="EligibilityRuleSets.All"/>.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="ruleSets"/> is empty or holds an undefined value.</exception>
    public static EligibilityAssessment Assess(HeadacheDiary diary, EligibilityInput input, PeriodKind periodKind, IEnumerable<EligibilityRuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(ruleSets);
        var selected = ruleSets.ToHashSet();
        if (selected.Count == 0 || selected.Any(r => !EligibilityRuleSets.All.Contains(r)))
        {
            throw new ArgumentException("Select at least one defined eligibility rule set (nice, us-label).", nameof(ruleSets));
        }

        var rules = EligibilityRuleSets.All.Where(selected.Contains).Select(r => r switch
        {
            EligibilityRuleSet.NiceTa260 => DiaryCriteria.NiceTa260Start,
            _ => DiaryCriteria.UsLabelIndication,
        });
        return new EligibilityAssessment(periodKind, DiaryCriteria.Evaluate(new DiaryRuleContext(diary, input, periodKind), rules));
    }

    /// <summary>
    /// Checks a diary against any start rules, built-in (<see cref="DiaryCriteria"/>) or your own
    /// (<see cref="IDiaryRule"/>, for example a payer's): the criteria are met only when every rule's are.
    /// </summary>
    /// <param name="context">The diary, the inputs beyond it and the period kind.</param>
    /// <param name="rules">The rules, evaluated in order; at least one.</param>
    /// <returns>The assessment. Its <see cref="PeriodKind"/> is the context's, or calendar months (the NICE and US-label default) when the context leaves the kind to each rule; each verdict carries the kind it used.</returns>
    /// <exception cref="ArgumentNullException">An argument or a rule is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="rules"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">A rule broke the contract of <see cref="IDiaryRule"/> (no verdict, or a verdict with another id).</exception>
    public static EligibilityAssessment Assess(DiaryRuleContext context, IEnumerable<IDiaryRule> rules)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rules);
        var verdicts = DiaryCriteria.Evaluate(context, rules);
        if (verdicts.IsEmpty)
        {
            throw new ArgumentException("Give at least one diary rule to assess.", nameof(rules));
        }

        return new EligibilityAssessment(context.PeriodKind ?? PeriodKind.CalendarMonth, verdicts);
    }
}
