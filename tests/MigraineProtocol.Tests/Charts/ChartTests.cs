using System.Globalization;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Charts;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Localization;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;
using MigraineProtocol.Tests.Arbitraries;
using MigraineProtocol.Tests.Diaries;

namespace MigraineProtocol.Tests.Charts;

/// <summary>
/// The charts draw the numbers the library computes: every bar's value and height, every written
/// number and every interval comes from the diary, course or outcome summary (properties over random
/// inputs); the SVG is well formed, titled, described and byte-for-byte deterministic in any culture.
/// </summary>
[Properties(Arbitrary = [typeof(DiaryArbitraries)], MaxTest = 60)]
public class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static IEnumerable<XElement> WithClass(XElement root, string name, string cssClass) =>
        root.Descendants(Svg + name).Where(e => ((string?)e.Attribute("class") ?? string.Empty).Split(' ').Contains(cssClass));

    private static double D(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static int I(XElement e, string attribute) => int.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Property]
    public void DiaryBarsAreThePeriodCounts(HeadacheDiary diary, bool calendarMonths)
    {
        var kind = calendarMonths ? PeriodKind.CalendarMonth : PeriodKind.TwentyEightDays;
        var root = XDocument.Parse(DiaryChart.Render(diary, new DiaryChartOptions { Periods = kind })).Root!;
        var periods = diary.Periods(kind);
        var bars = WithClass(root, "g", "dc-bars").Single();
        var baseline = D(bars, "data-baseline-y");
        var scale = D(bars, "data-px-per-day");
        var groups = WithClass(bars, "g", "dc-period").ToList();
        Assert.Equal(periods.Length, groups.Count);
        for (var i = 0; i < periods.Length; i++)
        {
            var p = periods[i];
            var g = groups[i];
            Assert.Equal(p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.Attribute("data-start")!.Value);
            var expected = new Dictionary<string, int> { ["headache"] = p.HeadacheDays, ["migraine"] = p.MigraineDays };
            foreach (var (series, value) in expected)
            {
                var bar = g.Elements(Svg + "rect").Single(r => (string?)r.Attribute("data-series") == series);
                Assert.Equal(value, I(bar, "data-value"));
                Assert.Equal(value * scale, D(bar, "height"), 0.11);
                Assert.Equal(baseline, D(bar, "y") + D(bar, "height"), 0.11);
                var unrecorded = g.Elements(Svg + "rect").SingleOrDefault(r => (string?)r.Attribute("data-series") == series + "-unrecorded");
                Assert.Equal(p.DaysUnrecorded, unrecorded is null ? 0 : I(unrecorded, "data-value"));
                foreach (var label in g.Elements(Svg + "text").Where(t => (string?)t.Attribute("data-series") == series))
                {
                    Assert.Equal(value.ToString(CultureInfo.InvariantCulture), label.Value);
                    Assert.Equal(value, I(label, "data-value"));
                }
            }
        }

        foreach (var row in WithClass(root, "g", "dc-medication-row"))
        {
            Assert.True(AcuteMedicationClasses.TryParse(row.Attribute("data-class")!.Value, out var c));
            var values = WithClass(row, "rect", "dc-medication").Select(r => I(r, "data-value")).ToList();
            Assert.Equal(periods.Select(p => p.AcuteMedicationDays(c)), values);
            var line = WithClass(row, "line", "dc-ref-overuse").SingleOrDefault();
            Assert.Equal(MedicationOveruseThresholds.Verified.For(c), line is null ? null : I(line, "data-days"));
        }

        var reference = WithClass(bars, "line", "dc-ref").ToDictionary(l => l.Attribute("data-of")!.Value, l => I(l, "data-days"));
        Assert.Equal(ChronicMigraineCriteria.HeadacheDaysPerMonth, reference["headache"]);
        Assert.Equal(ChronicMigraineCriteria.MigraineDaysPerMonth, reference["migraine"]);
    }

    [Property]
    public void EveryDayOfTheSpanIsOneCellAndUnrecordedDaysAreNeverHeadacheFree(HeadacheDiary diary)
    {
        var root = XDocument.Parse(DiaryChart.Render(diary)).Root!;
        var cells = WithClass(root, "rect", "dc-cell").Where(c => c.Attribute("data-date") is not null)
            .ToDictionary(c => DateOnly.ParseExact(c.Attribute("data-date")!.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), c => c.Attribute("data-kind")!.Value);
        for (var d = diary.Start; d <= diary.End; d = d.AddDays(1))
        {
            var expected = diary.TryGetDay(d, out var day) ? day.Migraine ? "migraine" : day.Headache ? "headache" : "free" : "unrecorded";
            Assert.Equal(expected, cells[d]);
        }

        Assert.Equal(diary.DaysUnrecorded, cells.Count(c => c.Key >= diary.Start && c.Key <= diary.End && c.Value == "unrecorded"));
    }

    [Property]
    public void CourseBarsAndLinesAreTheCourseNumbers(HeadacheDiary diary, PositiveInt gap)
    {
        if (diary.SpanDays < 40)
        {
            return;
        }

        var first = diary.Start.AddDays(29);
        var second = first.AddDays(28 + (gap.Get % 90));
        var course = new TreatmentCourse(diary, [first, second]);
        var root = XDocument.Parse(CourseChart.Render(course)).Root!;
        var plot = WithClass(root, "g", "cc-plot").Single();
        var scale = D(plot, "data-px-per-day");
        var bars = WithClass(plot, "rect", "cc-bar").ToList();
        int[] expected = [course.Baseline.HeadacheDays, .. course.Cycles.Select(c => c.Window.HeadacheDays)];
        Assert.Equal(expected, bars.Select(b => I(b, "data-value")));
        Assert.All(bars, b => Assert.Equal(I(b, "data-value") * scale, D(b, "height"), 0.11));
        var values = WithClass(plot, "text", "ch-value").Select(t => t.Value).ToList();
        Assert.Equal(expected.Select(v => v.ToString(CultureInfo.InvariantCulture)), values);
        var lines = WithClass(plot, "line", "cc-ref").ToDictionary(l => I(l, "data-reduction"), l => decimal.Parse(l.Attribute("data-days")!.Value, CultureInfo.InvariantCulture));
        if (course.Baseline.HeadacheDays == 0)
        {
            Assert.Empty(lines);
        }
        else
        {
            Assert.Equal(0.7m * course.Baseline.HeadacheDays, lines[30]);
            Assert.Equal(0.5m * course.Baseline.HeadacheDays, lines[50]);
        }
    }

    public static Arbitrary<List<PatientOutcome>> Cohorts() =>
        Gen.Choose(1, 40).SelectMany(n => Gen.Choose(5, 28).SelectMany(b => Gen.Choose(0, 28).Select(f => new PatientOutcome(b, f))).ListOf(n))
            .Select(l => l.ToList()).ToArbitrary();

    [Property(Arbitrary = [typeof(ChartTests)])]
    public void OutcomeRowsAreTheSummaryNumbers(List<PatientOutcome> treated, List<PatientOutcome> control)
    {
        var a = new OutcomeAccumulator(ResponderThreshold.Percent50).AddRange(treated.ToArray()).Summarize("treated", 0.95, IntervalMethod.Wilson);
        var b = new OutcomeAccumulator(ResponderThreshold.Percent50).AddRange(control.ToArray()).Summarize("control", 0.95, IntervalMethod.Wilson);
        var cmp = ArmComparison.Create(a, b);
        var root = XDocument.Parse(OutcomesChart.Render([a, b], cmp)).Root!;
        var rows = WithClass(root, "g", "oc-row").ToList();
        string R(double v) => OutcomesChart.R(v);
        void Check(string panel, string arm, string kind, double value, ConfidenceInterval? ci, string text)
        {
            var row = rows.Single(r => r.Attribute("data-panel")!.Value == panel && r.Attribute("data-arm")!.Value == arm && r.Attribute("data-kind")!.Value == kind);
            Assert.Equal(R(value), row.Attribute("data-value")!.Value);
            Assert.Equal(ci is { } c ? R(c.Lower) : null, (string?)row.Attribute("data-lower"));
            Assert.Equal(ci is { } d ? R(d.Upper) : null, (string?)row.Attribute("data-upper"));
            Assert.Equal(text, WithClass(row, "text", "oc-value").Single().Value);
            var panelGroup = row.Parent!;
            var (min, max) = (double.Parse(panelGroup.Attribute("data-min")!.Value, CultureInfo.InvariantCulture), double.Parse(panelGroup.Attribute("data-max")!.Value, CultureInfo.InvariantCulture));
            var x = D(panelGroup, "data-plot-x") + ((Math.Clamp(value, min, max) - min) * D(panelGroup, "data-plot-width") / (max - min));
            var point = row.Elements().Single(e => ((string?)e.Attribute("class") ?? string.Empty).Contains("oc-point", StringComparison.Ordinal));
            Assert.Equal(x, D(point, "data-x"), 0.06);
        }

        var t = ReportText.English;
        foreach (var arm in new[] { a, b })
        {
            Check("responder-rate", arm.Arm, "arm", arm.ResponderRate, arm.ResponderRateInterval, $"{t.Percent(arm.ResponderRate, 1)} ({t.Percent(arm.ResponderRateInterval.Lower, 1)} to {t.Percent(arm.ResponderRateInterval.Upper, 1)})");
            var m = arm.MeanChangeInterval;
            Check("mean-change", arm.Arm, "arm", arm.MeanChange, m, m is { } ci ? $"{t.Signed(arm.MeanChange, 2)} ({t.Signed(ci.Lower, 2)} to {t.Signed(ci.Upper, 2)})" : $"{t.Signed(arm.MeanChange, 2)} (interval n/a)");
        }

        Check("risk-difference", "treated", "difference", cmp.RiskDifference, cmp.RiskDifferenceInterval, $"{t.Signed(cmp.RiskDifference * 100, 1)} pts ({t.Signed(cmp.RiskDifferenceInterval.Lower * 100, 1)} pts to {t.Signed(cmp.RiskDifferenceInterval.Upper * 100, 1)} pts)");
    }

    [Fact]
    public void ChartsAreWellFormedTitledDescribedAndTheSameInEveryCulture()
    {
        var diary = TestDiaries.Periodic(5, 16, 9, 11, AcuteMedicationSet.Of(AcuteMedicationClass.Triptan));
        var course = new TreatmentCourse(diary, [diary.Start.AddDays(28), diary.Start.AddDays(112)]);
        Func<string>[] charts =
        [
            () => DiaryChart.Render(diary, new DiaryChartOptions { SessionDates = course.SessionDates }),
            () => CourseChart.Render(course),
            () => DiaryChart.Render(diary, new DiaryChartOptions { Text = ReportText.German }),
            () => CourseChart.Render(course, new ChartOptions { Text = ReportText.German }),
        ];
        foreach (var render in charts)
        {
            var invariant = render();
            var previous = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
                Assert.Equal(invariant, render());
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ar-SA");
                Assert.Equal(invariant, render());
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }

            var root = XDocument.Parse(invariant).Root!;
            Assert.False(string.IsNullOrWhiteSpace(root.Element(Svg + "title")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(root.Element(Svg + "desc")?.Value));
            Assert.Equal("img", root.Attribute("role")!.Value);
            Assert.EndsWith("\n", invariant, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SessionsAreMarkedOnTheCalendar()
    {
        var diary = TestDiaries.Periodic(4, 16, 9);
        var sessions = new[] { diary.Start.AddDays(30), diary.Start.AddDays(100) };
        var root = XDocument.Parse(DiaryChart.Render(diary, new DiaryChartOptions { SessionDates = sessions })).Root!;
        Assert.Equal(["2026-02-04", "2026-04-15"], WithClass(root, "rect", "dc-session").Where(r => r.Attribute("data-session") is not null).Select(r => r.Attribute("data-session")!.Value));
        Assert.Equal(["S1", "S2"], WithClass(root, "text", "ch-label").Where(t => t.Attribute("data-session") is not null).Select(t => t.Value));
    }

    [Fact]
    public void GermanChartsUseTheGermanIchd3Terms()
    {
        var diary = TestDiaries.Periodic(4, 16, 9, 11, AcuteMedicationSet.Of(AcuteMedicationClass.Triptan, AcuteMedicationClass.SimpleAnalgesic));
        var svg = DiaryChart.Render(diary, new DiaryChartOptions { Text = ReportText.German });
        Assert.Contains("Kopfschmerztagebuch", svg, StringComparison.Ordinal);
        Assert.Contains("Triptane", svg, StringComparison.Ordinal);
        Assert.Contains("Nicht-Opioid-Analgetika", svg, StringComparison.Ordinal);
        Assert.Contains("Übergebrauch (ICHD-3 8.2.2)", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Headache", svg, StringComparison.Ordinal);
    }
}
