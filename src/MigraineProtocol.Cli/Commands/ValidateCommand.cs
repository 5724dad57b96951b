using System.CommandLine;
using System.Globalization;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>migraine-protocol validate SESSION.json [--batch] [--protocol NAME] [--history HISTORY.json] [--tolerance DAYS] [--cumulative-policy cycle|rolling] [--format table|json]</c>:
/// validates a session against a protocol's rules. Exit 0 valid, 1 invalid, 2 unreadable input or bad usage.
/// With <c>--batch</c> the argument is a newline-delimited JSON batch (or a folder of <c>*.ndjson</c> batches),
/// validated by <see cref="BatchValidation"/>, one NDJSON result line per input line: exit 0 all valid,
/// 1 any invalid, 2 any line unreadable.
/// </summary>
internal static class ValidateCommand
{
    private static readonly string[] Formats = ["table", "json"];
    private static readonly string[] Policies = ["cycle", "rolling"];

    internal static Command Create(CliIo io)
    {
        var sessionFile = new Argument<string>("SESSION.json") { Description = "The session: {\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": 5}, ...]} (docs/json-formats.md)." };
        var protocol = CommonOptions.Protocol();
        var format = CommonOptions.Format(Formats);
        var history = new Option<string?>("--history")
        {
            Description = "The patient's prior administrations, all indications: {\"administrations\": [{\"date\", \"units\", \"indication\"}, ...]}; feeds the retreatment-interval and cumulative-dose rules.",
        };
        var tolerance = new Option<int>("--tolerance")
        {
            Description = "Days before the protocol's 12-week interval that a session may still be given without a retreatment-interval warning: 0 (default, the label) to 30; COMPEL allowed 7 (S12).",
            DefaultValueFactory = _ => 0,
        };
        var policy = new Option<string>("--cumulative-policy")
        {
            Description = "How the 400 U cumulative limit across indications is counted: 'cycle' (default: the session and every administration fewer than 84 days before it) or 'rolling' (3 calendar months up to the session day). See docs/rules.md.",
            DefaultValueFactory = _ => "cycle",
        };
        var batch = new Option<bool>("--batch")
        {
            Description = "Audit many sessions: the argument is newline-delimited JSON, one {\"patient\", \"session\", \"history\"} object a line (or a folder of *.ndjson files); writes one JSON result a line (docs/json-formats.md, \"Batch validation\"). Exit 0 all valid, 1 any invalid, 2 any line unreadable.",
        };
        var command = new Command("validate", "Validate a treatment session against a protocol: every rule violation with its code, severity, site and clinical source; totals, cumulative dose with its headroom, the earliest date for the next session and billing reconciliation. Exit 0 valid, 1 invalid, 2 bad input.")
        {
            sessionFile,
            protocol,
            format,
            history,
            tolerance,
            policy,
            batch,
        };
        command.Options.Add(CommonOptions.Definitions);
        command.SetAction(result =>
        {
            var f = CommonOptions.CheckFormat(result.GetValue(format)!, Formats);
            var p = CommonOptions.ResolveProtocol(CommonOptions.Catalog(result), result.GetValue(protocol)!);
            var sessionPath = result.GetValue(sessionFile)!;
            var historyPath = result.GetValue(history);
            var isBatch = result.GetValue(batch);
            if (isBatch && historyPath is not null)
            {
                throw new CliException("--history cannot be used with --batch: each batch line carries its own \"history\".");
            }

            var session = isBatch ? null : RecordFiles.ReadSession(sessionPath);
            var h = historyPath is null ? null : RecordFiles.ReadHistory(historyPath);

            var days = result.GetValue(tolerance);
            if (days is < 0 or > 30)
            {
                throw new CliException($"--tolerance {days.ToString(CultureInfo.InvariantCulture)} is out of range: 0 to 30 days.");
            }

            var policyName = result.GetValue(policy)!;
            if (!Policies.Contains(policyName, StringComparer.Ordinal))
            {
                throw new CliException($"Unknown cumulative policy '{policyName}' for --cumulative-policy. Use one of: {string.Join(", ", Policies)}.");
            }

            var options = ValidationOptions.Default
                .WithRetreatmentToleranceDays(days)
                .WithCumulativePolicy(policyName == "cycle" ? CumulativeWindowPolicy.TreatmentCycle : CumulativeWindowPolicy.RollingCalendarMonths);
            if (isBatch)
            {
                return BatchOutput.Run(io, sessionPath, p, options);
            }

            var report = RuleSet.Default.Validate(p, session!, h, options);
            if (f == "json")
            {
                io.Out.Write(ReportJson.Write(report));
                io.Out.Write('\n');
            }
            else
            {
                WriteTable(io.Out, report, session!);
            }

            return report.IsValid ? ExitCodes.Ok : ExitCodes.Negative;
        });
        return command;
    }

    internal static void WriteTable(TextWriter output, ValidationReport report, TreatmentSession session)
    {
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        output.Write($"Session {D(report.Date)} against protocol '{report.Protocol}': {report.InjectionCount.ToString(CultureInfo.InvariantCulture)} injections, {report.TotalUnits}.\n");
        var caveat = MapCommand.WeakSources(report);
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
        output.Write(cycle
            ? $"Cumulative, all indications, this treatment cycle ({D(c.WindowStart)} to {D(report.Date)}: administrations fewer than 84 days before): {c.Units} of a maximum {c.Limit}; headroom {c.Headroom} (S18, verified-2nd).\n"
            : $"Cumulative, all indications, rolling calendar months ({D(c.WindowStart)} to {D(report.Date)}): {c.Units} of a maximum {c.Limit}; headroom {c.Headroom} (S18, verified-2nd).\n");
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
            output.Write("Codes: S17, verified-2nd (secondary source): re-check against the current code sets and the payer.\n");
        }
        else if (ToxinProducts.IsOnabotulinumtoxinA(session.Product) == false)
        {
            output.Write($"\nBilling reconciliation: none (the product '{session.Product}' is not onabotulinumtoxinA; J0585 is onabotulinumtoxinA only).\n");
        }
        else if (session.Reconstitution is null)
        {
            output.Write("\nBilling reconciliation: not available (the session does not record its reconstitution).\n");
        }

        output.Write("Clinical decision support: this report informs; a clinician decides.\n");
    }
}
