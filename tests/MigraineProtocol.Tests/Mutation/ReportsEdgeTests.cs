using System.Text.RegularExpressions;
using MigraineProtocol.Definitions;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Dosing;
using MigraineProtocol.Localization;
using MigraineProtocol.Reports;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;
using MigraineProtocol.Tests.Diaries;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The edges of the clinician report that mutation testing (docs/quality.md, "Mutation testing") showed no
/// other test pinned: the argument checks (the 64-character patient reference at 64 and 65), which sessions
/// fall before or inside the diary at its first and last day, the cumulative window start without a session,
/// and the HTML text for no sessions, no reconciliation, overused classes, adverse events (one day or several;
/// error or warning), the product and lot, whole and fractional units, the glance table's odd cell, the
/// stopping decisions, the requirement signs, the recorded-days note and the sources; English and German.
/// </summary>
public sealed partial class ReportsEdgeTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "examples", name);

    private static readonly HeadacheDiary ExampleDiary = HeadacheDiaryCsv.Read(File.ReadAllText(Example("diary.csv")), "diary.csv");

    /// <summary>Three fully recorded 28-day periods from 2026-01-05 (to 2026-03-29).</summary>
    private static readonly HeadacheDiary Diary = TestDiaries.Periodic(3, 16, 9);

    private static TreatmentHistory History(params DateOnly[] dates) =>
        new(dates.Select(d => new Administration(d, ToxinUnits.FromUnits(155), "chronic-migraine")));

    private static TreatmentSession Session(DateOnly date) => TreatmentSession.FromProtocol(KnownProtocols.Preempt, date);

    private static TreatmentReport Report(HeadacheDiary diary, TreatmentHistory? history = null, TreatmentSession? session = null, ReportText? text = null) =>
        TreatmentReport.Create(new TreatmentReportInput
        {
            PatientReference = "P-1",
            Diary = diary,
            History = history ?? TreatmentHistory.Empty,
            Session = session,
            Text = text ?? ReportText.English,
        });

    private static string Html(HeadacheDiary diary, TreatmentHistory? history = null, TreatmentSession? session = null, ReportText? text = null) =>
        Report(diary, history, session, text).ToHtml();

    private static string Part(string html, string pattern)
    {
        var m = Regex.Match(html, pattern, RegexOptions.Singleline);
        Assert.True(m.Success, $"the report has no part matching {pattern}");
        return m.Value;
    }

    private static string Glance(string html) => Part(html, "<section class=\"keep\" id=\"glance\">.*?</section>");

    private static string Sessions(string html) => Part(html, "<section class=\"keep\" id=\"sessions\">.*?</section>");

    private static string Sources(string html) => Part(html, "<section id=\"sources\">.*?</section>");

    private static string AdverseEvents(string html) => Part(html, "<section class=\"keep\" id=\"adverse-events\">.*?</section>");

    // ---- argument checks ----------------------------------------------------------------------------------

    [Fact]
    public void ANullInputOrWriterIsNamed()
    {
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => TreatmentReport.Create(null!)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => Report(Diary).WriteHtml(null!)).ParamName);
    }

    [Theory]
    [InlineData("diary")]
    [InlineData("history")]
    [InlineData("protocol")]
    [InlineData("eligibility")]
    [InlineData("thresholds")]
    [InlineData("text")]
    public void EachMissingPartOfTheInputIsRejectedAsTheInput(string missing)
    {
        var input = new TreatmentReportInput
        {
            PatientReference = "P-1",
            Diary = missing == "diary" ? null! : Diary,
            History = missing == "history" ? null! : TreatmentHistory.Empty,
            Protocol = missing == "protocol" ? null! : KnownProtocols.Preempt,
            Eligibility = missing == "eligibility" ? null! : new EligibilityInput(null),
            Thresholds = missing == "thresholds" ? null! : MedicationOveruseThresholds.Verified,
            Text = missing == "text" ? null! : ReportText.English,
        };
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => TreatmentReport.Create(input)).ParamName);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void ThePatientReferenceIsAtMost64Characters(int length, bool accepted)
    {
        var input = new TreatmentReportInput { PatientReference = new string('p', length), Diary = Diary };
        if (accepted)
        {
            Assert.Contains(new string('p', length), TreatmentReport.Create(input).ToHtml(), StringComparison.Ordinal);
            return;
        }

        var e = Assert.Throws<ArgumentException>(() => TreatmentReport.Create(input));
        Assert.Equal("input", e.ParamName);
        Assert.Contains("at most 64 characters", e.Message, StringComparison.Ordinal);
    }

    // ---- which sessions fall before or inside the diary ----------------------------------------------------

    [Theory]
    [InlineData(-1, "before")]
    [InlineData(0, "before")] // on the diary's first day: no baseline before it
    [InlineData(1, "inside")]
    [InlineData(83, "inside")] // the diary's last day
    [InlineData(84, "after")]
    public void ASessionIsBeforeOrInsideTheDiaryAtItsExactEnds(int offset, string where)
    {
        var date = Diary.Start.AddDays(offset);
        Assert.Equal(Diary.Start.AddDays(83), Diary.End);
        var report = Report(Diary, History(date));
        Assert.Equal(where == "before" ? [date] : [], report.SessionsBeforeDiary);
        Assert.Equal(where == "inside" ? [date] : null, report.Course?.SessionDates.ToArray());
        var html = report.ToHtml();
        Assert.Equal(where == "before", html.Contains("were on or before the diary start", StringComparison.Ordinal));
    }

    [Fact]
    public void TheLatestSessionAloneMakesTheCourse()
    {
        // No history at all: the session is the only one, and the course starts with it.
        var date = Diary.Start.AddDays(28);
        var report = Report(Diary, session: Session(date));
        Assert.Equal([date], report.Course!.SessionDates);
        Assert.Empty(report.SessionsBeforeDiary);
    }

    // ---- the cumulative window without a session ------------------------------------------------------------

    [Fact]
    public void WithoutASessionTheCumulativeWindowIsOneTreatmentCycleToTheReportDate()
    {
        var options = ValidationOptions.Default;
        var report = Report(Diary, History(Diary.Start.AddDays(10)));
        Assert.Equal(Diary.End, report.Date);
        Assert.Equal(CumulativeWindowPolicy.TreatmentCycle, report.Cumulative.Policy);
        Assert.Equal(report.Date.AddDays(1 - options.CumulativeCycleDays), report.Cumulative.WindowStart);
        Assert.NotEqual(options.RollingWindowStart(report.Date), report.Cumulative.WindowStart);
        Assert.Equal(options.RollingWindowStart(report.Date), report.Cumulative.RollingWindowStart);
    }

    // ---- the sessions section ------------------------------------------------------------------------------

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, false)]
    public void NoSessionsIsSaidOnlyWhenThereIsNoneAtAll(bool history, bool session, bool said)
    {
        var html = Html(Diary, history ? History(Diary.Start.AddDays(10)) : null, session ? Session(Diary.Start.AddDays(100)) : null);
        Assert.Equal(said, Sessions(html).Contains("<p>No sessions recorded.</p>", StringComparison.Ordinal));
    }

    [Fact]
    public void ASessionIsListedOnceWhenTheHistoryAlsoHoldsIt()
    {
        var date = Diary.Start.AddDays(28);
        var html = Html(Diary, History(date, date.AddDays(-90)), Session(date));
        var sessions = Sessions(html);
        Assert.Single(Regex.Matches(sessions, $"data-session=\"{date:yyyy-MM-dd}\""));
        Assert.Contains($"data-session=\"{date:yyyy-MM-dd}\" data-latest=\"true\"", sessions, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(sessions, $"data-session=\"{date.AddDays(-90):yyyy-MM-dd}\""));
    }

    [Fact]
    public void ASessionWithoutReconstitutionSaysItsWasteAndCodesCannotBeComputed()
    {
        const string Note = "<p class=\"note\">The session does not record its reconstitution";
        Assert.Contains(Note, Sessions(Html(Diary, session: Session(Diary.Start.AddDays(28)))), StringComparison.Ordinal);
        var valid = SessionJson.Read(File.ReadAllText(Example("session-valid.json")), "session-valid.json");
        Assert.DoesNotContain(Note, Sessions(Html(ExampleDiary, session: valid)), StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidSessionIsCalledInvalidWithItsCounts()
    {
        var invalid = SessionJson.Read(File.ReadAllText(Example("session-invalid.json")), "session-invalid.json");
        var report = Report(ExampleDiary, session: invalid);
        Assert.False(report.SessionReport!.Value.IsValid);
        var rules = Part(report.ToHtml(), "<p data-item=\"session-rules\">.*?</p>");
        Assert.Contains($"invalid ({report.SessionReport.Value.ErrorCount} errors, ", rules, StringComparison.Ordinal);
        Assert.DoesNotContain(": valid (", rules, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "not recorded (cannot tell)", "—")]
    [InlineData(null, "L1", "not recorded (cannot tell)", "L1")]
    [InlineData("BOTOX", "L1", "BOTOX: onabotulinumtoxinA", "BOTOX L1")]
    [InlineData("Mystery", null, "Mystery: not onabotulinumtoxinA (units not interchangeable; no J0585)", "—")]
    public void TheProductAndLotAreShownAsRecorded(string? product, string? lot, string productText, string lotCell)
    {
        var s = Session(Diary.Start.AddDays(28));
        s = new TreatmentSession(s.Date, s.Injections, product, lot);
        var html = Html(Diary, session: s);
        Assert.Contains($"<p data-item=\"product\">Product of the latest session: <b>{productText}</b>", html, StringComparison.Ordinal);
        var dash = ReportText.English["report.not-recorded"];
        var row = Part(Sessions(html), "<tr data-session=\"[^\"]*\" data-latest=\"true\">.*?</tr>");
        var cells = Regex.Matches(row, "<td[^>]*>(.*?)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(lotCell == "—" ? dash : lotCell, cells[4]);
    }

    [Theory]
    [InlineData(155, "155 U")]
    [InlineData(155.5, "155.50 U")]
    [InlineData(12.25, "12.25 U")]
    public void UnitsAreWholeOrShownWithTwoDecimals(double units, string shown)
    {
        var history = new TreatmentHistory([new Administration(Diary.Start.AddDays(10), ToxinUnits.FromUnits((decimal)units), "chronic-migraine")]);
        var row = Part(Sessions(Html(Diary, history)), "<tr data-session=.*?</tr>");
        Assert.Contains($"<td class=\"num\">{shown}</td>", row, StringComparison.Ordinal);
    }

    [Fact]
    public void FractionalBillingQuantitiesKeepTheirDecimals()
    {
        // One site at 5.5 U instead of 5 U: 155.5 U billed, 44.5 U wasted from two 100 U vials.
        var valid = SessionJson.Read(File.ReadAllText(Example("session-valid.json")), "session-valid.json");
        var first = valid.Injections[0];
        var session = valid.WithInjections([new Injection(first.Site, ToxinUnits.FromUnits(5.5m)), .. valid.Injections.Skip(1)]);
        var row = Part(Sessions(Html(ExampleDiary, session: session)), "<tr data-session=\"[^\"]*\" data-latest=\"true\">.*?</tr>");
        Assert.Contains("<td>64615 × 1, J0585 × 155.50, J0585-JW × 44.50</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">155.50 U</td>", row, StringComparison.Ordinal);
    }

    // ---- the glance table ------------------------------------------------------------------------------------

    [Fact]
    public void TheGlanceTableClosesItsOddRowWithEmptyCells()
    {
        // No course: four verdicts, overused classes, next date, cumulative = 7 cells, the last row half empty.
        var odd = Glance(Html(Diary));
        Assert.Contains("<td></td><td></td></tr>\n</tbody>", odd, StringComparison.Ordinal);
        Assert.Equal(Regex.Count(odd, "<tr>"), Regex.Count(odd, "</tr>"));
        Assert.Equal(4, Regex.Count(odd, "<tr>"));

        // A course adds the stopping verdict: 8 cells, 4 full rows.
        var even = Glance(Html(Diary, History(Diary.Start.AddDays(28))));
        Assert.DoesNotContain("<td></td>", even, StringComparison.Ordinal);
        Assert.Equal(Regex.Count(even, "<tr>"), Regex.Count(even, "</tr>"));
        Assert.Equal(4, Regex.Count(even, "<tr>"));
    }

    [Theory]
    [InlineData("en", false, "none")]
    [InlineData("de", false, "keine")]
    [InlineData("en", true, "Triptans, Non-opioid analgesics")]
    [InlineData("de", true, "Triptane, Nicht-Opioid-Analgetika")]
    public void TheOverusedClassesAreNoneOrListed(string language, bool overuse, string shown)
    {
        Assert.True(ReportText.TryGet(language, out var text));
        var diary = overuse
            ? TestDiaries.Periodic(4, 20, 10, 16, AcuteMedicationSet.Of(AcuteMedicationClass.Triptan, AcuteMedicationClass.SimpleAnalgesic))
            : Diary;
        var glance = Glance(Html(diary, text: text));
        Assert.Contains($"<td data-item=\"overused-classes\">{shown}</td>", glance, StringComparison.Ordinal);
    }

    // ---- the criteria -------------------------------------------------------------------------------------

    [Fact]
    public void RequirementsUseTheMathematicalSignsAndFullyRecordedPeriodsHaveNoRecordedNote()
    {
        var html = Html(Diary);
        Assert.Contains("(≥ 15)", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">= ", Part(html, "<section id=\"criteria\">.*?</section>"), StringComparison.Ordinal);

        // Every day of every period recorded: no "recorded n/m" note anywhere.
        Assert.DoesNotContain("<span class=\"note\">recorded ", html, StringComparison.Ordinal);

        // The example diary misses days: the note is there.
        Assert.Contains("<span class=\"note\">recorded 29/30</span>", Html(ExampleDiary), StringComparison.Ordinal);
    }

    [Fact]
    public void TheVerdictRowsNameTheirPeriods()
    {
        var html = Html(Diary);
        var row = Part(html, "<tr class=\"verdict-row\" data-verdict=\"ichd3-1.3-chronic-migraine\">.*?</tr>");
        Assert.Contains("<span class=\"note\"> · periods 5 Jan 2026 to 29 Mar 2026</span>", row, StringComparison.Ordinal);
    }

    // ---- the course and stopping -----------------------------------------------------------------------------

    [Theory]
    [InlineData(16, StoppingDecision.Continue, "continue (no stopping rule applies)", "0.3333")]
    [InlineData(24, StoppingDecision.StopForNonResponse, "stopping rule met: less than 30% fewer headache days after 2 cycles", "0")]
    public void TheStoppingDecisionIsWrittenOut(int after, StoppingDecision decision, string shown, string reduction)
    {
        // 24 headache days in the baseline window, then `after` days per window over two 84-day cycles.
        var diary = TestDiaries.Windows(24, after, after, after, after, after, after, after);
        var report = Report(diary, History(diary.Start.AddDays(28), diary.Start.AddDays(28 + 84)));
        Assert.Equal(decision, report.Stopping!.Decision);
        var html = report.ToHtml();
        Assert.Contains($"<b>{shown}</b></p>", Part(html, "<p data-item=\"stopping-decision\">.*?</p>"), StringComparison.Ordinal);
        Assert.Contains($"<td data-item=\"nice-ta260-stop\">{shown}</td>", Glance(html), StringComparison.Ordinal);

        // The figures: the cycle number, a fraction with four decimals, the requirement signs.
        var stop = Part(html, "<div class=\"stop\">.*?</div>");
        Assert.Contains($"headache days, end of cycle 2: <b>{after}</b> (≤ 70% of baseline to continue)", stop, StringComparison.Ordinal);
        Assert.Contains($"reduction from baseline: <b>{reduction}</b>", stop, StringComparison.Ordinal);
        Assert.Contains("(&lt; 15)", stop, StringComparison.Ordinal);

        // The verdict row spans the periods whose figures have both a start and recorded days.
        Assert.Contains("<span class=\"note\"> · periods 5 Jan 2026 to 31 Jul 2026</span>", Part(stop, "<tr class=\"verdict-row\".*?</tr>"), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyClassesNeverTakenShareTheNotTakenRow()
    {
        // Opioids on 3 days of the first period only: not met, but taken, so a row of its own.
        var diary = TestDiaries.Make(112, (i, date) => new DiaryDay(date, i % 28 < 16, i % 28 < 9, i < 3 ? AcuteMedicationSet.Of(AcuteMedicationClass.Opioid) : AcuteMedicationSet.None));
        var html = Html(diary);
        Assert.Contains("<tr data-criterion=\"ichd3-8.2-opioid\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-criterion=\"ichd3-8.2-triptan ichd3-8.2-ergot ichd3-8.2-simple-analgesic ichd3-8.2-combination-analgesic\">", html, StringComparison.Ordinal);
        Assert.Contains("Opioids days: <b>3, 0, 0, 0</b>", html, StringComparison.Ordinal);
    }

    // ---- adverse events ----------------------------------------------------------------------------------

    [Theory]
    [InlineData(1, "en", "1 day")]
    [InlineData(2, "en", "2 days")]
    [InlineData(1, "de", "1 Tag")]
    [InlineData(2, "de", "2 Tage")]
    public void AnEventLastingOneDaySaysDay(int days, string language, string shown)
    {
        Assert.True(ReportText.TryGet(language, out var text));
        var a = Diary.Start.AddDays(10);
        var history = new TreatmentHistory([new Administration(a, ToxinUnits.FromUnits(155), "chronic-migraine").WithAdverseEvents([AdverseEvent.Resolved(AdverseEventTerm.NeckPain, a.AddDays(2), days, AdverseEventSeverity.Mild)])]);
        var section = AdverseEvents(Html(Diary, history, text: text));
        Assert.Contains($" · {shown}</td>", section, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("session-valid.json", "Error", "error")]
    [InlineData("session-acknowledged.json", "Warning", "warning")]
    public void TheDistantSpreadFindingIsLabelledErrorOrWarning(string session, string label, string severity)
    {
        var html = TreatmentReport.Create(new TreatmentReportInput
        {
            PatientReference = "P-1",
            Diary = ExampleDiary,
            History = HistoryJson.Read(File.ReadAllText(Example("history-with-events.json")), "history-with-events.json"),
            Session = SessionJson.Read(File.ReadAllText(Example(session)), session),
        }).ToHtml();
        Assert.Contains($"<li data-rule=\"prior-distant-spread\" data-severity=\"{severity}\"><b>{label}</b> <code>prior-distant-spread</code>", AdverseEvents(html), StringComparison.Ordinal);
    }

    [Fact]
    public void AnEventRecordedForTheSessionAndItsHistoryEntryIsShownOnce()
    {
        var date = Diary.Start.AddDays(28);
        var e = AdverseEvent.Resolved(AdverseEventTerm.NeckPain, date.AddDays(2), 3, AdverseEventSeverity.Mild);
        var history = new TreatmentHistory([new Administration(date, ToxinUnits.FromUnits(155), "chronic-migraine").WithAdverseEvents([e])]);
        var session = Session(date).WithAdverseEvents([e]);
        Assert.Single(Regex.Matches(AdverseEvents(Html(Diary, history, session)), "<tr data-ae=\"neck-pain\""));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void TheBoxedWarningSourceIsListedWhenThereAreEventsEvenWithoutASession(bool events, bool listed)
    {
        var a = Diary.Start.AddDays(10);
        var administration = new Administration(a, ToxinUnits.FromUnits(155), "chronic-migraine");
        if (events)
        {
            administration = administration.WithAdverseEvents([AdverseEvent.Resolved(AdverseEventTerm.NeckPain, a.AddDays(2), 3, AdverseEventSeverity.Mild)]);
        }

        var sources = Sources(Html(Diary, new TreatmentHistory([administration])));
        Assert.Equal(listed, sources.Contains($"{RuleSources.DistantSpread.Source}: ", StringComparison.Ordinal));
        Assert.Equal(listed, sources.Contains($"{RuleSources.LocalWeakness.Source}: ", StringComparison.Ordinal));
    }
}
