using System.Collections.Immutable;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// ICHD-3 8.2 medication overuse by class: intake on at least the class threshold of days in each of
/// the latest whole periods covering more than 3 months ("regular overuse for &gt;3 months",
/// clinical-facts.md §3, S8, VERIFIED).
/// </summary>
/// <remarks>Overuse is <em>suspected</em>, not diagnosed: ICHD-3 8.2 C (not better accounted for) is
/// for the clinician. Criterion A (headache on &gt;= 15 days/month) is reported alongside.</remarks>
public static class MedicationOveruseCriteria
{
    /// <summary>Evaluates medication overuse by class.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="thresholds">The thresholds; <see cref="MedicationOveruseThresholds.Verified"/> leaves combination analgesics and multiple classes not assessed.</param>
    /// <param name="kind">The period kind (28-day periods by default).</param>
    /// <param name="periods">How many consecutive whole periods must show overuse (4 by default: more than 3 months).</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diary"/> or <paramref name="thresholds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is below 1.</exception>
    public static MedicationOveruseVerdict Evaluate(HeadacheDiary diary, MedicationOveruseThresholds thresholds, PeriodKind kind = PeriodKind.TwentyEightDays, int periods = ChronicMigraineCriteria.PeriodsForMoreThanThreeMonths)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(thresholds);
        Preconditions.CheckRange(periods >= 1, nameof(periods), periods, "At least one whole period is evaluated.");
        var latest = DiaryRules.LatestWholePeriods(diary, kind, periods);
        var span = periods == ChronicMigraineCriteria.PeriodsForMoreThanThreeMonths ? "for more than 3 months" : $"in each of the latest {DiaryRules.Plural(periods, "period")}";
        var criteria = new List<CriterionResult>();
        var overused = AcuteMedicationSet.None;
        var notAssessed = AcuteMedicationSet.None;
        foreach (var c in AcuteMedicationClasses.All)
        {
            var name = AcuteMedicationClasses.Format(c);
            var id = $"ichd3-8.2-{name}";
            if (thresholds.For(c) is not { } t)
            {
                notAssessed = notAssessed.With(c);
                criteria.Add(new CriterionResult(
                    id,
                    $"{name} on >= (caller-supplied) days per {PeriodKinds.Format(kind)} period {span}.",
                    CriterionOutcome.NotAssessed,
                    [],
                    MedicationOveruseThresholds.SourceFor(c),
                    $"Not assessed: the {name} threshold is UNVERIFIED in the clinical reference and was not supplied."));
                continue;
            }

            var r = DiaryRules.EachPeriod(id, $"{name} on >= {t} days per {PeriodKinds.Format(kind)} period {span} (ICHD-3 8.2).", latest, periods, $"{name} days", p => p.AcuteMedicationDays(c), t, below: false, MedicationOveruseThresholds.SourceFor(c));
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
                $"Any acute medication (two or more classes in the period) on >= {m} days per {PeriodKinds.Format(kind)} period {span}, no class overused alone.",
                latest,
                periods,
                "days with two or more classes in the period",
                p => p.AcuteMedicationDaysByClass.Count(n => n > 0) >= 2 ? p.AnyAcuteMedicationDays : 0,
                m,
                below: false,
                MedicationOveruseThresholds.MultipleClassesSource);
            if (!overused.IsEmpty && multiple.Outcome == CriterionOutcome.Met)
            {
                multiple = new CriterionResult(multiple.Id, multiple.Description, CriterionOutcome.NotMet, multiple.Figures, multiple.Source, "A single class is overused on its own, so the multiple-classes form does not apply.");
            }
        }
        else
        {
            multiple = new CriterionResult(
                "ichd3-8.2-multiple-classes",
                $"Several classes, none overused alone, on >= (caller-supplied) days per {PeriodKinds.Format(kind)} period {span}.",
                CriterionOutcome.NotAssessed,
                [],
                MedicationOveruseThresholds.MultipleClassesSource,
                "Not assessed: the multiple-classes threshold is UNVERIFIED in the clinical reference and was not supplied.");
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

        var overuse = criteria.Take(criteria.Count - 1).Select(c => c.Outcome).ToList();
        var outcome = overuse.Contains(CriterionOutcome.Met)
            ? CriterionOutcome.Met
            : overuse.All(o => o == CriterionOutcome.NotMet) ? CriterionOutcome.NotMet : CriterionOutcome.Indeterminate;
        var verdict = new Verdict("ichd3-8.2-medication-overuse", "ICHD-3 8.2 medication overuse (suspected; diary criteria)", outcome, criteria, kind);
        return new MedicationOveruseVerdict(verdict, overused, multiple.Outcome == CriterionOutcome.Met, notAssessed, thresholds.MultipleClasses is null);
    }
}

/// <summary>The medication-overuse verdict: which classes are overused and which could not be assessed.</summary>
/// <remarks>Equality is by reference.</remarks>
public sealed class MedicationOveruseVerdict
{
    internal MedicationOveruseVerdict(Verdict verdict, AcuteMedicationSet overusedClasses, bool multipleClassesOverused, AcuteMedicationSet classesNotAssessed, bool multipleClassesNotAssessed)
    {
        Verdict = verdict;
        OverusedClasses = overusedClasses;
        MultipleClassesOverused = multipleClassesOverused;
        ClassesNotAssessed = classesNotAssessed;
        MultipleClassesNotAssessed = multipleClassesNotAssessed;
    }

    /// <summary>Gets the verdict: met when any class (or the multiple-classes form) shows overuse.</summary>
    public Verdict Verdict { get; }

    /// <summary>Gets a value indicating whether overuse is suspected (any class, or several classes together).</summary>
    public bool Suspected => Verdict.Outcome == CriterionOutcome.Met;

    /// <summary>Gets the classes overused on their own.</summary>
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
