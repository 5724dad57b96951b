using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Localization;
using MigraineProtocol.Reports;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Reports;

/// <summary>The report's adverse events (issue 18): every event after the sessions with its details, the boxed-warning ones flagged with the clinician's acknowledgement, and the findings of the two safety rules; English and German.</summary>
public sealed partial class TreatmentReportAdverseEventTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "examples", name);

    private static readonly HeadacheDiary Diary = HeadacheDiaryCsv.Read(File.ReadAllText(Example("diary.csv")), "diary.csv");

    private static TreatmentReportInput Input(string history, string? session, ReportText text) => new()
    {
        PatientReference = "PT-0042",
        Diary = Diary,
        History = HistoryJson.Read(File.ReadAllText(Example(history)), history),
        Session = session is null ? null : SessionJson.Read(File.ReadAllText(Example(session)), session),
        Eligibility = new EligibilityInput(3, true, true),
        Text = text,
    };

    private static string Section(string html)
    {
        var m = Regex.Match(html, "<section class=\"keep\" id=\"adverse-events\">.*?</section>", RegexOptions.Singleline);
        Assert.True(m.Success, "the report has no adverse-events section");
        return m.Value;
    }

    [Fact]
    public void TheEventsAfterThePriorSessionsAreShownWithTheirDetailsAndTheAcknowledgement()
    {
        var html = TreatmentReport.Create(Input("history-with-events.json", "session-acknowledged.json", ReportText.English)).ToHtml();
        var section = Section(html);
        Assert.Contains("Adverse events after the sessions", section, StringComparison.Ordinal);
        Assert.Contains("<tr data-ae=\"neck-pain\" data-after=\"2025-09-08\" data-onset=\"2025-09-10\">", section, StringComparison.Ordinal);
        Assert.Contains("10 Sep 2025 · 6 days", section, StringComparison.Ordinal);
        Assert.Contains("mild, not serious", section, StringComparison.Ordinal);
        Assert.Contains("trapezius", section, StringComparison.Ordinal);
        Assert.Contains("frontalis-left-1", section, StringComparison.Ordinal);
        Assert.Contains("9 Dec 2025 · 5 days", section, StringComparison.Ordinal);

        // Only the distant-spread event carries the boxed-warning flag, with the session's acknowledgement.
        Assert.Single(Regex.Matches(section, "data-boxed=\"true\""));
        Assert.Contains("<tr data-ae=\"dysphagia\" data-after=\"2025-12-01\" data-onset=\"2025-12-09\" class=\"boxed\" data-boxed=\"true\">", section, StringComparison.Ordinal);
        Assert.Contains("<span data-ack=\"true\">acknowledged by the clinician for the session of 2 Mar 2026</span>", section, StringComparison.Ordinal);
        Assert.DoesNotContain("data-ack=\"false\"", section, StringComparison.Ordinal);

        // The rules' own findings: the acknowledged distant-spread event is a warning; ptosis names the frontal region; no dose.
        Assert.Contains("data-rule=\"prior-distant-spread\" data-severity=\"warning\"", section, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"prior-local-weakness\" data-severity=\"warning\"", section, StringComparison.Ordinal);
        Assert.Contains("the frontal region (frontalis, corrugator, procerus)", section, StringComparison.Ordinal);
        Assert.Contains("2 findings", section, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"\d+\s*U\b"), section);
        Assert.Contains("S2: US label (BOTOX), boxed warning", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheAcknowledgementTheDistantSpreadEventIsAnErrorAndSaysSo()
    {
        var input = Input("history-with-events.json", "session-valid.json", ReportText.English);
        var report = TreatmentReport.Create(input);
        var section = Section(report.ToHtml());
        Assert.Contains("<b data-ack=\"false\">not acknowledged for the session of 2 Mar 2026</b>", section, StringComparison.Ordinal);
        var error = Assert.Single(report.SessionReport!.Value.ViolationsOf(RuleId.PriorDistantSpread));
        Assert.True(error.IsError);
        Assert.Contains("data-rule=\"prior-distant-spread\" data-severity=\"error\"", section, StringComparison.Ordinal);
        Assert.Contains(HtmlText(error.Message), section, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGermanReportShowsTheEventsInGerman()
    {
        var section = Section(TreatmentReport.Create(Input("history-with-events.json", "session-acknowledged.json", ReportText.German)).ToHtml());
        foreach (var phrase in new[]
        {
            "Unerwünschte Ereignisse nach den Sitzungen", "Nackenschmerzen", "Dysphagie", "Ptosis des Augenlids", "10.09.2025 · 6 Tage", "leicht, nicht schwerwiegend",
            "mittelschwer, nicht schwerwiegend", "Ausbreitung der Toxinwirkung", "vom Arzt für die Sitzung am 02.03.2026 bestätigt", "Sicherheitsprüfungen für die Sitzung am 02.03.2026",
        })
        {
            Assert.Contains(phrase, section, StringComparison.Ordinal);
        }

        // The rules' messages stay English, marked as such.
        Assert.Contains("<span lang=\"en\">Acknowledged by the clinician for this session", section, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutEventsTheReportSaysSoAndThatTheChecksFoundNothing()
    {
        var section = Section(TreatmentReport.Create(Input("history.json", "session-valid.json", ReportText.English)).ToHtml());
        Assert.Contains(ReportText.English["report.ae.none"], section, StringComparison.Ordinal);
        Assert.Contains("0 findings", section, StringComparison.Ordinal);
        Assert.DoesNotContain("<li", section, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutASessionTheChecksAreNotRunAndTheBoxedEventAwaitsTheNextSession()
    {
        var section = Section(TreatmentReport.Create(Input("history-with-events.json", null, ReportText.English)).ToHtml());
        Assert.Contains(ReportText.English["report.ae.no-checks"], section, StringComparison.Ordinal);
        Assert.Contains("<span data-ack=\"pending\">to be reviewed before the next session</span>", section, StringComparison.Ordinal);
        Assert.DoesNotContain("data-rule=", section, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLatestSessionsOwnEventsAreShownAfterIt()
    {
        var input = Input("history.json", "session-valid.json", ReportText.English);
        var session = input.Session!;
        var other = AdverseEvent.Other("Skin <tightness> & \"rash\"", session.Date.AddDays(2), null, AdverseEventSeverity.Severe, serious: true);
        var section = Section(TreatmentReport.Create(new TreatmentReportInput
        {
            PatientReference = input.PatientReference, Diary = input.Diary, History = input.History, Eligibility = input.Eligibility,
            Session = session.WithAdverseEvents([other, AdverseEvent.Ongoing(AdverseEventTerm.Diplopia, session.Date.AddDays(3), AdverseEventSeverity.Mild)]),
        }).ToHtml());
        Assert.Contains("<tr data-ae=\"other\" data-after=\"2026-03-02\" data-onset=\"2026-03-04\">", section, StringComparison.Ordinal);
        Assert.Contains("Skin &lt;tightness&gt; &amp; &quot;rash&quot;", section, StringComparison.Ordinal);
        Assert.Contains("4 Mar 2026 · ongoing", section, StringComparison.Ordinal);
        Assert.Contains("<b>severe, serious</b>", section, StringComparison.Ordinal);
        Assert.Contains("<span data-ack=\"pending\">to be reviewed before the next session</span>", section, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public void TheDocumentedExampleWithEventsIsWhatTheLibraryWritesToday(string language)
    {
        Assert.True(ReportText.TryGet(language, out var text));
        var path = Path.Combine(MigraineProtocol.Tests.Architecture.LayeringTests.RepositoryRoot(), "docs", "report", $"report-example-events-{language}.html");
        Assert.True(
            File.ReadAllText(path) == TreatmentReport.Create(Input("history-with-events.json", "session-acknowledged.json", text)).ToHtml(),
            $"{path} is out of date: regenerate it with eng/regenerate-report-examples.sh.");
    }

    /// <summary>Law: every adverse event of the history (and of the latest session) has its own row, with its term, the administration it followed and its onset; no other row is drawn.</summary>
    [Property(MaxTest = 40)]
    public Property EveryEventInTheHistoryAppears() =>
        Prop.ForAll(SessionArbitraries.Histories(), Gen.Elements(ReportText.English, ReportText.German).ToArbitrary(), (history, text) =>
        {
            var html = TreatmentReport.Create(new TreatmentReportInput { PatientReference = "P", Diary = Diary, History = history, Text = text }).ToHtml();
            var rows = Regex.Matches(html, "<tr data-ae=\"(?<code>[a-z-]+)\" data-after=\"(?<after>[0-9-]+)\" data-onset=\"(?<onset>[0-9-]+)\"").Select(m => (m.Groups["code"].Value, m.Groups["after"].Value, m.Groups["onset"].Value)).ToList();
            var expected = history.Administrations.OrderBy(a => a.Date)
                .SelectMany(a => a.AdverseEvents.Select(e => (AdverseEventTerms.Code(e.Term), Iso(a.Date), Iso(e.Onset)))).ToList();
            Assert.Equal(expected, rows);
            foreach (var e in history.Administrations.SelectMany(a => a.AdverseEvents))
            {
                var term = e.OtherText is { } other ? HtmlText(other) : text["ae.term." + AdverseEventTerms.Code(e.Term)];
                Assert.Contains(term, html, StringComparison.Ordinal);
            }

            Assert.Equal(history.Administrations.Sum(a => a.AdverseEvents.Count(e => AdverseEventTerms.IsDistantSpread(e.Term))), Regex.Count(html, "data-boxed=\"true\""));
            if (expected.Count == 0)
            {
                Assert.Contains(text["report.ae.none"], html, StringComparison.Ordinal);
            }
        });

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string HtmlText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
