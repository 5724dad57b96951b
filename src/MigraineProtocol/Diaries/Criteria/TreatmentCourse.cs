using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// A treatment course over a diary: the session dates, the baseline before the first session and the
/// treatment cycles, each with its change in headache days and responder status.
/// </summary>
/// <remarks>
/// <para>Headache days are compared per 28 days, the trial convention (PREEMPT's primary endpoint was
/// headache days per 28 days, clinical-facts.md §5.1, S4/S10b, VERIFIED): the baseline is the 28 days
/// before the first session, and each cycle is judged on the last 28 days of the cycle. A cycle runs
/// from its session to the day before the next session; the last cycle runs
/// <see cref="CycleLengthDays"/> days (84 by default: the 12-week retreatment interval, S1, VERIFIED).</para>
/// <para>Like is compared with like: a cycle shorter than the 28-day window (sessions closer than
/// 28 days) is not assessable; its <see cref="TreatmentCycle.Reduction"/> is <see langword="null"/> and its
/// response is not assessed, never judged on a cut window against a 28-day baseline (ADR 0093). A cycle
/// shorter than the 12-week interval is flagged (<see cref="TreatmentCycle.IsShorterThanInterval"/>).</para>
/// <para>A responder has at least a 50% reduction in headache days from baseline (the per-cycle
/// responder definition of Silberstein 2015, S11h, VERIFIED); the threshold is a parameter, the
/// <see cref="Primitives.ResponderThreshold"/> the outcome statistics use.</para>
/// <para>Equality is by reference. Instances are immutable.</para>
/// </remarks>
public sealed class TreatmentCourse
{
    /// <summary>The days compared before and at the end of each cycle: 28.</summary>
    public static int WindowDays => ClinicalDayCounts.WindowDays;

    /// <summary>The default length of the last cycle: 84 days (12 weeks).</summary>
    public static int DefaultCycleLengthDays { get; } = 84;

    /// <summary>Initializes a course.</summary>
    /// <param name="diary">The diary, covering the baseline and the cycles.</param>
    /// <param name="sessionDates">The session dates, strictly increasing; at least one, the first after the diary start.</param>
    /// <param name="cycleLengthDays">The length of the last cycle in days (28 to 366; <see langword="null"/> for <see cref="DefaultCycleLengthDays"/>).</param>
    /// <param name="responderThreshold">The reduction from baseline that makes a responder; <c>default</c> is <see cref="ResponderThreshold.Percent50"/>, the cited PREEMPT definition.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diary"/> or <paramref name="sessionDates"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No sessions, dates not strictly increasing, or a first session on or before the diary start.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycleLengthDays"/> is out of range.</exception>
    public TreatmentCourse(HeadacheDiary diary, IEnumerable<DateOnly> sessionDates, int? cycleLengthDays = null, ResponderThreshold responderThreshold = default)
        : this(diary, sessionDates, cycleLengthDays ?? DefaultCycleLengthDays, responderThreshold, checkedDefaults: true)
    {
    }

    private TreatmentCourse(HeadacheDiary diary, IEnumerable<DateOnly> sessionDates, int cycleLengthDays, ResponderThreshold responderThreshold, bool checkedDefaults)
    {
        _ = checkedDefaults;
        Diary = Preconditions.CheckNotNull(diary);
        ArgumentNullException.ThrowIfNull(sessionDates);
        SessionDates = [.. sessionDates];
        var problem = DateProblem(diary, SessionDates);
        Preconditions.CheckArgument(problem is null, nameof(sessionDates), problem!);
        Preconditions.CheckRange(cycleLengthDays >= WindowDays && cycleLengthDays <= 366, nameof(cycleLengthDays), cycleLengthDays, "A cycle lasts 28 to 366 days.");
        CycleLengthDays = cycleLengthDays;
        ResponderThreshold = responderThreshold;
        Baseline = diary.Summarize(SessionDates[0].AddDays(-WindowDays), SessionDates[0].AddDays(-1));
        var cycles = ImmutableArray.CreateBuilder<TreatmentCycle>(SessionDates.Length);
        for (var i = 0; i < SessionDates.Length; i++)
        {
            var start = SessionDates[i];
            var end = i + 1 < SessionDates.Length ? SessionDates[i + 1].AddDays(-1) : start.AddDays(cycleLengthDays - 1);
            var windowStart = end.AddDays(1 - WindowDays) < start ? start : end.AddDays(1 - WindowDays);
            cycles.Add(new TreatmentCycle(i + 1, start, end, diary.Summarize(windowStart, end), Baseline, responderThreshold, cycleLengthDays));
        }

        Cycles = cycles.MoveToImmutable();
    }

    /// <summary>Gets the diary.</summary>
    public HeadacheDiary Diary { get; }

    /// <summary>Gets the session dates.</summary>
    public ImmutableArray<DateOnly> SessionDates { get; }

    /// <summary>Gets the length of the last cycle in days.</summary>
    public int CycleLengthDays { get; }

    /// <summary>Gets the reduction from baseline that makes a responder.</summary>
    public ResponderThreshold ResponderThreshold { get; }

    /// <summary>Gets the baseline: the 28 days before the first session.</summary>
    public PeriodSummary Baseline { get; }

    /// <summary>Gets the cycles, one per session.</summary>
    public ImmutableArray<TreatmentCycle> Cycles { get; }

    /// <summary>Returns the whole periods that start on or after the first session and end within the diary.</summary>
    /// <param name="kind">28-day periods (counted from the first session) or calendar months.</param>
    /// <returns>The periods in date order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined.</exception>
    public ImmutableArray<PeriodSummary> PeriodsSinceFirstSession(PeriodKind kind)
    {
        var first = SessionDates[0];
        var builder = ImmutableArray.CreateBuilder<PeriodSummary>();
        switch (kind)
        {
            case PeriodKind.TwentyEightDays:
                for (var s = first; s.AddDays(WindowDays - 1) <= Diary.End; s = s.AddDays(WindowDays))
                {
                    builder.Add(Diary.Summarize(s, s.AddDays(WindowDays - 1)));
                }

                break;
            case PeriodKind.CalendarMonth:
                builder.AddRange(Diary.Periods(kind).Where(p => p.IsWithinDiary && p.Start >= first));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "A period kind is 28-day or calendar-month.");
        }

        return builder.ToImmutable();
    }

    /// <summary>Creates a course with the default cycle length and responder reduction from untrusted session dates; never throws for bad dates.</summary>
    /// <param name="diary">The diary, covering the baseline and the cycles.</param>
    /// <param name="sessionDates">The session dates.</param>
    /// <param name="course">The course when the dates are valid.</param>
    /// <param name="problem">When they are not, one sentence saying why: no sessions, dates not strictly increasing, or a first session on or before the diary start (no baseline).</param>
    /// <returns><see langword="true"/> when the course was created.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diary"/> or <paramref name="sessionDates"/> is <see langword="null"/>.</exception>
    public static bool TryCreate(HeadacheDiary diary, IEnumerable<DateOnly> sessionDates, [NotNullWhen(true)] out TreatmentCourse? course, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(sessionDates);
        var dates = sessionDates.ToArray();
        problem = DateProblem(diary, dates);
        course = problem is null ? new TreatmentCourse(diary, dates) : null;
        return course is not null;
    }

    private static string? DateProblem(HeadacheDiary diary, IReadOnlyList<DateOnly> dates)
    {
        if (dates.Count == 0)
        {
            return "A treatment course has at least one session.";
        }

        for (var i = 1; i < dates.Count; i++)
        {
            if (dates[i] <= dates[i - 1])
            {
                return string.Create(CultureInfo.InvariantCulture, $"Session dates must be strictly increasing: {dates[i]:yyyy-MM-dd} follows {dates[i - 1]:yyyy-MM-dd}.");
            }
        }

        return dates[0] > diary.Start
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"The first session ({dates[0]:yyyy-MM-dd}) must come after the diary start ({diary.Start:yyyy-MM-dd}) so that there is a baseline.");
    }
}

/// <summary>One treatment cycle: from a session to the day before the next, with its end-of-cycle headache days and response.</summary>
/// <remarks>Equality is by reference.</remarks>
public sealed class TreatmentCycle
{
    private readonly PeriodSummary baseline;

    internal TreatmentCycle(int number, DateOnly start, DateOnly end, PeriodSummary window, PeriodSummary baseline, ResponderThreshold responderThreshold, int intervalDays)
    {
        Number = number;
        Start = start;
        End = end;
        Window = window;
        this.baseline = baseline;
        IsComparable = window.LengthDays == baseline.LengthDays;
        IsShorterThanInterval = LengthDays < intervalDays;
        HeadacheDaysChange = window.HeadacheDays - baseline.HeadacheDays;
        Reduction = baseline.HeadacheDays == 0 || !IsComparable ? null : (baseline.HeadacheDays - window.HeadacheDays) / (decimal)baseline.HeadacheDays;
        Responder = ReductionAtLeast(responderThreshold);
    }

    /// <summary>Gets the length of the cycle in days.</summary>
    public int LengthDays => End.DayNumber - Start.DayNumber + 1;

    /// <summary>Gets a value indicating whether the end-of-cycle window is as long as the baseline (28 days), so the two can be compared; a shorter cycle is not assessable.</summary>
    public bool IsComparable { get; }

    /// <summary>Gets a value indicating whether the cycle is shorter than the retreatment interval (the next session came early; 84 days by default).</summary>
    public bool IsShorterThanInterval { get; }

    /// <summary>Gets why the cycle's response cannot be told from the data, or <see langword="null"/> when it can: a window shorter than the baseline's 28 days, no headache days at baseline, or too few recorded days to decide.</summary>
    public string? NotAssessableReason => Responder switch
    {
        CriterionOutcome.Met or CriterionOutcome.NotMet => null,
        _ when !IsComparable => $"the cycle is {LengthDays} days, shorter than the {baseline.LengthDays}-day window compared with the baseline: not assessable",
        CriterionOutcome.NotAssessed => "no headache days at baseline (or none recorded): nothing to reduce",
        _ => $"{Window.DaysRecorded} of {Window.LengthDays} days recorded in the window and {baseline.DaysRecorded} of {baseline.LengthDays} at baseline: unrecorded days could change the outcome, cannot tell",
    };

    /// <summary>Gets the cycle number, from 1.</summary>
    public int Number { get; }

    /// <summary>Gets the session date that starts the cycle.</summary>
    public DateOnly Start { get; }

    /// <summary>Gets the last day of the cycle.</summary>
    public DateOnly End { get; }

    /// <summary>Gets the last 28 days of the cycle (fewer when the cycle is shorter), as recorded.</summary>
    public PeriodSummary Window { get; }

    /// <summary>Gets the change in headache days from baseline to the end-of-cycle window, as recorded (negative is fewer).</summary>
    public int HeadacheDaysChange { get; }

    /// <summary>Gets the reduction from baseline as a fraction (0.5 is 50% fewer headache days), as recorded; <see langword="null"/> when the baseline has no headache days or the cycle is not comparable (shorter than the 28-day window).</summary>
    public decimal? Reduction { get; }

    /// <summary>Gets whether the cycle is a responder (reduction at least the course's responder threshold), allowing for unrecorded days.</summary>
    public CriterionOutcome Responder { get; }

    /// <summary>Returns whether the reduction from baseline meets <paramref name="threshold"/> (the comparison of <see cref="ResponderThreshold.IsMetBy"/>), allowing for unrecorded days in the baseline and the window.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>Met, not met, indeterminate, or not assessed when the baseline cannot have headache days or the cycle is shorter than the 28-day window.</returns>
    public CriterionOutcome ReductionAtLeast(ResponderThreshold threshold)
    {
        if (!IsComparable)
        {
            return CriterionOutcome.NotAssessed;
        }

        // Met when even the worst case (fewest baseline days, most days after) responds; not met when
        // even the best case (most baseline days, fewest after) does not.
        var (bLo, bHi) = (baseline.HeadacheDays, baseline.HeadacheDays + baseline.DaysUnrecorded);
        var (aLo, aHi) = (Window.HeadacheDays, Window.HeadacheDays + Window.DaysUnrecorded);
        if (bHi == 0)
        {
            return CriterionOutcome.NotAssessed;
        }

        return bLo > 0 && threshold.IsMetBy(bLo, aHi) ? CriterionOutcome.Met
            : !threshold.IsMetBy(bHi, aLo) ? CriterionOutcome.NotMet
            : CriterionOutcome.Indeterminate;
    }

    /// <summary>Returns whether the reduction from baseline falls short of <paramref name="threshold"/> (the complement of <see cref="ReductionAtLeast"/>).</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>Met, not met, indeterminate, or not assessed.</returns>
    public CriterionOutcome ReductionBelow(ResponderThreshold threshold) => ReductionAtLeast(threshold) switch
    {
        CriterionOutcome.Met => CriterionOutcome.NotMet,
        CriterionOutcome.NotMet => CriterionOutcome.Met,
        var other => other,
    };
}
