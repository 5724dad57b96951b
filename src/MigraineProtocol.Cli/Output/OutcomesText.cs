using System.Globalization;
using MigraineProtocol.Outcomes;

namespace MigraineProtocol.Cli.Output;

/// <summary>Cohort outcomes and adverse-event rates as tables for people (their JSON is the library's <c>OutcomesJson</c>).</summary>
internal static class OutcomesText
{
    internal static void Write(TextWriter output, string name, CohortOutcomes report)
    {
        var level = Percent(report.ConfidenceLevel, "0.##");
        output.Write($"Outcomes of {name}: responders at {report.Threshold} fewer headache days; {level} intervals ({IntervalMethods.Format(report.RateMethod)} for rates, t for mean change).\n\n");
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
            cmp.Add("Risk difference (responder rate)", Points(c.RiskDifference), $"{Points(c.RiskDifferenceInterval.Lower)} to {Points(c.RiskDifferenceInterval.Upper)}", IntervalMethods.Describe(c.RiskDifferenceInterval.Method));
            cmp.Add(
                "Number needed to treat",
                c.NumberNeededToTreat is { } nnt ? $"{nnt.Label} {nnt.Value.ToString("0.0", CultureInfo.InvariantCulture)}" : "none (no difference)",
                c.NumberNeededToTreatInterval.Format("0.0"),
                IntervalMethods.Describe(c.NumberNeededToTreatInterval.Method));
            cmp.Add(
                "Difference in mean change (days)",
                Days(c.MeanChangeDifference),
                c.MeanChangeDifferenceInterval is { } w ? $"{Days(w.Lower)} to {Days(w.Upper)}" : "n/a",
                IntervalMethods.Describe(IntervalMethod.Welch) + (c.WelchDegreesOfFreedom is { } df ? $", df {df.ToString("0.0", CultureInfo.InvariantCulture)}" : string.Empty));
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
        foreach (var p in PublishedOutcomes.ComparableTo(report.Threshold))
        {
            var value = p.Measure == PublishedMeasure.ResponderRate ? Percent(p.Value, "0.0") : Signed(p.Value);
            var comparator = p.ComparatorValue is { } cv ? $" vs {(p.Measure == PublishedMeasure.ResponderRate ? Percent(cv, "0.0") : Signed(cv))} ({p.Comparator})" : string.Empty;
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

    internal static string Percent(double fraction, string format) => (fraction * 100).ToString(format, CultureInfo.InvariantCulture) + "%";

    private static string Points(double difference) => (difference * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pts";

    private static string Signed(double days) => days.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    private static string Days(double days) => days.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
