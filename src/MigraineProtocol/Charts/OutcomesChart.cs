using System.Text;
using MigraineProtocol.Localization;
using MigraineProtocol.Outcomes;

namespace MigraineProtocol.Charts;

/// <summary>
/// Draws a cohort's outcomes as a standalone SVG forest-style chart: each arm's responder rate with
/// its interval, the risk difference of a treatment-control comparison with its interval, and each
/// arm's mean change in headache days (and the difference in mean change) with their intervals.
/// </summary>
/// <remarks>
/// <para>Every point and interval is the summary's own number (<see cref="ArmSummary.ResponderRate"/>,
/// <see cref="ArmSummary.ResponderRateInterval"/>, <see cref="ArmComparison.RiskDifference"/>,
/// <see cref="ArmComparison.RiskDifferenceInterval"/>, <see cref="ArmSummary.MeanChange"/>,
/// <see cref="ArmSummary.MeanChangeInterval"/>, <see cref="ArmComparison.MeanChangeDifference"/>,
/// <see cref="ArmComparison.MeanChangeDifferenceInterval"/>), written beside the row as text; a
/// missing interval (an arm of one patient) is written "n/a" and not drawn. Points are squares for
/// arms and diamonds for differences, so the shape, not only the colour, tells them apart.</para>
/// <para>Accessible, testable and deterministic as <see cref="DiaryChart"/> is
/// (<c>g.oc-row[data-panel][data-arm]</c> with <c>data-value</c>, <c>data-lower</c>, <c>data-upper</c>,
/// and <c>text.ch-value</c>). The statistics inform; a clinician decides.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class OutcomesChart
{
    private const double Pad = 16;
    private const double LabelWidth = 170;
    private const double PlotWidth = 340;
    private const double ValueWidth = 230;
    private const double RowHeight = 22;

    private const string Css =
        ".oc-ci{stroke:#111;stroke-width:1.6}"
        + ".oc-cap{stroke:#111;stroke-width:1.6}"
        + ".oc-point{fill:#0072b2;stroke:#111;stroke-width:0.8}"
        + ".oc-point.oc-difference{fill:#d55e00}"
        + ".oc-zero{stroke:#777;stroke-width:1;stroke-dasharray:3 2}";

    /// <summary>Renders the chart as SVG text (LF line ends, ending with a line feed).</summary>
    /// <param name="arms">The arms, in the order to draw; at least one.</param>
    /// <param name="comparison">A treatment-control comparison to draw, if any.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ChartOptions.Default"/>.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="arms"/> or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="arms"/> is empty.</exception>
    public static string Render(IReadOnlyList<ArmSummary> arms, ArmComparison? comparison = null, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count == 0)
        {
            throw new ArgumentException("An outcomes chart needs at least one arm.", nameof(arms));
        }

        if (arms.Any(a => a is null))
        {
            throw new ArgumentNullException(nameof(arms), "The arms must not contain null.");
        }

        options ??= ChartOptions.Default;
        var text = options.Text ?? ReportText.English;
        var title = options.Title ?? text["chart.outcomes.title"];
        var panels = BuildPanels(arms, comparison, text);
        var width = Pad + LabelWidth + PlotWidth + ValueWidth + Pad;
        var height = 60 + panels.Sum(p => 44 + (p.Rows.Count * RowHeight) + 16) + Pad;
        var description = new StringBuilder(Subtitle(arms[0], text)).Append(". ");
        foreach (var p in panels)
        {
            description.Append(p.Heading).Append(": ");
            description.AppendJoin("; ", p.Rows.Select(r => $"{r.Label} {r.ValueText}")).Append(". ");
        }

        var output = new StringBuilder(8 * 1024);
        using (var svg = ChartSvg.Start(output, "outcomes-chart", "outcomes", width, height, title, description.ToString().TrimEnd(), Css))
        {
            svg.Text(title, Pad, 26, "ch-title");
            svg.Text(Subtitle(arms[0], text), Pad, 44, "ch-subtitle");
            var y = 60.0;
            foreach (var p in panels)
            {
                y = WritePanel(svg, p, y, text);
            }
        }

        output.Append('\n');
        return output.ToString();
    }

    private static string Subtitle(ArmSummary first, ReportText text) =>
        text.Format("chart.outcomes.subtitle", text.Percent(first.ConfidenceLevel, 0), text.Percent(first.Threshold.Fraction, 0));

    private sealed record Row(string Arm, string Label, string Kind, double Value, ConfidenceInterval? Interval, string ValueText);

    private sealed record Panel(string Id, string Heading, List<Row> Rows, double Min, double Max, double Tick, Func<double, string> TickText);

    private static List<Panel> BuildPanels(IReadOnlyList<ArmSummary> arms, ArmComparison? comparison, ReportText text)
    {
        string Rate(double v) => text.Percent(v, 1);
        string WithInterval(string value, ConfidenceInterval? ci, Func<double, string> f) =>
            ci is { } c ? text.Format("chart.outcomes.value-ci", value, f(c.Lower), f(c.Upper)) : text.Format("chart.outcomes.value-no-ci", value);

        var panels = new List<Panel>();
        var rate = arms.Select(a => new Row(a.Arm, ArmLabel(a, text), "arm", a.ResponderRate, a.ResponderRateInterval, WithInterval(Rate(a.ResponderRate), a.ResponderRateInterval, Rate))).ToList();
        panels.Add(new Panel("responder-rate", text.Format("chart.outcomes.rate", IntervalMethods.Format(arms[0].ResponderRateInterval.Method)), rate, 0, 1, 0.25, v => text.Percent(v, 0)));

        if (comparison is { } cmp)
        {
            string Points(double v) => text.Format("chart.outcomes.points", text.Signed(v * 100, 1));
            var ci = cmp.RiskDifferenceInterval;
            var extent = NiceCeiling(new[] { Math.Abs(ci.Lower), Math.Abs(ci.Upper), Math.Abs(cmp.RiskDifference), 0.1 }.Max(), 0.1);
            var label = text.Format("chart.outcomes.versus", Short(cmp.Treatment.Arm), Short(cmp.Control.Arm));
            panels.Add(new Panel("risk-difference", text["chart.outcomes.risk-difference"], [new Row(cmp.Treatment.Arm, label, "difference", cmp.RiskDifference, ci, WithInterval(Points(cmp.RiskDifference), ci, Points))], -extent, extent, extent / 2, v => text.Signed(v * 100, 0)));
        }

        string DaysText(double v) => text.Signed(v, 2);
        var change = arms.Select(a => new Row(a.Arm, ArmLabel(a, text), "arm", a.MeanChange, a.MeanChangeInterval, WithInterval(DaysText(a.MeanChange), a.MeanChangeInterval, DaysText))).ToList();
        if (comparison is { } c2)
        {
            change.Add(new Row(c2.Treatment.Arm, text.Format("chart.outcomes.difference", Short(c2.Treatment.Arm), Short(c2.Control.Arm)), "difference", c2.MeanChangeDifference, c2.MeanChangeDifferenceInterval, WithInterval(DaysText(c2.MeanChangeDifference), c2.MeanChangeDifferenceInterval, DaysText)));
        }

        var values = change.SelectMany(r => r.Interval is { } i ? new[] { r.Value, i.Lower, i.Upper } : [r.Value]).Append(0).ToList();
        var span = values.Max() - values.Min();
        var step = NiceStep(span <= 0 ? 1 : span / 4);
        var min = Math.Floor(values.Min() / step) * step;
        var max = Math.Ceiling(values.Max() / step) * step;
        if (max <= min)
        {
            max = min + step;
        }

        panels.Add(new Panel("mean-change", text["chart.outcomes.mean-change"], change, min, max, step, v => text.Signed(v, step < 1 ? 1 : 0)));
        return panels;
    }

    private static double WritePanel(ChartSvg svg, Panel p, double top, ReportText text)
    {
        var plotX = Pad + LabelWidth;
        svg.Text(p.Heading, Pad, top + 14, "ch-heading");
        var axisY = top + 30;
        var scale = PlotWidth / (p.Max - p.Min);
        double X(double v) => plotX + ((Math.Clamp(v, p.Min, p.Max) - p.Min) * scale);
        svg.StartGroup("oc-panel", ("data-panel", p.Id), ("data-min", R(p.Min)), ("data-max", R(p.Max)), ("data-plot-x", ChartSvg.N(plotX)), ("data-plot-width", ChartSvg.N(PlotWidth)));
        var bottom = axisY + (p.Rows.Count * RowHeight) + 4;
        var ticks = (int)Math.Round((p.Max - p.Min) / p.Tick);
        for (var i = 0; i <= ticks; i++)
        {
            var v = p.Min + (i * p.Tick);
            svg.Line("ch-grid", X(v), axisY, X(v), bottom);
            svg.Text(p.TickText(v), X(v), axisY - 3, "ch-tick", ("text-anchor", "middle"));
        }

        if (p.Min < 0 && p.Max > 0)
        {
            svg.Line("oc-zero", X(0), axisY, X(0), bottom);
        }

        svg.Line("ch-axis", plotX, bottom, plotX + PlotWidth, bottom);
        svg.Text(text["chart.outcomes.estimate"], plotX + PlotWidth + 26, axisY - 3, "ch-tick");
        for (var r = 0; r < p.Rows.Count; r++)
        {
            var row = p.Rows[r];
            var y = axisY + (r * RowHeight) + (RowHeight / 2) + 2;
            var attrs = new List<(string, string)> { ("data-panel", p.Id), ("data-arm", row.Arm), ("data-kind", row.Kind), ("data-value", R(row.Value)) };
            if (row.Interval is { } ci)
            {
                attrs.Add(("data-lower", R(ci.Lower)));
                attrs.Add(("data-upper", R(ci.Upper)));
            }

            svg.StartGroup("oc-row", [.. attrs]);
            svg.Title($"{row.Label}: {row.ValueText}");
            svg.Text(row.Label, Pad, y + 3.5, "ch-label");
            if (row.Interval is { } i)
            {
                svg.Line("oc-ci", X(i.Lower), y, X(i.Upper), y);
                svg.Line("oc-cap", X(i.Lower), y - 4, X(i.Lower), y + 4);
                svg.Line("oc-cap", X(i.Upper), y - 4, X(i.Upper), y + 4);
            }

            var px = X(row.Value);
            if (row.Kind == "difference")
            {
                svg.Element("path", ("class", "oc-point oc-difference"), ("d", $"M{ChartSvg.N(px)} {ChartSvg.N(y - 6)}l6 6l-6 6l-6 -6z"), ("data-x", ChartSvg.N(px)));
            }
            else
            {
                svg.Rect("oc-point", px - 4.5, y - 4.5, 9, 9, null, ("data-x", ChartSvg.N(px)));
            }

            svg.Text(row.ValueText, plotX + PlotWidth + 26, y + 3.5, "ch-value oc-value", ("data-value", R(row.Value)));
            svg.EndGroup();
        }

        svg.EndGroup();
        return bottom + 16;
    }

    private static string ArmLabel(ArmSummary a, ReportText text) => text.Format("chart.outcomes.arm", Short(a.Arm), text.Count(checked((int)Math.Min(a.Count, int.MaxValue))));

    private static string Short(string arm) => arm.Length <= 18 ? arm : arm[..17] + "…";

    /// <summary>A statistic in data attributes: rounded to 6 decimals, invariant (as the JSON outputs, ADR 0070).</summary>
    internal static string R(double value) =>
        (Math.Round(value, 6, MidpointRounding.AwayFromZero) + 0.0).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);

    private static double NiceCeiling(double value, double step) => Math.Min(1, Math.Ceiling((value / step) - 1e-9) * step);

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var n = raw / magnitude;
        return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude;
    }
}
