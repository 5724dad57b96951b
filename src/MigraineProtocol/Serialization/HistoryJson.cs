using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using MigraineProtocol.Input;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Serialization;

/// <summary>
/// Reads and writes a <see cref="TreatmentHistory"/> as JSON (System.Text.Json source generation):
/// <c>{"administrations": [{"date": "2025-12-01", "units": 155, "indication": "chronic-migraine"}, ...]}</c>;
/// an administration may carry the <c>adverseEvents</c> recorded after it, in the session's shape.
/// Reading is strict in the same way as <see cref="SessionJson"/>; writing then reading gives an equal history.
/// </summary>
public static class HistoryJson
{
    /// <summary>Reads a history.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <returns>The history.</returns>
    /// <exception cref="InputException">The JSON is not a valid history; <see cref="InputException.Problems"/> lists every problem.</exception>
    public static TreatmentHistory Read(string json, string sourceName) =>
        TryRead(json, sourceName, out var history, out var problems) ? history : throw new InputException(problems);

    /// <summary>Tries to read a history; never throws for bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <param name="history">The history on success.</param>
    /// <param name="problems">Every problem found, each naming the source and JSON path; empty on success.</param>
    /// <returns><see langword="true"/> when the JSON is a valid history.</returns>
    public static bool TryRead(string json, string sourceName, [NotNullWhen(true)] out TreatmentHistory? history, out ImmutableArray<InputProblem> problems)
    {
        var reading = new JsonReading(sourceName);
        history = null;
        var doc = reading.Deserialize(json, RecordJsonContext.Default.HistoryDocument, "a history");
        if (doc is not null)
        {
            history = FromDocument(doc, reading, "$");
        }

        problems = reading.Problems;
        if (reading.HasProblems)
        {
            history = null;
            return false;
        }

        return history is not null;
    }

    internal static TreatmentHistory? FromDocument(HistoryDocument doc, JsonReading reading, string root)
    {
        var problemsBefore = reading.ProblemCount;
        var list = new List<Administration>(doc.Administrations.Count);
        for (var i = 0; i < doc.Administrations.Count; i++)
        {
            var path = new ItemPath(root, "administrations", i);
            var a = doc.Administrations[i];
            if (a is null)
            {
                reading.Add(path.Of(), "an administration must be an object {\"date\", \"units\", \"indication\"}, not null.");
                continue;
            }

            var dateOk = reading.TryDate(a.Date, path, "date", out var date);
            var unitsOk = reading.TryUnits(a.Units, path, "units", out var units);
            var indicationOk = SiteId.TryParse(a.Indication, out _);
            if (!indicationOk)
            {
                reading.Add(path.Of("indication"), $"{Echo.Quote(a.Indication)} is not an indication id: lower-case letters and digits in kebab-case, for example 'chronic-migraine'.");
            }

            var events = a.AdverseEvents is null ? [] : AdverseEventJson.FromDocuments(a.AdverseEvents, path.Of("adverseEvents"), reading, dateOk ? date : null);
            if (dateOk && unitsOk && indicationOk)
            {
                list.Add(new Administration(date, units, a.Indication).WithAdverseEvents(events));
            }
        }

        return reading.ProblemCount == problemsBefore ? new TreatmentHistory(list) : null;
    }

    /// <summary>Writes a history as indented JSON (LF line ends, camelCase), administrations in date order.</summary>
    /// <param name="history">The history.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(TreatmentHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return JsonSerializer.Serialize(ToDocument(history), RecordJson.Writing.HistoryDocument);
    }

    internal static HistoryDocument ToDocument(TreatmentHistory history)
    {
        return new HistoryDocument
        {
            Administrations = [.. history.Administrations.Select(a => new AdministrationDocument
            {
                Date = JsonReading.FormatDate(a.Date),
                Units = JsonReading.Normalize(a.Units.Units),
                Indication = a.Indication,
                AdverseEvents = AdverseEventJson.ToDocuments(a.AdverseEvents),
            })],
        };
    }
}
