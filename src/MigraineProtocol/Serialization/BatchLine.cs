using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using MigraineProtocol.Input;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Serialization;

/// <summary>
/// One line of a batch file for audits (newline-delimited JSON): a patient id, a session and, optionally,
/// that patient's history: <c>{"patient": "p-0001", "session": {...}, "history": {...}}</c>, where
/// <c>session</c> has the shape of <see cref="SessionJson"/> and <c>history</c> the shape of
/// <see cref="HistoryJson"/> (docs/json-formats.md, "Batch validation").
/// </summary>
public sealed class BatchLine
{
    /// <summary>Initializes a line.</summary>
    /// <param name="patient">The patient id, as the audit names the patient; not blank.</param>
    /// <param name="session">The session.</param>
    /// <param name="history">The patient's prior administrations, or <see langword="null"/> when none are given.</param>
    /// <exception cref="ArgumentException"><paramref name="patient"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is <see langword="null"/>.</exception>
    public BatchLine(string patient, TreatmentSession session, TreatmentHistory? history = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patient);
        Patient = patient;
        ArgumentNullException.ThrowIfNull(session);
        Session = session;
        History = history;
    }

    /// <summary>Gets the patient id.</summary>
    public string Patient { get; }

    /// <summary>Gets the session.</summary>
    public TreatmentSession Session { get; }

    /// <summary>Gets the patient's prior administrations, or <see langword="null"/> when none were given.</summary>
    public TreatmentHistory? History { get; }
}

/// <summary>
/// Reads and writes a <see cref="BatchLine"/> as one line of JSON. Reading is strict in the same way as
/// <see cref="SessionJson"/>; problems name the batch file, the line, the column and the JSON path
/// inside the line (<c>$.session.injections[0].units</c>). Writing then reading gives an equal line.
/// </summary>
public static class BatchLineJson
{
    /// <summary>Tries to read one line of a batch file; never throws for bad input.</summary>
    /// <param name="json">The line's text (without its line end).</param>
    /// <param name="sourceName">The name problems are reported under (usually the batch file's path).</param>
    /// <param name="lineNumber">The 1-based number of the line in the batch file; problems carry it as their line.</param>
    /// <param name="line">The line on success.</param>
    /// <param name="patient">The patient id when it could be read, even if the rest of the line could not; otherwise <see langword="null"/>.</param>
    /// <param name="problems">Every problem found; empty on success.</param>
    /// <returns><see langword="true"/> when the text is a valid batch line.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lineNumber"/> is below 1.</exception>
    public static bool TryRead(string json, string sourceName, int lineNumber, [NotNullWhen(true)] out BatchLine? line, out string? patient, out ImmutableArray<InputProblem> problems)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lineNumber, 1);
        var reading = new JsonReading(sourceName);
        line = null;
        patient = null;
        var doc = reading.Deserialize(json, RecordJsonContext.Default.BatchLineDocument, "a batch line");
        if (doc is not null)
        {
            if (string.IsNullOrWhiteSpace(doc.Patient))
            {
                reading.Add("$.patient", "the patient id must not be empty.");
            }
            else
            {
                patient = doc.Patient;
            }

            var session = SessionJson.FromDocument(doc.Session, reading, "$.session");
            var history = doc.History is null ? null : HistoryJson.FromDocument(doc.History, reading, "$.history");
            if (!reading.HasProblems && session is not null && patient is not null)
            {
                line = new BatchLine(patient, session, history);
            }
        }

        problems = [.. reading.Problems.Select(p => OnLine(p, lineNumber))];
        if (!problems.IsEmpty)
        {
            line = null;
        }

        return line is not null;
    }

    /// <summary>Writes a batch line as one line of JSON (no line end).</summary>
    /// <param name="line">The line.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(BatchLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var history = line.History;
        return JsonSerializer.Serialize(
            new BatchLineDocument
            {
                Patient = line.Patient,
                Session = SessionJson.ToDocument(line.Session),
                History = history is null ? null : HistoryJson.ToDocument(history),
            },
            RecordJson.Compact.BatchLineDocument);
    }

    // The line's text is one line, so a problem on its line 1 is on the batch file's line lineNumber;
    // a problem with no place in the text is given the line's start.
    private static InputProblem OnLine(InputProblem p, int lineNumber) =>
        new(p.Source, p.Line is { } l ? lineNumber + l - 1 : lineNumber, p.Column ?? 1, p.Location, p.Code, p.Message);
}
