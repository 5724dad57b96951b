using System.Collections.Immutable;
using System.Globalization;
using MigraineProtocol.Input;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Serialization;

/// <summary>One row of an adverse-event file: a recorded event of a cohort patient.</summary>
/// <remarks>Equality is by reference.</remarks>
public sealed class CohortAdverseEvent
{
    /// <summary>Initializes an event.</summary>
    /// <param name="patientId">The patient id as written in the file; not empty.</param>
    /// <param name="term">The adverse-event term.</param>
    /// <param name="line">The 1-based line of the row in its file; at least 1.</param>
    /// <exception cref="ArgumentException"><paramref name="patientId"/> is null, empty or blank, or <paramref name="line"/> is below 1 (<see cref="ArgumentOutOfRangeException"/>).</exception>
    public CohortAdverseEvent(string patientId, AdverseEventTerm term, int line)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        if (line < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, $"Line {line.ToString(CultureInfo.InvariantCulture)} must be at least 1.");
        }

        PatientId = patientId;
        Term = term;
        Line = line;
    }

    /// <summary>Gets the patient id as written in the file.</summary>
    public string PatientId { get; }

    /// <summary>Gets the term.</summary>
    public AdverseEventTerm Term { get; }

    /// <summary>Gets the 1-based line of the row in its file.</summary>
    public int Line { get; }

    /// <summary>Returns the patient id and the term's code.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{PatientId} {AdverseEventTerms.Code(Term)}";
}

/// <summary>
/// Reads the adverse-event CSV of a cohort: the header <c>patient_id,term</c> (names in any case and any
/// order), then one row per recorded event; <c>term</c> is an <see cref="AdverseEventTerm"/> code such as
/// <c>neck-pain</c>, <c>eyelid-ptosis</c>, <c>dysphagia</c> or <c>other</c> (<see cref="AdverseEventTerms.Code"/>).
/// </summary>
/// <remarks>
/// <para>The CSV dialect is the library's one (docs/json-formats.md, "CSV files"). It lives in <c>Serialization</c>, which may use both the terms (<c>Sessions</c>) and the cohort (<c>Outcomes</c>). A patient may have several
/// rows, also of one term (the rates count a patient once per term). Given an <see cref="AdverseEventCohort"/>,
/// every <c>patient_id</c> must be one of its patients. Every row is checked and every problem is an
/// <see cref="InputProblem"/> with line, column and column name (up to <see cref="InputLimits.MaxProblems"/>).
/// A file with only the header is valid: no events.</para>
/// </remarks>
public static class AdverseEventCsv
{
    /// <summary>The header, in its usual order.</summary>
    public const string Header = "patient_id,term";

    private static readonly string[] Names = ["patient_id", "term"];

    /// <summary>Reads events without checking the patients against a cohort.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <returns>The events in file order.</returns>
    /// <exception cref="InputException">The text is not a valid event file; <see cref="InputException.Problems"/> lists every problem.</exception>
    public static ImmutableArray<CohortAdverseEvent> Read(string text, string sourceName) =>
        TryRead(text, sourceName, out var events, out var problems) ? events : throw new InputException(problems);

    /// <summary>Reads events whose patients must be in <paramref name="cohort"/>.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <param name="cohort">The cohort whose patients the rows name (it is not changed).</param>
    /// <returns>The events in file order.</returns>
    /// <exception cref="InputException">The text is not a valid event file for the cohort; <see cref="InputException.Problems"/> lists every problem.</exception>
    public static ImmutableArray<CohortAdverseEvent> Read(string text, string sourceName, AdverseEventCohort cohort) =>
        TryRead(text, sourceName, cohort, out var events, out var problems) ? events : throw new InputException(problems);

    /// <summary>Tries to read events without checking the patients against a cohort; never throws.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <param name="events">The events in file order; empty on failure.</param>
    /// <param name="problems">Every problem found; empty on success.</param>
    /// <returns><see langword="true"/> when the text is a valid event file.</returns>
    public static bool TryRead(string text, string sourceName, out ImmutableArray<CohortAdverseEvent> events, out ImmutableArray<InputProblem> problems) =>
        TryRead(text, sourceName, null, out events, out problems);

    /// <summary>Tries to read events whose patients must be in <paramref name="cohort"/>; never throws.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <param name="cohort">The cohort whose patients the rows name (it is not changed); <see langword="null"/> to skip that check.</param>
    /// <param name="events">The events in file order; empty on failure.</param>
    /// <param name="problems">Every problem found; empty on success.</param>
    /// <returns><see langword="true"/> when the text is a valid event file for the cohort.</returns>
    public static bool TryRead(string text, string sourceName, AdverseEventCohort? cohort, out ImmutableArray<CohortAdverseEvent> events, out ImmutableArray<InputProblem> problems)
    {
        var sink = new ProblemSink(sourceName);
        var read = Read(text, sink, cohort);
        problems = sink.ToImmutable();
        events = problems.Length == 0 && read is not null ? read.Value : [];
        return problems.Length == 0 && read is not null;
    }

    private static ImmutableArray<CohortAdverseEvent>? Read(string text, ProblemSink sink, AdverseEventCohort? cohort)
    {
        if (!TextInput.CheckCsv(text, sink))
        {
            return null;
        }

        var tokens = new CsvTokenizer(text);
        var fields = new List<CsvField>(2);
        var columns = CsvHeader.Read(tokens, fields, Names, Header, "adverse-event", sink, out var width);
        if (columns is null)
        {
            return null;
        }

        var events = ImmutableArray.CreateBuilder<CohortAdverseEvent>();
        while (tokens.TryRead(fields, out var syntax))
        {
            var line = tokens.RecordLine;
            if (syntax is { } e)
            {
                sink.Add(e.Line, e.Column, null, InputProblemCodes.CsvSyntax, e.Message);
                continue;
            }

            if (fields.Count != width)
            {
                sink.Add(line, 1, null, InputProblemCodes.CsvSyntax, $"expected {width.ToString(CultureInfo.InvariantCulture)} fields as in the header, found {fields.Count.ToString(CultureInfo.InvariantCulture)}.");
                continue;
            }

            var ok = true;
            var id = fields[columns[0]];
            if (string.IsNullOrWhiteSpace(id.Text))
            {
                // A quoted field keeps its spaces, so a blank id reaches here; the event's constructor would refuse it.
                sink.Add(id.Line, id.Column, "patient_id", InputProblemCodes.InvalidValue, "the patient id is empty.");
                ok = false;
            }
            else if (id.Text.Any(char.IsControl))
            {
                sink.Add(id.Line, id.Column, "patient_id", InputProblemCodes.InvalidValue, $"patient_id {Echo.Quote(id.Text)} holds a control character.");
                ok = false;
            }
            else if (cohort is not null && !cohort.Contains(id.Text))
            {
                sink.Add(id.Line, id.Column, "patient_id", InputProblemCodes.InvalidValue, $"patient_id {Echo.Quote(id.Text)} is not in the cohort.");
                ok = false;
            }

            var term = fields[columns[1]];
            if (!AdverseEventTerms.TryParse(term.Text, out var parsed))
            {
                sink.Add(term.Line, term.Column, "term", InputProblemCodes.InvalidValue, $"{Echo.Quote(term.Text)} is not an adverse-event term; use one of {string.Join(", ", AdverseEventTerms.All.Select(AdverseEventTerms.Code))} ('inflammation' is not a labelled term).");
                ok = false;
            }

            if (ok)
            {
                events.Add(new CohortAdverseEvent(id.Text, parsed, line));
            }
        }

        return sink.HasProblems ? null : events.ToImmutable();
    }
}
