using System.Collections.Immutable;
using System.Globalization;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>Shared counting helpers: thresholds against counts with unrecorded days, and period selection.</summary>
internal static class DiaryRules
{
    internal static CriterionOutcome AtLeast(int count, int unrecorded, int threshold) =>
        count >= threshold ? CriterionOutcome.Met : count + unrecorded < threshold ? CriterionOutcome.NotMet : CriterionOutcome.Indeterminate;

    internal static CriterionOutcome Below(int count, int unrecorded, int threshold) =>
        count + unrecorded < threshold ? CriterionOutcome.Met : count >= threshold ? CriterionOutcome.NotMet : CriterionOutcome.Indeterminate;

    /// <summary>The last <paramref name="count"/> periods lying wholly within the diary (fewer when the diary is shorter).</summary>
    internal static ImmutableArray<PeriodSummary> LatestWholePeriods(HeadacheDiary diary, PeriodKind kind, int count)
    {
        var whole = diary.Periods(kind).Where(p => p.IsWithinDiary).ToList();
        return [.. whole.Skip(Math.Max(0, whole.Count - count))];
    }

    internal static CriterionFigure Figure(string name, int value, string requirement, PeriodSummary p, CriterionOutcome outcome) =>
        new(name, value, requirement, p.Start, p.End, p.DaysRecorded, p.LengthDays, outcome);

    /// <summary>A per-period count held against a threshold in each of the periods, all of which must hold.</summary>
    internal static CriterionResult EachPeriod(
        string id,
        string description,
        ImmutableArray<PeriodSummary> periods,
        int required,
        string name,
        Func<PeriodSummary, int> count,
        int threshold,
        bool below,
        Citation source,
        string? extraNote = null)
    {
        var figures = periods.Select(p =>
        {
            var n = count(p);
            var o = below ? Below(n, p.DaysUnrecorded, threshold) : AtLeast(n, p.DaysUnrecorded, threshold);
            return Figure(name, n, (below ? "< " : ">= ") + threshold.ToString(CultureInfo.InvariantCulture), p, o);
        }).ToList();
        var outcome = Verdict.AllOf(figures.Select(f => f.Outcome));
        string? note = extraNote;
        if (periods.Length < required)
        {
            if (outcome != CriterionOutcome.NotMet)
            {
                outcome = CriterionOutcome.Indeterminate;
            }

            note = Join(note, $"{Plural(required, "whole period")} needed, the diary has {periods.Length}.");
        }
        else if (outcome == CriterionOutcome.Indeterminate)
        {
            note = Join(note, "unrecorded days could change the outcome.");
        }

        return new CriterionResult(CriterionId.From(id), description, outcome, figures, source, note);
    }

    internal static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    internal static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + " " + b;

    internal static string Days(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The citations of the diary rules (clinical-facts.md).</summary>
internal static class DiaryCitations
{
    internal static readonly Citation Ichd3ChronicMigraine = new("S8", "ICHD-3 1.3 chronic migraine, criteria A and C (clinical-facts.md §3)", VerificationLevel.Verified);
    internal static readonly Citation Ichd3MedicationOveruse = new("S8", "ICHD-3 8.2 medication-overuse headache, thresholds by class (clinical-facts.md §3)", VerificationLevel.Verified);
    internal static readonly Citation Ichd3CombinationAnalgesic = new("S8b", "ICHD-3 8.2.5 combination-analgesic-overuse headache, >=10 days/month (clinical-facts.md §3)", VerificationLevel.Verified);
    internal static readonly Citation Ichd3MultipleClasses = new("S8b", "ICHD-3 8.2.6 overuse of multiple classes, none overused alone, >=10 days/month in total (clinical-facts.md §3)", VerificationLevel.Verified);
    internal static readonly Citation Ichd3MedicationOveruseHeadacheDays = new("S8", "ICHD-3 8.2 criterion A, headache on >=15 days/month (clinical-facts.md §3)", VerificationLevel.Verified);
    internal static readonly Citation NiceStart = new("S9", "NICE TA260 recommendation 1.1 (clinical-facts.md §4)", VerificationLevel.Verified);
    internal static readonly Citation NiceStop = new("S9", "NICE TA260 recommendation 1.2 (clinical-facts.md §4)", VerificationLevel.Verified);
    internal static readonly Citation UsLabel = new("S14", "US indication: adults with chronic migraine, >=15 headache days/month with headache lasting 4 hours a day or longer (clinical-facts.md §1.3)", VerificationLevel.VerifiedSecondary);
    internal static readonly Citation EuLabelAdults = new("S15", "EU/UK SmPC 4.1: adults with chronic migraine (clinical-facts.md §1.3)", VerificationLevel.Verified);
    internal static readonly Citation Responder = new("S11h", ">=50% reduction in headache days per cycle (Silberstein 2015; clinical-facts.md §5.2)", VerificationLevel.Verified);
    internal static readonly Citation TrialConvention = new("S4", "PREEMPT: headache days per 28-day period (clinical-facts.md §5.1)", VerificationLevel.Verified);

    internal static Citation CallerSupplied(string what) =>
        new("caller", $"{what}: UNVERIFIED in clinical-facts.md §3, supplied by the caller", VerificationLevel.Unverified);
}
