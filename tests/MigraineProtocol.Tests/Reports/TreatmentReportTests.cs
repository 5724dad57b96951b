using System.Text.RegularExpressions;
using System.Xml.Linq;
using MigraineProtocol.Charts;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Localization;
using MigraineProtocol.Reports;
using MigraineProtocol.Serialization;
using MigraineProtocol.Tests.Cli;
using MigraineProtocol.Tests.Diaries;

namespace MigraineProtocol.Tests.Reports;

/// <summary>The treatment report: self-contained HTML (no script, nothing fetched), every verdict with its numbers, the charts inline, German with the ICHD-3 German terms; and the report command.</summary>
public partial class TreatmentReportTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "examples", name);

    private static TreatmentReportInput ExampleInput(ReportText text) => new()
    {
        PatientReference = "PT-0042",
        Diary = HeadacheDiaryCsv.Read(File.ReadAllText(Example("diary.csv")), "diary.csv"),
        History = HistoryJson.Read(File.ReadAllText(Example("history.json")), "history.json"),
        Session = SessionJson.Read(File.ReadAllText(Example("session-valid.json")), "session-valid.json"),
        Eligibility = new EligibilityInput(3, true, true),
        Text = text,
    };

    [GeneratedRegex("""(?:src|href)\s*=|<script|<link|<iframe|@import|url\((?!#)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [Fact]
    public void TheHtmlIsSelfContainedAndHoldsEverySection()
    {
        var report = TreatmentReport.Create(ExampleInput(ReportText.English));
        var html = report.ToHtml();
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "http://www.w3.org/2000/svg"));
        Assert.Equal(3, Regex.Count(html, "http://"));
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("PT-0042", html, StringComparison.Ordinal);
        foreach (var id in new[] { "ichd3-1.3-chronic-migraine", "ichd3-8.2-medication-overuse", "nice-ta260-start", "us-label-indication", "nice-ta260-stop" })
        {
            Assert.Contains($"data-verdict=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("data-chart=\"diary\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"course\"", html, StringComparison.Ordinal);
        Assert.Contains("data-map-view=\"all\"", html, StringComparison.Ordinal);
        Assert.Contains("C1234A", html, StringComparison.Ordinal);
        Assert.Contains("J0585", html, StringComparison.Ordinal);
        Assert.Contains("25 May 2026", html, StringComparison.Ordinal);
        Assert.Contains("a clinician decides", html, StringComparison.Ordinal);

        // Each inline SVG is well-formed XML on its own.
        foreach (Match m in Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline))
        {
            _ = XDocument.Parse(m.Value);
        }
    }

    [Fact]
    public void TheVerdictsAreTheLibrarysOwn()
    {
        var input = ExampleInput(ReportText.English);
        var report = TreatmentReport.Create(input);
        Assert.Equal(ChronicMigraineCriteria.Evaluate(input.Diary).Outcome, report.ChronicMigraine.Outcome);
        Assert.Equal(NiceTa260.Start(input.Diary, input.Eligibility).Outcome, report.NiceStart.Outcome);
        Assert.Equal([new DateOnly(2026, 3, 2)], report.Course!.SessionDates);
        Assert.Equal([new DateOnly(2025, 9, 8), new DateOnly(2025, 12, 1)], report.SessionsBeforeDiary);
        Assert.Equal(report.SessionReport!.Value.NextEligibleDate, report.NextEligibleDate);
        Assert.Equal(new DateOnly(2026, 5, 25), report.NextEligibleDate);
        Assert.Equal(new DateOnly(2026, 5, 14), report.Date);

        // The clinical rules' cumulative dose per treatment cycle (issue 11): the report shows their figure and headroom.
        Assert.Equal(report.SessionReport!.Value.Cumulative, report.Cumulative);
        Assert.Equal(MigraineProtocol.Rules.CumulativeWindowPolicy.TreatmentCycle, report.Cumulative.Policy);
        var html = report.ToHtml();
        Assert.Contains($"headroom {report.Cumulative.Headroom.Units:0} U", html, StringComparison.Ordinal);
        Assert.Contains("one treatment cycle", html, StringComparison.Ordinal);
        Assert.Contains("BOTOX: onabotulinumtoxinA", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGermanReportUsesTheGermanIchd3TermsAndGermanNumbers()
    {
        var html = TreatmentReport.Create(ExampleInput(ReportText.German)).ToHtml();
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains("ICHD-3 1.3 Chronische Migräne", html, StringComparison.Ordinal);
        Assert.Contains("Kopfschmerz zurückzuführen auf einen Medikamentenübergebrauch", html, StringComparison.Ordinal);
        Assert.Contains("Nicht-Opioid-Analgetika", html, StringComparison.Ordinal);
        Assert.Contains("25.05.2026", html, StringComparison.Ordinal);
        Assert.Contains("Kopfschmerztagebuch", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Headache diary<", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public void TheDocumentedExampleIsWhatTheLibraryWritesToday(string language)
    {
        Assert.True(ReportText.TryGet(language, out var text));
        var path = Path.Combine(MigraineProtocol.Tests.Architecture.LayeringTests.RepositoryRoot(), "docs", "report", $"report-example-{language}.html");
        Assert.True(
            File.ReadAllText(path) == TreatmentReport.Create(ExampleInput(text)).ToHtml(),
            $"{path} is out of date: regenerate it with the commands in docs/report.md.");
    }

    [Fact]
    public void EveryCriterionAndFigureTheEngineProducesHasGermanText()
    {
        // Chronic and episodic, with and without medication, with the caller-supplied thresholds and
        // without: every criterion id, figure name and requirement must come from the resource table
        // (only the engine's free-text notes may stay English).
        var diaries = new[]
        {
            TestDiaries.Periodic(6, 20, 10, 12, AcuteMedicationSet.Of(AcuteMedicationClass.Triptan, AcuteMedicationClass.SimpleAnalgesic, AcuteMedicationClass.CombinationAnalgesic)),
            TestDiaries.Periodic(6, 6, 2, 3, AcuteMedicationSet.Of(AcuteMedicationClass.Opioid, AcuteMedicationClass.Ergot)),
            TestDiaries.Periodic(2, 16, 9),
        };
        foreach (var diary in diaries)
        {
            foreach (var thresholds in new[] { MedicationOveruseThresholds.Verified, MedicationOveruseThresholds.Verified.WithCombinationAnalgesic(10).WithMultipleClasses(10) })
            {
                var sessions = new[] { diary.Start.AddDays(29), diary.Start.AddDays(29 + 84) };
                var history = new MigraineProtocol.Sessions.TreatmentHistory(sessions.Select(d => new MigraineProtocol.Sessions.Administration(d, MigraineProtocol.Dosing.ToxinUnits.FromUnits(155), "chronic-migraine")));
                var html = TreatmentReport.Create(new TreatmentReportInput
                {
                    PatientReference = "X",
                    Diary = diary,
                    History = history,
                    Thresholds = thresholds,
                    Eligibility = new EligibilityInput(2, null, true),
                    Text = ReportText.German,
                }).ToHtml();
                var untranslated = Regex.Matches(html, "<span lang=\"en\">(.*?)</span>").Select(m => m.Groups[1].Value).Distinct().ToList();
                Assert.True(untranslated.Count == 0, "untranslated: " + string.Join(" | ", untranslated));
            }
        }
    }

    [FsCheck.Xunit.Property(Arbitrary = [typeof(MigraineProtocol.Tests.Arbitraries.DiaryArbitraries)], MaxTest = 40)]
    public void AnyDiaryAndSessionDatesGiveACompleteReport(HeadacheDiary diary, FsCheck.NonNegativeInt first, FsCheck.PositiveInt gap, bool german)
    {
        var dates = new[] { diary.Start.AddDays(first.Get % (diary.SpanDays + 60) - 30), diary.Start.AddDays((first.Get % (diary.SpanDays + 60)) - 30 + 1 + (gap.Get % 120)) };
        var history = new MigraineProtocol.Sessions.TreatmentHistory(dates.Select(d => new MigraineProtocol.Sessions.Administration(d, MigraineProtocol.Dosing.ToxinUnits.FromUnits(155), "chronic-migraine")));
        var html = TreatmentReport.Create(new TreatmentReportInput { PatientReference = "P", Diary = diary, History = history, Text = german ? ReportText.German : ReportText.English }).ToHtml();
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        foreach (Match m in Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline))
        {
            _ = XDocument.Parse(m.Value);
        }
    }

    [Fact]
    public void TheReportIsDeterministic() =>
        Assert.Equal(TreatmentReport.Create(ExampleInput(ReportText.English)).ToHtml(), TreatmentReport.Create(ExampleInput(ReportText.English)).ToHtml());

    [Fact]
    public void WithoutASessionTheEarliestDateAndHeadroomComeFromTheHistory()
    {
        var input = ExampleInput(ReportText.English);
        var report = TreatmentReport.Create(new TreatmentReportInput { PatientReference = "P", Diary = input.Diary, History = input.History, Date = new DateOnly(2026, 1, 20) });
        var interval = input.History.NextEligibleDate(input.Protocol.RetreatmentIntervalDays)!.Value;
        Assert.Equal(MigraineProtocol.Rules.CumulativeDose.EarliestDate(input.History, input.Protocol.FixedUnits, interval), report.NextEligibleDate);
        Assert.Equal(MigraineProtocol.Rules.CumulativeDose.UnitsInWindow(input.History, new DateOnly(2026, 1, 20)), report.Cumulative.Units);
        Assert.Equal(MigraineProtocol.Rules.CumulativeDose.Headroom(input.History, new DateOnly(2026, 1, 20)), report.Cumulative.Headroom);
    }

    [Fact]
    public void AnotherToxinIsNamedAsSuch()
    {
        var input = ExampleInput(ReportText.English);
        var html = TreatmentReport.Create(new TreatmentReportInput { PatientReference = "P", Diary = input.Diary, History = input.History, Session = input.Session!.WithProduct("Dysport") }).ToHtml();
        Assert.Contains("Dysport: not onabotulinumtoxinA", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutASessionOrCourseTheReportSaysSo()
    {
        var diary = TestDiaries.Periodic(5, 16, 9);
        var html = TreatmentReport.Create(new TreatmentReportInput { PatientReference = "X1", Diary = diary }).ToHtml();
        Assert.Contains(ReportText.English["report.no-session"], html, StringComparison.Ordinal);
        Assert.Contains(ReportText.English["report.no-course"], html, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TreatmentReport.Create(new TreatmentReportInput { PatientReference = " ", Diary = diary }));
    }

    [Fact]
    public void ReportCommandWritesHtml()
    {
        var output = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("report", "--diary", Example("diary.csv"), "--history", Example("history.json"), "--session", Example("session-valid.json"), "--preventives-failed", "3", "--adult", "true", "--overuse-managed", "true", "--patient", "PT-0042", "--output", output);
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, stderr);
            Assert.Contains("PT-0042", stdout, StringComparison.Ordinal);
            Assert.Equal(TreatmentReport.Create(ExampleInput(ReportText.English)).ToHtml(), File.ReadAllText(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData("--language", "fr", "--language 'fr': use one of en, de.")]
    [InlineData("--output", "report.txt", ".html or .pdf")]
    [InlineData("--date", "2026-13-01", "not a date")]
    [InlineData("--preventives-failed", "-1", "zero or more")]
    public void ReportCommandRejectsBadOptions(string option, string value, string message)
    {
        var args = new List<string> { "report", "--diary", Example("diary.csv"), "--history", Example("history.json"), "--preventives-failed", "3", "--output", Path.Combine(Path.GetTempPath(), "never.html") };
        var i = args.IndexOf(option);
        if (i >= 0)
        {
            args[i + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, _, stderr) = CliRunner.Run([.. args]);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartOptionsWriteTheLibrarysCharts()
    {
        var dir = Directory.CreateTempSubdirectory("charts-").FullName;
        try
        {
            var diaryPath = Path.Combine(dir, "diary.svg");
            Assert.Equal(0, CliRunner.Run("diary", Example("diary.csv"), "--chart", diaryPath).ExitCode);
            var diary = HeadacheDiaryCsv.Read(File.ReadAllText(Example("diary.csv")), "diary.csv");
            Assert.Equal(DiaryChart.Render(diary), File.ReadAllText(diaryPath));

            var coursePath = Path.Combine(dir, "course.svg");
            CliRunner.Run("stopping", Example("diary.csv"), "--sessions", "2026-02-02,2026-03-30", "--chart", coursePath);
            Assert.Equal(CourseChart.Render(new TreatmentCourse(diary, [new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 30)])), File.ReadAllText(coursePath));

            var outcomesPath = Path.Combine(dir, "outcomes.svg");
            Assert.Equal(0, CliRunner.Run("outcomes", Example("outcomes-cohort.csv"), "--treatment", "onabotulinumtoxinA", "--control", "placebo", "--chart", outcomesPath).ExitCode);
            Assert.Contains("data-panel=\"risk-difference\"", File.ReadAllText(outcomesPath), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
