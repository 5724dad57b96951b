using System.Collections.Immutable;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>The outcome of one clinical criterion, or of a verdict made of criteria.</summary>
public enum CriterionOutcome
{
    /// <summary>Not assessed: an input the criterion needs was not supplied (a caller parameter, an optional diary field, patient history).</summary>
    NotAssessed = 0,

    /// <summary>The data cannot decide: the answer depends on unrecorded days, or there are too few whole periods.</summary>
    Indeterminate = 1,

    /// <summary>The criterion is not met, whatever the unrecorded days held.</summary>
    NotMet = 2,

    /// <summary>The criterion is met, whatever the unrecorded days held.</summary>
    Met = 3,
}

/// <summary>A number behind a criterion: its value, the requirement it was held against, and what it rests on.</summary>
/// <remarks>Equality is by reference.</remarks>
public sealed class CriterionFigure
{
    /// <summary>Initializes a figure.</summary>
    /// <param name="name">What was counted or measured, for example <c>headache days</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="requirement">The requirement, for example <c>&gt;= 15</c>, if any.</param>
    /// <param name="start">The first date of the period counted, if any.</param>
    /// <param name="end">The last date (inclusive) of the period counted, if any.</param>
    /// <param name="daysRecorded">How many recorded days the value rests on, if it is a diary count.</param>
    /// <param name="periodDays">How many days the period has, if it is a diary count.</param>
    /// <param name="outcome">How this figure alone fares against the requirement.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or the period or day counts are inconsistent.</exception>
    public CriterionFigure(string name, decimal value, string? requirement, DateOnly? start, DateOnly? end, int? daysRecorded, int? periodDays, CriterionOutcome outcome)
    {
        Name = Preconditions.CheckNotBlank(name);
        Preconditions.CheckArgument(start is null == end is null && (start is null || end >= start), nameof(end), "A figure's period has both a start and an end, the end not before the start.");
        Preconditions.CheckArgument(daysRecorded is null || (daysRecorded >= 0 && (periodDays is null || daysRecorded <= periodDays)), nameof(daysRecorded), "Recorded days are between 0 and the period's days.");
        Value = value;
        Requirement = requirement;
        Start = start;
        End = end;
        DaysRecorded = daysRecorded;
        PeriodDays = periodDays;
        Outcome = outcome;
    }

    /// <summary>Gets what was counted or measured.</summary>
    public string Name { get; }

    /// <summary>Gets the value.</summary>
    public decimal Value { get; }

    /// <summary>Gets the requirement the value was held against, for example <c>&gt;= 15</c>.</summary>
    public string? Requirement { get; }

    /// <summary>Gets the first date counted, if any.</summary>
    public DateOnly? Start { get; }

    /// <summary>Gets the last date counted (inclusive), if any.</summary>
    public DateOnly? End { get; }

    /// <summary>Gets how many recorded diary days the value rests on, if it is a diary count.</summary>
    public int? DaysRecorded { get; }

    /// <summary>Gets how many days the period counted has, if it is a diary count.</summary>
    public int? PeriodDays { get; }

    /// <summary>Gets how this figure alone fares against the requirement.</summary>
    public CriterionOutcome Outcome { get; }

    /// <summary>Returns for example <c>headache days 2026-01-01..2026-01-28 = 16 (&gt;= 15; 28 of 28 days recorded)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var period = Start is { } s ? $" {s:yyyy-MM-dd}..{End:yyyy-MM-dd}" : string.Empty;
        var rests = DaysRecorded is { } r ? $"{(Requirement is null ? string.Empty : "; ")}{r} of {PeriodDays} days recorded" : string.Empty;
        var tail = Requirement is null && rests.Length == 0 ? string.Empty : $" ({Requirement}{rests})";
        return $"{Name}{period} = {Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}{tail}";
    }
}

/// <summary>One criterion a verdict checked: what it requires, how it came out, the numbers behind it and its source.</summary>
/// <remarks>Equality is by reference.</remarks>
public sealed class CriterionResult
{
    /// <summary>Initializes a criterion result.</summary>
    /// <param name="id">A stable kebab-case id, for example <c>ichd3-1.3-headache-days</c>.</param>
    /// <param name="description">What the criterion requires, in words.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="figures">The numbers behind the outcome.</param>
    /// <param name="source">The source of the criterion.</param>
    /// <param name="note">Why the criterion was not assessed or is indeterminate, or other context.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>, <paramref name="description"/> is empty, or <paramref name="outcome"/> is undefined.</exception>
    public CriterionResult(CriterionId id, string description, CriterionOutcome outcome, IEnumerable<CriterionFigure> figures, Citation source, string? note = null)
    {
        Preconditions.CheckArgument(id.Value.Length > 0, nameof(id), "A criterion has an id (not the default, empty one).");
        Id = id;
        Description = Preconditions.CheckNotBlank(description);
        Preconditions.CheckRange(Enum.IsDefined(outcome), nameof(outcome), outcome, "An outcome is NotAssessed, Indeterminate, NotMet or Met.");
        ArgumentNullException.ThrowIfNull(figures);
        Outcome = outcome;
        Figures = [.. figures];
        Source = Preconditions.CheckNotNull(source);
        Note = note;
    }

    /// <summary>Gets the stable id.</summary>
    public CriterionId Id { get; }

    /// <summary>Gets what the criterion requires.</summary>
    public string Description { get; }

    /// <summary>Gets the outcome.</summary>
    public CriterionOutcome Outcome { get; }

    /// <summary>Gets the numbers behind the outcome.</summary>
    public ImmutableArray<CriterionFigure> Figures { get; }

    /// <summary>Gets the source of the criterion.</summary>
    public Citation Source { get; }

    /// <summary>Gets why the criterion was not assessed or is indeterminate, or other context.</summary>
    public string? Note { get; }

    /// <summary>Returns <c>id: outcome</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id}: {CriterionOutcomeText.Format(Outcome)}";
}

/// <summary>A verdict of a rule set (ICHD-3, NICE TA260, the US label) on a diary and its inputs.</summary>
/// <remarks>
/// <para>A verdict is a report, never an exception: it lists every criterion checked, the numbers
/// behind each and the sources. It informs; a clinician decides.</para>
/// <para>Equality is by reference.</para>
/// </remarks>
public sealed class Verdict
{
    /// <summary>Initializes a verdict.</summary>
    /// <param name="id">A stable id, for example <c>nice-ta260-start</c>.</param>
    /// <param name="title">A title for people.</param>
    /// <param name="outcome">The overall outcome.</param>
    /// <param name="criteria">The criteria checked.</param>
    /// <param name="periodKind">The kind of period the diary counts used, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>, <paramref name="title"/> is empty, or there are no criteria.</exception>
    public Verdict(CriterionId id, string title, CriterionOutcome outcome, IEnumerable<CriterionResult> criteria, PeriodKind? periodKind)
    {
        Preconditions.CheckArgument(id.Value.Length > 0, nameof(id), "A verdict has an id (not the default, empty one).");
        Id = id;
        Title = Preconditions.CheckNotBlank(title);
        Preconditions.CheckRange(Enum.IsDefined(outcome), nameof(outcome), outcome, "An outcome is NotAssessed, Indeterminate, NotMet or Met.");
        ArgumentNullException.ThrowIfNull(criteria);
        Criteria = [.. criteria];
        Preconditions.CheckArgument(Criteria.Length > 0 && Criteria.All(c => c is not null), nameof(criteria), "A verdict lists at least one criterion and no nulls.");
        Outcome = outcome;
        PeriodKind = periodKind;
        Sources = [.. Criteria.Select(c => c.Source).Distinct()];
    }

    /// <summary>Gets the stable id.</summary>
    public CriterionId Id { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the overall outcome.</summary>
    public CriterionOutcome Outcome { get; }

    /// <summary>Gets a value indicating whether the outcome is <see cref="CriterionOutcome.Met"/>.</summary>
    public bool IsMet => Outcome == CriterionOutcome.Met;

    /// <summary>Gets the criteria checked.</summary>
    public ImmutableArray<CriterionResult> Criteria { get; }

    /// <summary>Gets the kind of period the diary counts used, if any.</summary>
    public PeriodKind? PeriodKind { get; }

    /// <summary>Gets the distinct sources of the criteria, in order of first use.</summary>
    public ImmutableArray<Citation> Sources { get; }

    /// <summary>Returns the outcome of criteria that must all hold: not met when any is not met; otherwise
    /// indeterminate when any is indeterminate or not assessed; otherwise met.</summary>
    /// <param name="outcomes">The outcomes.</param>
    /// <returns>The combined outcome.</returns>
    public static CriterionOutcome AllOf(IEnumerable<CriterionOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var result = CriterionOutcome.Met;
        foreach (var o in outcomes)
        {
            if (o == CriterionOutcome.NotMet)
            {
                return CriterionOutcome.NotMet;
            }

            if (o != CriterionOutcome.Met)
            {
                result = CriterionOutcome.Indeterminate;
            }
        }

        return result;
    }

    /// <summary>Returns <c>id: outcome</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id}: {CriterionOutcomeText.Format(Outcome)}";
}

/// <summary>Text names of <see cref="CriterionOutcome"/>: <c>met</c>, <c>not-met</c>, <c>indeterminate</c>, <c>not-assessed</c>.</summary>
public static class CriterionOutcomeText
{
    /// <summary>Returns the text name of an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The name.</returns>
    public static string Format(CriterionOutcome outcome) => outcome switch
    {
        CriterionOutcome.Met => "met",
        CriterionOutcome.NotMet => "not-met",
        CriterionOutcome.Indeterminate => "indeterminate",
        _ => "not-assessed",
    };
}
