using System.Collections.Immutable;
using System.Globalization;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Fhir.Diaries;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.CdsHooks.Cards;

/// <summary>The outcome of the diary check on the periods the EHR holds.</summary>
internal enum DiaryOutcome
{
    /// <summary>No diary period to judge from.</summary>
    NoData,

    /// <summary>NICE TA260 1.1 frequency criteria met (not yet treated).</summary>
    StartMet,

    /// <summary>NICE TA260 1.1 frequency criteria not met (not yet treated).</summary>
    StartNotMet,

    /// <summary>Treated; neither NICE TA260 1.2 stopping rule is met.</summary>
    Continue,

    /// <summary>Treated; less than a 30% reduction after 2 cycles.</summary>
    StopNonResponse,

    /// <summary>Treated; fewer than 15 headache days in each of 3 consecutive periods.</summary>
    StopEpisodic,

    /// <summary>The periods cannot tell (unrecorded days, missing periods).</summary>
    CannotTell,
}

/// <summary>A diary verdict with its reasons in markdown and its source.</summary>
internal sealed record DiaryFinding(DiaryOutcome Outcome, string Headline, string Detail, Citation Source);

/// <summary>
/// NICE TA260 (clinical-facts.md §4, S9, VERIFIED) on the diary-period counts the Fhir package writes as
/// Observations: the start frequency criteria (1.1: >= 15 headache days, of which >= 8 with migraine, in the
/// latest period) before the first session, the stopping rules (1.2) after it. A period with unrecorded days
/// that could change the outcome gives "cannot tell", never a number it does not have.
/// </summary>
internal static class DiaryFindings
{
    public static readonly Citation NiceStart = new("S9", "NICE TA260 recommendation 1.1 (clinical-facts.md §4)", VerificationLevel.Verified);
    public static readonly Citation NiceStop = new("S9", "NICE TA260 recommendation 1.2 (clinical-facts.md §4)", VerificationLevel.Verified);

    // The numbers are the core library's, each cited once there (ClinicalDayCounts, NiceTa260).
    private static int HeadacheDays => NiceTa260.HeadacheDaysPerMonth;
    private static int MigraineDays => NiceTa260.MigraineDaysPerMonth;
    private static ResponderThreshold NonResponseReduction => NiceTa260.NonResponseReduction;
    private static int EpisodicPeriods => NiceTa260.EpisodicConsecutiveMonths;

    public static DiaryFinding Evaluate(ImmutableArray<DiaryPeriodCounts> periods, TreatmentHistory history, DateOnly asOf)
    {
        var done = periods.Where(p => p.End <= asOf).OrderBy(p => p.Start).ToList();
        var sessions = history.Administrations.Where(a => a.IsChronicMigraine && a.Date <= asOf).Select(a => a.Date).Distinct().ToList();
        if (done.Count == 0)
        {
            return new DiaryFinding(DiaryOutcome.NoData, "no diary period", "No complete diary period is recorded.", sessions.Count == 0 ? NiceStart : NiceStop);
        }

        return sessions.Count == 0 ? Start(done[^1]) : Stop(done, sessions);
    }

    private static DiaryFinding Start(DiaryPeriodCounts p)
    {
        var unrecorded = p.LengthDays - p.DaysRecorded;
        var figures = $"{Span(p)}: {p.HeadacheDays} headache days, {p.MigraineDays} with migraine, {p.DaysRecorded} of {p.LengthDays} days recorded";
        var met = p.HeadacheDays >= HeadacheDays && p.MigraineDays >= MigraineDays;
        var notMet = p.HeadacheDays + unrecorded < HeadacheDays || p.MigraineDays + unrecorded < MigraineDays;
        var criteria = $"NICE TA260 1.1 frequency criteria: headaches on >= {HeadacheDays} days per month, of which >= {MigraineDays} with migraine (latest period). The preventive-medicine history, medication-overuse management and age are for the clinician to confirm.";
        return met
            ? new DiaryFinding(DiaryOutcome.StartMet, "NICE start frequency criteria met", $"{criteria}\n\n- {figures}: criteria met.", NiceStart)
            : notMet
                ? new DiaryFinding(DiaryOutcome.StartNotMet, "NICE start frequency criteria not met", $"{criteria}\n\n- {figures}: criteria not met.", NiceStart)
                : new DiaryFinding(DiaryOutcome.CannotTell, "NICE start criteria: cannot tell", $"{criteria}\n\n- {figures}: cannot tell, the {unrecorded} unrecorded days could change the outcome.", NiceStart);
    }

    private static DiaryFinding Stop(List<DiaryPeriodCounts> done, List<DateOnly> sessions)
    {
        var lines = new List<string>();
        var nonResponse = NonResponse(done, sessions, lines);
        var episodic = Episodic(done, sessions[0], lines);
        var rules = "NICE TA260 1.2 stopping rules: less than a 30% reduction in headache days after 2 treatment cycles, or fewer than 15 headache days per month for 3 consecutive months.";
        var detail = rules + "\n\n" + string.Join("\n", lines.Select(l => "- " + l));
        return (nonResponse, episodic) switch
        {
            (true, _) => new DiaryFinding(DiaryOutcome.StopNonResponse, "NICE stopping rule met: less than a 30% reduction after 2 cycles", detail, NiceStop),
            (_, true) => new DiaryFinding(DiaryOutcome.StopEpisodic, "NICE stopping rule met: under 15 headache days for 3 periods", detail, NiceStop),
            (false, false) => new DiaryFinding(DiaryOutcome.Continue, "NICE stopping rules not met", detail, NiceStop),
            _ => new DiaryFinding(DiaryOutcome.CannotTell, "NICE stopping rules: cannot tell", detail, NiceStop),
        };
    }

    /// <summary>Returns true (met), false (not met) or null (cannot tell) for the 30% rule: the latest period before the first session against the latest period within the second cycle, per 28 days, both fully recorded.</summary>
    private static bool? NonResponse(List<DiaryPeriodCounts> done, List<DateOnly> sessions, List<string> lines)
    {
        if (sessions.Count < 2)
        {
            lines.Add($"Response: not assessed, {sessions.Count} treatment cycle started; it is judged after 2.");
            return false;
        }

        var baseline = done.LastOrDefault(p => p.End < sessions[0]);
        var secondEnd = sessions.Count > 2 ? sessions[2] : DateOnly.MaxValue;
        var after = done.LastOrDefault(p => p.Start >= sessions[1] && p.End < secondEnd);
        if (baseline is null || after is null)
        {
            lines.Add($"Response: cannot tell, no diary period {(baseline is null ? "before the first session" : "within the second cycle")}.");
            return null;
        }

        if (baseline.DaysRecorded < baseline.LengthDays || after.DaysRecorded < after.LengthDays)
        {
            lines.Add($"Response: cannot tell, unrecorded days in {Span(baseline)} (baseline, {baseline.DaysRecorded} of {baseline.LengthDays} recorded) or {Span(after)} ({after.DaysRecorded} of {after.LengthDays}).");
            return null;
        }

        var before = baseline.HeadacheDays * 28m / baseline.LengthDays;
        var now = after.HeadacheDays * 28m / after.LengthDays;
        if (before == 0)
        {
            lines.Add($"Response: not assessed, no headache days in the baseline period {Span(baseline)}.");
            return false;
        }

        var reduction = (before - now) / before;
        var nonResponse = !NonResponseReduction.IsMetBy((double)before, (double)now);
        var pct = decimal.Round(reduction * 100, 0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
        lines.Add($"Response: {baseline.HeadacheDays} headache days in {Span(baseline)} (baseline), {after.HeadacheDays} in {Span(after)} (cycle 2); per 28 days a {pct}% reduction ({(nonResponse ? "under" : "at least")} {NonResponseReduction.Percent.ToString("0", CultureInfo.InvariantCulture)}%).");
        return nonResponse;
    }

    private static bool? Episodic(List<DiaryPeriodCounts> done, DateOnly first, List<string> lines)
    {
        var since = done.Where(p => p.Start >= first).ToList();
        var latest = since.Skip(Math.Max(0, since.Count - EpisodicPeriods)).ToList();
        if (latest.Count < EpisodicPeriods)
        {
            lines.Add($"Episodic: not met, {latest.Count} whole diary period(s) since the first session; {EpisodicPeriods} consecutive are needed.");
            return false;
        }

        var parts = latest.Select(p => $"{p.HeadacheDays} in {Span(p)}" + (p.DaysRecorded < p.LengthDays ? $" ({p.LengthDays - p.DaysRecorded} days unrecorded)" : string.Empty));
        bool? outcome = latest.Any(p => p.HeadacheDays >= HeadacheDays) ? false
            : latest.All(p => p.HeadacheDays + (p.LengthDays - p.DaysRecorded) < HeadacheDays) ? true
            : null;
        var verdict = outcome switch { true => "met", false => "not met", _ => "cannot tell, unrecorded days could change it" };
        lines.Add($"Episodic: headache days {string.Join(", ", parts)}: {verdict}.");
        return outcome;
    }

    private static string Span(DiaryPeriodCounts p) => $"{Iso(p.Start)} to {Iso(p.End)}";

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
