using System.CommandLine;
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
/// <remarks>The cohort is the outcomes cohort CSV (its patients and arms are the denominators,
/// <see cref="AdverseEventCohort.FromArms"/>); the companion EVENTS.csv (<see cref="AdverseEventCsv"/>) has one row per
/// recorded event. JSON: <see cref="OutcomesJson.WriteAdverseEvents"/> (6 decimal places, ADR 0070).</remarks>
internal static class AdverseEventsCommand
{
    internal static Command Create(CliIo io)
    {
        var cohort = new Argument<string>("COHORT.csv") { Description = $"The cohort, the outcomes CSV with the header '{OutcomeCohortCsv.Header}': its patients and arms are the denominators." };
        var events = new Argument<string>("EVENTS.csv") { Description = $"The events, a CSV with the header '{AdverseEventCsv.Header}': one row per recorded adverse event of a cohort patient; term is a code such as neck-pain, eyelid-ptosis, dysphagia or other." };
        var confidence = OutcomesCommand.ConfidenceOption("the Wilson intervals");
        var format = CommonOptions.Format("table", "json");
        var command = new Command("adverse-events", "Adverse-event rates per arm of a cohort (patients with at least one event of each term) with Wilson intervals, beside the published PREEMPT, COMPEL and real-world rates with their sources and verification tags.")
        {
            cohort, events, confidence, format,
        };
        command.SetAction(result =>
        {
            var level = result.GetValue(confidence);
            var cohortPath = result.GetValue(cohort)!;
            var eventsPath = result.GetValue(events)!;
            var c = AdverseEventCohort.FromArms(RecordFiles.ReadCohort(cohortPath));
            foreach (var e in RecordFiles.ReadAdverseEvents(eventsPath, c))
            {
                c.AddEvent(e.PatientId, AdverseEventTerms.Code(e.Term));
            }

            var rates = c.AddPublishedTerms().Rates(level);
            if (result.GetValue(format) == "json")
            {
                io.Out.Write(OutcomesJson.WriteAdverseEvents(level, rates) + "\n");
            }
            else
            {
                AdverseEventsText.Write(io.Out, Path.GetFileName(cohortPath), Path.GetFileName(eventsPath), level, rates);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
