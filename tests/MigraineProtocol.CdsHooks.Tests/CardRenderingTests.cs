using System.Diagnostics;
using System.Net;
using System.Text;
using Markdig;
using MigraineProtocol.CdsHooks.Tests.TestSupport;

namespace MigraineProtocol.CdsHooks.Tests;

/// <summary>
/// Every sample's cards render as a CDS client would show them: the summary, the detail from GitHub-flavoured
/// markdown (Markdig), the indicator and the source. With CDS_SCREENSHOTS=DIR, headless Chromium
/// (/usr/bin/chromium) writes a PNG per card into DIR (docs/cds-hooks/ in the docs).
/// </summary>
public sealed class CardRenderingTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    public static TheoryData<string> Files() => [.. SampleRequestTests.Samples().Select(s => s.File).Where(f => f != "order-sign-on-schedule.json")];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Cards_render_as_html_without_markdown_left_over(string file)
    {
        var sample = SampleRequestTests.Samples().Single(s => s.File == file);
        await using var host = await CdsHost.StartAsync();
        var service = file.StartsWith("patient-view", StringComparison.Ordinal) ? Fixtures.PatientView : Fixtures.OrderSign;
        var cards = await CardsResult.ReadAsync(await host.PostAsync(service, sample.Json));
        Assert.NotEmpty(cards);
        var k = 0;
        foreach (var card in cards)
        {
            var html = Html(card);
            Assert.DoesNotContain("**", html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(card.Summary), html, StringComparison.Ordinal);
            if (Environment.GetEnvironmentVariable("CDS_SCREENSHOTS") is { } dir && File.Exists("/usr/bin/chromium"))
            {
                var name = Path.GetFileNameWithoutExtension(file) + (cards.Count > 1 ? "-" + (++k) : string.Empty);
                var htmlPath = Path.Combine(Path.GetTempPath(), name + ".html");
                await File.WriteAllTextAsync(htmlPath, html);
                Screenshot(htmlPath, Path.Combine(Path.GetFullPath(dir), name + ".png"));
            }
        }
    }

    internal static string Html(CardView card)
    {
        var (color, label) = card.Indicator switch
        {
            "critical" => ("#b3261e", "Critical"),
            "warning" => ("#b26a00", "Warning"),
            _ => ("#1f5fa8", "Info"),
        };
        var detail = Markdown.ToHtml(card.Detail, Gfm);
        var b = new StringBuilder();
        b.Append("<!doctype html><html><head><meta charset=\"utf-8\"><style>")
            .Append("body{margin:0;padding:12px;background:#f3f4f6;font:14px/1.45 'DejaVu Sans',sans-serif;color:#1f2328}")
            .Append(".card{background:#fff;border:1px solid #d0d7de;border-left:6px solid ").Append(color).Append(";border-radius:6px;padding:12px 16px;width:720px}")
            .Append(".badge{display:inline-block;background:").Append(color).Append(";color:#fff;border-radius:3px;padding:1px 8px;font-size:12px;font-weight:bold;margin-right:8px}")
            .Append(".summary{font-weight:bold;font-size:15px}.detail{margin-top:8px}.detail p{margin:6px 0}.detail ul{margin:6px 0;padding-left:22px}")
            .Append(".source{margin-top:10px;font-size:12px;color:#57606a;border-top:1px solid #eaeef2;padding-top:6px}</style></head><body><div class=\"card\">")
            .Append("<div class=\"summary\"><span class=\"badge\">").Append(label).Append("</span>").Append(WebUtility.HtmlEncode(card.Summary)).Append("</div>")
            .Append("<div class=\"detail\">").Append(detail).Append("</div>")
            .Append("<div class=\"source\">Source: ").Append(WebUtility.HtmlEncode(card.SourceLabel)).Append("</div>")
            .Append("</div></body></html>");
        return b.ToString();
    }

    private static void Screenshot(string html, string png)
    {
        var start = new ProcessStartInfo("/usr/bin/chromium")
        {
            ArgumentList = { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-background-networking", "--no-first-run", "--window-size=760,520", "--screenshot=" + png, new Uri(html).AbsoluteUri },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "chromium did not finish");
        Assert.True(File.Exists(png), png);
    }
}
