using Deque.AxeCore.Playwright;
using MigraineProtocol.Cli;
using Microsoft.Playwright;

namespace MigraineProtocol.BrowserTests;

/// <summary>The HTML report, English and German, has no accessibility violations found by axe-core (run in headless Chromium): images have text alternatives, the language is declared, contrast is sufficient, tables have headers.</summary>
public sealed class ReportAccessibilityTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    [Theory]
    [InlineData("en", "history.json", "session-valid.json")]
    [InlineData("de", "history.json", "session-valid.json")]
    [InlineData("en", "history-with-events.json", "session-acknowledged.json")]
    [InlineData("de", "history-with-events.json", "session-acknowledged.json")]
    [InlineData("en", "history-with-events.json", "session-valid.json")]
    public async Task TheReportHasNoAxeViolations(string language, string history, string session)
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? string.Empty);
        var html = Path.Combine(ChromiumFixture.ArtifactsDirectory, $"report-{language}-{Path.GetFileNameWithoutExtension(history)}-{Path.GetFileNameWithoutExtension(session)}.html");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, CliApp.Run(["report", "--diary", Example("diary.csv"), "--history", Example(history), "--session", Example(session), "--preventives-failed", "3", "--patient", "PT-0042", "--language", language, "--output", html], stdout, stderr));
        var page = await chromium.Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1200 } });
        try
        {
            await page.GotoAsync(new Uri(html).AbsoluteUri);
            var result = await page.RunAxe();
            Assert.Empty(result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
