using System.Text;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Rules;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Reports;

/// <summary>
/// A one-document treatment report for the clinician and the payer (renewals, prior authorisations):
/// the ICHD-3, NICE TA260 and US-label verdicts with their numbers and sources, the diary chart, the
/// sessions with dose, lot, waste and billing codes, the response per cycle with the course chart,
/// the site map of the latest session with its rules overlay, the next eligible date and the
/// cumulative dose, the adverse events recorded after the sessions (the boxed warning's distant-spread
/// ones flagged with the clinician's acknowledgement, clinical-facts.md §2.1, S2) with the findings of the
/// rules <c>prior-distant-spread</c> and <c>prior-local-weakness</c>, and the decision-support notice.
/// </summary>
/// <remarks>
/// <para>Every verdict and number is computed by the library's own rules
/// (<see cref="ChronicMigraineCriteria"/>, <see cref="MedicationOveruseCriteria"/>, <see cref="NiceTa260"/>,
/// <see cref="UsLabel"/>, <see cref="TreatmentCourse"/>, <see cref="RuleSet.Default"/>); the report only
/// arranges them. <see cref="ToHtml"/> writes one self-contained HTML page (inline SVG and CSS, no
/// script, no link to anything outside it), laid out for A4 print; a PDF is that page printed by a
/// browser (the command line uses headless Chromium, docs/adr/0082).</para>
/// <para>The treatment course is drawn from the chronic-migraine sessions that fall inside the diary
/// (the history's and the latest session); sessions before the diary's first day have no baseline in
/// it, and the report says so.</para>
/// <para>Equality is by reference. Instances are immutable.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class TreatmentReport
{
    private TreatmentReport(TreatmentReportInput input)
    {
        Input = input;
        var diary = input.Diary;
        ChronicMigraine = ChronicMigraineCriteria.Evaluate(diary, input.DiaryPeriods);
        MedicationOveruse = MedicationOveruseCriteria.Evaluate(diary, input.Thresholds, input.DiaryPeriods);
        NiceStart = NiceTa260.Start(diary, input.Eligibility);
        UsIndication = UsLabel.Indication(diary, input.Eligibility);
        if (input.Session is { } session)
        {
            SessionReport = RuleSet.Default.Validate(input.Protocol, session, input.History);
        }

        var dates = input.History.Administrations.Where(a => a.IsChronicMigraine).Select(a => a.Date);
        if (input.Session is { } s && !input.History.Administrations.Any(a => a.Date == s.Date && a.IsChronicMigraine))
        {
            dates = dates.Append(s.Date);
        }

        var all = dates.Distinct().Order().ToList();
        SessionsBeforeDiary = [.. all.Where(d => d <= diary.Start)];
        var inDiary = all.Where(d => d > diary.Start && d <= diary.End).ToList();
        if (inDiary.Count > 0)
        {
            Course = new TreatmentCourse(diary, inDiary);
            Stopping = NiceTa260.Stopping(Course);
        }

        Date = input.Date ?? (input.Session is { } last && last.Date > diary.End ? last.Date : diary.End);
        if (SessionReport is { } r)
        {
            NextEligibleDate = r.NextEligibleDate;
            Cumulative = r.Cumulative;
        }
        else
        {
            // No session to validate: the same arithmetic as the rules, as a query (CumulativeDose, ADR 0090).
            var options = ValidationOptions.Default;
            if (input.History.NextEligibleDate(input.Protocol.RetreatmentIntervalDays) is { } interval)
            {
                NextEligibleDate = CumulativeDose.EarliestDate(input.History, input.Protocol.FixedUnits, interval, options);
            }

            var units = CumulativeDose.UnitsInWindow(input.History, Date, options);
            var start = options.CumulativePolicy == CumulativeWindowPolicy.TreatmentCycle ? Date.AddDays(1 - options.CumulativeCycleDays) : options.RollingWindowStart(Date);
            Cumulative = new CumulativeDoseSummary(options.CumulativePolicy, options.CumulativeLimit, start, units, options.RollingWindowStart(Date), input.History.UnitsBetween(options.RollingWindowStart(Date), Date));
        }
    }

    /// <summary>Gets what the report was made from.</summary>
    public TreatmentReportInput Input { get; }

    /// <summary>Gets the date the report is made on.</summary>
    public DateOnly Date { get; }

    /// <summary>Gets the ICHD-3 1.3 chronic migraine verdict (diary criteria A and C).</summary>
    public Verdict ChronicMigraine { get; }

    /// <summary>Gets the ICHD-3 8.2 medication-overuse verdict.</summary>
    public MedicationOveruseVerdict MedicationOveruse { get; }

    /// <summary>Gets the NICE TA260 1.1 start verdict.</summary>
    public Verdict NiceStart { get; }

    /// <summary>Gets the US-label indication verdict.</summary>
    public Verdict UsIndication { get; }

    /// <summary>Gets the rules report of the latest session, if a session was given.</summary>
    public ValidationReport? SessionReport { get; }

    /// <summary>Gets the treatment course over the chronic-migraine sessions inside the diary, if there are any.</summary>
    public TreatmentCourse? Course { get; }

    /// <summary>Gets the NICE TA260 1.2 stopping verdict on <see cref="Course"/>, if there is a course.</summary>
    public StoppingVerdict? Stopping { get; }

    /// <summary>Gets the chronic-migraine sessions on or before the diary's first day (no baseline for them in the diary).</summary>
    public IReadOnlyList<DateOnly> SessionsBeforeDiary { get; }

    /// <summary>Gets the earliest date for the next chronic-migraine session that satisfies both the retreatment interval and the cumulative limit (<see cref="ValidationReport.NextEligibleDate"/>, or <see cref="CumulativeDose.EarliestDate"/> for a protocol dose when no session was given); <see langword="null"/> when there has been no session, or the dose alone is over the limit.</summary>
    public DateOnly? NextEligibleDate { get; }

    /// <summary>Gets the cumulative dose across indications under the rules' policy (one treatment cycle by default, ADR 0090): the units, the limit and the headroom, up to the latest session (or up to <see cref="Date"/> from the history when no session was given).</summary>
    public CumulativeDoseSummary Cumulative { get; }

    /// <summary>Makes a report.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/>, its diary, history, protocol, eligibility, thresholds or text is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The patient reference is empty or white space, or longer than 64 characters.</exception>
    public static TreatmentReport Create(TreatmentReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Preconditions.CheckNotBlank(input.PatientReference, nameof(input));
        Preconditions.CheckArgument(input.PatientReference.Length <= 64, nameof(input), "A patient reference is an opaque id of at most 64 characters.");
        Preconditions.CheckNotNull(input.Diary, nameof(input));
        Preconditions.CheckNotNull(input.History, nameof(input));
        Preconditions.CheckNotNull(input.Protocol, nameof(input));
        Preconditions.CheckNotNull(input.Eligibility, nameof(input));
        Preconditions.CheckNotNull(input.Thresholds, nameof(input));
        Preconditions.CheckNotNull(input.Text, nameof(input));
        return new TreatmentReport(input);
    }

    /// <summary>Returns the report as one self-contained HTML page (UTF-8 text; inline SVG and CSS; no script and no external resource), laid out for A4.</summary>
    /// <returns>The HTML document.</returns>
    public string ToHtml()
    {
        var sb = new StringBuilder(256 * 1024);
        using (var writer = new StringWriter(sb, System.Globalization.CultureInfo.InvariantCulture))
        {
            WriteHtml(writer);
        }

        return sb.ToString();
    }

    /// <summary>Writes the report as HTML (see <see cref="ToHtml"/>).</summary>
    /// <param name="output">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public void WriteHtml(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        new TreatmentReportHtml(this).Write(output);
    }
}
