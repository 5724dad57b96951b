using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MigraineProtocol.Cli;

namespace MigraineProtocol.BrowserTests;

/// <summary>
/// The report command prints the example report to PDF with headless Chromium; poppler-utils check it:
/// at most two A4 pages (pdfinfo), the verdicts, numbers and patient reference are text in it
/// (pdftotext), and its first page renders (pdftoppm). Skips with a message without Chromium or poppler.
/// </summary>
public sealed partial class ReportPdfTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    private static string? Missing()
    {
        if (!File.Exists(ChromiumFixture.ChromiumPath))
        {
            return $"Chromium is not installed at {ChromiumFixture.ChromiumPath}: the PDF report tests need it (.ci/install-system-deps installs it).";
        }

        foreach (var tool in new[] { "pdfinfo", "pdftotext", "pdftoppm" })
        {
            if (!File.Exists("/usr/bin/" + tool))
            {
                return $"{tool} (poppler-utils) is not installed: the PDF report tests need it (.ci/install-system-deps installs it).";
            }
        }

        return null;
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/" + tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {p.StandardError.ReadToEnd()}");
        return output;
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex Pages();

    [GeneratedRegex(@"^Page size:\s+([\d.]+) x ([\d.]+) pts", RegexOptions.Multiline)]
    private static partial Regex PageSize();

    [Theory]
    [InlineData("en", new[] { "Treatment report", "PT-0042", "ICHD-3 1.3 chronic migraine", "NICE TA260 1.1", "Earliest next session", "one treatment cycle", "headroom", "25 May 2026", "C1234A", "J0585", "a clinician decides" })]
    [InlineData("de", new[] { "Behandlungsbericht", "PT-0042", "ICHD-3 1.3 Chronische Migräne", "Kopfschmerz zurückzuführen auf einen Medikamentenübergebrauch", "25.05.2026", "C1234A", "entscheidet" })]
    public void TheExampleReportPrintsToAtMostTwoA4PagesWithItsText(string language, string[] expected) =>
        PrintsToAtMostTwoA4Pages(language, "history.json", "session-valid.json", expected);

    /// <summary>The example with adverse events after the prior sessions (issue 18) and the clinician's acknowledgement still fits two pages.</summary>
    [Theory]
    [InlineData("en", new[] { "Adverse events after the sessions", "Neck pain", "Dysphagia", "Eyelid ptosis", "acknowledged by the clinician for the session of 2 Mar 2026", "prior-distant-spread", "prior-local-weakness", "suggests no dose", "a clinician decides" })]
    [InlineData("de", new[] { "Unerwünschte Ereignisse nach den Sitzungen", "Nackenschmerzen", "Dysphagie", "Ptosis des Augenlids", "vom Arzt für die Sitzung am 02.03.2026 bestätigt", "prior-distant-spread", "entscheidet" })]
    public void TheExampleWithAdverseEventsPrintsToAtMostTwoA4PagesWithTheEvents(string language, string[] expected) =>
        PrintsToAtMostTwoA4Pages(language, "history-with-events.json", "session-acknowledged.json", expected);

    private static void PrintsToAtMostTwoA4Pages(string language, string history, string session, string[] expected)
    {
        Assert.SkipWhen(Missing() is not null, Missing() ?? string.Empty);
        var dir = Directory.CreateDirectory(Path.Combine(ChromiumFixture.ArtifactsDirectory, "report-" + language + "-" + Path.GetFileNameWithoutExtension(history))).FullName;
        var pdf = Path.Combine(dir, "report.pdf");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(
            ["report", "--diary", Example("diary.csv"), "--history", Example(history), "--session", Example(session), "--preventives-failed", "3",
             "--adult", "true", "--overuse-managed", "true", "--patient", "PT-0042", "--language", language, "--output", pdf],
            stdout,
            stderr);
        Assert.True(code == 0, stderr.ToString());

        var info = Run("pdfinfo", pdf);
        var pages = int.Parse(Pages().Match(info).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(pages, 1, 2);
        var size = PageSize().Match(info);
        Assert.Equal(595, Math.Round(double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture)), 1.0);
        Assert.Equal(842, Math.Round(double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture)), 1.0);

        var text = Regex.Replace(Run("pdftotext", pdf, "-"), @"\s+", " ");
        foreach (var phrase in expected)
        {
            Assert.Contains(phrase, text, StringComparison.Ordinal);
        }

        Run("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", pdf, Path.Combine(dir, "page"));
        var png = Directory.GetFiles(dir, "page*.png").Single();
        Assert.True(new FileInfo(png).Length > 10_000, "the first page renders to an almost empty PNG");
        TestContext.Current.AddAttachment($"report-{language}-{Path.GetFileNameWithoutExtension(history)}-page-1.png", File.ReadAllBytes(png), "image/png");
    }

    [Fact]
    public void WithoutChromiumThePdfIsABadInputWithWhatToDo()
    {
        _ = ChromiumFixture.ChromiumPath; // fixed before the variable changes, for the other browser test classes
        var previous = Environment.GetEnvironmentVariable("MIGRAINE_PROTOCOL_CHROMIUM");
        try
        {
            Environment.SetEnvironmentVariable("MIGRAINE_PROTOCOL_CHROMIUM", "/nonexistent/chromium");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = CliApp.Run(["report", "--diary", Example("diary.csv"), "--history", Example("history.json"), "--preventives-failed", "3", "--output", Path.Combine(Path.GetTempPath(), "never.pdf")], stdout, stderr);
            Assert.Equal(2, code);
            Assert.Contains("headless Chromium", stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains(".html", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MIGRAINE_PROTOCOL_CHROMIUM", previous);
        }
    }
}
