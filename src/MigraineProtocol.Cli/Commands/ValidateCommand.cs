using System.CommandLine;
using System.Globalization;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>migraine-protocol validate SESSION.json [--protocol NAME] [--history HISTORY.json] [--format table|json]</c>:
/// validates a session against a protocol's rules. Exit 0 valid, 1 invalid, 2 unreadable input or bad usage.
/// </summary>
internal static class ValidateCommand
{
    private static readonly string[] Formats = ["table", "json"];

    internal static Command Create(CliIo io)
    {
        var sessionFile = new Argument<string>("SESSION.json") { Description = "The session: {\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": 5}, ...]} (docs/json-formats.md)." };
        var protocol = CommonOptions.Protocol();
        var format = CommonOptions.Format(Formats);
        var history = new Option<string?>("--history")
        {
            Description = "The patient's prior administrations, all indications: {\"administrations\": [{\"date\", \"units\", \"indication\"}, ...]}; feeds the retreatment-interval and cumulative-dose rules.",
        };
        var command = new Command("validate", "Validate a treatment session against a protocol: every rule violation with its code, severity, site and clinical source; totals, cumulative dose, next eligible date and billing reconciliation. Exit 0 valid, 1 invalid, 2 bad input.")
        {
            sessionFile,
            protocol,
            format,
            history,
        };
        command.Options.Add(CommonOptions.Definitions);
        command.SetAction(result =>
        {
            var f = CommonOptions.CheckFormat(result.GetValue(format)!, Formats);
            var p = CommonOptions.ResolveProtocol(CommonOptions.Catalog(result), result.GetValue(protocol)!);
            var sessionPath = result.GetValue(sessionFile)!;
            var session = RecordFiles.ReadSession(sessionPath);
            var historyPath = result.GetValue(history);
            var h = historyPath is null ? null : RecordFiles.ReadHistory(historyPath);

            var report = RuleSet.Default.Validate(p, session, h);
            if (f == "json")
            {
                io.Out.Write(ReportJson.Write(report));
                io.Out.Write('\n');
            }
            else
            {
                WriteTable(io.Out, report, session);
            }

            return report.IsValid ? CliApp.Ok : CliApp.Negative;
        });
        return command;
    }

    internal static void WriteTable(TextWriter output, ValidationReport report, TreatmentSession session)
    {
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        output.Write($"Session {D(report.Date)} against protocol '{report.Protocol}': {report.InjectionCount.ToString(CultureInfo.InvariantCulture)} injections, {report.TotalUnits}.\n");
        output.Write(report.IsValid
            ? $"VALID ({report.WarningCount.ToString(CultureInfo.InvariantCulture)} warnings)\n"
            : $"INVALID ({report.ErrorCount.ToString(CultureInfo.InvariantCulture)} errors, {report.WarningCount.ToString(CultureInfo.InvariantCulture)} warnings)\n");
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
        output.Write($"Cumulative, all indications, {D(report.CumulativeWindowStart)} to {D(report.Date)}: {report.CumulativeUnits} (maximum {ValidationOptions.Default.CumulativeLimit}; S18, verified-2nd).\n");
        output.Write(report.PreviousSessionDate is { } prev
            ? $"Previous chronic-migraine session: {D(prev)} ({(report.Date.DayNumber - prev.DayNumber).ToString(CultureInfo.InvariantCulture)} days before).\n"
            : "Previous chronic-migraine session: none recorded.\n");
        output.Write($"Next eligible date: {D(report.NextEligibleDate)}.\n");
        if (report.Reconciliation is { } r)
        {
            output.Write($"\nBilling reconciliation ({r.Vials.ToString(CultureInfo.InvariantCulture)} x {r.VialUnits} vials{(r.VialsRecorded ? string.Empty : ", assumed: not recorded")}): {r.UnitsOpened} opened, {r.UnitsAdministered} given, {r.UnitsDiscarded} discarded.\n");
            var lines = new TextTable(("System", false), ("Code", false), ("Modifier", false), ("Quantity", true), ("Description", false));
            foreach (var l in r.Lines)
            {
                lines.Add(l.System, l.Code, l.Modifier ?? "-", l.Quantity.ToString("0.##", CultureInfo.InvariantCulture), l.Description);
            }

            lines.Write(output);
            output.Write("Codes: S17, verified-2nd (secondary source): re-check against the current code sets and the payer.\n");
        }
        else if (session.Reconstitution is null)
        {
            output.Write("\nBilling reconciliation: not available (the session does not record its reconstitution).\n");
        }

        output.Write("Clinical decision support: this report informs; a clinician decides.\n");
    }
}
