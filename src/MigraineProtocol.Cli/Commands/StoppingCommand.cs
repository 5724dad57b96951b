using System.CommandLine;
using System.Globalization;
using MigraineProtocol.Charts;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>migraine-protocol stopping DIARY.csv --sessions DATE[,DATE...] [--periods calendar-month|28-day] [--format table|json]</c>:
/// the treatment course (per-cycle headache-day change and responder status) and the NICE TA260 1.2
/// stopping verdict. Exit 0 when treatment continues, 1 when a stopping rule applies or the data cannot
/// decide, 2 on bad input.
/// </summary>
internal static class StoppingCommand
{
    private static readonly string[] Formats = ["table", "json"];

    internal static Command Create(CliIo io)
    {
        var file = DiaryInput.DiaryArgument();
        var format = CommonOptions.Format(Formats);
        var periods = DiaryInput.Periods("calendar-month");
        var sessions = new Option<string>("--sessions")
        {
            Description = "The treatment session dates, comma-separated, strictly increasing (yyyy-MM-dd), the first after the diary's first day so that there is a 28-day baseline.",
            Required = true,
        };
        var chart = ChartFiles.Option("the course (headache days per cycle against the baseline, with the 30% and 50% reduction lines)");
        var command = new Command("stopping", "Judge a treatment course from a diary and the session dates: headache-day change and responder status per cycle, and the NICE TA260 1.2 stopping rules (less than 30% reduction after 2 cycles; fewer than 15 headache days a month for 3 consecutive months). Exit 0 continue, 1 stop or undecided, 2 bad input.")
        {
            file,
            format,
            periods,
            sessions,
            chart,
        };
        command.SetAction(result =>
        {
            var f = CommonOptions.CheckFormat(result.GetValue(format)!, Formats);
            var kind = DiaryInput.CheckPeriods(result.GetValue(periods)!);
            var dates = ParseDates(result.GetValue(sessions)!);
            var path = result.GetValue(file)!;
            var diary = DiaryInput.Read(path);
            TreatmentCourse course;
            try
            {
                course = new TreatmentCourse(diary, dates);
            }
            catch (ArgumentException e)
            {
                throw new CliException($"--sessions: {FirstSentence(e.Message)}");
            }

            var verdict = NiceTa260.Stopping(course, kind);
            if (result.GetValue(chart) is { } chartPath)
            {
                ChartFiles.Write(io, chartPath, CourseChart.Render(course));
            }

            if (f == "json")
            {
                io.Out.Write(VerdictJson.Write(course, verdict) + "\n");
            }
            else
            {
                WriteTable(io.Out, course, verdict);
            }

            return verdict.Decision == StoppingDecision.Continue ? ExitCodes.Ok : ExitCodes.Negative;
        });
        return command;
    }

    internal static DateOnly[] ParseDates(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var dates = new DateOnly[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!DateOnly.TryParseExact(parts[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dates[i]))
            {
                throw new CliException($"--sessions: {CommonOptions.Quote(parts[i])} (date {(i + 1).ToString(CultureInfo.InvariantCulture)}) is not a date; write calendar dates as yyyy-MM-dd, comma-separated.");
            }
        }

        return dates;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static void WriteTable(TextWriter output, TreatmentCourse course, StoppingVerdict verdict)
    {
        var b = course.Baseline;
        output.Write($"Baseline {VerdictOutput.Date(b.Start)}..{VerdictOutput.Date(b.End)}: {b.HeadacheDays.ToString(CultureInfo.InvariantCulture)} headache days ({b.DaysRecorded.ToString(CultureInfo.InvariantCulture)} of {b.LengthDays.ToString(CultureInfo.InvariantCulture)} days recorded).\n\n");
        var table = new TextTable(("Cycle", true), ("Sessions from", false), ("Last 28 days", false), ("Headache days", true), ("Change", true), ("Reduction", true), ("Responder", false));
        var notes = new List<string>();
        foreach (var c in course.Cycles)
        {
            var decided = c.NotAssessableReason is null;
            table.Add(
                c.Number.ToString(CultureInfo.InvariantCulture),
                VerdictOutput.Date(c.Start),
                $"{VerdictOutput.Date(c.Window.Start)}..{VerdictOutput.Date(c.Window.End)}",
                decided ? c.Window.HeadacheDays.ToString(CultureInfo.InvariantCulture) : "-",
                decided ? c.HeadacheDaysChange.ToString("+0;-0;0", CultureInfo.InvariantCulture) : "-",
                decided && c.Reduction is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-",
                CriterionOutcomeText.Format(c.Responder));
            if (!decided)
            {
                notes.Add($"Cycle {c.Number.ToString(CultureInfo.InvariantCulture)}: {c.NotAssessableReason}.");
            }

            if (c.IsShorterThanInterval && c.Number < course.Cycles.Length)
            {
                notes.Add($"Cycle {c.Number.ToString(CultureInfo.InvariantCulture)} is {c.LengthDays.ToString(CultureInfo.InvariantCulture)} days: the next session came before the {course.CycleLengthDays.ToString(CultureInfo.InvariantCulture)}-day interval.");
            }
        }

        table.Write(output);
        foreach (var n in notes)
        {
            output.Write(n);
            output.Write('\n');
        }

        output.Write('\n');
        VerdictOutput.WriteVerdictText(output, verdict.Verdict);
        output.Write($"\n{verdict.Statement}\n");
        output.Write("Clinical decision support: this verdict informs; a clinician decides.\n");
    }
}
