using System.Collections.Immutable;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// ICHD-3 8.2 medication overuse: criterion A (headache on at least 15 days a month) and criterion B by
/// class, intake on at least the class threshold of days in each of the latest whole periods covering
/// more than 3 months ("regular overuse for &gt;3 months", clinical-facts.md §3, S8 and S8b, VERIFIED),
/// including 8.2.5 combination analgesics and 8.2.6 several classes none overused alone.
/// </summary>
/// <remarks>Criterion A gates every subtype: medication days above a threshold with fewer than 15
/// headache days a month is not 8.2 (S8). Overuse is <em>suspected</em>, not diagnosed: ICHD-3 8.2 C
/// (not better accounted for) is for the clinician. When a period is not recorded well enough, or a
/// threshold is missing, the verdict is indeterminate ("cannot tell"), never "not met".</remarks>
public static class MedicationOveruseCriteria
{
    /// <summary>Evaluates medication overuse by class.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="thresholds">The thresholds; <see cref="MedicationOveruseThresholds.Verified"/> holds ICHD-3's.</param>
    /// <param name="kind">The period kind (28-day periods by default).</param>
    /// <param name="periods">How many consecutive whole periods must show overuse (<see langword="null"/> for <see cref="ChronicMigraineCriteria.PeriodsForMoreThanThreeMonths"/>: more than 3 months).</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diary"/> or <paramref name="thresholds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is below 1.</exception>
    public static MedicationOveruseVerdict Evaluate(HeadacheDiary diary, MedicationOveruseThresholds thresholds, PeriodKind kind = PeriodKind.TwentyEightDays, int? periods = null)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(thresholds);
        return Evaluate(diary, thresholds, kind, periods ?? ChronicMigraineCriteria.PeriodsForMoreThanThreeMonths);
    }

    private static MedicationOveruseVerdict Evaluate(HeadacheDiary diary, MedicationOveruseThresholds thresholds, PeriodKind kind, int periods)
    {
        Preconditions.CheckRange(periods >= 1, nameof(periods), periods, "At least one whole period is evaluated.");
        var latest = DiaryRules.LatestWholePeriods(diary, kind, periods);
        var span = periods == ChronicMigraineCriteria.PeriodsForMoreThanThreeMonths ? "for more than 3 months" : $"in each of the latest {DiaryRules.Plural(periods, "period")}";
        var criteria = new List<CriterionResult>();
        var overused = AcuteMedicationSet.None;
        var notAssessed = AcuteMedicationSet.None;
        foreach (var c in AcuteMedicationClasses.All)
        {
            var name = AcuteMedicationClasses.Describe(c);
            var id = CriterionId.From($"ichd3-8.2-{AcuteMedicationClasses.Format(c)}");
            if (thresholds.For(c) is not { } t)
            {
                notAssessed = notAssessed.With(c);
                criteria.Add(new CriterionResult(
                    id,
                    $"{name} on >= (caller-supplied) days per {PeriodKinds.Format(kind)} period {span}.",
                    CriterionOutcome.NotAssessed,
                    [],
                    thresholds.SourceOf(c),
                    $"Cannot tell: no {name} threshold is set."));
                continue;
            }

            var r = DiaryRules.EachPeriod(id.Value, $"{name} on >= {t} days per {PeriodKinds.Format(kind)} period {span} (ICHD-3 8.2).", latest, periods, $"{name} days", p => p.AcuteMedicationDays(c), t, below: false, thresholds.SourceOf(c));
            criteria.Add(r);
            if (r.Outcome == CriterionOutcome.Met)
            {
                overused = overused.With(c);
            }
        }

        CriterionResult multiple;
        if (thresholds.MultipleClasses is { } m)
        {
            multiple = DiaryRules.EachPeriod(
                "ichd3-8.2-multiple-classes",
                $"Any acute medication (two or more classes in the period) on >= {m} days per {PeriodKinds.Format(kind)} period {span}, no class overused alone (ICHD-3 8.2.6).",
                latest,
                periods,
                "days with two or more classes in the period",
                p => p.AcuteMedicationDaysByClass.Count(n => n > 0) >= 2 ? p.AnyAcuteMedicationDays : 0,
                m,
                below: false,
                thresholds.MultipleClassesSourceInUse);
            if (!overused.IsEmpty && multiple.Outcome == CriterionOutcome.Met)
            {
                multiple = new CriterionResult(multiple.Id, multiple.Description, CriterionOutcome.NotMet, multiple.Figures, multiple.Source, "A single class is overused on its own, so the multiple-classes form does not apply.");
            }
        }
        else
        {
            multiple = new CriterionResult(
                CriterionId.From("ichd3-8.2-multiple-classes"),
                $"Several classes, none overused alone, on >= (caller-supplied) days per {PeriodKinds.Format(kind)} period {span}.",
                CriterionOutcome.NotAssessed,
                [],
                thresholds.MultipleClassesSourceInUse,
                "Cannot tell: no multiple-classes threshold is set.");
        }

        criteria.Add(multiple);
        var headache = DiaryRules.EachPeriod(
            "ichd3-8.2-headache-days",
            $"Headache on >= {ChronicMigraineCriteria.HeadacheDaysPerMonth} days per {PeriodKinds.Format(kind)} period (ICHD-3 8.2 A).",
            latest,
            periods,
            "headache days",
            p => p.HeadacheDays,
            ChronicMigraineCriteria.HeadacheDaysPerMonth,
            below: false,
            DiaryCitations.Ichd3MedicationOveruseHeadacheDays);
        criteria.Add(headache);

        // Criterion B: any class (or several together) overused; "not met" only when every form is not met.
        var overuse = criteria.Take(criteria.Count - 1).Select(c => c.Outcome).ToList();
        var medication = overuse.Contains(CriterionOutcome.Met)
            ? CriterionOutcome.Met
            : overuse.All(o => o == CriterionOutcome.NotMet) ? CriterionOutcome.NotMet : CriterionOutcome.Indeterminate;

        // Criterion A gates every subtype (S8): fewer than 15 headache days a month is not 8.2.
        var outcome = headache.Outcome switch
        {
            CriterionOutcome.NotMet => CriterionOutcome.NotMet,
            CriterionOutcome.Met => medication,
            _ => medication == CriterionOutcome.NotMet ? CriterionOutcome.NotMet : CriterionOutcome.Indeterminate,
        };
        var verdict = new Verdict(CriterionId.From("ichd3-8.2-medication-overuse"), "ICHD-3 8.2 medication overuse (suspected; diary criteria)", outcome, criteria, kind);
        return new MedicationOveruseVerdict(verdict, overused, multiple.Outcome == CriterionOutcome.Met, notAssessed, thresholds.MultipleClasses is null, headache.Outcome, medication);
    }
}

/// <summary>The medication-overuse verdict: which classes are overused and which could not be assessed.</summary>
/// <remarks>Equality is by reference.</remarks>
public sealed class MedicationOveruseVerdict
{
    internal MedicationOveruseVerdict(Verdict verdict, AcuteMedicationSet overusedClasses, bool multipleClassesOverused, AcuteMedicationSet classesNotAssessed, bool multipleClassesNotAssessed, CriterionOutcome headacheDays, CriterionOutcome medicationDays)
    {
        HeadacheDays = headacheDays;
        MedicationDays = medicationDays;
        Verdict = verdict;
        OverusedClasses = overusedClasses;
        MultipleClassesOverused = multipleClassesOverused;
        ClassesNotAssessed = classesNotAssessed;
        MultipleClassesNotAssessed = multipleClassesNotAssessed;
    }

    /// <summary>Gets the verdict: met when criterion A (headache on at least 15 days a month) is met and any class (or several classes together) shows overuse; not met when either is not met; otherwise indeterminate ("cannot tell").</summary>
    public Verdict Verdict { get; }

    /// <summary>Gets a value indicating whether overuse is suspected: criterion A and B both met.</summary>
    public bool Suspected => Verdict.Outcome == CriterionOutcome.Met;

    /// <summary>Gets the outcome of criterion A, headache on at least 15 days a month.</summary>
    public CriterionOutcome HeadacheDays { get; }

    /// <summary>Gets the outcome of criterion B alone: any class, or several together, on at least its threshold of days.</summary>
    public CriterionOutcome MedicationDays { get; }

    /// <summary>Returns a one-line summary for a clinician: <c>yes</c>, <c>no</c> or <c>cannot tell</c>, with why.</summary>
    /// <returns>The text, for example <c>no: criterion A not met (headache on fewer than 15 days a month), so not ICHD-3 8.2 whatever the medication days</c>.</returns>
    public string Summarize()
    {
        var classes = OverusedClasses.IsEmpty ? null : string.Join(", ", OverusedClasses.Select(AcuteMedicationClasses.Describe));
        return Verdict.Outcome switch
        {
            CriterionOutcome.Met => $"yes: headache on >= 15 days a month and overuse of {classes ?? "several classes together (none alone)"}",
            CriterionOutcome.NotMet when HeadacheDays == CriterionOutcome.NotMet =>
                $"no: criterion A not met (headache on fewer than 15 days a month), so not ICHD-3 8.2 whatever the medication days{(classes is null ? string.Empty : $" ({classes} at or above the threshold)")}",
            CriterionOutcome.NotMet => "no: no class, nor several together, at its threshold",
            _ => "cannot tell: " + string.Join("; ", Criteria.Where(c => c.Outcome is CriterionOutcome.Indeterminate or CriterionOutcome.NotAssessed).Select(c => c.Note ?? $"{c.Id} is indeterminate")),
        };
    }

    /// <summary>Gets the classes at or above their threshold on their own (criterion B; see <see cref="Suspected"/> for the verdict with criterion A).</summary>
    public AcuteMedicationSet OverusedClasses { get; }

    /// <summary>Gets a value indicating whether several classes together, none alone, are overused.</summary>
    public bool MultipleClassesOverused { get; }

    /// <summary>Gets the classes not assessed because their UNVERIFIED threshold was not supplied.</summary>
    public AcuteMedicationSet ClassesNotAssessed { get; }

    /// <summary>Gets a value indicating whether the multiple-classes form was not assessed (no threshold supplied).</summary>
    public bool MultipleClassesNotAssessed { get; }

    /// <summary>Gets the criteria checked.</summary>
    public ImmutableArray<CriterionResult> Criteria => Verdict.Criteria;
}
