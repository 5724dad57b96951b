using System.CommandLine;
using System.Globalization;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>migraine-protocol eligibility DIARY.csv --preventives-failed N [--overuse-managed true|false] [--adult true|false] [--rules nice,us-label] [--periods calendar-month|28-day] [--format table|json]</c>:
/// the NICE TA260 start verdict and the US-label indication verdict. Exit 0 when every selected verdict is met, 1 when not (or undecided), 2 on bad input.
/// </summary>
internal static class EligibilityCommand
{
    private static readonly string[] Formats = ["table", "json"];

    internal static Command Create(CliIo io)
    {
        var file = DiaryInput.DiaryArgument();
        var format = CommonOptions.Format(Formats);
        var periods = DiaryInput.Periods("calendar-month");
        var preventives = new Option<int>("--preventives-failed")
        {
            Description = "How many preventive medicines have not worked, were not tolerated or are unsuitable because of safety concerns (NICE TA260 needs at least 3).",
            Required = true,
        };
        var managed = new Option<bool?>("--overuse-managed")
        {
            Description = "Whether the condition is appropriately managed for medication overuse (a clinician's judgement): true or false. Without it, that NICE criterion is not assessed.",
        };
        var adult = new Option<bool?>("--adult")
        {
            Description = "Whether the patient is an adult: true or false. Without it, the age criterion is not assessed.",
        };
        var rules = new Option<string>("--rules")
        {
            Description = "The verdicts to give, comma-separated: nice, us-label (default both). Exit code 0 only when every selected verdict is met.",
            DefaultValueFactory = _ => "nice,us-label",
        };
        var command = new Command("eligibility", "Check a diary and the preventive history against the NICE TA260 start criteria and the US-label indication; every criterion is listed with its numbers and source. The verdict informs; a clinician decides. Exit 0 all criteria met, 1 a criterion not met or undecided, 2 bad input.")
        {
            file,
            format,
            periods,
            preventives,
            managed,
            adult,
            rules,
        };
        command.SetAction(result =>
        {
            var f = CommonOptions.CheckFormat(result.GetValue(format)!, Formats);
            var kind = DiaryInput.CheckPeriods(result.GetValue(periods)!);
            var selected = ParseRules(result.GetValue(rules)!);
            var n = result.GetValue(preventives);
            if (n < 0)
            {
                throw new CliException($"--preventives-failed must be zero or more, not {n.ToString(CultureInfo.InvariantCulture)}.");
            }

            var diary = DiaryInput.Read(result.GetValue(file)!);
            var assessment = EligibilityAssessment.Assess(diary, new EligibilityInput(n, result.GetValue(managed), result.GetValue(adult)), kind, selected);
            if (f == "json")
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

    private static List<EligibilityRuleSet> ParseRules(string value)
    {
        var list = new List<EligibilityRuleSet>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!EligibilityRuleSets.TryParse(part, out var ruleSet))
            {
                throw new CliException($"Unknown rule set '{part}' for --rules. Use nice, us-label or both, comma-separated.");
            }

            list.Add(ruleSet);
        }

        return list;
    }
}
