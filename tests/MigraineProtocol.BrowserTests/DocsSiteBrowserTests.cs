using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace MigraineProtocol.BrowserTests;

/// <summary>
/// Opens the built documentation site (docs/_site, made by ./docs/build) in headless Chromium, served
/// over loopback HTTP as a reader would get it: the index, a guide and an API page render with their
/// navigation, every picture loads, and every link within the site resolves (HTTP 200 and, for
/// an anchor, an element with that id). Without a built site the tests skip with a message, unless
/// MIGRAINE_PROTOCOL_REQUIRE_SITE=1 (as .ci/run sets after building it), where they fail.
/// </summary>
public sealed class DocsSiteBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Collect = """
        () => ({
          title: document.title,
          links: [...document.querySelectorAll('a[href]')].map(a => ({ href: a.href, html: a.outerHTML.slice(0, 200) })),
          images: [...document.querySelectorAll('img')].map(i => ({ src: i.currentSrc || i.src, ok: i.complete && i.naturalWidth > 0 })),
          navLinks: document.querySelectorAll('nav a[href], #navbar a[href]').length,
          tocLinks: document.querySelectorAll('.toc a[href]').length,
          code: [...document.querySelectorAll('pre code')].map(c => c.textContent),
          text: document.body.innerText,
        })
        """;

    private static readonly string Site = Path.Combine(FindRoot(), "docs", "_site");

    public static TheoryData<string> Pages => ["index.html", "guides/developer.html", "guides/integrator.html", "charts.html", "api/MigraineProtocol.Protocols.TreatmentProtocol.html"];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MigraineProtocol.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no MigraineProtocol.sln above " + AppContext.BaseDirectory);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageRendersWithItsPicturesAndEveryLinkInTheSiteResolves(string page)
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? string.Empty);
        if (!File.Exists(Path.Combine(Site, "index.html")))
        {
            Assert.True(Environment.GetEnvironmentVariable("MIGRAINE_PROTOCOL_REQUIRE_SITE") != "1", $"The docs site is not built at {Site}: ./docs/build failed or did not run.");
            Assert.Skip($"The docs site is not built at {Site}: run ./docs/build first.");
        }

        var ct = TestContext.Current.CancellationToken;
        using var server = new StaticSite(Site);
        var pageUrl = new Uri(server.Root, page);
        var browserPage = await chromium.Browser!.NewPageAsync();
        try
        {
            var response = await browserPage.GotoAsync(pageUrl.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 30_000 });
            Assert.Equal(200, response!.Status);
            await browserPage.WaitForSelectorAsync("nav a[href]", new PageWaitForSelectorOptions { Timeout = 15_000 });
            var found = (await browserPage.EvaluateAsync<JsonElement>(Collect)).Deserialize<Found>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

            Assert.Contains("MigraineProtocol", found.Title, StringComparison.Ordinal);
            Assert.True(found.NavLinks > 0, $"{page}: the navigation bar has no links (toc.json not loaded?)");
            Assert.All(found.Images, i => Assert.True(i.Ok, $"{page}: the picture {i.Src} does not load"));
            if (page.StartsWith("guides/", StringComparison.Ordinal))
            {
                Assert.NotEmpty(found.Code);   // the included, tested snippets are on the page
                Assert.DoesNotContain("[!code-csharp", found.Text, StringComparison.Ordinal);
            }

            if (page == "index.html")
            {
                Assert.NotEmpty(found.Images);   // the map drawn by the library
            }

            using var http = new HttpClient();
            var internalLinks = found.Links.Select(l => (Uri: new Uri(l.Href), l.Html)).Where(l => l.Uri.Authority == server.Root.Authority).DistinctBy(l => l.Uri).ToArray();
            Assert.NotEmpty(internalLinks);
            foreach (var (link, html) in internalLinks)
            {
                using var r = await http.GetAsync(new Uri(link.GetLeftPart(UriPartial.Path)), ct);
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"{page}: the link {link.PathAndQuery}{link.Fragment} gives {(int)r.StatusCode} ({html})");
                if (link.Fragment.Length > 1 && link.AbsolutePath.EndsWith(".html", StringComparison.Ordinal))
                {
                    var target = await r.Content.ReadAsStringAsync(ct);
                    var id = Uri.UnescapeDataString(link.Fragment[1..]);
                    Assert.True(target.Contains($"id=\"{id}\"", StringComparison.Ordinal) || target.Contains($"name=\"{id}\"", StringComparison.Ordinal), $"{page}: the link {link.PathAndQuery}{link.Fragment} has no such anchor ({html})");
                }
            }
        }
        finally
        {
            await browserPage.CloseAsync();
        }
    }

    private sealed record FoundLink(string Href, string Html);

    private sealed record Found(string Title, FoundLink[] Links, FoundImage[] Images, int NavLinks, int TocLinks, string[] Code, string Text);

    private sealed record FoundImage(string Src, bool Ok);

    /// <summary>A loopback static file server over the built site, on a free port.</summary>
    private sealed class StaticSite : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly string root;

        public StaticSite(string root)
        {
            this.root = Path.GetFullPath(root);
            for (var attempt = 0; ; attempt++)
            {
                var port = Random.Shared.Next(20_000, 60_000);
                Root = new Uri($"http://127.0.0.1:{port}/");
                listener.Prefixes.Clear();
                listener.Prefixes.Add(Root.AbsoluteUri);
                try
                {
                    listener.Start();
                    break;
                }
                catch (HttpListenerException) when (attempt < 20)
                {
                }
            }

            _ = Task.Run(Serve);
        }

        public Uri Root { get; private set; } = null!;

        private async Task Serve()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
                var path = Path.GetFullPath(Path.Combine(root, relative.Length == 0 ? "index.html" : relative));
                if (Directory.Exists(path))
                {
                    path = Path.Combine(path, "index.html");
                }

                using var response = context.Response;
                if (!path.StartsWith(root, StringComparison.Ordinal) || !File.Exists(path))
                {
                    response.StatusCode = 404;
                    continue;
                }

                response.ContentType = Path.GetExtension(path) switch
                {
                    ".html" => "text/html; charset=utf-8",
                    ".js" => "text/javascript",
                    ".css" => "text/css",
                    ".json" => "application/json",
                    ".svg" => "image/svg+xml",
                    ".png" => "image/png",
                    ".woff2" => "font/woff2",
                    _ => "application/octet-stream",
                };
                var bytes = await File.ReadAllBytesAsync(path);
                response.ContentLength64 = bytes.Length;
                try
                {
                    await response.OutputStream.WriteAsync(bytes);
                }
                catch (HttpListenerException)
                {
                }
            }
        }

        public void Dispose()
        {
            listener.Stop();
            listener.Close();
        }
    }
}
