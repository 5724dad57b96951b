using System.Globalization;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// NICE technology appraisal TA260 (clinical-facts.md §4, S9, VERIFIED): the start criteria (1.1) and
/// the stopping rules (1.2).
/// </summary>
/// <remarks>
/// <para>Start (1.1): adults with chronic migraine, defined by NICE as headaches on at least 15 days
/// per month of which at least 8 days are with migraine; at least 3 preventive medicines have not
/// worked, are not tolerated or are unsuitable; and the condition is appropriately managed for
/// medication overuse. NICE's definition carries no duration, so the start verdict checks the latest
/// whole period (calendar months by default, the NICE wording).</para>
/// <para>Stop (1.2): less than a 30% reduction in headache days per month after 2 treatment cycles,
/// or fewer than 15 headache days per month for 3 consecutive months. The 30% rule is NICE's; the
/// SmPC and the US label do not contain it.</para>
/// </remarks>
public static class NiceTa260
{
    /// <summary>Headache days per month for chronic migraine: at least 15.</summary>
    public static int HeadacheDaysPerMonth => ClinicalDayCounts.ChronicHeadacheDays;

    /// <summary>Migraine days per month for chronic migraine: at least 8.</summary>
    public static int MigraineDaysPerMonth => ClinicalDayCounts.ChronicMigraineDays;

    /// <summary>Preventive medicines that must have failed, not been tolerated or be unsuitable: at least 3.</summary>
    public static int PreventivesRequired { get; } = 3;

    /// <summary>Gets the reduction in headache days below which treatment stops for non-response: 30% (<see cref="ResponderThreshold.Percent30"/>, NICE TA260 1.2; clinical-facts.md §4, S9, VERIFIED).</summary>
    public static ResponderThreshold NonResponseReduction => ResponderThreshold.Percent30;

    /// <summary>The treatment cycles after which response is judged: 2.</summary>
    public static int CyclesBeforeResponseReview { get; } = 2;

    /// <summary>Fewer headache days per month than this is episodic migraine: 15.</summary>
    public static int EpisodicBelowHeadacheDays => ClinicalDayCounts.ChronicHeadacheDays;

    /// <summary>The consecutive episodic months that stop treatment: 3.</summary>
    public static int EpisodicConsecutiveMonths { get; } = 3;

    /// <summary>Evaluates the NICE TA260 1.1 start criteria.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="input">The preventive history, overuse management and age.</param>
    /// <param name="kind">The period kind (calendar months by default, the NICE wording).</param>
    /// <returns>The verdict, id <c>nice-ta260-start</c>: met only when every criterion is met.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diary"/> or <paramref name="input"/> is <see langword="null"/>.</exception>
    public static Verdict Start(HeadacheDiary diary, EligibilityInput input, PeriodKind kind = PeriodKind.CalendarMonth)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(input);
        var latest = DiaryRules.LatestWholePeriods(diary, kind, 1);
        var per = PeriodKinds.Format(kind);
        var criteria = new List<CriterionResult>
        {
            DiaryRules.EachPeriod("nice-ta260-headache-days", $"Headaches on >= {HeadacheDaysPerMonth} days in the latest whole {per} period.", latest, 1, "headache days", p => p.HeadacheDays, HeadacheDaysPerMonth, below: false, DiaryCitations.NiceStart),
            DiaryRules.EachPeriod("nice-ta260-migraine-days", $"Of which >= {MigraineDaysPerMonth} days with migraine in the same period.", latest, 1, "migraine days", p => p.MigraineDays, MigraineDaysPerMonth, below: false, DiaryCitations.NiceStart),
            Preventives(input),
            Input("nice-ta260-overuse-managed", "The condition is appropriately managed for medication overuse (clinician's judgement).", input.MedicationOveruseManaged, "medication overuse managed", DiaryCitations.NiceStart),
            Input("nice-ta260-adult", "The patient is an adult.", input.Adult, "adult", DiaryCitations.NiceStart),
        };
        return new Verdict(CriterionId.From("nice-ta260-start"), "NICE TA260 1.1: start onabotulinumtoxinA", Verdict.AllOf(criteria.Select(c => c.Outcome)), criteria, kind);
    }

    /// <summary>Evaluates the NICE TA260 1.2 stopping rules on a treatment course.</summary>
    /// <param name="course">The treatment course (diary and session dates).</param>
    /// <param name="kind">The period kind for the episodic rule (calendar months by default; 28-day periods are counted from the first session). The response rule always compares 28-day windows, see <see cref="TreatmentCourse"/>.</param>
    /// <returns>The stopping verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="course"/> is <see langword="null"/>.</exception>
    public static StoppingVerdict Stopping(TreatmentCourse course, PeriodKind kind = PeriodKind.CalendarMonth)
    {
        ArgumentNullException.ThrowIfNull(course);
        var nonResponse = NonResponse(course);
        var episodic = Episodic(course, kind);
        var decision = nonResponse.Outcome == CriterionOutcome.Met ? StoppingDecision.StopForNonResponse
            : episodic.Outcome == CriterionOutcome.Met ? StoppingDecision.StopForEpisodic
            : nonResponse.Outcome == CriterionOutcome.NotMet && episodic.Outcome == CriterionOutcome.NotMet ? StoppingDecision.Continue
            : StoppingDecision.Indeterminate;
        return new StoppingVerdict(decision, [nonResponse, episodic], kind);
    }

    private static CriterionResult NonResponse(TreatmentCourse course)
    {
        var id = CriterionId.From("nice-ta260-non-response");
        var description = $"Less than a {NonResponseReduction.Percent.ToString("0", CultureInfo.InvariantCulture)}% reduction in headache days per 28 days after {CyclesBeforeResponseReview} treatment cycles (baseline: the 28 days before the first session; after: the last 28 days of cycle {CyclesBeforeResponseReview}).";
        if (course.Cycles.Length < CyclesBeforeResponseReview)
        {
            return new CriterionResult(id, description, CriterionOutcome.NotAssessed, [BaselineFigure(course)], DiaryCitations.NiceStop, $"Not assessed: the course has {DiaryRules.Plural(course.Cycles.Length, "cycle")}; response is judged after {CyclesBeforeResponseReview}.");
        }

        var cycle = course.Cycles[CyclesBeforeResponseReview - 1];
        if (!cycle.IsComparable)
        {
            return new CriterionResult(id, description, CriterionOutcome.NotAssessed, [BaselineFigure(course)], DiaryCitations.NiceStop, $"Not assessed: cycle {cycle.Number} is {DiaryRules.Plural(cycle.LengthDays, "day")} ({VerdictDate(cycle.Start)} to {VerdictDate(cycle.End)}), shorter than the {TreatmentCourse.WindowDays}-day window compared with the baseline; sessions closer than the 12-week interval.");
        }

        var outcome = cycle.ReductionBelow(NonResponseReduction);
        var figures = new List<CriterionFigure> { BaselineFigure(course), DiaryRules.Figure($"headache days, end of cycle {cycle.Number}", cycle.Window.HeadacheDays, "<= 70% of baseline to continue", cycle.Window, CriterionOutcome.NotAssessed) };
        if (cycle.Reduction is { } r)
        {
            figures.Add(new CriterionFigure("reduction from baseline", decimal.Round(r, 4), $"< {NonResponseReduction.Fraction.ToString("0.00", CultureInfo.InvariantCulture)} stops", null, null, null, null, outcome));
        }

        var note = outcome switch
        {
            CriterionOutcome.NotAssessed => "Not assessed: no headache days at baseline, so there is nothing to reduce.",
            CriterionOutcome.Indeterminate => "Unrecorded days in the baseline or the end-of-cycle window could change the outcome.",
            _ => null,
        };
        return new CriterionResult(id, description, outcome, figures, DiaryCitations.NiceStop, note);
    }

    private static string VerdictDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CriterionFigure BaselineFigure(TreatmentCourse course) =>
        DiaryRules.Figure("baseline headache days", course.Baseline.HeadacheDays, "28 days before the first session", course.Baseline, CriterionOutcome.NotAssessed);

    private static CriterionResult Episodic(TreatmentCourse course, PeriodKind kind)
    {
        var periods = course.PeriodsSinceFirstSession(kind);
        var latest = periods.Skip(Math.Max(0, periods.Length - EpisodicConsecutiveMonths)).ToList();
        var figures = latest.Select(p => DiaryRules.Figure("headache days", p.HeadacheDays, $"< {EpisodicBelowHeadacheDays}", p, DiaryRules.Below(p.HeadacheDays, p.DaysUnrecorded, EpisodicBelowHeadacheDays))).ToList();
        var outcome = Verdict.AllOf(figures.Select(f => f.Outcome));
        string? note = null;
        if (latest.Count < EpisodicConsecutiveMonths)
        {
            outcome = CriterionOutcome.NotMet;
            note = $"The diary has {DiaryRules.Plural(latest.Count, "whole period")} since the first session; {EpisodicConsecutiveMonths} consecutive are needed.";
        }
        else if (outcome == CriterionOutcome.Indeterminate)
        {
            note = "Unrecorded days could change the outcome.";
        }

        return new CriterionResult(
            CriterionId.From("nice-ta260-episodic"),
            $"Changed to episodic migraine: fewer than {EpisodicBelowHeadacheDays} headache days in each of the latest {EpisodicConsecutiveMonths} consecutive whole {PeriodKinds.Format(kind)} periods since the first session.",
            outcome,
            figures,
            DiaryCitations.NiceStop,
            note);
    }

    private static CriterionResult Preventives(EligibilityInput input)
    {
        var id = CriterionId.From("nice-ta260-preventives");
        var description = $"At least {PreventivesRequired} preventive medicines have not worked, are not tolerated or are unsuitable because of safety concerns.";
        if (input.PreventivesFailed is not { } n)
        {
            return new CriterionResult(id, description, CriterionOutcome.NotAssessed, [], DiaryCitations.NiceStart, "Not assessed: the preventive history was not supplied.");
        }

        var outcome = n >= PreventivesRequired ? CriterionOutcome.Met : CriterionOutcome.NotMet;
        return new CriterionResult(id, description, outcome, [new CriterionFigure("preventive medicines failed, not tolerated or unsuitable", n, $">= {PreventivesRequired}", null, null, null, null, outcome)], DiaryCitations.NiceStart);
    }

    internal static CriterionResult Input(string id, string description, bool? value, string name, Primitives.Citation source)
    {
        if (value is not { } v)
        {
            return new CriterionResult(CriterionId.From(id), description, CriterionOutcome.NotAssessed, [], source, $"Not assessed: '{name}' was not supplied.");
        }

        var outcome = v ? CriterionOutcome.Met : CriterionOutcome.NotMet;
        return new CriterionResult(CriterionId.From(id), description, outcome, [new CriterionFigure(name, v ? 1 : 0, "must be 1 (yes)", null, null, null, null, outcome)], source);
    }
}

/// <summary>What the NICE TA260 1.2 stopping rules say about a treatment course.</summary>
public enum StoppingDecision
{
    /// <summary>The data cannot decide (too few cycles, unrecorded days).</summary>
    Indeterminate = 0,

    /// <summary>Neither stopping rule applies.</summary>
    Continue = 1,

    /// <summary>Less than a 30% reduction in headache days after 2 treatment cycles.</summary>
    StopForNonResponse = 2,

    /// <summary>Fewer than 15 headache days per month for 3 consecutive months.</summary>
    StopForEpisodic = 3,
}

/// <summary>The NICE TA260 1.2 stopping verdict on a treatment course.</summary>
/// <remarks>Equality is by reference.</remarks>
public sealed class StoppingVerdict
{
    internal StoppingVerdict(StoppingDecision decision, IEnumerable<CriterionResult> criteria, PeriodKind kind)
    {
        Decision = decision;
        var outcome = decision switch
        {
            StoppingDecision.StopForNonResponse or StoppingDecision.StopForEpisodic => CriterionOutcome.Met,
            StoppingDecision.Continue => CriterionOutcome.NotMet,
            _ => CriterionOutcome.Indeterminate,
        };
        Verdict = new Verdict(CriterionId.From("nice-ta260-stop"), "NICE TA260 1.2: stop onabotulinumtoxinA", outcome, criteria, kind);
    }

    /// <summary>Gets the decision.</summary>
    public StoppingDecision Decision { get; }

    /// <summary>Gets the verdict: met when a stopping rule applies, not met when treatment continues.</summary>
    public Verdict Verdict { get; }

    /// <summary>
    /// Gets one sentence for people that informs rather than decides, for example <c>NICE TA260 1.2
    /// stopping criteria met: less than a 30% reduction in headache days after 2 treatment cycles.</c>
    /// </summary>
    public string Statement => StoppingDecisions.Describe(Decision);
}

/// <summary>Text forms of <see cref="StoppingDecision"/>: the wire token and a sentence that informs.</summary>
public static class StoppingDecisions
{
    /// <summary>Returns the wire token of a decision, the JSON <c>decision</c> value: <c>continue</c>, <c>stop-for-non-response</c>, <c>stop-for-episodic</c> or <c>indeterminate</c>.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The token. It names which NICE TA260 1.2 criterion is met; a clinician decides whether to stop.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string Format(StoppingDecision decision) => decision switch
    {
        StoppingDecision.Continue => "continue",
        StoppingDecision.StopForNonResponse => "stop-for-non-response",
        StoppingDecision.StopForEpisodic => "stop-for-episodic",
        StoppingDecision.Indeterminate => "indeterminate",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Not a defined stopping decision."),
    };

    /// <summary>Returns a sentence that says which NICE TA260 1.2 stopping criterion the data meet, without deciding.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The sentence, ending with a full stop.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string Describe(StoppingDecision decision) => decision switch
    {
        StoppingDecision.Continue => "NICE TA260 1.2 stopping criteria not met.",
        StoppingDecision.StopForNonResponse => $"NICE TA260 1.2 stopping criteria met: less than a {NiceTa260.NonResponseReduction.Percent.ToString("0", CultureInfo.InvariantCulture)}% reduction in headache days after {NiceTa260.CyclesBeforeResponseReview.ToString(CultureInfo.InvariantCulture)} treatment cycles.",
        StoppingDecision.StopForEpisodic => $"NICE TA260 1.2 stopping criteria met: fewer than {NiceTa260.EpisodicBelowHeadacheDays.ToString(CultureInfo.InvariantCulture)} headache days a month for {NiceTa260.EpisodicConsecutiveMonths.ToString(CultureInfo.InvariantCulture)} consecutive months.",
        StoppingDecision.Indeterminate => "NICE TA260 1.2 stopping criteria: cannot tell from the data (see each criterion for why).",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Not a defined stopping decision."),
    };
}
