using System.CommandLine;
using System.Globalization;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Localization;
using MigraineProtocol.Reports;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>migraine-protocol report --diary DIARY.csv --history HISTORY.json [--session SESSION.json] --preventives-failed N
/// [--patient REF] [--language en|de] --output report.html|report.pdf</c>: the one-document treatment report
/// (docs/report.md). HTML is written by the library; PDF is that page printed by headless Chromium (ADR 0082).
/// Exit 0 when written, 2 on bad input or when the PDF cannot be printed.
/// </summary>
internal static class ReportCommand
{
    internal static Command Create(CliIo io)
    {
        var diary = new Option<string>("--diary") { Description = "The diary CSV (see the diary command).", Required = true };
        var history = new Option<string>("--history") { Description = "The prior administrations, all indications ({\"administrations\": [{\"date\", \"units\", \"indication\"}, ...]}).", Required = true };
        var session = new Option<string?>("--session") { Description = "The latest session (JSON): validated, mapped and billed in the report." };
        var preventives = DiaryInput.PreventivesFailed("How many preventive medicines have not worked, were not tolerated or are unsuitable (NICE TA260 needs at least 3).");
        var managed = new Option<bool?>("--overuse-managed") { Description = "Whether medication overuse is appropriately managed (a clinician's judgement): true or false; without it that criterion is not assessed." };
        var adult = new Option<bool?>("--adult") { Description = "Whether the patient is an adult: true or false; without it the age criteria are not assessed." };
        var patient = new Option<string>("--patient") { Description = "The patient reference printed on the report: an opaque id of your choice, no name needed (default 'not-given').", DefaultValueFactory = _ => "not-given" }
            .Check(r => r.Trim().Length == 0 || r.Length > 64 ? "--patient: give an opaque id of 1 to 64 characters (no name needed)." : null);
        var language = CommonOptions.Choice(new Option<string>("--language"), "The report language ('de': German, with the German ICHD-3 terms)", [.. ReportText.All.Select(l => l.Code)]);
        var periods = DiaryInput.Periods(PeriodKind.TwentyEightDays);
        var combination = DiaryInput.CombinationThreshold();
        var multiple = DiaryInput.MultipleClassesThreshold();
        var protocol = CommonOptions.Protocol();
        var date = new Option<DateOnly?>("--date")
        {
            Description = "The report date printed on it (yyyy-MM-dd); default the later of the diary's last day and the session date (no clock is read, so the output is reproducible).",
            CustomParser = r => DateOnly.TryParseExact(r.Tokens[^1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : Error(r, $"--date: {CommonOptions.Quote(r.Tokens[^1].Value)} is not a date; write it as yyyy-MM-dd."),
        };
        var output = new Option<string?>("--output", "-o") { Description = "The file to write: .html (self-contained page) or .pdf (printed by headless Chromium). Required." };
        var command = new Command("report", "Write the one-document treatment report for the clinician and the payer: ICHD-3, NICE TA260 and US-label verdicts with numbers and sources, the diary chart, the sessions with dose, lot, waste and billing codes, the response per cycle, the site map of the latest session, the next eligible date and the cumulative dose. HTML or PDF; English or German.")
        {
            diary, history, session, preventives, managed, adult, patient, language, periods, combination, multiple, protocol, date, output,
        };
        command.Validators.Add(r =>
        {
            var path = r.GetValue(output);
            if (string.IsNullOrWhiteSpace(path))
            {
                r.AddError("--output FILE.html or FILE.pdf is required: the report is written to a file.");
            }
            else if (!new[] { ".pdf", ".html", ".htm" }.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                r.AddError($"--output {CommonOptions.Quote(path)}: the report is written as .html or .pdf; name the file with one of those extensions.");
            }
        });
        command.SetAction(result =>
        {
            var path = result.GetValue(output)!;
            var pdf = path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
            _ = ReportText.TryGet(result.GetValue(language)!, out var text);
            var input = new TreatmentReportInput
            {
                PatientReference = result.GetValue(patient)!,
                Diary = RecordFiles.ReadDiary(result.GetValue(diary)!),
                History = RecordFiles.ReadHistory(result.GetValue(history)!),
                Session = result.GetValue(session) is { } s ? RecordFiles.ReadSession(s) : null,
                Protocol = CommonOptions.ResolveProtocol(CommonOptions.Catalog(result), result.GetValue(protocol)!),
                Eligibility = new EligibilityInput(result.GetValue(preventives), result.GetValue(managed), result.GetValue(adult)),
                Thresholds = DiaryInput.Thresholds(result.GetValue(combination), result.GetValue(multiple)),
                DiaryPeriods = DiaryInput.Kind(result, periods),
                Text = text!,
                Date = result.GetValue(date),
            };
            var html = TreatmentReport.Create(input).ToHtml();
            if (pdf)
            {
                ChromiumPdf.Print(html, path);
            }
            else
            {
                OutputFiles.Write(path, html, "report");
            }

            io.Out.Write($"{path}: treatment report ({text!.Code}, {(pdf ? "PDF" : "HTML")}) for {input.PatientReference}.\n");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static DateOnly? Error(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }
}
