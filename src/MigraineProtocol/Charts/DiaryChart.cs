using System.Text;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Localization;

namespace MigraineProtocol.Charts;

/// <summary>
/// Draws a headache diary as a standalone SVG chart: a calendar strip (one column per period, one
/// cell per day: migraine, headache, headache-free or unrecorded, a dot for acute medication, a frame
/// and a marker for each treatment session), the headache and migraine days per period as bars with
/// the ICHD-3 1.3 lines at 15 and 8 days, and each acute-medication class's days per period with its
/// ICHD-3 8.2 overuse threshold.
/// </summary>
/// <remarks>
/// <para>Unrecorded days are never drawn as headache-free: they are hatched cells in the calendar and a
/// hatched segment on top of each bar (the count could be up to that high), as the verdicts treat them
/// (<see cref="PeriodSummary"/>). The lines are the criteria's own constants
/// (<see cref="ChronicMigraineCriteria.HeadacheDaysPerMonth"/>, <see cref="ChronicMigraineCriteria.MigraineDaysPerMonth"/>,
/// <see cref="MedicationOveruseThresholds.For"/>); a class whose threshold is UNVERIFIED and not supplied
/// gets no line and says so.</para>
/// <para>Accessible and testable as the site maps are: a <c>&lt;title&gt;</c> and a <c>&lt;desc&gt;</c>
/// listing every period's counts, a <c>&lt;title&gt;</c> on every cell and bar, meaning carried by
/// lightness and pattern as well as colour, and data attributes on every drawn number
/// (<c>g.dc-period[data-start]</c>, <c>rect.dc-bar[data-series][data-value]</c>,
/// <c>text.ch-value[data-series][data-value]</c>). Deterministic: the same diary and options give the
/// same bytes in every culture.</para>
/// <para>A picture informs; a clinician decides.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class DiaryChart
{
    /// <summary>Renders the chart as SVG text (LF line ends, ending with a line feed).</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="DiaryChartOptions.Default"/>.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diary"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options' period kind is not defined.</exception>
    public static string Render(HeadacheDiary diary, DiaryChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(diary);
        options ??= DiaryChartOptions.Default;
        if (!Enum.IsDefined(options.Periods))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Periods, "A period kind is 28-day or calendar-month.");
        }

        return new DiaryChartWriter(diary, options).Write();
    }

    /// <summary>Returns the ICHD-3 subtype that names a class's overuse, for the threshold labels: 8.2.1 ergot, 8.2.2 triptan, 8.2.3 simple analgesic, 8.2.5 combination analgesic; opioids are cited as 8.2 (clinical-facts.md §3).</summary>
    internal static string Ichd3Code(AcuteMedicationClass c) => c switch
    {
        AcuteMedicationClass.Ergot => "ICHD-3 8.2.1",
        AcuteMedicationClass.Triptan => "ICHD-3 8.2.2",
        AcuteMedicationClass.SimpleAnalgesic => "ICHD-3 8.2.3",
        AcuteMedicationClass.CombinationAnalgesic => "ICHD-3 8.2.5",
        _ => "ICHD-3 8.2",
    };

    /// <summary>The resource key of a class's name.</summary>
    internal static string ClassKey(AcuteMedicationClass c) => "class." + AcuteMedicationClasses.Format(c);
}

/// <summary>Lays out and writes one diary chart.</summary>
internal sealed class DiaryChartWriter
{
    internal const double Pad = 16;
    internal const double AxisWidth = 44;
    internal const double RightMargin = 210;
    internal const double CellHeight = 6;
    internal const double BarPxPerDay = 3.5;
    internal const double MedicationPxPerDay = 1.6;
    internal const double ValueLabelMinColumn = 34;

    private const string Css =
        ".dc-cell{stroke:#9a9a9a;stroke-width:0.4}"
        + ".dc-cell.dc-migraine{fill:#8c2d04}"
        + ".dc-cell.dc-headache{fill:#f0a04b}"
        + ".dc-cell.dc-free{fill:#ffffff}"
        + ".dc-med{fill:#111}"
        + ".dc-session{fill:none;stroke:#111;stroke-width:1.6}"
        + ".dc-session-mark{fill:#111}"
        + ".dc-bar.dc-headache,.dc-key.dc-headache{fill:#f0a04b;stroke:#8a5a1f;stroke-width:0.6}"
        + ".dc-bar.dc-migraine,.dc-key.dc-migraine{fill:#8c2d04;stroke:#3d1402;stroke-width:0.6}"
        + ".dc-bar.dc-medication{fill:#56b4e9;stroke:#1f5f82;stroke-width:0.6}"
        + ".dc-ref{stroke:#111;stroke-width:1.2}"
        + ".dc-ref.dc-ref-headache{stroke-dasharray:6 3}"
        + ".dc-ref.dc-ref-migraine{stroke-dasharray:2 2}"
        + ".dc-ref.dc-ref-overuse{stroke:#b00020;stroke-dasharray:4 2}";

    private readonly HeadacheDiary diary;
    private readonly DiaryChartOptions options;
    private readonly ReportText text;
    private readonly IReadOnlyList<PeriodSummary> periods;
    private readonly List<AcuteMedicationClass> classes;
    private readonly int maxDays;
    private readonly double column;
    private readonly string idPrefix;

    internal DiaryChartWriter(HeadacheDiary diary, DiaryChartOptions options)
    {
        this.diary = diary;
        this.options = options;
        text = options.Text ?? ReportText.English;
        periods = diary.Periods(options.Periods);
        classes = [.. AcuteMedicationClasses.All.Where(c => periods.Any(p => p.AcuteMedicationDays(c) > 0))];
        maxDays = options.Periods == PeriodKind.CalendarMonth ? 31 : 28;
        column = Math.Clamp(Math.Floor(720.0 / periods.Count), 8, 44);
        idPrefix = "diary-chart";
    }

    internal string Write()
    {
        var plotX = Pad + AxisWidth;
        var plotWidth = periods.Count * column;
        var width = new[] { 760, plotX + plotWidth + RightMargin + Pad, (2 * Pad) + ChartSvg.TextWidth(Subtitle(), 11), (2 * Pad) + ChartSvg.TextWidth(text["chart.diary.calendar"], 12) }.Max();
        var calendarTop = 92.0;
        var calendarBottom = calendarTop + (maxDays * CellHeight);
        var barsTop = calendarBottom + 56;
        var barsBottom = barsTop + (maxDays * BarPxPerDay);
        var dateLabelsY = barsBottom + 14;
        var medicationTop = dateLabelsY + 30;
        var rowHeight = (maxDays * MedicationPxPerDay) + 24;
        var medicationBottom = medicationTop + (classes.Count == 0 ? 18 : classes.Count * rowHeight);
        var legendTop = medicationBottom + 18;
        var legend = LegendItems();
        var legendRows = LayoutLegend(legend, width - (2 * Pad));
        var height = legendTop + (legendRows * 18) + Pad;

        var output = new StringBuilder(64 * 1024);
        var title = options.Title ?? text["chart.diary.title"];
        using (var svg = ChartSvg.Start(output, idPrefix, "diary", width, height, title, Description(), Css))
        {
            svg.Text(title, Pad, 26, "ch-title");
            svg.Text(Subtitle(), Pad, 44, "ch-subtitle");
            WriteCalendar(svg, plotX, calendarTop);
            WriteBars(svg, plotX, barsTop, barsBottom, plotWidth, dateLabelsY);
            WriteMedication(svg, plotX, medicationTop, rowHeight, plotWidth);
            WriteLegend(svg, legend, legendTop, width - (2 * Pad));
        }

        output.Append('\n');
        return output.ToString();
    }

    private string Subtitle() => text.Format(
        "chart.diary.subtitle",
        text.Date(diary.Start),
        text.Date(diary.End),
        text.Count(diary.DaysRecorded),
        text.Count(diary.SpanDays),
        text.Count(diary.DaysUnrecorded),
        text["period." + PeriodKinds.Format(options.Periods)]);

    private string Description()
    {
        var sb = new StringBuilder();
        sb.Append(Subtitle()).Append(". ");
        foreach (var p in periods)
        {
            sb.Append(text.Format("chart.diary.desc-period", text.Date(p.Start), text.Date(p.End), text.Count(p.HeadacheDays), text.Count(p.MigraineDays), text.Count(p.DaysRecorded), text.Count(p.LengthDays)));
            foreach (var c in classes)
            {
                sb.Append("; ").Append(text.Format("chart.diary.desc-medication", text[DiaryChart.ClassKey(c)], text.Count(p.AcuteMedicationDays(c))));
            }

            sb.Append(". ");
        }

        var sessions = options.SessionDates.Where(d => d >= diary.Start && d <= diary.End).ToList();
        if (sessions.Count > 0)
        {
            sb.Append(text.Format("chart.diary.desc-sessions", string.Join(", ", sessions.Select(text.Date)))).Append(' ');
        }

        sb.Append(text.Format("chart.diary.desc-lines", text.Count(ChronicMigraineCriteria.HeadacheDaysPerMonth), text.Count(ChronicMigraineCriteria.MigraineDaysPerMonth)));
        return sb.ToString();
    }

    private void WriteCalendar(ChartSvg svg, double plotX, double top)
    {
        svg.Text(text["chart.diary.calendar"], Pad, top - 30, "ch-heading");
        svg.StartGroup("dc-calendar", ("data-first-day-y", ChartSvg.N(top)), ("data-cell-height", ChartSvg.N(CellHeight)));
        foreach (var day in new[] { 1, 8, 15, 22, maxDays })
        {
            svg.Text(text.Format("chart.diary.day", text.Count(day)), plotX - 4, top + ((day - 0.5) * CellHeight) + 3, "ch-tick", ("text-anchor", "end"));
        }

        var sessions = options.SessionDates.Where(d => d >= diary.Start && d <= diary.End).Distinct().Order().ToList();
        var labelledColumns = new HashSet<int>();
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            var x = plotX + (i * column);
            svg.StartGroup("dc-column", ("data-start", ChartSvg.Date(p.Start)), ("data-end", ChartSvg.Date(p.End)));
            for (var d = p.Start; d <= p.End; d = d.AddDays(1))
            {
                var row = d.DayNumber - p.Start.DayNumber;
                var y = top + (row * CellHeight);
                var inSpan = d >= diary.Start && d <= diary.End;
                if (diary.TryGetDay(d, out var day))
                {
                    var kind = day.Migraine ? "migraine" : day.Headache ? "headache" : "free";
                    var med = day.AcuteMedication.IsEmpty ? string.Empty : "; " + string.Join(", ", day.AcuteMedication.Select(c => text[DiaryChart.ClassKey(c)]));
                    svg.Rect($"dc-cell dc-{kind}", x + 1, y, column - 2, CellHeight - 0.6, $"{text.Date(d)}: {text["legend." + kind]}{med}", ("data-date", ChartSvg.Date(d)), ("data-kind", kind));
                    if (!day.AcuteMedication.IsEmpty)
                    {
                        svg.Element("circle", ("class", "dc-med"), ("cx", ChartSvg.N(x + column - 4)), ("cy", ChartSvg.N(y + (CellHeight / 2) - 0.3)), ("r", "1.6"), ("data-date", ChartSvg.Date(d)), ("data-medication", day.AcuteMedication.ToString()));
                    }
                }
                else
                {
                    svg.Rect("dc-cell ch-unrecorded", x + 1, y, column - 2, CellHeight - 0.6, $"{text.Date(d)}: {text[inSpan ? "legend.unrecorded" : "legend.outside"]}", ("data-date", ChartSvg.Date(d)), ("data-kind", "unrecorded"), ("fill", svg.Hatch));
                }
            }

            foreach (var s in sessions.Where(s => s >= p.Start && s <= p.End))
            {
                var y = top + ((s.DayNumber - p.Start.DayNumber) * CellHeight);
                var number = sessions.IndexOf(s) + 1;
                svg.Rect("dc-session", x + 0.5, y - 0.5, column - 1, CellHeight + 0.4, text.Format("chart.diary.session-title", text.Count(number), text.Date(s)), ("data-session", ChartSvg.Date(s)));
                if (labelledColumns.Add(i))
                {
                    var cx = x + (column / 2);
                    svg.Element("path", ("class", "dc-session-mark"), ("d", $"M{ChartSvg.N(cx - 4)} {ChartSvg.N(top - 10)}h8l-4 6z"));
                    svg.Text(text.Format("chart.session-short", text.Count(number)), cx, top - 13, "ch-label", ("text-anchor", "middle"), ("data-session", ChartSvg.Date(s)));
                }
            }

            svg.EndGroup();
        }

        svg.EndGroup();
    }

    private void WriteBars(ChartSvg svg, double plotX, double top, double bottom, double plotWidth, double dateLabelsY)
    {
        svg.Text(text["chart.diary.bars"], Pad, top - 26, "ch-heading");
        svg.StartGroup("dc-bars", ("data-baseline-y", ChartSvg.N(bottom)), ("data-px-per-day", ChartSvg.N(BarPxPerDay)));
        WriteYAxis(svg, plotX, bottom, BarPxPerDay, plotWidth, [0, 5, 10, 15, 20, 25, maxDays]);
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            var x = plotX + (i * column);
            svg.StartGroup("dc-period", ("data-start", ChartSvg.Date(p.Start)), ("data-end", ChartSvg.Date(p.End)), ("data-days-recorded", ChartSvg.Int(p.DaysRecorded)), ("data-days-unrecorded", ChartSvg.Int(p.DaysUnrecorded)));
            Bar(svg, "headache", p.HeadacheDays, p.DaysUnrecorded, x + (column * 0.12), column * 0.38, bottom, BarPxPerDay, p);
            Bar(svg, "migraine", p.MigraineDays, p.DaysUnrecorded, x + (column * 0.5), column * 0.38, bottom, BarPxPerDay, p);
            svg.EndGroup();
        }

        Reference(svg, "dc-ref-headache", ChronicMigraineCriteria.HeadacheDaysPerMonth, bottom, BarPxPerDay, plotX, plotWidth, text.Format("chart.diary.line-headache", text.Count(ChronicMigraineCriteria.HeadacheDaysPerMonth)), "headache");
        Reference(svg, "dc-ref-migraine", ChronicMigraineCriteria.MigraineDaysPerMonth, bottom, BarPxPerDay, plotX, plotWidth, text.Format("chart.diary.line-migraine", text.Count(ChronicMigraineCriteria.MigraineDaysPerMonth)), "migraine");
        svg.EndGroup();

        var labelWidth = ChartSvg.TextWidth(text.Date(new DateOnly(2026, 12, 28)), 9) + 6;
        var every = (int)Math.Ceiling(labelWidth / column);
        for (var i = 0; i < periods.Count; i += every)
        {
            svg.Text(text.Date(periods[i].Start), plotX + (i * column) + 1, dateLabelsY, "ch-tick", ("data-period-start", ChartSvg.Date(periods[i].Start)));
        }
    }

    private void WriteMedication(ChartSvg svg, double plotX, double top, double rowHeight, double plotWidth)
    {
        svg.Text(text["chart.diary.medication"], Pad, top - 8, "ch-heading");
        if (classes.Count == 0)
        {
            svg.Text(text["chart.diary.no-medication"], plotX, top + 10, "ch-note");
            return;
        }

        for (var k = 0; k < classes.Count; k++)
        {
            var c = classes[k];
            var name = AcuteMedicationClasses.Format(c);
            var rowTop = top + (k * rowHeight);
            var bottom = rowTop + rowHeight - 6;
            svg.StartGroup("dc-medication-row", ("data-class", name), ("data-baseline-y", ChartSvg.N(bottom)), ("data-px-per-day", ChartSvg.N(MedicationPxPerDay)));
            svg.Text(text[DiaryChart.ClassKey(c)], plotX, rowTop + 9, "ch-label");
            svg.Line("ch-axis", plotX, bottom, plotX + plotWidth, bottom);
            svg.Text("0", plotX - 4, bottom + 3, "ch-tick", ("text-anchor", "end"));
            svg.Text(text.Count(maxDays), plotX - 4, bottom - (maxDays * MedicationPxPerDay) + 3, "ch-tick", ("text-anchor", "end"));
            for (var i = 0; i < periods.Count; i++)
            {
                var p = periods[i];
                svg.StartGroup("dc-period", ("data-start", ChartSvg.Date(p.Start)), ("data-end", ChartSvg.Date(p.End)));
                Bar(svg, "medication", p.AcuteMedicationDays(c), p.DaysUnrecorded, plotX + (i * column) + (column * 0.25), column * 0.5, bottom, MedicationPxPerDay, p, c);
                svg.EndGroup();
            }

            if (options.Thresholds.For(c) is { } threshold)
            {
                Reference(svg, "dc-ref-overuse", threshold, bottom, MedicationPxPerDay, plotX, plotWidth, text.Format("chart.diary.threshold", text.Count(threshold), DiaryChart.Ichd3Code(c)), name);
            }
            else
            {
                svg.Text(text["chart.diary.threshold-missing"], plotX + plotWidth + 8, bottom - 4, "ch-line-label", ("data-threshold", "none"));
            }

            svg.EndGroup();
        }
    }

    private void Bar(ChartSvg svg, string series, int value, int unrecorded, double x, double width, double bottom, double pxPerDay, PeriodSummary p, AcuteMedicationClass? medicationClass = null)
    {
        var h = value * pxPerDay;
        var name = medicationClass is { } mc ? text[DiaryChart.ClassKey(mc)] : text["legend.bar-" + series];
        var range = text.Format("chart.range", text.Date(p.Start), text.Date(p.End));
        svg.Rect($"dc-bar dc-{series}", x, bottom - h, width, h, $"{range}: {name} {text.Count(value)}", ("data-series", series), ("data-value", ChartSvg.Int(value)));
        if (unrecorded > 0)
        {
            var u = unrecorded * pxPerDay;
            svg.Rect("dc-bar-unrecorded ch-unrecorded", x, bottom - h - u, width, u, $"{range}: {text.Format("chart.diary.unrecorded-title", text.Count(unrecorded))}", ("data-series", series + "-unrecorded"), ("data-value", ChartSvg.Int(unrecorded)), ("fill", svg.Hatch));
        }

        if (column >= ValueLabelMinColumn)
        {
            svg.Text(text.Count(value), x + (width / 2), bottom - h - (unrecorded * pxPerDay) - 2, "ch-value", ("text-anchor", "middle"), ("data-series", series), ("data-value", ChartSvg.Int(value)));
        }
    }

    private void WriteYAxis(ChartSvg svg, double plotX, double bottom, double pxPerDay, double plotWidth, int[] ticks)
    {
        foreach (var t in ticks.Distinct())
        {
            var y = bottom - (t * pxPerDay);
            svg.Line(t == 0 ? "ch-axis" : "ch-grid", plotX, y, plotX + plotWidth, y);
            svg.Text(text.Count(t), plotX - 4, y + 3, "ch-tick", ("text-anchor", "end"));
        }

        svg.Line("ch-axis", plotX, bottom, plotX, bottom - (maxDays * pxPerDay));
        svg.Text(text["chart.days"], plotX - 4, bottom - (maxDays * pxPerDay) - 8, "ch-tick", ("text-anchor", "end"));
    }

    private static void Reference(ChartSvg svg, string cssClass, int days, double bottom, double pxPerDay, double plotX, double plotWidth, string label, string of)
    {
        var y = bottom - (days * pxPerDay);
        svg.Line($"dc-ref {cssClass}", plotX, y, plotX + plotWidth + 4, y, ("data-days", ChartSvg.Int(days)), ("data-of", of));
        svg.Text(label, plotX + plotWidth + 8, y + 3, "ch-line-label", ("data-days", ChartSvg.Int(days)), ("data-of", of));
    }

    private List<(string Kind, string Label)> LegendItems() =>
    [
        ("migraine", text["legend.migraine"]),
        ("headache", text["legend.headache"]),
        ("free", text["legend.free"]),
        ("unrecorded", text["legend.unrecorded"]),
        ("medication", text["legend.medication"]),
        ("session", text["legend.session"]),
        ("ref-headache", text.Format("chart.diary.line-headache", text.Count(ChronicMigraineCriteria.HeadacheDaysPerMonth))),
        ("ref-migraine", text.Format("chart.diary.line-migraine", text.Count(ChronicMigraineCriteria.MigraineDaysPerMonth))),
        ("ref-overuse", text["legend.overuse-line"]),
    ];

    private static double ItemWidth(string label) => 22 + ChartSvg.TextWidth(label, 10) + 16;

    private static int LayoutLegend(List<(string Kind, string Label)> items, double width)
    {
        var rows = 1;
        var x = 0.0;
        foreach (var (_, label) in items)
        {
            var w = ItemWidth(label);
            if (x > 0 && x + w > width)
            {
                rows++;
                x = 0;
            }

            x += w;
        }

        return rows;
    }

    private void WriteLegend(ChartSvg svg, List<(string Kind, string Label)> items, double top, double width)
    {
        svg.StartGroup("dc-legend");
        var x = 0.0;
        var y = top;
        foreach (var (kind, label) in items)
        {
            var w = ItemWidth(label);
            if (x > 0 && x + w > width)
            {
                y += 18;
                x = 0;
            }

            var sx = Pad + x;
            switch (kind)
            {
                case "migraine" or "headache" or "free":
                    svg.Rect($"dc-cell dc-{kind}", sx, y - 8, 14, 9);
                    break;
                case "unrecorded":
                    svg.Rect("dc-cell ch-unrecorded", sx, y - 8, 14, 9, null, ("fill", svg.Hatch));
                    break;
                case "medication":
                    svg.Rect("dc-cell dc-free", sx, y - 8, 14, 9);
                    svg.Element("circle", ("class", "dc-med"), ("cx", ChartSvg.N(sx + 10)), ("cy", ChartSvg.N(y - 3.5)), ("r", "1.6"));
                    break;
                case "session":
                    svg.Rect("dc-session", sx, y - 8, 14, 9);
                    break;
                default:
                    svg.Line($"dc-ref dc-{kind}", sx, y - 3.5, sx + 16, y - 3.5);
                    break;
            }

            svg.Text(label, sx + 22, y, "ch-key", ("data-legend", kind));
            x += w;
        }

        svg.EndGroup();
    }
}
