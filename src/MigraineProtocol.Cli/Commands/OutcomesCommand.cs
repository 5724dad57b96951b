using System.CommandLine;
using MigraineProtocol.Charts;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>migraine-protocol outcomes COHORT.csv [--threshold 50] [--confidence 0.95] [--ci wilson|clopper-pearson]
/// [--treatment ARM --control ARM] [--format table|json]</c>: responder rates and change in headache days per arm,
/// with confidence intervals, and a treatment-control comparison (<see cref="CohortOutcomes"/>; JSON
/// <see cref="OutcomesJson"/>, rounded as ADR 0070 says; table <see cref="OutcomesText"/>).
/// </summary>
internal static class OutcomesCommand
{
    internal static Command Create(CliIo io)
    {
        var file = new Argument<string>("COHORT.csv") { Description = $"The cohort, a CSV file with the header '{OutcomeCohortCsv.Header}' (headache days per the same period, e.g. 28 days; decimals allowed)." };
        var threshold = new Option<double>("--threshold") { Description = "The responder threshold in percent: a patient responds when headache days fall by at least this much (default 50).", DefaultValueFactory = _ => 50 }
            .Check(t => t is >= 0 and <= 100 ? null : $"--threshold {CommonOptions.Number(t)}: a responder threshold is a percentage between 0 and 100, for example 50.");
        var confidence = ConfidenceOption();
        var ci = CommonOptions.Choice(new Option<string>("--ci"), "The responder-rate interval", [.. IntervalMethods.ForProportions.Select(IntervalMethods.Format)]);
        var treatment = new Option<string?>("--treatment") { Description = "The treatment arm to compare (with --control)." };
        var control = new Option<string?>("--control") { Description = "The control arm to compare (with --treatment)." };
        var format = CommonOptions.Format("table", "json");
        var chart = ChartFiles.Option("the outcomes (responder rates, risk difference and mean change with their intervals, forest-plot style)");
        var command = new Command("outcomes", "Summarize a cohort's outcomes per arm: responders at a threshold with a Wilson or Clopper-Pearson interval, mean change in headache days with a t interval, and optionally treatment vs control (risk difference with the Newcombe interval, number needed to treat, Welch interval of the difference in mean change).")
        {
            file, threshold, confidence, ci, treatment, control, format, chart,
        };
        command.Validators.Add(r =>
        {
            var (t, c) = (r.GetValue(treatment), r.GetValue(control));
            if ((t is null) != (c is null))
            {
                r.AddError("--treatment and --control go together: give both arms to compare, or neither.");
            }
            else if (t is not null && t == c)
            {
                r.AddError($"--treatment and --control are both '{t}': compare two different arms.");
            }
        });
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            _ = IntervalMethods.TryParse(result.GetValue(ci), out var method);
            var outcomes = CohortOutcomes.Summarize(RecordFiles.ReadCohort(path), ResponderThreshold.FromPercent(result.GetValue(threshold)), result.GetValue(confidence), method);
            if (result.GetValue(treatment) is { } t && result.GetValue(control) is { } c)
            {
                outcomes = outcomes.Compare(CheckArm(outcomes, path, "--treatment", t), CheckArm(outcomes, path, "--control", c));
            }

            if (result.GetValue(chart) is { } chartPath)
            {
                ChartFiles.Write(chartPath, OutcomesChart.Render(outcomes.Arms, outcomes.Comparison));
            }

            if (result.GetValue(format) == "json")
            {
                io.Out.Write(OutcomesJson.Write(outcomes) + "\n");
            }
            else
            {
                OutcomesText.Write(io.Out, Path.GetFileName(path), outcomes);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>--confidence</c>: a level in (0, <see cref="ConfidenceInterval.MaxLevel"/>], 0.95 by default.</summary>
    internal static Option<double> ConfidenceOption(string what = "the intervals") =>
        new Option<double>("--confidence") { Description = $"The confidence level of {what}, between 0 and 1 (default 0.95).", DefaultValueFactory = _ => 0.95 }
            .Check(c => !(c is > 0 and < 1)
                ? $"--confidence {CommonOptions.Number(c)}: a confidence level is strictly between 0 and 1, for example 0.95."
                : c > ConfidenceInterval.MaxLevel
                    ? $"--confidence {CommonOptions.Number(c)}: too close to 1 (1 - α/2 rounds to 1, so every interval would be infinite); the largest level accepted is {CommonOptions.Number(ConfidenceInterval.MaxLevel)}."
                    : null);

    private static string CheckArm(CohortOutcomes outcomes, string path, string option, string arm) =>
        outcomes.TryGetArm(arm, out _)
            ? arm
            : throw new CliException($"{option} '{arm}': {InputFiles.Show(path)} has no such arm. Arms: {string.Join(", ", outcomes.Arms.Select(s => s.Arm))}.");
}
