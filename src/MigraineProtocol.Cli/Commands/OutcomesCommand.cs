using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MigraineProtocol.Charts;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>migraine-protocol outcomes COHORT.csv [--threshold 50] [--confidence 0.95] [--ci wilson|clopper-pearson]
/// [--treatment ARM --control ARM] [--format table|json]</c>: responder rates and change in headache days per arm,
/// with confidence intervals, and a treatment-control comparison.
/// </summary>
/// <remarks>JSON statistics are rounded to 6 decimal places (half away from zero) and written without trailing zeros (ADR 0070).</remarks>
internal static class OutcomesCommand
{
    internal const string Header = OutcomeCohortCsv.Header;
    private const int JsonDecimals = 6;
    private static readonly string[] Formats = ["table", "json"];
    private static readonly string[] Methods = ["wilson", "clopper-pearson"];

    internal static Command Create(CliIo io)
    {
        var file = new Argument<string>("COHORT.csv") { Description = $"The cohort, a CSV file with the header '{Header}' (headache days per the same period, e.g. 28 days; decimals allowed)." };
        var threshold = new Option<double>("--threshold") { Description = "The responder threshold in percent: a patient responds when headache days fall by at least this much (default 50).", DefaultValueFactory = _ => 50 };
        var confidence = new Option<double>("--confidence") { Description = "The confidence level of the intervals, between 0 and 1 (default 0.95).", DefaultValueFactory = _ => 0.95 };
        var ci = new Option<string>("--ci") { Description = "The responder-rate interval: 'wilson' (default) or 'clopper-pearson'.", DefaultValueFactory = _ => "wilson" };
        var treatment = new Option<string?>("--treatment") { Description = "The treatment arm to compare (with --control)." };
        var control = new Option<string?>("--control") { Description = "The control arm to compare (with --treatment)." };
        var format = CommonOptions.Format(Formats);
        var chart = ChartFiles.Option("the outcomes (responder rates, risk difference and mean change with their intervals, forest-plot style)");
        var command = new Command("outcomes", "Summarize a cohort's outcomes per arm: responders at a threshold with a Wilson or Clopper-Pearson interval, mean change in headache days with a t interval, and optionally treatment vs control (risk difference with the Newcombe interval, number needed to treat, Welch interval of the difference in mean change).")
        {
            file, threshold, confidence, ci, treatment, control, format,
        };
        command.Options.Add(chart);
        command.SetAction(result =>
        {
            var f = CommonOptions.CheckFormat(result.GetValue(format)!, Formats);
            var options = CheckOptions(result.GetValue(threshold), result.GetValue(confidence), result.GetValue(ci)!, result.GetValue(treatment), result.GetValue(control));
            var path = result.GetValue(file)!;
            var report = Analyze(path, ReadCohort(path), options);
            if (result.GetValue(chart) is { } chartPath)
            {
                ChartFiles.Write(io, chartPath, OutcomesChart.Render(report.Arms, report.Comparison));
            }

            if (f == "json")
            {
                WriteJson(io.Out, report);
            }
            else
            {
                WriteTable(io.Out, Path.GetFileName(path), report);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static Options CheckOptions(double thresholdPercent, double confidence, string method, string? treatment, string? control)
    {
        if (!(thresholdPercent is >= 0 and <= 100))
        {
            throw new CliException($"--threshold {Format(thresholdPercent)}: a responder threshold is a percentage between 0 and 100, for example 50.");
        }

        if (!(confidence is > 0 and < 1))
        {
            throw new CliException($"--confidence {Format(confidence)}: a confidence level is strictly between 0 and 1, for example 0.95.");
        }

        if (confidence > ConfidenceInterval.MaxLevel)
        {
            throw new CliException($"--confidence {Format(confidence)}: too close to 1 (1 - α/2 rounds to 1, so every interval would be infinite); the largest level accepted is {Format(ConfidenceInterval.MaxLevel)}.");
        }

        var intervalMethod = method switch
        {
            "wilson" => IntervalMethod.Wilson,
            "clopper-pearson" => IntervalMethod.ClopperPearson,
            _ => throw new CliException($"Unknown interval '{method}' for --ci. Use one of: {string.Join(", ", Methods)}."),
        };
        if ((treatment is null) != (control is null))
        {
            throw new CliException("--treatment and --control go together: give both arms to compare, or neither.");
        }

        if (treatment is not null && treatment == control)
        {
            throw new CliException($"--treatment and --control are both '{treatment}': compare two different arms.");
        }

        return new Options(ResponderThreshold.FromPercent(thresholdPercent), confidence, intervalMethod, treatment, control);
    }

    /// <summary>Reads the cohort CSV (the library's <see cref="OutcomeCohortCsv"/>) into arms in order of first appearance. Every error names the file, line and column.</summary>
    internal static List<(string Arm, List<PatientOutcome> Patients)> ReadCohort(string path) =>
        [.. Input.RecordFiles.ReadCohort(path).Select(a => (a.Name, a.Patients.ToList()))];

    internal static Report Analyze(string name, List<(string Arm, List<PatientOutcome> Patients)> arms, Options options)
    {
        var summaries = arms
            .Select(a => new OutcomeAccumulator(options.Threshold).AddRange(a.Patients.ToArray()).Summarize(a.Arm, options.Confidence, options.Method))
            .ToList();
        ArmComparison? comparison = null;
        if (options.Treatment is not null)
        {
            var t = summaries.Find(s => s.Arm == options.Treatment) ?? throw UnknownArm(name, "--treatment", options.Treatment, summaries);
            var c = summaries.Find(s => s.Arm == options.Control) ?? throw UnknownArm(name, "--control", options.Control!, summaries);
            comparison = ArmComparison.Create(t, c);
        }

        return new Report(options, summaries, comparison);
    }

    internal static void WriteJson(TextWriter output, Report report) => JsonOutput.Write(output, w =>
    {
        w.WriteStartObject();
        WriteStatistic(w, "threshold", report.Options.Threshold.Fraction);
        WriteStatistic(w, "confidenceLevel", report.Options.Confidence);
        w.WriteStartArray("arms");
        foreach (var arm in report.Arms)
        {
            w.WriteStartObject();
            w.WriteString("arm", arm.Arm);
            w.WriteNumber("n", arm.Count);
            w.WriteNumber("responders", arm.Responders);
            WriteStatistic(w, "responderRate", arm.ResponderRate);
            WriteInterval(w, "responderRateCi", arm.ResponderRateInterval);
            WriteStatistic(w, "meanChange", arm.MeanChange);
            WriteInterval(w, "meanChangeCi", arm.MeanChangeInterval);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (report.Comparison is { } c)
        {
            w.WriteStartObject("comparison");
            w.WriteString("treatment", c.Treatment.Arm);
            w.WriteString("control", c.Control.Arm);
            WriteStatistic(w, "riskDifference", c.RiskDifference);
            WriteInterval(w, "riskDifferenceCi", c.RiskDifferenceInterval);
            if (c.NumberNeededToTreat is { } nnt)
            {
                WriteUnbounded(w, "numberNeededToTreat", nnt.SignedValue);
                w.WriteString("numberNeededToTreatLabel", nnt.Label);
            }
            else
            {
                w.WriteNull("numberNeededToTreat");
                w.WriteNull("numberNeededToTreatLabel");
            }

            WriteNntInterval(w, c.NumberNeededToTreatInterval);

            WriteStatistic(w, "meanChangeDifference", c.MeanChangeDifference);
            WriteInterval(w, "meanChangeDifferenceCi", c.MeanChangeDifferenceInterval);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    });

    internal static void WriteTable(TextWriter output, string name, Report report)
    {
        var o = report.Options;
        var level = Percent(o.Confidence, "0.##");
        output.Write($"Outcomes of {name}: responders at {o.Threshold} fewer headache days; {level} intervals ({ConfidenceInterval.FormatMethod(o.Method)} for rates, t for mean change).\n\n");
        var table = new TextTable(("Arm", false), ("Patients", true), ("Responders", true), ("Rate", true), ($"{level} CI", true), ("Mean change (days)", true), ($"{level} CI", true));
        foreach (var a in report.Arms)
        {
            table.Add(
                a.Arm,
                a.Count.ToString(CultureInfo.InvariantCulture),
                a.Responders.ToString(CultureInfo.InvariantCulture),
                Percent(a.ResponderRate, "0.0"),
                $"{Percent(a.ResponderRateInterval.Lower, "0.0")} to {Percent(a.ResponderRateInterval.Upper, "0.0")}",
                Days(a.MeanChange),
                a.MeanChangeInterval is { } m ? $"{Days(m.Lower)} to {Days(m.Upper)}" : "n/a (1 patient)");
        }

        table.Write(output);
        if (report.Comparison is { } c)
        {
            output.Write($"\n{c.Treatment.Arm} vs {c.Control.Arm}\n");
            var cmp = new TextTable(("Measure", false), ("Value", true), ($"{level} CI", true), ("Method", false));
            cmp.Add("Risk difference (responder rate)", Points(c.RiskDifference), $"{Points(c.RiskDifferenceInterval.Lower)} to {Points(c.RiskDifferenceInterval.Upper)}", "Newcombe hybrid score");
            cmp.Add(
                "Number needed to treat",
                c.NumberNeededToTreat is { } nnt ? $"{nnt.Label} {nnt.Value.ToString("0.0", CultureInfo.InvariantCulture)}" : "none (no difference)",
                c.NumberNeededToTreatInterval.Format("0.0"),
                "Altman (1 / Newcombe bounds)");
            cmp.Add(
                "Difference in mean change (days)",
                Days(c.MeanChangeDifference),
                c.MeanChangeDifferenceInterval is { } w ? $"{Days(w.Lower)} to {Days(w.Upper)}" : "n/a",
                c.WelchDegreesOfFreedom is { } df ? $"Welch, df {df.ToString("0.0", CultureInfo.InvariantCulture)}" : "Welch");
            cmp.Write(output);
        }

        output.Write("\nResponder rate (# rate, = up to the upper bound, | interval bounds)\n");
        var width = report.Arms.Max(a => a.Arm.Length);
        foreach (var a in report.Arms)
        {
            output.Write($"{a.Arm.PadRight(width)}  {Bar(a.ResponderRate, a.ResponderRateInterval, 40)}  {Percent(a.ResponderRate, "0.0")}\n");
        }

        output.Write($"{new string(' ', width)}  0%        25%       50%       75%      100%\n");

        output.Write("\nPublished figures (other populations; context, not a controlled comparison):\n");
        foreach (var p in PublishedOutcomes.All.Where(p => p.Measure == PublishedMeasure.MeanChangeInHeadacheDays || (p.Measure == PublishedMeasure.ResponderRate && p.Threshold == o.Threshold)))
        {
            var value = p.Measure == PublishedMeasure.ResponderRate ? Percent(p.Value, "0.0") : PublishedDays(p.Value);
            var comparator = p.ComparatorValue is { } cv ? $" vs {(p.Measure == PublishedMeasure.ResponderRate ? Percent(cv, "0.0") : PublishedDays(cv))} ({p.Comparator})" : string.Empty;
            var what = p.Measure == PublishedMeasure.ResponderRate ? $"{p.Threshold} responders" : "headache days";
            output.Write($"  {p.Study}, {p.TimePoint}: {what} {value}{comparator}  [{p.Source.Source}, {Primitives.Citation.FormatLevel(p.Source.Verification)}]\n");
        }

        output.Write("Clinical decision support: these statistics inform; a clinician decides.\n");
    }

    /// <summary>A bar of <paramref name="width"/> characters over 0 to 100%.</summary>
    internal static string Bar(double rate, ConfidenceInterval interval, int width)
    {
        var chars = new char[width];
        var lower = Math.Min(width - 1, (int)Math.Floor(interval.Lower * width));
        var upper = Math.Min(width - 1, (int)Math.Floor(interval.Upper * width));
        for (var i = 0; i < width; i++)
        {
            var centre = (i + 0.5) / width;
            chars[i] = centre < rate ? '#' : centre < interval.Upper ? '=' : '.';
        }

        chars[lower] = '|';
        chars[upper] = '|';
        return new string(chars);
    }

    private static Exception UnknownArm(string name, string option, string arm, List<ArmSummary> summaries) =>
        new CliException($"{option} '{arm}': {name} has no such arm. Arms: {string.Join(", ", summaries.Select(s => s.Arm))}.");

    private static void WriteInterval(Utf8JsonWriter w, string name, ConfidenceInterval? interval)
    {
        if (interval is not { } ci)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("method", ConfidenceInterval.FormatMethod(ci.Method));
        WriteStatistic(w, "lower", ci.Lower);
        WriteStatistic(w, "upper", ci.Upper);
        w.WriteEndObject();
    }

    /// <summary>Writes Altman's NNT interval: lower and upper when it does not cross 0, else benefitFrom and harmFrom.</summary>
    private static void WriteNntInterval(Utf8JsonWriter w, NumberNeededToTreatInterval ci)
    {
        w.WriteStartObject("numberNeededToTreatCi");
        w.WriteString("method", "altman");
        w.WriteBoolean("crossesZero", ci.CrossesZero);
        if (!ci.CrossesZero)
        {
            WriteUnbounded(w, "lower", ci.Lower!.Value);
            WriteUnbounded(w, "upper", ci.Upper!.Value);
        }
        else
        {
            WriteUnbounded(w, "benefitFrom", ci.BenefitFrom);
            WriteUnbounded(w, "harmFrom", ci.HarmFrom);
        }

        w.WriteEndObject();
    }

    /// <summary>Writes a reciprocal of a risk difference: rounded like every statistic, or null; beyond 1e15 (a bound within rounding of 0) as a round-trip double.</summary>
    private static void WriteUnbounded(Utf8JsonWriter w, string name, double? value)
    {
        if (value is not { } v)
        {
            w.WriteNull(name);
        }
        else if (Math.Abs(v) < 1e15)
        {
            WriteStatistic(w, name, v);
        }
        else
        {
            w.WriteNumber(name, v);
        }
    }

    /// <summary>Writes a statistic rounded to 6 decimal places, half away from zero, without trailing zeros (0.5, not 0.500000).</summary>
    internal static void WriteStatistic(Utf8JsonWriter w, string name, double value) =>
        w.WriteNumber(name, JsonOutput.Normalize(Math.Round((decimal)value, JsonDecimals, MidpointRounding.AwayFromZero)));

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Percent(double fraction, string format) => (fraction * 100).ToString(format, CultureInfo.InvariantCulture) + "%";

    private static string Points(double difference) => (difference * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pts";

    private static string PublishedDays(double days) => days.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    private static string Days(double days) => days.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    internal sealed record Options(ResponderThreshold Threshold, double Confidence, IntervalMethod Method, string? Treatment, string? Control);

    internal sealed record Report(Options Options, List<ArmSummary> Arms, ArmComparison? Comparison);
}
