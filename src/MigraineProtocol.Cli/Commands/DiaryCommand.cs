using System.CommandLine;
using MigraineProtocol.Charts;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Cli.Commands;

/// <summary><c>migraine-protocol diary DIARY.csv [--format table|json] [--periods 28-day|calendar-month]</c>: period counts, chronic migraine and
/// medication overuse (<see cref="DiaryAssessment"/>; JSON <see cref="VerdictJson.Write(DiaryAssessment)"/>; table <see cref="VerdictOutput"/>).</summary>
internal static class DiaryCommand
{
    internal static Command Create(CliIo io)
    {
        var file = DiaryInput.DiaryArgument();
        var format = CommonOptions.Format("table", "json");
        var periods = DiaryInput.Periods(PeriodKind.TwentyEightDays);
        var combination = DiaryInput.CombinationThreshold();
        var multiple = DiaryInput.MultipleClassesThreshold();
        var chart = ChartFiles.Option("the diary (calendar strip, headache and migraine days per period with the ICHD-3 lines, medication days with the overuse thresholds)");
        var command = new Command("diary", "Summarize a headache diary: headache, migraine and acute-medication days per period (and how many days each count rests on), ICHD-3 1.3 chronic migraine and ICHD-3 8.2 medication overuse by class.")
        {
            file, format, periods, combination, multiple, chart,
        };
        command.SetAction(result =>
        {
            var kind = DiaryInput.Kind(result, periods);
            var thresholds = DiaryInput.Thresholds(result.GetValue(combination), result.GetValue(multiple));
            var assessment = DiaryAssessment.Assess(RecordFiles.ReadDiary(result.GetValue(file)!), kind, thresholds);
            if (result.GetValue(chart) is { } chartPath)
            {
                ChartFiles.Write(chartPath, DiaryChart.Render(assessment.Diary, new DiaryChartOptions { Periods = kind, Thresholds = thresholds }));
            }

            if (result.GetValue(format) == "json")
            {
                io.Out.Write(VerdictJson.Write(assessment) + "\n");
            }
            else
            {
                VerdictOutput.WriteDiary(io.Out, assessment);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
