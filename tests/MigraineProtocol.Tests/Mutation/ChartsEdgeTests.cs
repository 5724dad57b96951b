using System.Globalization;
using System.Xml.Linq;
using FsCheck.Xunit;
using MigraineProtocol.Charts;
using MigraineProtocol.Localization;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;
using MigraineProtocol.Tests.Charts;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The outcomes (forest) chart's drawing, checked element by element against a layout model written
/// from its geometry: a 772 × (76 + Σ panel) canvas, a 340-wide plot from x = 186, one 22-high row per
/// estimate, an axis whose step is the smallest 1, 2 or 5 × 10ᵏ that splits the data into at most four
/// steps, a risk-difference axis symmetric about zero in tenths, and every point, interval, cap, grid
/// line, tick label, heading and value text where the model puts it. Random cohorts and the edge cases
/// (one patient, no spread, exact step boundaries, long arm names, nearly equal arms) run through it.
/// </summary>
public class ChartsEdgeTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const double PlotX = 186;
    private const double PlotWidth = 340;
    private const double ValueX = PlotX + PlotWidth + 26;

    private static ArmSummary Arm(string name, params (double Baseline, double FollowUp)[] patients) =>
        new OutcomeAccumulator(ResponderThreshold.Percent50)
            .AddRange(patients.Select(p => new PatientOutcome(p.Baseline, p.FollowUp)).ToArray())
            .Summarize(name, 0.95, IntervalMethod.Wilson);

    private static bool Has(XElement e, string cssClass) => ((string?)e.Attribute("class") ?? string.Empty).Split(' ').Contains(cssClass);

    private static double D(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 0.051, $"{what}: expected {expected}, drawn at {actual}");

    private static void At(XElement text, double x, double y, string what)
    {
        Near(x, D(text, "x"), what + " x");
        Near(y, D(text, "y"), what + " y");
    }

    private static void Segment(XElement line, double x1, double y1, double x2, double y2, string what)
    {
        Near(x1, D(line, "x1"), what + " x1");
        Near(y1, D(line, "y1"), what + " y1");
        Near(x2, D(line, "x2"), what + " x2");
        Near(y2, D(line, "y2"), what + " y2");
    }

    private static string Short(string arm) => arm.Length <= 18 ? arm : string.Concat(arm.AsSpan(0, 17), "…");

    /// <summary>The smallest 1, 2 or 5 × 10ᵏ at least <paramref name="raw"/>, by search.</summary>
    private static double NiceStepOracle(double raw)
    {
        for (var k = -8; k <= 8; k++)
        {
            foreach (var m in new[] { 1.0, 2.0, 5.0 })
            {
                var candidate = m * Math.Pow(10, k);
                if (candidate >= raw)
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"no nice step for {raw}");
    }

    private sealed record ModelRow(string Arm, string Label, string Kind, double Value, ConfidenceInterval? Interval, string Text);

    private sealed record ModelPanel(string Id, string Heading, List<ModelRow> Rows, double Min, double Max, double Step, Func<double, string> Tick);

    private static List<ModelPanel> Model(IReadOnlyList<ArmSummary> arms, ArmComparison? cmp, ReportText t)
    {
        string ArmLabel(ArmSummary a) => $"{Short(a.Arm)} (n = {a.Count.ToString(CultureInfo.InvariantCulture)})";
        string With(string value, ConfidenceInterval? ci, Func<double, string> f) =>
            ci is { } c ? t.Format("chart.outcomes.value-ci", value, f(c.Lower), f(c.Upper)) : t.Format("chart.outcomes.value-no-ci", value);
        string Rate(double v) => t.Percent(v, 1);
        string Days(double v) => t.Signed(v, 2);
        string Points(double v) => t.Format("chart.outcomes.points", t.Signed(v * 100, 1));

        var panels = new List<ModelPanel>
        {
            new("responder-rate", t.Format("chart.outcomes.rate", IntervalMethods.Format(arms[0].ResponderRateInterval.Method)),
                [.. arms.Select(a => new ModelRow(a.Arm, ArmLabel(a), "arm", a.ResponderRate, a.ResponderRateInterval, With(Rate(a.ResponderRate), a.ResponderRateInterval, Rate)))],
                0, 1, 0.25, v => t.Percent(v, 0)),
        };
        if (cmp is not null)
        {
            var ci = cmp.RiskDifferenceInterval;
            var largest = new[] { Math.Abs(ci.Lower), Math.Abs(ci.Upper), Math.Abs(cmp.RiskDifference), 0.1 }.Max();
            var extent = Enumerable.Range(1, 10).Select(k => k / 10.0).FirstOrDefault(e => e >= largest - 1e-9, 1.0);
            panels.Add(new("risk-difference", t["chart.outcomes.risk-difference"],
                [new(cmp.Treatment.Arm, t.Format("chart.outcomes.versus", Short(cmp.Treatment.Arm), Short(cmp.Control.Arm)), "difference", cmp.RiskDifference, ci, With(Points(cmp.RiskDifference), ci, Points))],
                -extent, extent, extent / 2, v => t.Signed(v * 100, 0)));
        }

        var change = arms.Select(a => new ModelRow(a.Arm, ArmLabel(a), "arm", a.MeanChange, a.MeanChangeInterval, With(Days(a.MeanChange), a.MeanChangeInterval, Days))).ToList();
        if (cmp is not null)
        {
            change.Add(new(cmp.Treatment.Arm, t.Format("chart.outcomes.difference", Short(cmp.Treatment.Arm), Short(cmp.Control.Arm)), "difference",
                cmp.MeanChangeDifference, cmp.MeanChangeDifferenceInterval, With(Days(cmp.MeanChangeDifference), cmp.MeanChangeDifferenceInterval, Days)));
        }

        var values = change.SelectMany(r => r.Interval is { } i ? new[] { r.Value, i.Lower, i.Upper } : [r.Value]).Append(0).ToList();
        var span = values.Max() - values.Min();
        var step = NiceStepOracle(span > 0 ? span / 4 : 1);
        var min = Math.Floor(values.Min() / step) * step;
        var max = Math.Max(Math.Ceiling(values.Max() / step) * step, min + step);
        Assert.True(min <= values.Min() && min > values.Min() - step, "the axis starts at most one step below the smallest value");
        Assert.True(max >= values.Max() && max < values.Max() + step + 1e-9, "the axis ends at most one step above the largest value");
        panels.Add(new("mean-change", t["chart.outcomes.mean-change"], change, min, max, step, v => t.Signed(v, step < 1 ? 1 : 0)));
        return panels;
    }

    private static void CheckLayout(IReadOnlyList<ArmSummary> arms, ArmComparison? cmp, ReportText t)
    {
        var svg = OutcomesChart.Render(arms, cmp, new ChartOptions { Text = t });
        Assert.EndsWith("</svg>\n", svg, StringComparison.Ordinal);
        Assert.False(svg.EndsWith("\n\n", StringComparison.Ordinal));
        var root = XDocument.Parse(svg).Root!;
        var model = Model(arms, cmp, t);

        var height = 60 + model.Sum(p => 60 + (22 * p.Rows.Count)) + 16;
        Assert.Equal(772, D(root, "width"));
        Assert.Equal(height, D(root, "height"));
        Assert.Equal("outcomes", root.Attribute("data-chart")!.Value);
        Assert.Equal("outcomes-chart-title outcomes-chart-desc", root.Attribute("aria-labelledby")!.Value);

        var subtitle = t.Format("chart.outcomes.subtitle", t.Percent(arms[0].ConfidenceLevel, 0), t.Percent(arms[0].Threshold.Fraction, 0));
        var description = subtitle + ". " + string.Join(" ", model.Select(p => $"{p.Heading}: {string.Join("; ", p.Rows.Select(r => $"{r.Label} {r.Text}"))}."));
        Assert.Equal(description, root.Element(Svg + "desc")!.Value);
        Assert.Equal(t["chart.outcomes.title"], root.Element(Svg + "title")!.Value);

        var topTexts = root.Elements(Svg + "text").ToList();
        var title = topTexts.Single(e => Has(e, "ch-title"));
        Assert.Equal(t["chart.outcomes.title"], title.Value);
        At(title, 16, 26, "title");
        var sub = topTexts.Single(e => Has(e, "ch-subtitle"));
        Assert.Equal(subtitle, sub.Value);
        At(sub, 16, 44, "subtitle");

        var headings = topTexts.Where(e => Has(e, "ch-heading")).ToList();
        var groups = root.Elements(Svg + "g").Where(e => Has(e, "oc-panel")).ToList();
        Assert.Equal(model.Count, headings.Count);
        Assert.Equal(model.Count, groups.Count);
        var top = 60.0;
        for (var k = 0; k < model.Count; k++)
        {
            CheckPanel(model[k], headings[k], groups[k], top, t);
            top += 50 + (22 * model[k].Rows.Count);
        }
    }

    private static void CheckPanel(ModelPanel p, XElement heading, XElement group, double top, ReportText t)
    {
        var what = p.Id;
        Assert.Equal(p.Heading, heading.Value);
        At(heading, 16, top + 14, what + " heading");
        Assert.Equal(p.Id, group.Attribute("data-panel")!.Value);
        Assert.Equal(OutcomesChart.R(p.Min), group.Attribute("data-min")!.Value);
        Assert.Equal(OutcomesChart.R(p.Max), group.Attribute("data-max")!.Value);
        Assert.Equal("186.0", group.Attribute("data-plot-x")!.Value);
        Assert.Equal("340.0", group.Attribute("data-plot-width")!.Value);

        double X(double v) => PlotX + ((Math.Clamp(v, p.Min, p.Max) - p.Min) * PlotWidth / (p.Max - p.Min));
        var axisY = top + 30;
        var bottom = axisY + (22 * p.Rows.Count) + 4;
        var children = group.Elements().ToList();

        var ticks = (int)Math.Round((p.Max - p.Min) / p.Step);
        var grid = children.Where(e => e.Name == Svg + "line" && Has(e, "ch-grid")).ToList();
        var tickTexts = children.Where(e => e.Name == Svg + "text" && Has(e, "ch-tick") && e.Attribute("text-anchor") is not null).ToList();
        Assert.Equal(ticks + 1, grid.Count);
        Assert.Equal(ticks + 1, tickTexts.Count);
        for (var i = 0; i <= ticks; i++)
        {
            var v = p.Min + (i * p.Step);
            Segment(grid[i], X(v), axisY, X(v), bottom, $"{what} grid {i}");
            Assert.Equal(p.Tick(v), tickTexts[i].Value);
            Assert.Equal("middle", tickTexts[i].Attribute("text-anchor")!.Value);
            At(tickTexts[i], X(v), axisY - 3, $"{what} tick {i}");
        }

        var zero = children.Where(e => Has(e, "oc-zero")).ToList();
        if (p.Min < 0 && p.Max > 0)
        {
            Segment(Assert.Single(zero), X(0), axisY, X(0), bottom, what + " zero line");
        }
        else
        {
            Assert.Empty(zero);
        }

        Segment(children.Single(e => Has(e, "ch-axis")), PlotX, bottom, PlotX + PlotWidth, bottom, what + " axis");
        var estimate = children.Single(e => e.Name == Svg + "text" && Has(e, "ch-tick") && e.Attribute("text-anchor") is null);
        Assert.Equal(t["chart.outcomes.estimate"], estimate.Value);
        At(estimate, ValueX, axisY - 3, what + " estimate heading");

        var rows = children.Where(e => e.Name == Svg + "g" && Has(e, "oc-row")).ToList();
        Assert.Equal(p.Rows.Count, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = p.Rows[r];
            var g = rows[r];
            var y = axisY + (r * 22) + 13;
            var label = $"{what} row {r}";
            Assert.Equal(p.Id, g.Attribute("data-panel")!.Value);
            Assert.Equal(row.Arm, g.Attribute("data-arm")!.Value);
            Assert.Equal(row.Kind, g.Attribute("data-kind")!.Value);
            Assert.Equal(OutcomesChart.R(row.Value), g.Attribute("data-value")!.Value);
            Assert.Equal(row.Interval is { } a ? OutcomesChart.R(a.Lower) : null, (string?)g.Attribute("data-lower"));
            Assert.Equal(row.Interval is { } b ? OutcomesChart.R(b.Upper) : null, (string?)g.Attribute("data-upper"));
            Assert.Equal($"{row.Label}: {row.Text}", g.Element(Svg + "title")!.Value);
            var text = g.Elements(Svg + "text").Single(e => Has(e, "ch-label"));
            Assert.Equal(row.Label, text.Value);
            At(text, 16, y + 3.5, label + " label");

            var lines = g.Elements(Svg + "line").ToList();
            if (row.Interval is { } ci)
            {
                Assert.Equal(3, lines.Count);
                Assert.True(Has(lines[0], "oc-ci") && Has(lines[1], "oc-cap") && Has(lines[2], "oc-cap"), label + " interval classes");
                Segment(lines[0], X(ci.Lower), y, X(ci.Upper), y, label + " interval");
                Segment(lines[1], X(ci.Lower), y - 4, X(ci.Lower), y + 4, label + " lower cap");
                Segment(lines[2], X(ci.Upper), y - 4, X(ci.Upper), y + 4, label + " upper cap");
            }
            else
            {
                Assert.Empty(lines);
            }

            var px = X(row.Value);
            if (row.Kind == "difference")
            {
                var diamond = g.Elements(Svg + "path").Single();
                Assert.Equal("oc-point oc-difference", diamond.Attribute("class")!.Value);
                Assert.Equal($"M{ChartSvg.N(px)} {ChartSvg.N(y - 6)}l6 6l-6 6l-6 -6z", diamond.Attribute("d")!.Value);
                Near(px, D(diamond, "data-x"), label + " diamond");
                Assert.Empty(g.Elements(Svg + "rect"));
            }
            else
            {
                var square = g.Elements(Svg + "rect").Single();
                Assert.Equal("oc-point", square.Attribute("class")!.Value);
                Near(px - 4.5, D(square, "x"), label + " square x");
                Near(y - 4.5, D(square, "y"), label + " square y");
                Assert.Equal(9, D(square, "width"));
                Assert.Equal(9, D(square, "height"));
                Near(px, D(square, "data-x"), label + " square");
                Assert.Empty(g.Elements(Svg + "path"));
            }

            var value = g.Elements(Svg + "text").Single(e => Has(e, "oc-value"));
            Assert.True(Has(value, "ch-value"), label + " value class");
            Assert.Equal(row.Text, value.Value);
            Assert.Equal(OutcomesChart.R(row.Value), value.Attribute("data-value")!.Value);
            At(value, ValueX, y + 3.5, label + " value");
        }
    }

    [Property(Arbitrary = [typeof(ChartTests)], MaxTest = 40)]
    public void EveryElementIsWhereTheLayoutModelPutsIt(List<PatientOutcome> treated, List<PatientOutcome> control, bool german)
    {
        var a = new OutcomeAccumulator(ResponderThreshold.Percent50).AddRange(treated.ToArray()).Summarize("treated", 0.95, IntervalMethod.Wilson);
        var b = new OutcomeAccumulator(ResponderThreshold.Percent50).AddRange(control.ToArray()).Summarize("control", 0.95, IntervalMethod.Wilson);
        var other = new OutcomeAccumulator(ResponderThreshold.Percent30).AddRange(control.ToArray()).Summarize("control", 0.9, IntervalMethod.ClopperPearson);
        var t = german ? ReportText.German : ReportText.English;
        CheckLayout([a, b], ArmComparison.Create(a, b), t);
        CheckLayout([other], null, t);
    }

    public static TheoryData<double> StepBoundaries => [-4, -8, -20, -40, -6, -12, -28, -60, -2, 4, 8, 20];

    /// <summary>An arm whose every patient changes by <paramref name="change"/> days: the values are the change and 0,
    /// so the axis step is the nice step of |change| / 4, exactly at (or between) the 1, 2, 5 boundaries.</summary>
    [Theory]
    [MemberData(nameof(StepBoundaries))]
    public void TheMeanChangeAxisStepIsTheSmallestNiceStep(double change)
    {
        var arm = Arm("exact", (70, 70 + change), (80, 80 + change));
        Assert.Equal(change, arm.MeanChange, 12);
        CheckLayout([arm], null, ReportText.English);
        var group = XDocument.Parse(OutcomesChart.Render([arm])).Root!.Elements(Svg + "g").Single(g => g.Attribute("data-panel")?.Value == "mean-change");
        var step = NiceStepOracle(Math.Abs(change) / 4);
        var (min, max) = (Math.Floor(Math.Min(change, 0) / step) * step, Math.Ceiling(Math.Max(change, 0) / step) * step);
        Assert.Equal(OutcomesChart.R(min), group.Attribute("data-min")!.Value);
        Assert.Equal(OutcomesChart.R(max), group.Attribute("data-max")!.Value);
        Assert.Equal((int)Math.Round((max - min) / step) + 1, group.Elements(Svg + "line").Count(e => Has(e, "ch-grid")));
    }

    [Fact]
    public void NoChangeAtAllStillGivesAnAxisOfOneDay()
    {
        var arm = Arm("unchanged", (10, 10), (12, 12), (20, 20));
        CheckLayout([arm], null, ReportText.English);
        var group = XDocument.Parse(OutcomesChart.Render([arm])).Root!.Elements(Svg + "g").Single(g => g.Attribute("data-panel")?.Value == "mean-change");
        Assert.Equal("0", group.Attribute("data-min")!.Value);
        Assert.Equal("1", group.Attribute("data-max")!.Value);
    }

    [Fact]
    public void OnePatientHasNoIntervalAndNoCaps()
    {
        var one = Arm("alone", (16, 4));
        Assert.Null(one.MeanChangeInterval);
        CheckLayout([one], null, ReportText.English);
        CheckLayout([one, Arm("pair", (16, 8), (20, 2))], ArmComparison.Create(one, Arm("pair", (16, 8), (20, 2))), ReportText.German);
    }

    [Fact]
    public void NearlyEqualArmsKeepTheSmallestRiskDifferenceAxis()
    {
        var patients = Enumerable.Range(0, 400).Select(i => (Baseline: 20.0, FollowUp: i % 2 == 0 ? 6.0 : 16.0)).ToArray();
        var a = Arm("a", patients);
        var b = Arm("b", patients);
        var cmp = ArmComparison.Create(a, b);
        Assert.True(Math.Max(Math.Abs(cmp.RiskDifferenceInterval.Lower), cmp.RiskDifferenceInterval.Upper) < 0.1);
        CheckLayout([a, b], cmp, ReportText.English);
        var group = XDocument.Parse(OutcomesChart.Render([a, b], cmp)).Root!.Elements(Svg + "g").Single(g => g.Attribute("data-panel")?.Value == "risk-difference");
        Assert.Equal("-0.1", group.Attribute("data-min")!.Value);
        Assert.Equal("0.1", group.Attribute("data-max")!.Value);
    }

    [Fact]
    public void AWholeRiskDifferenceAxisIsCappedAtOneHundredPoints()
    {
        var all = Arm("all respond", (20, 2), (20, 0), (18, 1), (22, 3), (24, 4), (16, 0), (20, 1), (19, 2));
        var none = Arm("none respond", (20, 20), (20, 19), (18, 18), (22, 22), (24, 24), (16, 16), (20, 20), (19, 19));
        var cmp = ArmComparison.Create(all, none);
        CheckLayout([all, none], cmp, ReportText.English);
        var group = XDocument.Parse(OutcomesChart.Render([all, none], cmp)).Root!.Elements(Svg + "g").Single(g => g.Attribute("data-panel")?.Value == "risk-difference");
        Assert.Equal("1", group.Attribute("data-max")!.Value);
    }

    [Theory]
    [InlineData("eighteen-chars-arm", "eighteen-chars-arm")]
    [InlineData("nineteen-chars-arms", "nineteen-chars-ar…")]
    [InlineData("onabotulinumtoxinA 155 U", "onabotulinumtoxin…")]
    public void LongArmNamesAreShortenedToSeventeenCharactersAndAnEllipsis(string arm, string shown)
    {
        var treated = Arm(arm, (16, 4), (20, 6), (18, 12));
        var control = Arm("placebo", (16, 14), (20, 18));
        var cmp = ArmComparison.Create(treated, control);
        CheckLayout([treated, control], cmp, ReportText.English);
        var root = XDocument.Parse(OutcomesChart.Render([treated, control], cmp)).Root!;
        var labels = root.Descendants(Svg + "text").Where(e => Has(e, "ch-label")).Select(e => e.Value).ToList();
        Assert.Contains($"{shown} (n = 3)", labels);
        Assert.Contains($"{shown} vs placebo", labels);
        Assert.Contains($"{shown} minus placebo (Welch)", labels);
        Assert.All(root.Descendants(Svg + "g").Where(e => Has(e, "oc-row") && e.Attribute("data-arm")!.Value != "placebo"), g => Assert.Equal(arm, g.Attribute("data-arm")!.Value));
    }

    [Fact]
    public void TheOptionsChooseTheTitleAndTheLanguage()
    {
        ArmSummary[] arms = [Arm("a", (10, 4), (12, 6))];
        var english = OutcomesChart.Render(arms);
        Assert.Equal(english, OutcomesChart.Render(arms, null, ChartOptions.Default));
        Assert.Equal(english, OutcomesChart.Render(arms, null, null));

        var custom = XDocument.Parse(OutcomesChart.Render(arms, null, new ChartOptions { Title = "Trial X" })).Root!;
        Assert.Equal("Trial X", custom.Element(Svg + "title")!.Value);
        Assert.Equal("Trial X", custom.Elements(Svg + "text").Single(e => Has(e, "ch-title")).Value);

        var german = XDocument.Parse(OutcomesChart.Render(arms, null, new ChartOptions { Text = ReportText.German })).Root!;
        Assert.Equal(ReportText.German["chart.outcomes.title"], german.Element(Svg + "title")!.Value);
        Assert.NotEqual(ReportText.English["chart.outcomes.title"], ReportText.German["chart.outcomes.title"]);
    }

    [Fact]
    public void TheArmsAreChecked()
    {
        Assert.Equal("arms", Assert.Throws<ArgumentNullException>(() => OutcomesChart.Render(null!)).ParamName);
        var empty = Assert.Throws<ArgumentException>(() => OutcomesChart.Render([]));
        Assert.Equal("arms", empty.ParamName);
        Assert.StartsWith("An outcomes chart needs at least one arm.", empty.Message, StringComparison.Ordinal);
        var withNull = Assert.Throws<ArgumentNullException>(() => OutcomesChart.Render([Arm("a", (10, 4), (12, 6)), null!]));
        Assert.Equal("arms", withNull.ParamName);
        Assert.StartsWith("The arms must not contain null.", withNull.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1e-7, "0")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(1.5, "1.5")]
    [InlineData(12345.0000004, "12345")]
    public void DataAttributesRoundToSixDecimalsWithoutANegativeZero(double value, string written) =>
        Assert.Equal(written, OutcomesChart.R(value));
}
