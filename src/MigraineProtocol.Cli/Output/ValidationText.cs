using System.Globalization;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Cli.Output;

/// <summary>A validation report as text for people: the table of <c>validate</c> and the one-line verdict of <c>map</c> (the JSON is the library's <c>ReportJson</c>).</summary>
internal static class ValidationText
{
    internal static void Write(TextWriter output, ValidationReport report, TreatmentSession session)
    {
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        output.Write($"Session {D(report.Date)} against protocol '{report.Protocol}': {report.InjectionCount.ToString(CultureInfo.InvariantCulture)} injections, {report.TotalUnits}.\n");
        var caveat = WeakSources(report);
        output.Write(report.IsValid
            ? $"VALID ({report.WarningCount.ToString(CultureInfo.InvariantCulture)} warnings)\n"
            : $"INVALID ({report.ErrorCount.ToString(CultureInfo.InvariantCulture)} errors, {report.WarningCount.ToString(CultureInfo.InvariantCulture)} warnings{caveat})\n");
        if (!report.Violations.IsEmpty)
        {
            output.Write('\n');
            var table = new TextTable(("Severity", false), ("Code", false), ("Site", false), ("Message", false), ("Source", false));
            foreach (var v in report.Violations)
            {
                table.Add(SeverityText.Format(v.Severity), v.Code.Value, v.Site?.Value ?? "-", v.Message, $"{v.Source.Source} [{Primitives.Citation.FormatLevel(v.Source.Verification)}]");
            }

            table.Write(output);
        }

        output.Write('\n');
        var c = report.Cumulative;
        var cycle = c.Policy == CumulativeWindowPolicy.TreatmentCycle;
        var source = Cite(RuleSources.CumulativeDose);
        output.Write(cycle
            ? $"Cumulative, all indications, this treatment cycle ({D(c.WindowStart)} to {D(report.Date)}: administrations fewer than {ValidationOptions.Default.CumulativeCycleDays.ToString(CultureInfo.InvariantCulture)} days before): {c.Units} of a maximum {c.Limit}; headroom {c.Headroom} ({source}).\n"
            : $"Cumulative, all indications, rolling calendar months ({D(c.WindowStart)} to {D(report.Date)}): {c.Units} of a maximum {c.Limit}; headroom {c.Headroom} ({source}).\n");
        if (cycle)
        {
            output.Write($"For information, the rolling 3 calendar months ({D(c.RollingWindowStart)} to {D(report.Date)}) hold {c.RollingUnits}; that reading also counts the previous 12-week cycle (docs/rules.md).\n");
        }

        output.Write(report.PreviousSessionDate is { } prev
            ? $"Previous chronic-migraine session: {D(prev)} ({(report.Date.DayNumber - prev.DayNumber).ToString(CultureInfo.InvariantCulture)} days before).\n"
            : "Previous chronic-migraine session: none recorded.\n");
        output.Write($"Earliest next session (interval and cumulative limit, for a repeat of {report.TotalUnits}): {D(report.NextEligibleDate)}.\n");
        if (report.Reconciliation is { } r)
        {
            output.Write($"\nBilling reconciliation ({r.Vials.ToString(CultureInfo.InvariantCulture)} x {r.VialUnits} vials{(r.VialsRecorded ? string.Empty : ", assumed: not recorded")}): {r.UnitsOpened} opened, {r.UnitsAdministered} given, {r.UnitsDiscarded} discarded.\n");
            var lines = new TextTable(("System", false), ("Code", false), ("Modifier", false), ("Quantity", true), ("Description", false));
            foreach (var l in r.Lines)
            {
                lines.Add(l.System, l.Code, l.Modifier ?? "-", l.Quantity.ToString("0.##", CultureInfo.InvariantCulture), l.Description);
            }

            lines.Write(output);
            output.Write($"Codes: {Cite(Billing.BillingReconciliation.Source)} (secondary source): re-check against the current code sets and the payer.\n");
        }
        else if (Billing.BillingReconciliation.ExplainAbsence(session) is { } why)
        {
            output.Write($"\nBilling reconciliation: {why}.\n");
        }

        output.Write("Clinical decision support: this report informs; a clinician decides.\n");
    }

    private static string Cite(Primitives.Citation c) => $"{c.Source}, {Primitives.Citation.FormatLevel(c.Verification)}";

    /// <summary>The validate verdict in one line, with each rule code and how often it fired, for example
    /// <c>INVALID (3 errors, 0 warnings): missing-site x1, site-dose x2.</c></summary>
    internal static string Verdict(ValidationReport report)
    {
        var head = report.IsValid
            ? string.Create(CultureInfo.InvariantCulture, $"VALID ({report.WarningCount} warnings)")
            : string.Create(CultureInfo.InvariantCulture, $"INVALID ({report.ErrorCount} errors, {report.WarningCount} warnings{WeakSources(report)})");
        var codes = report.Violations.GroupBy(x => x.Code).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} x{g.Count()}")).ToList();
        return codes.Count == 0 ? $"{head}.\n" : $"{head}: {string.Join(", ", codes)}; run validate for the messages.\n";
    }

    /// <summary>Returns "; n of the errors rest on a secondary or unverified source: re-check before acting" (<see cref="ValidationReport.ErrorsOnUnverifiedSources"/>), or empty when none does.</summary>
    internal static string WeakSources(ValidationReport report) =>
        report.ErrorsOnUnverifiedSources is var weak and > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {weak} of the errors rest on a secondary or unverified source: re-check before acting") : string.Empty;
}
