using System.CommandLine;
using System.Globalization;
using MigraineProtocol.Charts;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>migraine-protocol stopping DIARY.csv --sessions DATE[,DATE...] [--periods calendar-month|28-day] [--format table|json]</c>:
/// the treatment course (per-cycle headache-day change and responder status) and the NICE TA260 1.2
/// stopping verdict (<see cref="NiceTa260.Stopping"/>; JSON <see cref="VerdictJson"/>). Exit 0 when treatment continues,
/// 1 when a stopping rule applies or the data cannot decide, 2 on bad input.
/// </summary>
internal static class StoppingCommand
{
    internal static Command Create(CliIo io)
    {
        var file = DiaryInput.DiaryArgument();
        var format = CommonOptions.Format("table", "json");
        var periods = DiaryInput.Periods(PeriodKind.CalendarMonth);
        var sessions = new Option<DateOnly[]>("--sessions")
        {
            Description = "The treatment session dates, comma-separated, strictly increasing (yyyy-MM-dd), the first after the diary's first day so that there is a 28-day baseline.",
            Required = true,
            CustomParser = ParseDates,
        };
        var chart = ChartFiles.Option("the course (headache days per cycle against the baseline, with the 30% and 50% reduction lines)");
        var command = new Command("stopping", "Judge a treatment course from a diary and the session dates: headache-day change and responder status per cycle, and the NICE TA260 1.2 stopping rules (less than 30% reduction after 2 cycles; fewer than 15 headache days a month for 3 consecutive months). Exit 0 continue, 1 stop or undecided, 2 bad input.")
        {
            file, format, periods, sessions, chart,
        };
        command.SetAction(result =>
        {
            var diary = RecordFiles.ReadDiary(result.GetValue(file)!);
            if (!TreatmentCourse.TryCreate(diary, result.GetValue(sessions)!, out var course, out var problem))
            {
                throw new CliException($"--sessions: {problem}");
            }

            var verdict = NiceTa260.Stopping(course, DiaryInput.Kind(result, periods));
            if (result.GetValue(chart) is { } chartPath)
            {
                ChartFiles.Write(chartPath, CourseChart.Render(course));
            }

            if (result.GetValue(format) == "json")
            {
                io.Out.Write(VerdictJson.Write(course, verdict) + "\n");
            }
            else
            {
                VerdictOutput.WriteCourse(io.Out, course, verdict);
            }

            return verdict.Decision == StoppingDecision.Continue ? ExitCodes.Ok : ExitCodes.Negative;
        });
        return command;
    }

    /// <summary>Reads <c>yyyy-MM-dd</c> dates, comma-separated; a bad one is a parse error naming it.</summary>
    private static DateOnly[]? ParseDates(System.CommandLine.Parsing.ArgumentResult result)
    {
        var parts = result.Tokens.Count == 0 ? [] : result.Tokens[^1].Value.Split(',', StringSplitOptions.TrimEntries);
        var dates = new DateOnly[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!DateOnly.TryParseExact(parts[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dates[i]))
            {
                result.AddError($"--sessions: {CommonOptions.Quote(parts[i])} (date {(i + 1).ToString(CultureInfo.InvariantCulture)}) is not a date; write calendar dates as yyyy-MM-dd, comma-separated.");
                return null;
            }
        }

        return dates;
    }
}
