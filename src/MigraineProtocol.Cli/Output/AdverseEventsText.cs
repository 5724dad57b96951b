using System.Globalization;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Cli.Output;

/// <summary>Adverse-event rates beside the published ones, as a table for people (the JSON is the library's <c>OutcomesJson.WriteAdverseEvents</c>).</summary>
internal static class AdverseEventsText
{
    internal static void Write(TextWriter output, string cohortName, string eventsName, double level, IReadOnlyList<AdverseEventRate> rates)
    {
        var pct = OutcomesText.Percent(level, "0.##");
        output.Write($"Adverse events of {cohortName} ({eventsName}): patients with at least one event of each term, per arm, with {pct} Wilson intervals;\n");
        output.Write("beside each term, the published rates (other populations, exposure and definitions; context, not a controlled comparison).\n\n");
        var table = new TextTable(("Term", false), ("Arm or study", false), ("Patients", true), ("With event", true), ("Rate", true), ($"{pct} CI or placebo", true), ("Source", false));
        var terms = rates.Select(r => r.Term).Concat(PublishedAdverseEventRates.All.Select(p => p.Term)).Distinct(StringComparer.Ordinal).OrderBy(TermOrder).ToList();
        foreach (var term in terms)
        {
            var name = Name(term);
            foreach (var r in rates.Where(r => r.Term == term))
            {
                table.Add(name, r.Arm, r.Patients.ToString(CultureInfo.InvariantCulture), r.PatientsWithEvent.ToString(CultureInfo.InvariantCulture),
                    OutcomesText.Percent(r.Rate, "0.0"), $"{OutcomesText.Percent(r.Interval.Lower, "0.0")} to {OutcomesText.Percent(r.Interval.Upper, "0.0")}", "this cohort");
                name = string.Empty;
            }

            foreach (var p in PublishedAdverseEventRates.For(term))
            {
                table.Add(name, $"{p.Study}: {p.Measure}", string.Empty, string.Empty, OutcomesText.Percent(p.Value, "0.0"),
                    p.ComparatorValue is { } cv ? $"placebo {OutcomesText.Percent(cv, "0.0")}" : string.Empty, $"{p.Source.Source}, {Primitives.Citation.FormatLevel(p.Source.Verification)}");
                name = string.Empty;
            }
        }

        table.Write(output);
        output.Write("\nTreatment-related figures count only events the investigators judged related; the cohort counts every recorded event.\n");
        output.Write("Clinical decision support: these statistics inform; a clinician decides.\n");
    }

    private static int TermOrder(string term) =>
        term == AdverseEventCohort.AnyEvent ? -1 : AdverseEventTerms.TryParse(term, out var t) ? (int)t : int.MaxValue;

    private static string Name(string term) =>
        term == AdverseEventCohort.AnyEvent ? "Any event" : AdverseEventTerms.TryParse(term, out var t) ? AdverseEventTerms.Display(t) : term;
}
