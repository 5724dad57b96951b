using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rendering;
using MigraineProtocol.Sessions;
using Microsoft.Playwright;

namespace MigraineProtocol.BrowserTests;

/// <summary>
/// Renders site maps and measures them in headless Chromium: every expected site marker is drawn,
/// visible (on top at its centre) and inside its view's outline; no two labels overlap, no label
/// covers another site's marker, and every label stays in its view's box. A PNG of each map is
/// written to bin/.../TestResults/maps/ as an artifact.
/// </summary>
public sealed class SiteMapBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Measure = """
        () => {
          const markers = [], labels = [];
          for (const v of document.querySelectorAll('g.view')) {
            const outline = v.querySelector('path.outline');
            const box = v.querySelector('rect.view-box').getBoundingClientRect();
            for (const g of v.querySelectorAll('g.site[data-site]')) {
              const c = g.querySelector('circle.marker');
              const cx = c.cx.baseVal.value, cy = c.cy.baseVal.value, r = c.r.baseVal.value;
              const inside = [[cx, cy], [cx - r, cy], [cx + r, cy], [cx, cy - r], [cx, cy + r]]
                .every(([x, y]) => outline.isPointInFill(new DOMPoint(x, y)));
              const m = c.getBoundingClientRect();
              const top = document.elementFromPoint(m.x + m.width / 2, m.y + m.height / 2);
              const onTop = top !== null && top.closest('g.site') === g;
              markers.push({ view: v.dataset.view, site: g.dataset.site, visible: c.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && m.width > 0 && m.height > 0 && onTop,
                inside, x: m.x, y: m.y, w: m.width, h: m.height });
              const t = g.querySelector('text.site-label');
              if (t) {
                const l = t.getBoundingClientRect();
                labels.push({ view: v.dataset.view, site: g.dataset.site, text: t.textContent, x: l.x, y: l.y, w: l.width, h: l.height,
                  inBox: l.left >= box.left && l.right <= box.right && l.top >= box.top && l.bottom <= box.bottom });
              }
            }
          }
          return { markers, labels };
        }
        """;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static TheoryData<string> Maps => [.. Cases.Keys];

    private static Dictionary<string, (TreatmentProtocol Protocol, MapView View, SiteMapOptions Options)> Cases { get; } = BuildCases();

    [Theory]
    [MemberData(nameof(Maps))]
    public async Task EveryMarkerIsVisibleInsideTheOutlineAndNoLabelsOverlap(string name)
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? string.Empty);
        var (protocol, view, options) = Cases[name];
        var svg = SiteMap.Render(protocol, view, options);
        var svgPath = Path.Combine(ChromiumFixture.ArtifactsDirectory, name + ".svg");
        await File.WriteAllTextAsync(svgPath, svg, TestContext.Current.CancellationToken);
        var root = XDocument.Parse(svg).Root!;
        var width = (int)Math.Ceiling(double.Parse(root.Attribute("width")!.Value, CultureInfo.InvariantCulture));
        var height = (int)Math.Ceiling(double.Parse(root.Attribute("height")!.Value, CultureInfo.InvariantCulture));

        var page = await chromium.Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        try
        {
            await page.GotoAsync(new Uri(svgPath).AbsoluteUri);
            var measured = (await page.EvaluateAsync<JsonElement>(Measure)).Deserialize<Measured>(Json)!;
            var png = Path.Combine(ChromiumFixture.ArtifactsDirectory, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = png, Timeout = 15_000 });
            TestContext.Current.AddAttachment(name + ".png", await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken), "image/png");

            var expected = SiteMap.ViewsOf(view)
                .SelectMany(v => DrawnSites(protocol, options).Where(s => s.TryGetDrawingPoint(v, out _)).Select(s => $"{Text(v)}/{s.Id}"))
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, measured.Markers.Select(m => $"{m.View}/{m.Site}").Order(StringComparer.Ordinal));
            Assert.Empty(measured.Markers.Where(m => !m.Visible).Select(m => $"{m.View}/{m.Site} is not visible"));
            Assert.Empty(measured.Markers.Where(m => !m.Inside).Select(m => $"{m.View}/{m.Site} is outside the outline"));

            Assert.Equal(measured.Markers.Count, measured.Labels.Count);
            Assert.Empty(measured.Labels.Where(l => !l.InBox).Select(l => $"{l.View}/{l.Site} label '{l.Text}' leaves its view"));
            var overlaps = new List<string>();
            for (var i = 0; i < measured.Labels.Count; i++)
            {
                var a = measured.Labels[i];
                overlaps.AddRange(measured.Labels.Skip(i + 1).Where(b => Overlap(a, b)).Select(b => $"label {a.View}/{a.Site} '{a.Text}' overlaps label {b.View}/{b.Site} '{b.Text}'"));
                overlaps.AddRange(measured.Markers.Where(m => m.View == a.View && m.Site != a.Site && Overlap(a, m)).Select(m => $"label {a.View}/{a.Site} '{a.Text}' covers marker {m.Site}"));
            }

            Assert.Empty(overlaps);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Runs without a browser: each case is well-formed SVG with one marker per expected site and view.</summary>
    [Theory]
    [MemberData(nameof(Maps))]
    public void EveryCaseIsWellFormedSvgWithTheExpectedMarkers(string name)
    {
        var (protocol, view, options) = Cases[name];
        XNamespace svg = "http://www.w3.org/2000/svg";
        var markers = XDocument.Parse(SiteMap.Render(protocol, view, options)).Descendants(svg + "g")
            .Where(g => (string?)g.Attribute("class") == "site" && g.Attribute("data-site") is not null)
            .Select(g => $"{g.Ancestors(svg + "g").First(a => (string?)a.Attribute("class") == "view").Attribute("data-view")!.Value}/{g.Attribute("data-site")!.Value}")
            .Order(StringComparer.Ordinal);
        var expected = SiteMap.ViewsOf(view)
            .SelectMany(v => DrawnSites(protocol, options).Where(s => s.TryGetDrawingPoint(v, out _)).Select(s => $"{Text(v)}/{s.Id}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, markers);
    }

    private static bool Overlap(Rect a, Rect b) => a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;

    private static IEnumerable<InjectionSite> DrawnSites(TreatmentProtocol protocol, SiteMapOptions options) =>
        protocol.Sites.Select(s => s.Site).Concat(
            options.Overlay?.Sites.Where(d => d.Status == SiteDoseStatus.Unplanned).Select(d => protocol.Anatomy.GetSite(d.Site)) ?? []);

    private static string Text(AnatomicalView view) => view.ToString().ToLowerInvariant();

    private static Dictionary<string, (TreatmentProtocol, MapView, SiteMapOptions)> BuildCases()
    {
        var preempt = KnownProtocols.Preempt;
        var cases = new Dictionary<string, (TreatmentProtocol, MapView, SiteMapOptions)>(StringComparer.Ordinal);
        foreach (var view in Enum.GetValues<MapView>())
        {
            cases[$"preempt-{view.ToString().ToLowerInvariant()}"] = (preempt, view, SiteMapOptions.Default);
        }

        cases["preempt-all-session"] = (preempt, MapView.All, new SiteMapOptions { Overlay = SessionOverlay.FromSession(preempt, SampleSession(preempt)) });
        cases["us-label-front-session"] = (KnownProtocols.UsLabel, MapView.Front, new SiteMapOptions { Overlay = SessionOverlay.FromSession(KnownProtocols.UsLabel, SampleSession(KnownProtocols.UsLabel)) });
        var clinic = Contributed();
        cases["contributed-all"] = (clinic, MapView.All, SiteMapOptions.Default);
        return cases;
    }

    /// <summary>A session with one site missed, one under-dosed, one over-dosed and follow-the-pain on both sides.</summary>
    internal static TreatmentSession SampleSession(TreatmentProtocol protocol)
    {
        var injections = protocol.Sites
            .Where(s => s.Site.Id.Value != "frontalis-left-2")
            .Select(s => new Injection(s.Site.Id, s.Site.Id.Value switch
            {
                "corrugator-right-1" => ToxinUnits.FromUnits(2.5m),
                "trapezius-left-1" => ToxinUnits.FromUnits(10),
                _ => s.Units,
            }))
            .ToList();
        injections.Add(Injection.FollowThePain(MuscleId.From("temporalis"), Laterality.Left, ToxinUnits.FromUnits(5)));
        injections.Add(Injection.FollowThePain(MuscleId.From("trapezius"), Laterality.Right, ToxinUnits.FromUnits(5)));
        return new TreatmentSession(new DateOnly(2026, 3, 2), injections);
    }

    /// <summary>A protocol over a contributed muscle and sites, loaded from a definition file: no drawing code knows them.</summary>
    internal static TreatmentProtocol Contributed()
    {
        const string cite = """{"source": "clinic", "locator": "local policy", "verification": "unverified"}""";
        var json = $$"""
        {
          "regions": [{"id": "jaw", "name": "Jaw", "muscles": ["masseter"]}],
          "muscles": [{"id": "masseter", "name": "Masseter", "region": "jaw", "source": {{cite}} }],
          "sites": [
            {"id": "masseter-left-1", "muscle": "masseter", "side": "left", "ordinal": 1,
             "landmark": {"description": "Masseter belly.", "source": {{cite}} },
             "drawing": [{"view": "front", "x": 0.68, "y": 0.57}, {"view": "left", "x": 0.45, "y": 0.54}]},
            {"id": "masseter-right-1", "muscle": "masseter", "side": "right", "ordinal": 1,
             "landmark": {"description": "Masseter belly.", "source": {{cite}} },
             "drawing": [{"view": "front", "x": 0.32, "y": 0.57}, {"view": "right", "x": 0.55, "y": 0.54}]}
          ],
          "protocols": [{
            "id": "clinic-jaw", "name": "Clinic <jaw> & forehead", "description": "Procerus plus masseter.",
            "retreatmentIntervalDays": 90, "sources": [{{cite}}],
            "sites": [{"site": "procerus", "units": 5}, {"site": "masseter-left-1", "units": 10}, {"site": "masseter-right-1", "units": 10},
                      {"site": "temporalis-left-1", "units": 5}, {"site": "temporalis-right-1", "units": 5}]
          }]
        }
        """;
        return Catalogs.Load([DefinitionFile.FromJson("clinic.json", json)]).Get(ProtocolId.From("clinic-jaw"));
    }

    private class Rect
    {
        public double X { get; set; }

        public double Y { get; set; }

        public double W { get; set; }

        public double H { get; set; }
    }

    private sealed class Marker : Rect
    {
        public string View { get; set; } = "";

        public string Site { get; set; } = "";

        public bool Visible { get; set; }

        public bool Inside { get; set; }
    }

    private sealed class Label : Rect
    {
        public string View { get; set; } = "";

        public string Site { get; set; } = "";

        public string Text { get; set; } = "";

        public bool InBox { get; set; }
    }

    private sealed class Measured
    {
        public List<Marker> Markers { get; set; } = [];

        public List<Label> Labels { get; set; } = [];
    }
}
