using System.CommandLine;
using MigraineProtocol.Charts;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Cli.Commands;

/// <summary><c>migraine-protocol diary DIARY.csv [--format table|json] [--periods 28-day|calendar-month]</c>: period counts, chronic migraine and medication overuse.</summary>
internal static class DiaryCommand
{
    private static readonly string[] Formats = ["table", "json"];

    internal static Command Create(CliIo io)
    {
        var file = DiaryInput.DiaryArgument();
        var format = CommonOptions.Format(Formats);
        var periods = DiaryInput.Periods("28-day");
        var combination = DiaryInput.CombinationThreshold();
        var multiple = DiaryInput.MultipleClassesThreshold();
        var chart = ChartFiles.Option("the diary (calendar strip, headache and migraine days per period with the ICHD-3 lines, medication days with the overuse thresholds)");
        var command = new Command("diary", "Summarize a headache diary: headache, migraine and acute-medication days per period (and how many days each count rests on), ICHD-3 1.3 chronic migraine and ICHD-3 8.2 medication overuse by class.")
        {
            file,
            format,
            periods,
            combination,
            multiple,
            chart,
        };
        command.SetAction(result =>
        {
            var f = CommonOptions.CheckFormat(result.GetValue(format)!, Formats);
            var kind = DiaryInput.CheckPeriods(result.GetValue(periods)!);
            var thresholds = DiaryInput.Thresholds(result.GetValue(combination), result.GetValue(multiple));
            var diary = DiaryInput.Read(result.GetValue(file)!);
            var report = new Report(diary, kind, diary.Periods(kind), ChronicMigraineCriteria.Evaluate(diary, kind), MedicationOveruseCriteria.Evaluate(diary, thresholds, kind));
            if (result.GetValue(chart) is { } chartPath)
            {
                ChartFiles.Write(io, chartPath, DiaryChart.Render(diary, new DiaryChartOptions { Periods = kind, Thresholds = thresholds }));
            }

            if (f == "json")
            {
                WriteJson(io.Out, report);
            }
            else
            {
                WriteTable(io.Out, report);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(TextWriter output, Report r) => JsonOutput.Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("diary");
        w.WriteString("start", VerdictOutput.Date(r.Diary.Start));
        w.WriteString("end", VerdictOutput.Date(r.Diary.End));
        w.WriteNumber("spanDays", r.Diary.SpanDays);
        w.WriteNumber("daysRecorded", r.Diary.DaysRecorded);
        w.WriteNumber("daysUnrecorded", r.Diary.DaysUnrecorded);
        w.WriteEndObject();
        w.WriteString("periodKind", PeriodKinds.Format(r.Kind));
        w.WriteStartArray("periods");
        foreach (var p in r.Periods)
        {
            VerdictJson.WritePeriod(w, p);
        }

        w.WriteEndArray();
        w.WriteBoolean("chronicMigraine", r.ChronicMigraine.IsMet);
        w.WriteString("chronicMigraineOutcome", CriterionOutcomeText.Format(r.ChronicMigraine.Outcome));
        w.WriteStartObject("medicationOveruse");
        w.WriteBoolean("suspected", r.Overuse.Suspected);
        w.WriteString("outcome", CriterionOutcomeText.Format(r.Overuse.Verdict.Outcome));
        w.WriteString("summary", r.Overuse.Summarize());
        w.WriteStartArray("classes");
        foreach (var c in r.Overuse.OverusedClasses)
        {
            w.WriteStringValue(AcuteMedicationClasses.Format(c));
        }

        w.WriteEndArray();
        w.WriteBoolean("multipleClasses", r.Overuse.MultipleClassesOverused);
        w.WriteStartArray("notAssessed");
        foreach (var c in r.Overuse.ClassesNotAssessed)
        {
            w.WriteStringValue(AcuteMedicationClasses.Format(c));
        }

        if (r.Overuse.MultipleClassesNotAssessed)
        {
            w.WriteStringValue("multiple-classes");
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("verdicts");
        VerdictJson.WriteVerdict(w, r.ChronicMigraine);
        VerdictJson.WriteVerdict(w, r.Overuse.Verdict);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteTable(TextWriter output, Report r)
    {
        output.Write($"Diary {VerdictOutput.Date(r.Diary.Start)}..{VerdictOutput.Date(r.Diary.End)}: {r.Diary.DaysRecorded} of {r.Diary.SpanDays} days recorded ({r.Diary.DaysUnrecorded} unrecorded).\n");
        output.Write($"Periods ({PeriodKinds.Format(r.Kind)}); medication columns are days taken.\n\n");
        VerdictOutput.WritePeriodTable(output, r.Periods);
        output.Write('\n');
        VerdictOutput.WriteVerdictText(output, r.ChronicMigraine);
        output.Write('\n');
        VerdictOutput.WriteVerdictText(output, r.Overuse.Verdict);
        output.Write($"\nMedication overuse suspected (ICHD-3 8.2): {r.Overuse.Summarize()}.\n");
        output.Write("Clinical decision support: this summary informs; a clinician decides.\n");
    }

    private sealed record Report(HeadacheDiary Diary, PeriodKind Kind, IReadOnlyList<PeriodSummary> Periods, Verdict ChronicMigraine, MedicationOveruseVerdict Overuse);
}
