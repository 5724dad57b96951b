using System.Collections.Immutable;
using System.Text.Json;
using MigraineProtocol.Input;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rules;

namespace MigraineProtocol.Serialization;

/// <summary>
/// The result of one line of a batch: the line number, the patient id when it could be read, and either
/// the <see cref="ValidationReport"/> or the <see cref="InputProblem"/>s that kept the line from being read.
/// </summary>
public sealed class BatchResult
{
    internal BatchResult(string source, int line, string? patient, ValidationReport? report, ImmutableArray<InputProblem> problems)
    {
        Source = source;
        Line = line;
        Patient = patient;
        Report = report;
        Problems = problems;
    }

    /// <summary>Gets the name of the batch the line comes from (usually its path).</summary>
    public string Source { get; }

    /// <summary>Gets the 1-based line number in the batch file.</summary>
    public int Line { get; }

    /// <summary>Gets the patient id, or <see langword="null"/> when the line could not be read far enough to tell.</summary>
    public string? Patient { get; }

    /// <summary>Gets the report, or <see langword="null"/> when the line could not be read (see <see cref="Problems"/>).</summary>
    public ValidationReport? Report { get; }

    /// <summary>Gets the problems that kept the line from being read; empty when <see cref="Report"/> is given.</summary>
    public ImmutableArray<InputProblem> Problems { get; }
}

/// <summary>
/// Validates a batch of sessions for audits: newline-delimited JSON, one <see cref="BatchLine"/> a line
/// (docs/json-formats.md, "Batch validation"), each validated on its own against one protocol. A line that
/// cannot be read gives a result with its problems and the batch goes on; blank lines are skipped.
/// The result of a line does not depend on the other lines.
/// </summary>
public static class BatchValidation
{
    /// <summary>Validates every line of a batch, lazily, in line order.</summary>
    /// <param name="reader">The batch text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the batch file's path).</param>
    /// <param name="protocol">The protocol every session is validated against.</param>
    /// <param name="options">The validation options, or <see langword="null"/> for <see cref="ValidationOptions.Default"/>.</param>
    /// <param name="rules">The rules, or <see langword="null"/> for <see cref="RuleSet.Default"/>.</param>
    /// <returns>One result per non-blank line.</returns>
    public static IEnumerable<BatchResult> Validate(TextReader reader, string sourceName, TreatmentProtocol protocol, ValidationOptions? options = null, RuleSet? rules = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        var validator = (rules ?? RuleSet.Default).Compile(protocol, options);
        return Iterate(reader, sourceName, validator);
    }

    /// <summary>Validates one line of a batch.</summary>
    /// <param name="json">The line's text.</param>
    /// <param name="sourceName">The name problems are reported under.</param>
    /// <param name="lineNumber">The 1-based line number.</param>
    /// <param name="protocol">The protocol.</param>
    /// <param name="options">The validation options, or <see langword="null"/> for the defaults.</param>
    /// <param name="rules">The rules, or <see langword="null"/> for <see cref="RuleSet.Default"/>.</param>
    /// <returns>The result.</returns>
    public static BatchResult ValidateLine(string json, string sourceName, int lineNumber, TreatmentProtocol protocol, ValidationOptions? options = null, RuleSet? rules = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        return ValidateLine(json, sourceName, lineNumber, (rules ?? RuleSet.Default).Compile(protocol, options));
    }

    /// <summary>Writes a result as one line of JSON (no line end): <c>{"source", "line", "patient", "valid", "report"}</c> or <c>{"source", "line", "patient", "problems": [{"line", "column", "path", "code", "message"}]}</c>.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(BatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var doc = new BatchResultDocument
        {
            Source = result.Source,
            Line = result.Line,
            Patient = result.Patient,
            Valid = result.Report?.IsValid,
            Report = result.Report is { } r ? ReportJson.ToDocument(r) : null,
            Problems = result.Report is null
                ? [.. result.Problems.Select(p => new ProblemDocument { Line = p.Line, Column = p.Column, Path = p.Location, Code = p.Code, Message = p.Message })]
                : null,
        };
        return JsonSerializer.Serialize(doc, RecordJson.Compact.BatchResultDocument);
    }

    private static IEnumerable<BatchResult> Iterate(TextReader reader, string sourceName, SessionValidator validator)
    {
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return ValidateLine(text, sourceName, number, validator);
            }
        }
    }

    private static BatchResult ValidateLine(string json, string sourceName, int lineNumber, SessionValidator validator) =>
        BatchLineJson.TryRead(json, sourceName, lineNumber, out var line, out var patient, out var problems)
            ? new BatchResult(sourceName, lineNumber, line.Patient, validator.Validate(line.Session, line.History), [])
            : new BatchResult(sourceName, lineNumber, patient, null, problems);
}
