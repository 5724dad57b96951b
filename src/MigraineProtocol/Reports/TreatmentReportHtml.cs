using System.Text.RegularExpressions;
using MigraineProtocol.Charts;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Dosing;
using MigraineProtocol.Localization;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rendering;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Reports;

/// <summary>Writes a <see cref="TreatmentReport"/> as one self-contained HTML page.</summary>
internal sealed partial class TreatmentReportHtml
{
    private const string Css =
        "@page{size:A4;margin:9mm 10mm 9mm 10mm}"
        + "*{box-sizing:border-box}"
        + "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;font-size:7.8pt;line-height:1.2;color:#111;margin:0}"
        + "@media screen{body{max-width:190mm;margin:8mm auto;padding:0 4mm}}"
        + "h1{font-size:14pt;margin:0 0 1mm}"
        + "h2{font-size:10pt;margin:2mm 0 0.7mm;padding-bottom:0.3mm;border-bottom:1px solid #888;break-after:avoid}"
        + "h3{font-size:9pt;margin:2mm 0 0.6mm}"
        + "p{margin:0.8mm 0}"
        + ".meta{color:#333}"
        + ".notice{border:1.4px solid #b00020;padding:1.4mm 2mm;margin:1.6mm 0;font-weight:bold}"
        + "table{border-collapse:collapse;width:100%;margin:0.6mm 0}"
        + "th,td{border-bottom:1px solid #d6d6d6;padding:0.35mm 1.2mm;text-align:left;vertical-align:top;font-size:6.7pt}"
        + "th{background:#f1f1f1}"
        + "td.num{text-align:right;white-space:nowrap}"
        + ".glance td,.glance th{font-size:8.2pt}"
        + ".verdict-row td{background:#f7f7f7;font-weight:bold;border-top:1px solid #999}"
        + ".o{white-space:nowrap;font-weight:bold}"
        + ".o-met::before{content:'\\2713  '}"
        + ".o-not-met::before{content:'\\2717  '}"
        + ".o-indeterminate::before,.o-not-assessed::before{content:'?  '}"
        + ".src{color:#444;font-size:6.1pt}"
        + ".note{color:#444;font-size:6.5pt}"
        + "figure{margin:1mm 0;break-inside:avoid}"
        + "figure svg{width:100%;height:auto;display:block}"
        + "figure.course svg{width:100%}.course-two>figure.course{flex:0.9 1 0;min-width:0}.course-two>.stop{flex:1.1 1 0;min-width:0}"
        + "td.date{white-space:nowrap}"
        + ".two{display:flex;gap:3mm;align-items:flex-start;break-inside:avoid}"
        + ".two>figure{flex:1 1 0;min-width:0}"
        + ".two>figure.diary{flex:1.6 1 0}"
        + "col.c1{width:40%}col.c2{width:10%}col.c3{width:39%}col.c4{width:11%}"
        + ".glance th{width:27%}"
        + "figcaption{font-size:7.4pt;color:#444}"
        + "section{break-inside:auto}"
        + ".keep{break-inside:avoid}"
        + ".page-break{break-before:page}"
        + "tr.boxed td{background:#fff3f3}ul.findings{margin:0.4mm 0;padding-left:4mm;font-size:6.3pt}"
        + "footer{margin-top:0.8mm;font-size:6.4pt;color:#333;border-top:1px solid #888;padding-top:0.4mm}footer p{margin:0}";

    private readonly TreatmentReport report;
    private readonly ReportText t;
    private TextWriter o = TextWriter.Null;
    private int glanceCells;

    internal TreatmentReportHtml(TreatmentReport report)
    {
        this.report = report;
        t = report.Input.Text;
    }

    internal void Write(TextWriter output)
    {
        o = output;
        var input = report.Input;
        o.Write("<!DOCTYPE html>\n<html lang=\"");
        o.Write(t.Code);
        o.Write("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"MigraineProtocol\">\n<title>");
        o.Write(E(t.Format("report.document-title", input.PatientReference, t.Date(report.Date))));
        o.Write("</title>\n<style>");
        o.Write(Css);
        o.Write("</style>\n</head>\n<body>\n");

        o.Write("<header>\n<h1>");
        o.Write(E(t["report.title"]));
        o.Write("</h1>\n<p class=\"meta\">");
        o.Write(E(t.Format(
            "report.meta",
            input.PatientReference,
            t.Date(report.Date),
            t.Format("chart.range", t.Date(input.Diary.Start), t.Date(input.Diary.End)),
            t.Count(input.Diary.DaysRecorded),
            t.Count(input.Diary.SpanDays),
            input.Protocol.Name)));
        o.Write("</p>\n<p class=\"notice\" role=\"note\">");
        o.Write(E(t["report.notice"]));
        o.Write("</p>\n</header>\n<main>\n");

        WriteGlance();
        WriteCriteria();
        WriteSessions();
        WriteAdverseEvents();
        WriteDiary();
        WriteCourse();
        WriteSources();
        o.Write("</main>\n<footer><p>");
        o.Write(E(t["report.footer"]));
        o.Write("</p></footer>\n</body>\n</html>\n");
    }

    private void WriteGlance()
    {
        o.Write("<section class=\"keep\" id=\"glance\">\n<h2>");
        o.Write(E(t["report.glance"]));
        o.Write("</h2>\n<table class=\"glance\">\n<tbody>\n");
        glanceCells = 0;
        foreach (var v in Verdicts())
        {
            GlanceRow(VerdictTitle(v), Outcome(v.Outcome), v.Id.Value);
        }

        var overuse = report.MedicationOveruse;
        var classes = overuse.OverusedClasses.IsEmpty
            ? t["report.none"]
            : string.Join(", ", overuse.OverusedClasses.Select(c => t["class." + AcuteMedicationClasses.Format(c)]));
        GlanceText(t["report.overused-classes"], classes, "overused-classes");
        if (report.Stopping is { } stop)
        {
            GlanceText(VerdictTitle(stop.Verdict), t["decision." + Decision(stop.Decision)], "nice-ta260-stop");
        }

        GlanceText(t["report.next-date"], report.NextEligibleDate is { } next ? t.Date(next) : t["report.no-session-yet"], "next-eligible-date");
        GlanceText(t["report.cumulative"], CumulativeText(), "cumulative");
        o.Write(glanceCells % 2 == 1 ? "<td></td><td></td></tr>\n" : string.Empty);
        o.Write("</tbody>\n</table>\n</section>\n");
    }

    private void GlanceRow(string label, (string Css, string Text) outcome, string id) =>
        GlanceCell(id, E(label), $"<span class=\"o {outcome.Css}\">{E(outcome.Text)}</span>");

    private void GlanceText(string label, string value, string id) => GlanceCell(id, E(label), E(value));

    private void GlanceCell(string id, string label, string value)
    {
        o.Write(glanceCells % 2 == 0 ? "<tr>" : string.Empty);
        o.Write($"<th scope=\"row\" data-item=\"{E(id)}\">{label}</th><td data-item=\"{E(id)}\">{value}</td>");
        o.Write(glanceCells % 2 == 1 ? "</tr>\n" : string.Empty);
        glanceCells++;
    }

    private IEnumerable<Verdict> Verdicts() => [report.ChronicMigraine, report.MedicationOveruse.Verdict, report.NiceStart, report.UsIndication];

    private void WriteCriteria()
    {
        o.Write("<section id=\"criteria\">\n<h2>");
        o.Write(E(t["report.criteria"]));
        o.Write("</h2>\n<table>\n<colgroup><col class=\"c1\"><col class=\"c2\"><col class=\"c3\"><col class=\"c4\"></colgroup>\n<thead><tr><th>");
        o.Write(E(t["report.col.criterion"]));
        o.Write("</th><th>");
        o.Write(E(t["report.col.outcome"]));
        o.Write("</th><th>");
        o.Write(E(t["report.col.numbers"]));
        o.Write("</th><th>");
        o.Write(E(t["report.col.source"]));
        o.Write("</th></tr></thead>\n<tbody>\n");
        foreach (var v in Verdicts())
        {
            WriteVerdictRows(v);
        }

        o.Write("</tbody>\n</table>\n</section>\n");
    }

    private void WriteVerdictRows(Verdict v)
    {
        var (css, text) = Outcome(v.Outcome);
        var periods = v.Criteria.SelectMany(c => c.Figures).Where(f => f.Start is not null && f.DaysRecorded is not null).ToList();
        var span = periods.Count == 0 ? string.Empty : " · " + t.Format("report.periods", t.Format("chart.range", t.Date(periods.Min(f => f.Start!.Value)), t.Date(periods.Max(f => f.End!.Value))));
        o.Write($"<tr class=\"verdict-row\" data-verdict=\"{E(v.Id.Value)}\"><td colspan=\"4\">{E(VerdictTitle(v))}: <span class=\"o {css}\">{E(text)}</span><span class=\"note\">{E(span)}</span></td></tr>\n");

        // Medication classes never taken in the periods: one row for all of them (each is not met with zero days).
        var unused = v.Criteria.Where(c => ClassCriterion().Match(c.Id.Value) is { Success: true } m && AcuteMedicationClasses.TryParse(m.Groups["class"].Value, out _)
            && c.Outcome == CriterionOutcome.NotMet && c.Figures.Length > 0 && c.Figures.All(f => f.Value == 0)).ToList();
        foreach (var c in v.Criteria)
        {
            if (unused.Contains(c))
            {
                if (c == unused[0])
                {
                    var names = string.Join(", ", unused.Select(u => t["class." + ClassCriterion().Match(u.Id.Value).Groups["class"].Value]));
                    var (ncss, ntext) = Outcome(CriterionOutcome.NotMet);
                    o.Write($"<tr data-criterion=\"{E(string.Join(" ", unused.Select(u => u.Id.Value)))}\"><td>{E(t.Format("report.classes-not-taken", names))}</td><td><span class=\"o {ncss}\">{E(ntext)}</span></td><td>{E(t["report.zero-days"])}</td><td class=\"src\">{E(Source(c))}</td></tr>\n");
                }

                continue;
            }

            var (ccss, ctext) = Outcome(c.Outcome);
            o.Write($"<tr data-criterion=\"{E(c.Id.Value)}\"><td>");
            o.Write(CriterionText(c));
            if (c.Note is { } note && c.Outcome != CriterionOutcome.Met && !ExplainsItself(c))
            {
                // Fixed notes of the engine have a row in the resource table; notes with numbers in them stay English.
                o.Write(t.TryText("note." + note) is { } local ? $"<br><span class=\"note\">{E(local)}</span>" : $"<br><span class=\"note\" lang=\"en\">{E(note)}</span>");
            }

            o.Write($"</td><td><span class=\"o {ccss}\">{E(ctext)}</span></td><td>");
            o.Write(Figures(c));
            o.Write("</td><td class=\"src\">");
            o.Write(E(Source(c)));
            o.Write("</td></tr>\n");
        }
    }

    /// <summary>Whether the criterion's own text in the report already says why it was not assessed (a caller-supplied threshold that was not supplied).</summary>
    private static bool ExplainsItself(CriterionResult c) =>
        c.Outcome == CriterionOutcome.NotAssessed && (c.Id.Value == "ichd3-8.2-multiple-classes" || ClassCriterion().IsMatch(c.Id.Value));

    private static string Source(CriterionResult c) => $"{c.Source.Source}, {Citation.FormatLevel(c.Source.Verification)}";

    private void WriteDiary()
    {
        var input = report.Input;
        o.Write("<section id=\"diary\">\n<h2>");
        o.Write(E(t["report.diary"]));
        o.Write("</h2>\n<div class=\"two\">\n<figure class=\"diary\">\n");
        var sessions = input.History.Administrations.Where(a => a.IsChronicMigraine).Select(a => a.Date).ToList();
        if (input.Session is { } s0)
        {
            sessions.Add(s0.Date);
        }

        o.Write(DiaryChart.Render(input.Diary, new DiaryChartOptions { Periods = input.DiaryPeriods, Thresholds = input.Thresholds, SessionDates = sessions, Text = t }));
        o.Write("</figure>\n<figure id=\"map\">\n");
        if (input.Session is { } s && report.SessionReport is { } r)
        {
            o.Write(SiteMap.Render(input.Protocol, MapView.All, new SiteMapOptions { Overlay = SessionOverlay.FromReport(input.Protocol, s, r), Title = t.Format("report.map-title", t.Date(s.Date)) }));
            o.Write($"<figcaption>{E(t.Format("report.map-title", t.Date(s.Date)))}. {E(t["report.map-caption"])}</figcaption>\n");
        }
        else
        {
            o.Write($"<p>{E(t["report.no-session"])}</p>\n");
        }

        o.Write("</figure>\n</div>\n</section>\n");
    }

    private void WriteSessions()
    {
        var input = report.Input;
        o.Write("<section class=\"keep\" id=\"sessions\">\n<h2>");
        o.Write(E(t["report.sessions"]));
        o.Write("</h2>\n<table>\n<thead><tr>");
        foreach (var key in new[] { "report.col.date", "report.col.indication", "report.col.units", "report.col.sites", "report.col.lot", "report.col.waste", "report.col.codes" })
        {
            o.Write($"<th>{E(t[key])}</th>");
        }

        o.Write("</tr></thead>\n<tbody>\n");
        var dash = t["report.not-recorded"];
        foreach (var a in input.History.Administrations.OrderBy(a => a.Date))
        {
            if (input.Session is { } s0 && a.Date == s0.Date && a.IsChronicMigraine)
            {
                continue;
            }

            var indication = a.IsChronicMigraine ? t["report.indication.chronic-migraine"] : a.Indication;
            o.Write($"<tr data-session=\"{E(ChartSvg.Date(a.Date))}\"><td class=\"date\">{E(t.Date(a.Date))}</td><td>{E(indication)}</td><td class=\"num\">{E(Units(a.Units))}</td><td>{E(dash)}</td><td>{E(dash)}</td><td>{E(dash)}</td><td>{E(dash)}</td></tr>\n");
        }

        if (input.Session is { } s && report.SessionReport is { } r)
        {
            var lot = s.Lot is null ? dash : s.Product is null ? s.Lot : $"{s.Product} {s.Lot}";
            if (s.Expiry is { } exp)
            {
                lot += " " + t.Format("report.expiry", t.Date(exp));
            }

            var rec = r.Reconciliation;
            var waste = rec is null ? dash : Units(rec.UnitsDiscarded);
            var codes = rec is null ? dash : string.Join(", ", rec.Lines.Select(l => $"{l.Code}{(l.Modifier is null ? string.Empty : "-" + l.Modifier)} × {t.Number(l.Quantity, l.Quantity == decimal.Truncate(l.Quantity) ? 0 : 2)}"));
            var sites = t.Format("report.sites", t.Count(s.Injections.Length), t.Count(s.Injections.Count(i => i.IsFollowThePain)));
            o.Write($"<tr data-session=\"{E(ChartSvg.Date(s.Date))}\" data-latest=\"true\"><td class=\"date\">{E(t.Date(s.Date))}</td><td>{E(t["report.indication.chronic-migraine"])}</td><td class=\"num\">{E(Units(s.TotalUnits))}</td><td>{E(sites)}</td><td>{E(lot)}</td><td>{E(waste)}</td><td>{E(codes)}</td></tr>\n");
        }

        o.Write("</tbody>\n</table>\n");
        if (input.History.Administrations.IsEmpty && input.Session is null)
        {
            o.Write($"<p>{E(t["report.no-sessions"])}</p>\n");
        }

        if (report.SessionReport is { } sr)
        {
            var verdict = sr.IsValid ? t.Format("report.session-valid", t.Count(sr.WarningCount)) : t.Format("report.session-invalid", t.Count(sr.ErrorCount), t.Count(sr.WarningCount));
            var codes = string.Join(", ", sr.Violations.GroupBy(v => v.Code).Select(g => $"{g.Key} ×{t.Count(g.Count())}"));
            o.Write($"<p data-item=\"session-rules\">{E(verdict)}{(codes.Length == 0 ? string.Empty : E(": " + codes))}</p>\n");
            if (sr.Reconciliation is null)
            {
                o.Write($"<p class=\"note\">{E(t["report.no-reconciliation"])}</p>\n");
            }
        }

        if (input.Session is { } ps)
        {
            o.Write($"<p data-item=\"product\">{E(t["report.product"])}: <b>{E(ProductText(ps))}</b> <span class=\"src\">({E(ToxinProducts.Source.Source)}, {E(Citation.FormatLevel(ToxinProducts.Source.Verification))})</span></p>\n");
        }

        o.Write($"<p data-item=\"next-eligible-date\">{E(t["report.next-date"])}: <b>{E(report.NextEligibleDate is { } next ? t.Date(next) : t["report.no-session-yet"])}</b> {E(t.Format("report.next-date-rule", t.Count(input.Protocol.RetreatmentIntervalDays)))}</p>\n");
        o.Write($"<p data-item=\"cumulative\">{E(t["report.cumulative"])}: <b>{E(CumulativeText())}</b> <span class=\"src\">({E(RuleSources.CumulativeDose.Source)}, {E(Citation.FormatLevel(RuleSources.CumulativeDose.Verification))})</span></p>\n");
        o.Write("</section>\n");
    }

    private void WriteCourse()
    {
        var input = report.Input;
        o.Write("<section id=\"course\">\n<h2>");
        o.Write(E(t["report.course"]));
        o.Write("</h2>\n");
        if (report.SessionsBeforeDiary.Count > 0)
        {
            o.Write($"<p class=\"note\">{E(t.Format("report.sessions-before-diary", string.Join(", ", report.SessionsBeforeDiary.Select(t.Date)), t.Date(input.Diary.Start)))}</p>\n");
        }

        // The chart and the NICE TA260 1.2 verdict side by side (the chart is half the page wide).
        o.Write("<div class=\"two course-two\">\n");
        if (report.Course is { } course)
        {
            o.Write("<figure class=\"course\" id=\"course-figure\">\n");
            o.Write(CourseChart.Render(course, new ChartOptions { Text = t }));
            o.Write("</figure>\n");
        }
        else
        {
            o.Write($"<p>{E(t["report.no-course"])}</p>\n");
        }

        if (report.Stopping is { } stop)
        {
            o.Write("<div class=\"stop\">\n<table>\n<colgroup><col class=\"c1\"><col class=\"c2\"><col class=\"c3\"><col class=\"c4\"></colgroup>\n<tbody>\n");
            WriteVerdictRows(stop.Verdict);
            o.Write("</tbody>\n</table>\n");
            o.Write($"<p data-item=\"stopping-decision\">{E(VerdictTitle(stop.Verdict))}: <b>{E(t["decision." + Decision(stop.Decision)])}</b></p>\n</div>\n");
        }

        o.Write("</div>\n");

        o.Write("</section>\n");
    }

    private void WriteSources()
    {
        var sources = Verdicts().Append(report.Stopping?.Verdict).OfType<Verdict>().SelectMany(v => v.Sources).Append(RuleSources.CumulativeDose).ToList();
        if (AdverseEventRows().Count > 0 || SafetyFindings().Count > 0)
        {
            sources.Add(RuleSources.DistantSpread);
            sources.Add(RuleSources.LocalWeakness);
        }

        sources = [.. sources.Distinct()];
        o.Write("<section id=\"sources\">\n<h2>");
        o.Write(E(t["report.sources"]));
        o.Write("</h2>\n<p class=\"src\">");
        o.Write(string.Join("; ", sources.Select(c => c.Source).Distinct().Select(key =>
        {
            var levels = string.Join(", ", sources.Where(c => c.Source == key).Select(c => Citation.FormatLevel(c.Verification)).Distinct());
            return E($"{key}: {t.TryText("source." + key) ?? sources.First(c => c.Source == key).Locator} ({levels})");
        })));
        o.Write("</p>\n</section>\n");
    }

    /// <summary>
    /// The adverse events recorded after the sessions (issue 18): every event of the history's administrations
    /// and of the latest session, in session order and then in the order recorded, each with its term, onset,
    /// duration or ongoing, severity, seriousness (ICH E2A), site or muscle, and for the boxed warning's
    /// distant-spread terms (S2) whether the clinician acknowledged them for the latest session; then the
    /// findings of the rules <c>prior-distant-spread</c> and <c>prior-local-weakness</c> on the latest session,
    /// as the rules wrote them (they suggest no dose).
    /// </summary>
    private void WriteAdverseEvents()
    {
        var input = report.Input;
        var rows = AdverseEventRows();
        o.Write("<section class=\"keep\" id=\"adverse-events\">\n<h2>");
        o.Write(E(t["report.ae"]));
        o.Write("</h2>\n");
        if (rows.Count == 0)
        {
            o.Write($"<p data-item=\"no-adverse-events\">{E(t["report.ae.none"])}</p>\n");
        }
        else
        {
            o.Write("<table>\n<thead><tr>");
            foreach (var key in new[] { "report.ae.col.after", "report.ae.col.event", "report.ae.col.onset", "report.ae.col.severity", "report.ae.col.where", "report.ae.col.boxed" })
            {
                o.Write($"<th>{E(t[key])}</th>");
            }

            o.Write("</tr></thead>\n<tbody>\n");
            var dash = t["report.not-recorded"];
            foreach (var (after, latest, e) in rows)
            {
                var term = e.Term == AdverseEventTerm.Other ? E(e.OtherText!) : E(t["ae.term." + AdverseEventTerms.Code(e.Term)]);
                var duration = e.DurationDays is { } d ? t.Format(d == 1 ? "report.ae.day" : "report.ae.days", t.Count(d)) : t["report.ae.ongoing"];
                var where = e.Site is { } site ? site.Value : e.Muscle is { } m ? m.Value : dash;
                var boxed = AdverseEventTerms.IsDistantSpread(e.Term);
                var severity = t["ae.severity." + AdverseEvent.FormatSeverity(e.Severity)] + ", " + t[e.IsSerious ? "report.ae.serious" : "report.ae.not-serious"];
                o.Write($"<tr data-ae=\"{E(AdverseEventTerms.Code(e.Term))}\" data-after=\"{E(ChartSvg.Date(after))}\" data-onset=\"{E(ChartSvg.Date(e.Onset))}\"{(boxed ? " class=\"boxed\" data-boxed=\"true\"" : string.Empty)}>");
                o.Write($"<td class=\"date\">{E(t.Date(after))}</td><td>{(boxed ? "<b>" + term + "</b>" : term)}</td><td class=\"date\">{E(t.Date(e.Onset))} · {E(duration)}</td>");
                o.Write($"<td>{(e.IsSerious ? "<b>" + E(severity) + "</b>" : E(severity))}</td><td>{E(where)}</td>");
                o.Write($"<td>{(boxed ? BoxedText(latest) : E(dash))}</td></tr>\n");
            }

            o.Write("</tbody>\n</table>\n");
        }

        if (input.Session is { } s && report.SessionReport is not null)
        {
            var findings = SafetyFindings();
            o.Write($"<p data-item=\"safety-checks\">{E(t.Format("report.ae.checks", t.Date(s.Date), t.Count(findings.Count)))}</p>\n");
            if (findings.Count > 0)
            {
                o.Write("<ul class=\"findings\">\n");
                foreach (var v in findings)
                {
                    var severity = t[v.IsError ? "report.ae.error" : "report.ae.warning"];
                    o.Write($"<li data-rule=\"{E(v.Code.Value)}\" data-severity=\"{(v.IsError ? "error" : "warning")}\"><b>{E(severity)}</b> <code>{E(v.Code.Value)}</code>: <span lang=\"en\">{E(v.Message)}</span> <span class=\"src\">({E(v.Source.Source)}, {E(Citation.FormatLevel(v.Source.Verification))})</span></li>\n");
                }

                o.Write("</ul>\n");
            }
        }
        else
        {
            o.Write($"<p class=\"note\" data-item=\"safety-checks\">{E(t["report.ae.no-checks"])}</p>\n");
        }

        o.Write("</section>\n");
    }

    /// <summary>The boxed-warning cell of a distant-spread event: whether the clinician acknowledged it for the latest session (the session's <see cref="TreatmentSession.DistantSpreadAcknowledged"/>).</summary>
    private string BoxedText(bool afterLatest)
    {
        var flag = E(t["report.ae.boxed"]);
        if (afterLatest || report.Input.Session is not { } s)
        {
            return $"{flag}: <span data-ack=\"pending\">{E(t["report.ae.ack-next"])}</span>";
        }

        return s.DistantSpreadAcknowledged
            ? $"{flag}: <span data-ack=\"true\">{E(t.Format("report.ae.ack", t.Date(s.Date)))}</span>"
            : $"{flag}: <b data-ack=\"false\">{E(t.Format("report.ae.not-ack", t.Date(s.Date)))}</b>";
    }

    /// <summary>Every adverse event to show: the history's administrations in date order (events in the order recorded), then the latest session's own events not already shown for an administration of the same day.</summary>
    private List<(DateOnly After, bool Latest, AdverseEvent Event)> AdverseEventRows()
    {
        var input = report.Input;
        var rows = new List<(DateOnly, bool, AdverseEvent)>();
        foreach (var a in input.History.Administrations.OrderBy(a => a.Date))
        {
            rows.AddRange(a.AdverseEvents.Select(e => (a.Date, false, e)));
        }

        if (input.Session is { } s)
        {
            var same = input.History.Administrations.Where(a => a.Date == s.Date && a.IsChronicMigraine).SelectMany(a => a.AdverseEvents).ToList();
            rows.AddRange(s.AdverseEvents.Where(e => !same.Contains(e)).Select(e => (s.Date, true, e)));
        }

        return rows;
    }

    /// <summary>The latest session's findings of the adverse-event rules, as the rules reported them.</summary>
    private List<RuleViolation> SafetyFindings() => report.SessionReport is { } r
        ? [.. r.Violations.Where(v => v.Code == RuleId.PriorDistantSpread || v.Code == RuleId.PriorLocalWeakness)]
        : [];

    /// <summary>The cumulative dose line: the units given in the rules' window (a treatment cycle by default, ADR 0090) against the limit, and the headroom left.</summary>
    private string CumulativeText()
    {
        var c = report.Cumulative;
        var to = report.SessionReport is { } r ? r.Date : report.Date;
        var policy = t[c.Policy == CumulativeWindowPolicy.TreatmentCycle ? "report.cumulative-cycle" : "report.cumulative-rolling"];
        return t.Format("report.cumulative-value", Units(c.Units), Units(c.Limit), t.Format("chart.range", t.Date(c.WindowStart), t.Date(to)), Units(c.Headroom), policy);
    }

    /// <summary>The product line of the latest session: the product recorded and whether it is onabotulinumtoxinA (rule <c>product</c>); units of other toxins are not interchangeable.</summary>
    private string ProductText(TreatmentSession s) => s.Product is null
        ? t["report.product-not-recorded"]
        : ToxinProducts.IsOnabotulinumtoxinA(s.Product) switch
        {
            true => t.Format("report.product-ona", s.Product),
            false => t.Format("report.product-other", s.Product),
            _ => t.Format("report.product-unknown", s.Product),
        };

    private string Units(ToxinUnits u) => t.Format("report.units", t.Number(u.Units, u.IsWholeUnits ? 0 : 2));

    private string VerdictTitle(Verdict v) => t.TryText("verdict." + v.Id) ?? v.Title;

    private (string Css, string Text) Outcome(CriterionOutcome outcome)
    {
        var id = CriterionOutcomeText.Format(outcome);
        return ("o-" + id, t["outcome." + id]);
    }

    private static string Decision(StoppingDecision d) => d switch
    {
        StoppingDecision.Continue => "continue",
        StoppingDecision.StopForNonResponse => "stop-for-non-response",
        StoppingDecision.StopForEpisodic => "stop-for-episodic",
        _ => "indeterminate",
    };

    /// <summary>The criterion's description in the report language: from the resource table by criterion id, else the library's English text marked as English.</summary>
    private string CriterionText(CriterionResult c)
    {
        if (ClassCriterion().Match(c.Id.Value) is { Success: true } m && AcuteMedicationClasses.TryParse(m.Groups["class"].Value, out var cls))
        {
            return report.Input.Thresholds.For(cls) is { } threshold
                ? E(t.Format("criterion.ichd3-8.2-class", t["class." + m.Groups["class"].Value], t.Count(threshold), DiaryChart.Ichd3Code(cls)))
                : E(t.Format("criterion.ichd3-8.2-class-missing", t["class." + m.Groups["class"].Value], DiaryChart.Ichd3Code(cls)));
        }

        if (c.Id.Value == "ichd3-8.2-multiple-classes")
        {
            return report.Input.Thresholds.MultipleClasses is { } multiple
                ? E(t.Format("criterion.ichd3-8.2-multiple-classes", t.Count(multiple)))
                : E(t["criterion.ichd3-8.2-multiple-classes-missing"]);
        }

        return t.TryText("criterion." + c.Id) is { } local ? E(local) : $"<span lang=\"en\">{E(c.Description)}</span>";
    }

    /// <summary>The figures of a criterion, compacted: one line per (name, requirement) with the values in period order and the recorded days they rest on.</summary>
    private string Figures(CriterionResult c)
    {
        var lines = new List<string>();
        foreach (var g in c.Figures.GroupBy(f => (f.Name, f.Requirement)))
        {
            var figures = g.ToList();
            var values = string.Join(", ", figures.Select(f => t.Number(f.Value, f.Value == decimal.Truncate(f.Value) ? 0 : 4)));
            var requirement = g.Key.Requirement is { } req ? " (" + Requirement(req) + ")" : string.Empty;
            var line = $"{FigureName(g.Key.Name)}: <b>{E(values)}</b>{requirement}";
            if (figures.Any(f => f.DaysRecorded is { } r && f.PeriodDays is { } n && r < n))
            {
                line += $" <span class=\"note\">{E(t.Format("report.recorded", string.Join(", ", figures.Select(f => $"{t.Count(f.DaysRecorded ?? 0)}/{t.Count(f.PeriodDays ?? 0)}"))))}</span>";
            }

            lines.Add(line);
        }

        return string.Join("<br>", lines);
    }

    private string FigureName(string name)
    {
        foreach (var c in AcuteMedicationClasses.All)
        {
            if (name == AcuteMedicationClasses.Describe(c) + " days" || name == AcuteMedicationClasses.Format(c) + " days")
            {
                return E(t.Format("figure.class-days", t["class." + AcuteMedicationClasses.Format(c)]));
            }
        }

        if (CycleFigure().Match(name) is { Success: true } m)
        {
            return E(t.Format("figure.end-of-cycle", m.Groups["n"].Value));
        }

        return t.TryText("figure." + name.Replace(' ', '-').Replace(",", string.Empty, StringComparison.Ordinal)) is { } local ? E(local) : $"<span lang=\"en\">{E(name)}</span>";
    }

    private string Requirement(string requirement)
    {
        if (SimpleRequirement().Match(requirement) is { Success: true } m)
        {
            var op = m.Groups["op"].Value switch { ">=" => "≥", "<=" => "≤", var x => x };
            return E($"{op} {t.Number(decimal.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["n"].Value.Contains('.', StringComparison.Ordinal) ? 2 : 0)}");
        }

        return t.TryText("requirement." + requirement) is { } local ? E(local) : $"<span lang=\"en\">{E(requirement.Replace(">=", "≥", StringComparison.Ordinal))}</span>";
    }

    [GeneratedRegex(@"^ichd3-8\.2-(?<class>[a-z-]+)$")]
    private static partial Regex ClassCriterion();

    [GeneratedRegex(@"^headache days, end of cycle (?<n>\d+)$")]
    private static partial Regex CycleFigure();

    [GeneratedRegex(@"^(?<op>>=|<=|<|>) (?<n>\d+(\.\d+)?)$")]
    private static partial Regex SimpleRequirement();

    /// <summary>Escapes text for HTML content and attribute values (ampersand, angle brackets, quotes); other characters are written as they are (UTF-8).</summary>
    internal static string E(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
    }
}
