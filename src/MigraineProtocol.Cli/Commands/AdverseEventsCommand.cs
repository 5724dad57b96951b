using System.CommandLine;
using System.Globalization;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>migraine-protocol adverse-events COHORT.csv EVENTS.csv [--confidence 0.95] [--format table|json]</c>:
/// adverse-event rates per arm (patients with at least one event of a term / patients in the arm) with
/// Wilson intervals, beside the published rates with their sources and verification.
/// </summary>
/// <remarks>The cohort is the outcomes cohort CSV (its patients and arms are the denominators); the companion
/// EVENTS.csv has the header <c>patient_id,term</c>, one row per recorded event. JSON statistics are rounded
/// like the outcomes command's (6 decimal places).</remarks>
internal static class AdverseEventsCommand
{
    internal const string Header = AdverseEventCsv.Header;
    private static readonly string[] Formats = ["table", "json"];

    internal static Command Create(CliIo io)
    {
        var cohort = new Argument<string>("COHORT.csv") { Description = $"The cohort, the outcomes CSV with the header '{OutcomesCommand.Header}': its patients and arms are the denominators." };
        var events = new Argument<string>("EVENTS.csv") { Description = $"The events, a CSV with the header '{Header}': one row per recorded adverse event of a cohort patient; term is a code such as neck-pain, eyelid-ptosis, dysphagia or other." };
        var confidence = new Option<double>("--confidence") { Description = "The confidence level of the Wilson intervals, between 0 and 1 (default 0.95).", DefaultValueFactory = _ => 0.95 };
        var format = CommonOptions.Format(Formats);
        var command = new Command("adverse-events", "Adverse-event rates per arm of a cohort (patients with at least one event of each term) with Wilson intervals, beside the published PREEMPT, COMPEL and real-world rates with their sources and verification tags.")
        {
            cohort, events, confidence, format,
        };
        command.SetAction(result =>
        {
            var f = CommonOptions.CheckFormat(result.GetValue(format)!, Formats);
            var level = result.GetValue(confidence);
            if (!(level is > 0 and < 1))
            {
                throw new CliException($"--confidence {level.ToString("R", CultureInfo.InvariantCulture)}: a confidence level is strictly between 0 and 1, for example 0.95.");
            }

            var cohortPath = result.GetValue(cohort)!;
            var eventsPath = result.GetValue(events)!;
            var c = ReadCohort(cohortPath);
            ReadEvents(eventsPath, c);
            foreach (var p in PublishedAdverseEventRates.All.Where(p => p.Term != AdverseEventCohort.AnyEvent))
            {
                c.AddTerm(p.Term); // a published term with no event in the cohort still gets its 0/n row
            }

            var rates = c.Rates(level);
            if (f == "json")
            {
                WriteJson(io.Out, level, rates);
            }
            else
            {
                WriteTable(io.Out, Path.GetFileName(cohortPath), Path.GetFileName(eventsPath), level, rates);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Reads the outcomes cohort with the library's <see cref="Outcomes.OutcomeCohortCsv"/> (as the outcomes command does) into a cohort of patients and arms.</summary>
    internal static AdverseEventCohort ReadCohort(string path)
    {
        var cohort = new AdverseEventCohort();
        foreach (var arm in Input.RecordFiles.ReadCohort(path))
        {
            foreach (var id in arm.PatientIds)
            {
                cohort.AddPatient(id, arm.Name);
            }
        }

        return cohort;
    }

    /// <summary>Reads the events CSV with the library's <see cref="AdverseEventCsv"/> into the cohort. Every problem names the file, line and column.</summary>
    internal static void ReadEvents(string path, AdverseEventCohort cohort)
    {
        if (!AdverseEventCsv.TryRead(Input.InputFiles.ReadText(path, "events"), Input.InputFiles.Show(path), cohort, out var events, out var problems))
        {
            throw Input.InputFiles.Invalid(path, "events", problems);
        }

        foreach (var e in events)
        {
            cohort.AddEvent(e.PatientId, AdverseEventTerms.Code(e.Term));
        }
    }

    internal static void WriteJson(TextWriter output, double level, IReadOnlyList<AdverseEventRate> rates) => JsonOutput.Write(output, w =>
    {
        w.WriteStartObject();
        OutcomesCommand.WriteStatistic(w, "confidenceLevel", level);
        w.WriteStartArray("rates");
        foreach (var r in rates)
        {
            w.WriteStartObject();
            w.WriteString("arm", r.Arm);
            w.WriteString("term", r.Term);
            w.WriteNumber("n", r.Patients);
            w.WriteNumber("patientsWithEvent", r.PatientsWithEvent);
            OutcomesCommand.WriteStatistic(w, "rate", r.Rate);
            w.WriteStartObject("rateCi");
            w.WriteString("method", ConfidenceInterval.FormatMethod(r.Interval.Method));
            OutcomesCommand.WriteStatistic(w, "lower", r.Interval.Lower);
            OutcomesCommand.WriteStatistic(w, "upper", r.Interval.Upper);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("published");
        foreach (var p in PublishedAdverseEventRates.All)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("study", p.Study);
            w.WriteString("term", p.Term);
            w.WriteString("measure", p.Measure);
            w.WriteBoolean("treatmentRelated", p.IsTreatmentRelated);
            OutcomesCommand.WriteStatistic(w, "rate", p.Value);
            if (p.ComparatorValue is { } cv)
            {
                OutcomesCommand.WriteStatistic(w, "placeboRate", cv);
            }
            else
            {
                w.WriteNull("placeboRate");
            }

            w.WriteString("source", p.Source.Source);
            w.WriteString("verification", Primitives.Citation.FormatLevel(p.Source.Verification));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    internal static void WriteTable(TextWriter output, string cohortName, string eventsName, double level, IReadOnlyList<AdverseEventRate> rates)
    {
        var pct = Percent(level, "0.##");
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
                    Percent(r.Rate, "0.0"), $"{Percent(r.Interval.Lower, "0.0")} to {Percent(r.Interval.Upper, "0.0")}", "this cohort");
                name = string.Empty;
            }

            foreach (var p in PublishedAdverseEventRates.For(term))
            {
                table.Add(name, $"{p.Study}: {p.Measure}", string.Empty, string.Empty, Percent(p.Value, "0.0"),
                    p.ComparatorValue is { } cv ? $"placebo {Percent(cv, "0.0")}" : string.Empty, $"{p.Source.Source}, {Primitives.Citation.FormatLevel(p.Source.Verification)}");
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

    private static string Percent(double fraction, string format) => (fraction * 100).ToString(format, CultureInfo.InvariantCulture) + "%";
}
