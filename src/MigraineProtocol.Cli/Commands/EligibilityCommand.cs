using System.CommandLine;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>migraine-protocol eligibility DIARY.csv --preventives-failed N [--overuse-managed true|false] [--adult true|false] [--rules nice,us-label] [--periods calendar-month|28-day] [--format table|json]</c>:
/// the NICE TA260 start verdict and the US-label indication verdict (<see cref="EligibilityAssessment"/>; JSON <see cref="VerdictJson"/>).
/// Exit 0 when every selected verdict is met, 1 when not (or undecided), 2 on bad input.
/// </summary>
internal static class EligibilityCommand
{
    internal static Command Create(CliIo io)
    {
        var file = DiaryInput.DiaryArgument();
        var format = CommonOptions.Format("table", "json");
        var periods = DiaryInput.Periods(PeriodKind.CalendarMonth);
        var preventives = DiaryInput.PreventivesFailed("How many preventive medicines have not worked, were not tolerated or are unsuitable because of safety concerns (NICE TA260 needs at least 3).");
        var managed = new Option<bool?>("--overuse-managed")
        {
            Description = "Whether the condition is appropriately managed for medication overuse (a clinician's judgement): true or false. Without it, that NICE criterion is not assessed.",
        };
        var adult = new Option<bool?>("--adult") { Description = "Whether the patient is an adult: true or false. Without it, the age criterion is not assessed." };
        var all = string.Join(',', EligibilityRuleSets.All.Select(EligibilityRuleSets.Format));
        var rules = new Option<string>("--rules")
        {
            Description = $"The verdicts to give, comma-separated: {string.Join(", ", EligibilityRuleSets.All.Select(EligibilityRuleSets.Format))} (default both). Exit code 0 only when every selected verdict is met.",
            DefaultValueFactory = _ => all,
        }.Check(v => Parts(v).FirstOrDefault(p => !EligibilityRuleSets.TryParse(p, out _)) is { } bad
            ? $"--rules {CommonOptions.Quote(bad)}: use nice, us-label or both, comma-separated."
            : null);
        rules.CompletionSources.Add([.. EligibilityRuleSets.All.Select(EligibilityRuleSets.Format), all]);
        var command = new Command("eligibility", "Check a diary and the preventive history against the NICE TA260 start criteria and the US-label indication; every criterion is listed with its numbers and source. The verdict informs; a clinician decides. Exit 0 all criteria met, 1 a criterion not met or undecided, 2 bad input.")
        {
            file, format, periods, preventives, managed, adult, rules,
        };
        command.SetAction(result =>
        {
            var selected = Parts(result.GetValue(rules)!).Select(p => EligibilityRuleSets.TryParse(p, out var r) ? r : default).ToList();
            var input = new EligibilityInput(result.GetValue(preventives), result.GetValue(managed), result.GetValue(adult));
            var assessment = EligibilityAssessment.Assess(RecordFiles.ReadDiary(result.GetValue(file)!), input, DiaryInput.Kind(result, periods), selected);
            if (result.GetValue(format) == "json")
            {
                io.Out.Write(VerdictJson.Write(assessment) + "\n");
            }
            else
            {
                foreach (var v in assessment.Verdicts)
                {
                    VerdictOutput.WriteVerdictText(io.Out, v);
                    io.Out.Write('\n');
                }

                io.Out.Write(assessment.Summary + "\n");
                io.Out.Write("Clinical decision support: these verdicts inform; a clinician decides.\n");
            }

            return assessment.CriteriaMet ? ExitCodes.Ok : ExitCodes.Negative;
        });
        return command;
    }

    private static string[] Parts(string value) => value.Split(',', StringSplitOptions.TrimEntries);
}
