using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// ICHD-3 1.3 chronic migraine, at the level a diary can show: headache on at least 15 days a month
/// and migraine on at least 8 days a month, for more than 3 months (clinical-facts.md §3, S8, VERIFIED).
/// </summary>
/// <remarks>
/// <para>"More than 3 months" is read from the diary as 4 consecutive whole periods (4 × 28 = 112 days,
/// or 4 calendar months, are the fewest whole periods that span more than 3 months); a caller who has
/// established the duration from the history may ask for fewer. The verdict uses the latest such
/// periods. Criteria B (at least 5 attacks) and D (not better accounted for) are not diary-evaluable
/// and are left to the clinician; the verdict says so.</para>
/// </remarks>
public static class ChronicMigraineCriteria
{
    /// <summary>Headache days per month: at least 15 (ICHD-3 1.3 A; S8, VERIFIED).</summary>
    public static int HeadacheDaysPerMonth => ClinicalDayCounts.ChronicHeadacheDays;

    /// <summary>Migraine days per month: at least 8 (ICHD-3 1.3 C; S8, VERIFIED).</summary>
    public static int MigraineDaysPerMonth => ClinicalDayCounts.ChronicMigraineDays;

    /// <summary>The whole periods that show "more than 3 months": 4.</summary>
    public static int PeriodsForMoreThanThreeMonths { get; } = 4;

    /// <summary>Evaluates ICHD-3 1.3 on the latest whole periods of a diary.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="kind">The period kind (28-day periods by default, the trial convention).</param>
    /// <param name="periods">How many consecutive whole periods must meet both thresholds (<see langword="null"/> for <see cref="PeriodsForMoreThanThreeMonths"/>; fewer when the history establishes the duration).</param>
    /// <returns>The verdict, id <c>ichd3-1.3-chronic-migraine</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diary"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is below 1.</exception>
    public static Verdict Evaluate(HeadacheDiary diary, PeriodKind kind = PeriodKind.TwentyEightDays, int? periods = null)
    {
        ArgumentNullException.ThrowIfNull(diary);
        return Evaluate(diary, kind, periods ?? PeriodsForMoreThanThreeMonths);
    }

    private static Verdict Evaluate(HeadacheDiary diary, PeriodKind kind, int periods)
    {
        Preconditions.CheckRange(periods >= 1, nameof(periods), periods, "At least one whole period is evaluated.");
        var latest = DiaryRules.LatestWholePeriods(diary, kind, periods);
        var span = periods == PeriodsForMoreThanThreeMonths ? "for more than 3 months" : $"in each of the latest {DiaryRules.Plural(periods, "period")}";
        var headache = DiaryRules.EachPeriod(
            "ichd3-1.3-headache-days",
            $"Headache on >= {HeadacheDaysPerMonth} days per {PeriodKinds.Format(kind)} period {span} (ICHD-3 1.3 A).",
            latest,
            periods,
            "headache days",
            p => p.HeadacheDays,
            HeadacheDaysPerMonth,
            below: false,
            DiaryCitations.Ichd3ChronicMigraine);
        var migraine = DiaryRules.EachPeriod(
            "ichd3-1.3-migraine-days",
            $"Migraine on >= {MigraineDaysPerMonth} days per {PeriodKinds.Format(kind)} period {span} (ICHD-3 1.3 C).",
            latest,
            periods,
            "migraine days",
            p => p.MigraineDays,
            MigraineDaysPerMonth,
            below: false,
            DiaryCitations.Ichd3ChronicMigraine,
            "Criteria B (>= 5 attacks) and D (not better accounted for by another diagnosis) are for the clinician; a diary cannot show them.");
        return new Verdict(
            CriterionId.From("ichd3-1.3-chronic-migraine"),
            "ICHD-3 1.3 chronic migraine (diary criteria A and C)",
            Verdict.AllOf([headache.Outcome, migraine.Outcome]),
            [headache, migraine],
            kind);
    }
}
