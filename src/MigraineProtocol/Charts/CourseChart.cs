using System.Text;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Localization;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Charts;

/// <summary>
/// Draws a treatment course as a standalone SVG chart: the baseline headache days (the 28 days before
/// the first session) and each cycle's end-of-cycle headache days as bars, with lines at a 30%
/// reduction (NICE TA260 1.2, below which treatment stops after 2 cycles) and a 50% reduction (the
/// responder definition), and a table of every cycle's numbers under it.
/// </summary>
/// <remarks>
/// <para>The numbers are the course's own (<see cref="TreatmentCourse.Baseline"/>,
/// <see cref="TreatmentCycle.Window"/>, <see cref="TreatmentCycle.Reduction"/>,
/// <see cref="TreatmentCycle.Responder"/>); unrecorded days in a window are a hatched segment on top of
/// its bar, and a responder status that unrecorded days could change reads "cannot tell". The lines sit
/// at <c>(1 - 0.30) x baseline</c> (<see cref="NiceTa260.NonResponseReduction"/>) and
/// <c>(1 - 0.50) x baseline</c>; with no headache days at baseline there is nothing to reduce and the
/// chart says so instead of drawing them.</para>
/// <para>Accessible, testable and deterministic as <see cref="DiaryChart"/> is
/// (<c>rect.cc-bar[data-series][data-value]</c>, <c>text.ch-value</c>, <c>line.cc-ref[data-reduction][data-days]</c>).</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class CourseChart
{
    private const double Pad = 16;
    private const double AxisWidth = 44;
    private const double RightMargin = 230;
    private const double PxPerDay = 6;
    private static int MaxDays => TreatmentCourse.WindowDays;

    private const string Css =
        ".cc-bar.cc-baseline{fill:#bdbdbd;stroke:#555;stroke-width:0.6}"
        + ".cc-bar.cc-cycle{fill:#f0a04b;stroke:#8a5a1f;stroke-width:0.6}"
        + ".cc-ref{stroke:#111;stroke-width:1.3}"
        + ".cc-ref.cc-ref-30{stroke-dasharray:6 3}"
        + ".cc-ref.cc-ref-50{stroke-dasharray:2 2}"
        + ".cc-table{font-size:10px;fill:#222}"
        + ".cc-table.cc-head{font-weight:bold}";

    /// <summary>Renders the chart as SVG text (LF line ends, ending with a line feed).</summary>
    /// <param name="course">The treatment course.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ChartOptions.Default"/>.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="course"/> is <see langword="null"/>.</exception>
    public static string Render(TreatmentCourse course, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(course);
        options ??= ChartOptions.Default;
        var text = options.Text ?? ReportText.English;
        var title = options.Title ?? text["chart.course.title"];
        var bars = course.Cycles.Length + 1;
        var column = Math.Clamp(Math.Floor(480.0 / bars), 30, 90);
        var plotX = Pad + AxisWidth;
        var plotWidth = bars * column;
        var table = Table(course, text);
        var tableWidth = table.Widths.Sum();
        var width = new[] { 760, plotX + plotWidth + RightMargin + Pad, (2 * Pad) + tableWidth, (2 * Pad) + ChartSvg.TextWidth(Subtitle(course, text), 11), (2 * Pad) + ChartSvg.TextWidth(text["chart.course.bars"], 12) }.Max();
        var top = 84.0;
        var bottom = top + (MaxDays * PxPerDay);
        var tableTop = bottom + 48;
        var height = tableTop + ((table.Rows.Count + 1) * 15) + 8 + Pad;
        var b = course.Baseline.HeadacheDays;

        var output = new StringBuilder(16 * 1024);
        using (var svg = ChartSvg.Start(output, "course-chart", "course", width, height, title, Description(course, text), Css))
        {
            svg.Text(title, Pad, 26, "ch-title");
            svg.Text(Subtitle(course, text), Pad, 44, "ch-subtitle");
            svg.Text(text["chart.course.bars"], Pad, top - 22, "ch-heading");
            svg.StartGroup("cc-plot", ("data-baseline-y", ChartSvg.N(bottom)), ("data-px-per-day", ChartSvg.N(PxPerDay)));
            foreach (var t in new[] { 0, 5, 10, 15, 20, 25, MaxDays })
            {
                var y = bottom - (t * PxPerDay);
                svg.Line(t == 0 ? "ch-axis" : "ch-grid", plotX, y, plotX + plotWidth, y);
                svg.Text(text.Count(t), plotX - 4, y + 3, "ch-tick", ("text-anchor", "end"));
            }

            svg.Line("ch-axis", plotX, bottom, plotX, bottom - (MaxDays * PxPerDay));
            svg.Text(text["chart.course.axis"], plotX - 4, bottom - (MaxDays * PxPerDay) - 8, "ch-tick", ("text-anchor", "end"));
            Bar(svg, text, "baseline", 0, course.Baseline, plotX, column, bottom, text["chart.course.baseline"]);
            foreach (var c in course.Cycles)
            {
                Bar(svg, text, "cycle", c.Number, c.Window, plotX + (c.Number * column), column, bottom, column >= 70 ? text.Format("chart.course.cycle", text.Count(c.Number)) : text.Count(c.Number));
            }

            if (b > 0)
            {
                var d30 = (1m - (decimal)NiceTa260.NonResponseReduction.Fraction) * b;
                var d50 = (1m - (decimal)ResponderThreshold.Percent50.Fraction) * b;
                var y30 = bottom - ((double)d30 * PxPerDay);
                var y50 = bottom - ((double)d50 * PxPerDay);
                var label50Y = Math.Max(y50 + 3, y30 + 3 + 12);
                Reference(svg, "cc-ref-30", 30, d30, y30, y30 + 3, plotX, plotWidth, text.Format("chart.course.line-30", text.Number(d30, 1)));
                Reference(svg, "cc-ref-50", 50, d50, y50, label50Y, plotX, plotWidth, text.Format("chart.course.line-50", text.Number(d50, 1)));
            }
            else
            {
                svg.Text(text["chart.course.no-baseline"], plotX + plotWidth + 8, bottom - 6, "ch-note");
            }

            svg.EndGroup();
            svg.Text(text["chart.course.table"], Pad, tableTop - 18, "ch-heading");
            WriteTable(svg, table, Pad, tableTop);
        }

        output.Append('\n');
        return output.ToString();
    }

    /// <summary>The text of a responder (or other) outcome in the chart's language: met, not met, cannot tell, not assessed.</summary>
    internal static string Outcome(ReportText text, CriterionOutcome outcome) => text["outcome." + CriterionOutcomeText.Format(outcome)];

    private static string Subtitle(TreatmentCourse course, ReportText text) => text.Format(
        "chart.course.subtitle",
        text.Count(course.SessionDates.Length),
        string.Join(", ", course.SessionDates.Select(text.Date)),
        text.Count(course.Baseline.HeadacheDays),
        text.Format("chart.range", text.Date(course.Baseline.Start), text.Date(course.Baseline.End)),
        text.Count(course.Baseline.DaysRecorded),
        text.Count(course.Baseline.LengthDays));

    private static string Description(TreatmentCourse course, ReportText text)
    {
        var sb = new StringBuilder(Subtitle(course, text)).Append(". ");
        foreach (var c in course.Cycles)
        {
            sb.Append(text.Format(
                "chart.course.desc-cycle",
                text.Count(c.Number),
                text.Date(c.Start),
                text.Count(c.Window.HeadacheDays),
                text.Count(c.Window.DaysRecorded),
                text.Count(c.Window.LengthDays),
                Reduction(c, text),
                Outcome(text, c.Responder))).Append(' ');
        }

        if (course.Baseline.HeadacheDays > 0)
        {
            sb.Append(text.Format(
                "chart.course.desc-lines",
                text.Number((1m - (decimal)NiceTa260.NonResponseReduction.Fraction) * course.Baseline.HeadacheDays, 1),
                text.Number((1m - (decimal)ResponderThreshold.Percent50.Fraction) * course.Baseline.HeadacheDays, 1)));
        }

        return sb.ToString();
    }

    /// <summary>The reduction from baseline as recorded (the responder column says whether unrecorded days could change the status).</summary>
    private static string Reduction(TreatmentCycle c, ReportText text)
    {
        if (c.Window.DaysRecorded == 0)
        {
            return text["chart.no-data"];
        }

        return c.Reduction is { } r ? text.Percent((double)r, 1) : text["chart.not-applicable"];
    }

    /// <summary>The change in headache days: exact when the baseline and the window are complete, otherwise the range from fewest to most the unrecorded days allow.</summary>
    internal static string Change(PeriodSummary baseline, PeriodSummary window, ReportText text)
    {
        if (window.DaysRecorded == 0)
        {
            return text["chart.no-data"];
        }

        var low = window.HeadacheDays - (baseline.HeadacheDays + baseline.DaysUnrecorded);
        var high = window.HeadacheDays + window.DaysUnrecorded - baseline.HeadacheDays;
        return low == high ? text.Signed(low, 0) : text.Format("chart.range", text.Signed(low, 0), text.Signed(high, 0));
    }

    private static void Bar(ChartSvg svg, ReportText text, string series, int cycle, PeriodSummary window, double x0, double column, double bottom, string label)
    {
        var x = x0 + (column * 0.2);
        var width = column * 0.6;
        var h = window.HeadacheDays * PxPerDay;
        var range = text.Format("chart.range", text.Date(window.Start), text.Date(window.End));
        svg.StartGroup("cc-column", ("data-series", series), ("data-cycle", ChartSvg.Int(cycle)), ("data-start", ChartSvg.Date(window.Start)), ("data-end", ChartSvg.Date(window.End)));
        svg.Rect($"cc-bar cc-{series}", x, bottom - h, width, h, $"{label}, {range}: {text.Format("chart.course.headache-days", text.Count(window.HeadacheDays))}", ("data-series", series), ("data-value", ChartSvg.Int(window.HeadacheDays)));
        var u = window.DaysUnrecorded * PxPerDay;
        if (window.DaysUnrecorded > 0)
        {
            svg.Rect("cc-bar-unrecorded ch-unrecorded", x, bottom - h - u, width, u, $"{range}: {text.Format("chart.diary.unrecorded-title", text.Count(window.DaysUnrecorded))}", ("data-series", series + "-unrecorded"), ("data-value", ChartSvg.Int(window.DaysUnrecorded)), ("fill", svg.Hatch));
        }

        svg.Text(text.Count(window.HeadacheDays), x + (width / 2), bottom - h - u - 3, "ch-value", ("text-anchor", "middle"), ("data-series", series), ("data-value", ChartSvg.Int(window.HeadacheDays)));
        svg.Text(label, x + (width / 2), bottom + 13, "ch-label", ("text-anchor", "middle"));
        svg.EndGroup();
    }

    private static void Reference(ChartSvg svg, string cssClass, int percent, decimal days, double y, double labelY, double plotX, double plotWidth, string label)
    {
        svg.Line($"cc-ref {cssClass}", plotX, y, plotX + plotWidth + 4, y, ("data-reduction", ChartSvg.Int(percent)), ("data-days", days.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture)));
        svg.Text(label, plotX + plotWidth + 8, labelY, "ch-line-label", ("data-reduction", ChartSvg.Int(percent)));
    }

    private sealed record CourseTable(string[] Header, List<string[]> Rows, double[] Widths);

    private static CourseTable Table(TreatmentCourse course, ReportText text)
    {
        string[] header = [text["table.cycle"], text["table.session"], text["table.window"], text["table.headache-days"], text["table.change"], text["table.reduction"], text["table.responder"]];
        var rows = new List<string[]>
        {
            new[] { text["chart.course.baseline"], "", text.Format("chart.range", text.Date(course.Baseline.Start), text.Date(course.Baseline.End)), Days(course.Baseline, text), "", "", "" },
        };
        foreach (var c in course.Cycles)
        {
            rows.Add([
                text.Count(c.Number),
                text.Date(c.Start),
                text.Format("chart.range", text.Date(c.Window.Start), text.Date(c.Window.End)),
                Days(c.Window, text),
                Change(course.Baseline, c.Window, text),
                Reduction(c, text),
                Outcome(text, c.Responder),
            ]);
        }

        var widths = header.Select((h, i) => Math.Max(ChartSvg.TextWidth(h, 10), rows.Max(r => ChartSvg.TextWidth(r[i], 10))) + 14).ToArray();
        return new CourseTable(header, rows, widths);
    }

    private static string Days(PeriodSummary p, ReportText text) =>
        text.Format("chart.course.days-recorded", text.Count(p.HeadacheDays), text.Count(p.DaysRecorded), text.Count(p.LengthDays));

    private static void WriteTable(ChartSvg svg, CourseTable table, double x0, double top)
    {
        svg.StartGroup("cc-cycles");
        var x = x0;
        for (var i = 0; i < table.Header.Length; i++)
        {
            svg.Text(table.Header[i], x, top, "cc-table cc-head");
            for (var r = 0; r < table.Rows.Count; r++)
            {
                if (table.Rows[r][i].Length > 0)
                {
                    svg.Text(table.Rows[r][i], x, top + ((r + 1) * 15), "cc-table", ("data-row", ChartSvg.Int(r)), ("data-column", ChartSvg.Int(i)));
                }
            }

            x += table.Widths[i];
        }

        svg.EndGroup();
    }
}
