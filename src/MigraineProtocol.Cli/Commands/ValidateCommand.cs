using System.CommandLine;
using System.Globalization;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>migraine-protocol validate SESSION.json [--batch] [--protocol NAME] [--history HISTORY.json] [--tolerance DAYS] [--cumulative-policy cycle|rolling] [--format table|json]</c>:
/// validates a session against a protocol's rules. Exit 0 valid, 1 invalid, 2 unreadable input or bad usage.
/// With <c>--batch</c> the argument is a newline-delimited JSON batch (or a folder of <c>*.ndjson</c> batches),
/// validated by <see cref="BatchValidation"/>, one NDJSON result line per input line: exit 0 all valid,
/// 1 any invalid, 2 any line unreadable. JSON: <see cref="ReportJson"/>; table: <see cref="ValidationText"/>.
/// </summary>
internal static class ValidateCommand
{
    internal static Command Create(CliIo io)
    {
        var sessionFile = new Argument<string>("SESSION.json") { Description = "The session: {\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": 5}, ...]} (docs/json-formats.md)." };
        var protocol = CommonOptions.Protocol();
        var format = CommonOptions.Format("table", "json");
        var history = new Option<string?>("--history")
        {
            Description = "The patient's prior administrations, all indications: {\"administrations\": [{\"date\", \"units\", \"indication\"}, ...]}; feeds the retreatment-interval and cumulative-dose rules.",
        };
        var tolerance = new Option<int>("--tolerance")
        {
            Description = "Days before the protocol's 12-week interval that a session may still be given without a retreatment-interval warning: 0 (default, the label) to 30; COMPEL allowed 7 (S12).",
            DefaultValueFactory = _ => 0,
        }.Check(d => d is >= 0 and <= 30 ? null : $"--tolerance {d.ToString(CultureInfo.InvariantCulture)} is out of range: 0 to 30 days.");
        var policy = CommonOptions.Choice(
            new Option<string>("--cumulative-policy"),
            "How the 400 U cumulative limit across indications is counted: 'cycle' (the session and every administration fewer than 84 days before it) or 'rolling' (3 calendar months up to the session day); see docs/rules.md",
            ["cycle", "rolling"]);
        var batch = new Option<bool>("--batch")
        {
            Description = "Audit many sessions: the argument is newline-delimited JSON, one {\"patient\", \"session\", \"history\"} object a line (or a folder of *.ndjson files); writes one JSON result a line (docs/json-formats.md, \"Batch validation\"). Exit 0 all valid, 1 any invalid, 2 any line unreadable.",
        };
        var command = new Command("validate", "Validate a treatment session against a protocol: every rule violation with its code, severity, site and clinical source; totals, cumulative dose with its headroom, the earliest date for the next session and billing reconciliation. Exit 0 valid, 1 invalid, 2 bad input.")
        {
            sessionFile, protocol, format, history, tolerance, policy, batch,
        };
        command.Options.Add(CommonOptions.Definitions);
        command.Validators.Add(r =>
        {
            if (r.GetValue(batch) && r.GetValue(history) is not null)
            {
                r.AddError("--history cannot be used with --batch: each batch line carries its own \"history\".");
            }
        });
        command.SetAction(result =>
        {
            var p = CommonOptions.ResolveProtocol(CommonOptions.Catalog(result), result.GetValue(protocol)!);
            var sessionPath = result.GetValue(sessionFile)!;
            var options = ValidationOptions.Default
                .WithRetreatmentToleranceDays(result.GetValue(tolerance))
                .WithCumulativePolicy(result.GetValue(policy) == "cycle" ? CumulativeWindowPolicy.TreatmentCycle : CumulativeWindowPolicy.RollingCalendarMonths);
            if (result.GetValue(batch))
            {
                return BatchOutput.Run(io, sessionPath, p, options);
            }

            var session = RecordFiles.ReadSession(sessionPath);
            var h = result.GetValue(history) is { } historyPath ? RecordFiles.ReadHistory(historyPath) : null;
            var report = RuleSet.Default.Validate(p, session, h, options);
            if (result.GetValue(format) == "json")
            {
                io.Out.Write(ReportJson.Write(report) + "\n");
            }
            else
            {
                ValidationText.Write(io.Out, report, session);
            }

            return report.IsValid ? ExitCodes.Ok : ExitCodes.Negative;
        });
        return command;
    }
}
