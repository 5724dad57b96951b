using Microsoft.Playwright;

namespace MigraineProtocol.BrowserTests;

/// <summary>
/// One headless Chromium per test class: Debian's /usr/bin/chromium driven by Playwright (never a
/// downloaded browser). When Chromium is absent, <see cref="SkipReason"/> says why and the tests skip.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package puts the browser; the MIGRAINE_PROTOCOL_CHROMIUM environment variable overrides it.</summary>
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("MIGRAINE_PROTOCOL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public string? SkipReason { get; private set; }

    /// <summary>Gets the folder the SVG and PNG artifacts of the browser tests are written to.</summary>
    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "maps")).FullName;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"Chromium is not installed at {ChromiumPath}: the SVG map browser tests need it (as root: apt-get install -y chromium, which .ci/install-system-deps does).";
            return;
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
