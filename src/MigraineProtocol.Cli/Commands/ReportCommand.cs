using System.CommandLine;
using System.Globalization;
using System.Text;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
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
        var preventives = new Option<int>("--preventives-failed") { Description = "How many preventive medicines have not worked, were not tolerated or are unsuitable (NICE TA260 needs at least 3).", Required = true };
        var managed = new Option<bool?>("--overuse-managed") { Description = "Whether medication overuse is appropriately managed (a clinician's judgement): true or false; without it that criterion is not assessed." };
        var adult = new Option<bool?>("--adult") { Description = "Whether the patient is an adult: true or false; without it the age criteria are not assessed." };
        var patient = new Option<string>("--patient") { Description = "The patient reference printed on the report: an opaque id of your choice, no name needed (default 'not-given').", DefaultValueFactory = _ => "not-given" };
        var language = new Option<string>("--language") { Description = "The report language: 'en' (default) or 'de' (German, with the German ICHD-3 terms).", DefaultValueFactory = _ => "en" };
        var periods = DiaryInput.Periods("28-day");
        var combination = DiaryInput.CombinationThreshold();
        var multiple = DiaryInput.MultipleClassesThreshold();
        var protocol = CommonOptions.Protocol();
        var date = new Option<string?>("--date") { Description = "The report date printed on it (yyyy-MM-dd); default the later of the diary's last day and the session date (no clock is read, so the output is reproducible)." };
        var output = new Option<string?>("--output", "-o") { Description = "The file to write: .html (self-contained page) or .pdf (printed by headless Chromium). Required." };
        var command = new Command("report", "Write the one-document treatment report for the clinician and the payer: ICHD-3, NICE TA260 and US-label verdicts with numbers and sources, the diary chart, the sessions with dose, lot, waste and billing codes, the response per cycle, the site map of the latest session, the next eligible date and the cumulative dose. HTML or PDF; English or German.")
        {
            diary, history, session, preventives, managed, adult, patient, language, periods, combination, multiple, protocol, date, output,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(output);
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new CliException("--output FILE.html or FILE.pdf is required: the report is written to a file.");
            }

            var pdf = path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
            if (!pdf && !path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliException($"--output {path}: the report is written as .html or .pdf; name the file with one of those extensions.");
            }

            var code = result.GetValue(language)!;
            if (!ReportText.TryGet(code, out var text))
            {
                throw new CliException($"Unknown language '{code}' for --language. Use one of: {string.Join(", ", ReportText.All.Select(l => l.Code))}.");
            }

            var n = result.GetValue(preventives);
            if (n < 0)
            {
                throw new CliException($"--preventives-failed must be zero or more, not {n.ToString(CultureInfo.InvariantCulture)}.");
            }

            var reference = result.GetValue(patient)!;
            if (reference.Trim().Length == 0 || reference.Length > 64)
            {
                throw new CliException("--patient: give an opaque id of 1 to 64 characters (no name needed).");
            }

            DateOnly? reportDate = null;
            if (result.GetValue(date) is { } d)
            {
                reportDate = DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw new CliException($"--date: '{d}' is not a date; write it as yyyy-MM-dd.");
            }

            var kind = DiaryInput.CheckPeriods(result.GetValue(periods)!);
            var thresholds = DiaryInput.Thresholds(result.GetValue(combination), result.GetValue(multiple));
            var p = CommonOptions.ResolveProtocol(CommonOptions.Catalog(result), result.GetValue(protocol)!);
            var input = new TreatmentReportInput
            {
                PatientReference = reference,
                Diary = DiaryInput.Read(result.GetValue(diary)!),
                History = RecordFiles.ReadHistory(result.GetValue(history)!),
                Session = result.GetValue(session) is { } s ? RecordFiles.ReadSession(s) : null,
                Protocol = p,
                Eligibility = new EligibilityInput(n, result.GetValue(managed), result.GetValue(adult)),
                Thresholds = thresholds,
                DiaryPeriods = kind,
                Text = text,
                Date = reportDate,
            };
            var html = TreatmentReport.Create(input).ToHtml();
            if (pdf)
            {
                ChromiumPdf.Print(html, path);
            }
            else
            {
                try
                {
                    File.WriteAllText(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"{path}: the report cannot be written: {e.Message}");
                }
            }

            io.Out.Write($"{path}: treatment report ({text.Code}, {(pdf ? "PDF" : "HTML")}) for {reference}.\n");
            return ExitCodes.Ok;
        });
        return command;
    }
}
