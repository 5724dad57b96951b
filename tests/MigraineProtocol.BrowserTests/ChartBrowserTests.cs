using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using MigraineProtocol.Charts;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Localization;
using MigraineProtocol.Outcomes;
using Microsoft.Playwright;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.BrowserTests;

/// <summary>
/// Renders the charts in headless Chromium and measures them: every bar, cell, point and text is
/// visible and inside the drawing, and no two texts overlap. A PNG of each chart is written to
/// bin/.../TestResults/maps/ as an artifact.
/// </summary>
public sealed class ChartBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Measure = """
        () => {
          const svg = document.documentElement;
          const frame = svg.getBoundingClientRect();
          const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim().length > 0).map(t => {
            const b = t.getBoundingClientRect();
            return { text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height, visible: t.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && b.width > 0 };
          });
          const shapes = [...svg.querySelectorAll('rect.dc-bar, rect.dc-cell, rect.cc-bar, .oc-point, line.dc-ref, line.cc-ref, line.oc-ci')].map(e => {
            const b = e.getBoundingClientRect();
            return { cls: e.getAttribute('class'), x: b.x, y: b.y, w: b.width, h: b.height, value: e.getAttribute('data-value') };
          });
          return { frame: { x: frame.x, y: frame.y, w: frame.width, h: frame.height }, texts, shapes };
        }
        """;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static TheoryData<string> Charts => [.. Cases.Keys];

    private static Dictionary<string, Func<string>> Cases { get; } = BuildCases();

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task EveryShapeAndTextIsVisibleInsideTheFrameAndNoTextsOverlap(string name)
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? string.Empty);
        var svg = Cases[name]();
        var svgPath = Path.Combine(ChromiumFixture.ArtifactsDirectory, name + ".svg");
        await File.WriteAllTextAsync(svgPath, svg, TestContext.Current.CancellationToken);
        var root = XDocument.Parse(svg).Root!;
        var width = (int)Math.Ceiling(double.Parse(root.Attribute("width")!.Value, CultureInfo.InvariantCulture));
        var height = (int)Math.Ceiling(double.Parse(root.Attribute("height")!.Value, CultureInfo.InvariantCulture));
        var page = await chromium.Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        try
        {
            await page.GotoAsync(new Uri(svgPath).AbsoluteUri);
            var m = (await page.EvaluateAsync<JsonElement>(Measure)).Deserialize<Measured>(Json)!;
            var png = Path.Combine(ChromiumFixture.ArtifactsDirectory, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = png, Timeout = 15_000 });
            TestContext.Current.AddAttachment(name + ".png", await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken), "image/png");

            Assert.NotEmpty(m.Shapes);
            Assert.Empty(m.Texts.Where(t => !t.Visible).Select(t => $"text '{t.Text}' is not visible"));
            Assert.Empty(m.Texts.Where(t => !Inside(t, m.Frame)).Select(t => $"text '{t.Text}' leaves the frame"));
            Assert.Empty(m.Shapes.Where(s => !Inside(s, m.Frame)).Select(s => $"{s.Cls} ({s.Value}) leaves the frame"));
            var overlaps = new List<string>();
            for (var i = 0; i < m.Texts.Count; i++)
            {
                overlaps.AddRange(m.Texts.Skip(i + 1).Where(b => Overlap(m.Texts[i], b)).Select(b => $"'{m.Texts[i].Text}' overlaps '{b.Text}'"));
            }

            Assert.Empty(overlaps);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private static bool Inside(Box a, Box frame) => a.X >= frame.X - 0.5 && a.Y >= frame.Y - 0.5 && a.X + a.W <= frame.X + frame.W + 0.5 && a.Y + a.H <= frame.Y + frame.H + 0.5;

    // A 0.5 px tolerance: adjacent text boxes of one font touch.
    private static bool Overlap(Box a, Box b) => a.X < b.X + b.W - 0.5 && b.X < a.X + a.W - 0.5 && a.Y < b.Y + b.H - 0.5 && b.Y < a.Y + a.H - 0.5;

    private static Dictionary<string, Func<string>> BuildCases()
    {
        var example = Diary(130, seed: 7, start: new DateOnly(2026, 1, 5));
        var threeYears = Diary(3 * 365, seed: 11, start: new DateOnly(2023, 1, 2));
        var course = new TreatmentCourse(threeYears, [new DateOnly(2023, 3, 1), new DateOnly(2023, 5, 24), new DateOnly(2023, 8, 16), new DateOnly(2023, 11, 8)]);
        var a = new OutcomeAccumulator(ResponderThreshold.Percent50).AddRange([.. Enumerable.Range(0, 30).Select(i => new PatientOutcome(15 + (i % 10), i % 3 == 0 ? 4 + (i % 5) : 14 + (i % 6)))]).Summarize("onabotulinumtoxinA", 0.95, IntervalMethod.Wilson);
        var b = new OutcomeAccumulator(ResponderThreshold.Percent50).AddRange([.. Enumerable.Range(0, 30).Select(i => new PatientOutcome(16 + (i % 9), i % 5 == 0 ? 6 : 15 + (i % 4)))]).Summarize("placebo", 0.95, IntervalMethod.Wilson);
        var sessions = new[] { new DateOnly(2026, 2, 2), new DateOnly(2026, 4, 27) };
        return new Dictionary<string, Func<string>>(StringComparer.Ordinal)
        {
            ["chart-diary-130-days"] = () => DiaryChart.Render(example, new DiaryChartOptions { SessionDates = sessions }),
            ["chart-diary-130-days-de"] = () => DiaryChart.Render(example, new DiaryChartOptions { SessionDates = sessions, Text = ReportText.German, Periods = PeriodKind.CalendarMonth }),
            ["chart-diary-3-years"] = () => DiaryChart.Render(threeYears, new DiaryChartOptions { SessionDates = course.SessionDates, Thresholds = MedicationOveruseThresholds.Verified.WithCombinationAnalgesic(10) }),
            ["chart-course-4-cycles"] = () => CourseChart.Render(course),
            ["chart-course-de"] = () => CourseChart.Render(course, new ChartOptions { Text = ReportText.German }),
            ["chart-outcomes"] = () => OutcomesChart.Render([a, b], ArmComparison.Create(a, b)),
            ["chart-outcomes-one-arm"] = () => OutcomesChart.Render([a]),
        };
    }

    /// <summary>A deterministic pseudo-random diary with gaps and two medication classes.</summary>
    internal static HeadacheDiary Diary(int days, int seed, DateOnly start)
    {
        var random = new Random(seed);
        var list = new List<DiaryDay>();
        for (var i = 0; i < days; i++)
        {
            if (i != 0 && i != days - 1 && random.Next(100) < 4)
            {
                continue;
            }

            var headache = random.Next(100) < 60;
            var migraine = headache && random.Next(100) < 50;
            var medication = headache && random.Next(100) < 60 ? AcuteMedicationSet.Of(random.Next(2) == 0 ? AcuteMedicationClass.Triptan : AcuteMedicationClass.SimpleAnalgesic) : AcuteMedicationSet.None;
            list.Add(new DiaryDay(start.AddDays(i), headache, migraine, medication));
        }

        return new HeadacheDiary(list);
    }

    private class Box
    {
        public double X { get; set; }

        public double Y { get; set; }

        public double W { get; set; }

        public double H { get; set; }
    }

    private sealed class TextBox : Box
    {
        public string Text { get; set; } = "";

        public bool Visible { get; set; }
    }

    private sealed class Shape : Box
    {
        public string Cls { get; set; } = "";

        public string? Value { get; set; }
    }

    private sealed class Measured
    {
        public Box Frame { get; set; } = new();

        public List<TextBox> Texts { get; set; } = [];

        public List<Shape> Shapes { get; set; } = [];
    }
}
