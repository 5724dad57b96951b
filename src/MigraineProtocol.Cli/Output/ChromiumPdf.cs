using System.Diagnostics;
using System.Globalization;
using System.Text;
using MigraineProtocol.Cli.Input;

namespace MigraineProtocol.Cli.Output;

/// <summary>
/// Prints an HTML page to PDF with headless Chromium (Debian's <c>/usr/bin/chromium</c>, or the
/// browser named by <c>MIGRAINE_PROTOCOL_CHROMIUM</c>, the same lookup as the browser tests; ADR 0082).
/// </summary>
internal static class ChromiumPdf
{
    internal const string EnvironmentVariable = "MIGRAINE_PROTOCOL_CHROMIUM";
    private const int TimeoutMilliseconds = 120_000;

    /// <summary>Gets the browser to print with: <c>$MIGRAINE_PROTOCOL_CHROMIUM</c> when set, otherwise <c>/usr/bin/chromium</c>.</summary>
    internal static string BrowserPath =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Writes <paramref name="html"/> to a temporary file, prints it to <paramref name="pdfPath"/> and removes the temporary folder.</summary>
    /// <exception cref="CliException">No browser, or the browser failed or timed out (exit 2, with what to do).</exception>
    internal static void Print(string html, string pdfPath)
    {
        var browser = BrowserPath;
        if (!File.Exists(browser))
        {
            throw new CliException($"{pdfPath}: a PDF is printed by headless Chromium, which is not installed at {browser} (install Debian's chromium, or set {EnvironmentVariable}); write an .html report instead and print it from a browser.");
        }

        var work = Directory.CreateTempSubdirectory("migraine-report-");
        try
        {
            var page = Path.Combine(work.FullName, "report.html");
            File.WriteAllText(page, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            var output = Path.GetFullPath(pdfPath);
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--disable-extensions", "--mute-audio",
                $"--user-data-dir={Path.Combine(work.FullName, "profile")}", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                $"--print-to-pdf={output}", new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new CliException($"{pdfPath}: {browser} could not be started.");
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeoutMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new CliException($"{pdfPath}: {browser} did not print the report within {(TimeoutMilliseconds / 1000).ToString(CultureInfo.InvariantCulture)} s.");
            }

            if (process.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
            {
                var detail = stderr.Result.Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "no message";
                throw new CliException($"{pdfPath}: {browser} could not print the report (exit {process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {detail}).");
            }
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }
}
