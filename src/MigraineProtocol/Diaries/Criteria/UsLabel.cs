namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// The US indication of onabotulinumtoxinA for chronic migraine: adults with 15 or more headache days
/// each month, with headache lasting 4 hours a day or longer; not for 14 or fewer headache days a month
/// (episodic migraine). clinical-facts.md §1.3, S14, VERIFIED-2nd (manufacturer patient text; re-check
/// against the US prescribing information before release).
/// </summary>
/// <remarks>The daily duration is optional diary data: when no headache day of the period has a
/// duration, the 4-hour criterion is not assessed and the verdict says so.</remarks>
public static class UsLabel
{
    /// <summary>Headache days per month: 15 or more.</summary>
    public static int HeadacheDaysPerMonth => ClinicalDayCounts.ChronicHeadacheDays;

    /// <summary>The daily headache duration that counts: 4 hours or longer.</summary>
    public static TimeSpan MinimumDailyDuration { get; } = TimeSpan.FromHours(4);

    /// <summary>Evaluates the US indication on the latest whole period.</summary>
    /// <param name="diary">The diary (durations optional).</param>
    /// <param name="input">The input; only <see cref="EligibilityInput.Adult"/> is used.</param>
    /// <param name="kind">The period kind (calendar months by default: "each month").</param>
    /// <returns>The verdict, id <c>us-label-indication</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diary"/> or <paramref name="input"/> is <see langword="null"/>.</exception>
    public static Verdict Indication(HeadacheDiary diary, EligibilityInput input, PeriodKind kind = PeriodKind.CalendarMonth)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(input);
        var latest = DiaryRules.LatestWholePeriods(diary, kind, 1);
        var per = PeriodKinds.Format(kind);
        var headache = DiaryRules.EachPeriod("us-label-headache-days", $"15 or more headache days in the latest whole {per} period (14 or fewer is episodic: not indicated).", latest, 1, "headache days", p => p.HeadacheDays, HeadacheDaysPerMonth, below: false, DiaryCitations.UsLabel);
        var criteria = new List<CriterionResult> { headache, Duration(diary, latest.FirstOrDefault(), per), NiceTa260.Input("us-label-adult", "The patient is an adult.", input.Adult, "adult", DiaryCitations.UsLabel) };
        return new Verdict(CriterionId.From("us-label-indication"), "US label: chronic migraine indication", Verdict.AllOf(criteria.Select(c => c.Outcome)), criteria, kind);
    }

    private static CriterionResult Duration(HeadacheDiary diary, PeriodSummary? period, string per)
    {
        var id = CriterionId.From("us-label-4-hours");
        var description = $"Headache lasting 4 hours a day or longer on 15 or more days of the latest whole {per} period.";
        if (period is null)
        {
            return new CriterionResult(id, description, CriterionOutcome.Indeterminate, [], DiaryCitations.UsLabel, "The diary has no whole period.");
        }

        int longDays = 0, withDuration = 0, headacheDays = 0;
        foreach (var d in diary.DaysBetween(period.Start, period.End))
        {
            if (!d.Headache)
            {
                continue;
            }

            headacheDays++;
            if (d.HeadacheDuration is { } t)
            {
                withDuration++;
                longDays += t >= MinimumDailyDuration ? 1 : 0;
            }
        }

        if (withDuration == 0)
        {
            return new CriterionResult(id, description, CriterionOutcome.NotAssessed, [], DiaryCitations.UsLabel, "Not assessed: the diary records no headache durations in the period, so the 4-hour criterion cannot be checked.");
        }

        var unknown = headacheDays - withDuration + period.DaysUnrecorded;
        var outcome = DiaryRules.AtLeast(longDays, unknown, HeadacheDaysPerMonth);
        var figures = new[]
        {
            DiaryRules.Figure("headache days lasting >= 4 hours", longDays, ">= 15", period, outcome),
            new CriterionFigure("headache days without a recorded duration", headacheDays - withDuration, null, period.Start, period.End, period.DaysRecorded, period.LengthDays, CriterionOutcome.NotAssessed),
        };
        return new CriterionResult(id, description, outcome, figures, DiaryCitations.UsLabel, outcome == CriterionOutcome.Indeterminate ? "Headache days without a duration, or unrecorded days, could change the outcome." : null);
    }
}
