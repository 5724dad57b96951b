using System.Collections.Immutable;
using System.Globalization;
using MigraineProtocol.Input;

namespace MigraineProtocol.Outcomes;

/// <summary>One arm of a cohort file: its name as written and its patients in file order.</summary>
/// <remarks>Equality is by reference.</remarks>
public sealed class CohortArm
{
    /// <summary>Initializes an arm.</summary>
    /// <param name="name">The arm's name; not empty.</param>
    /// <param name="patients">The patients; at least one.</param>
    /// <param name="patientIds">The patients' ids, in the same order; one per patient.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, there are no patients, or not one id per patient.</exception>
    public CohortArm(string name, IEnumerable<PatientOutcome> patients, IEnumerable<string> patientIds)
    {
        Name = Utility.Preconditions.CheckNotBlank(name);
        ArgumentNullException.ThrowIfNull(patients);
        ArgumentNullException.ThrowIfNull(patientIds);
        Patients = [.. patients];
        PatientIds = [.. patientIds];
        Utility.Preconditions.CheckArgument(Patients.Length > 0, nameof(patients), $"Arm '{name}' must have at least one patient.");
        Utility.Preconditions.CheckArgument(PatientIds.Length == Patients.Length && !PatientIds.Any(string.IsNullOrEmpty), nameof(patientIds), $"Arm '{name}' needs one non-empty id per patient.");
    }

    /// <summary>Gets the patients' ids as written in the file, in the order of <see cref="Patients"/>.</summary>
    public ImmutableArray<string> PatientIds { get; }

    /// <summary>Gets the arm's name as written in the file.</summary>
    public string Name { get; }

    /// <summary>Gets the patients in file order.</summary>
    public ImmutableArray<PatientOutcome> Patients { get; }

    /// <summary>Returns the name and the number of patients.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name} ({Patients.Length.ToString(CultureInfo.InvariantCulture)} patients)";
}

/// <summary>
/// Reads the outcome cohort CSV: the header <c>patient_id,arm,baseline_headache_days,followup_headache_days</c>
/// (names in any case and any order), then one row per patient with headache days in the same period at
/// baseline and at follow-up (for example 28 days; decimals allowed).
/// </summary>
/// <remarks>
/// <para>The CSV dialect is the library's one (docs/json-formats.md, "CSV files"). <c>patient_id</c> is
/// unique and not empty; <c>arm</c> is not empty; headache days are decimal numbers from 0 to
/// <see cref="MaxHeadacheDays"/>, the baseline above 0 (a baseline of 0 has no percent reduction).</para>
/// <para>Arms come in order of first appearance. Every row is checked and every problem is an
/// <see cref="InputProblem"/> with line, column and column name (up to <see cref="InputLimits.MaxProblems"/>).</para>
/// </remarks>
public static class OutcomeCohortCsv
{
    /// <summary>The header, in its usual order.</summary>
    public const string Header = "patient_id,arm,baseline_headache_days,followup_headache_days";

    private static readonly string[] Names = ["patient_id", "arm", "baseline_headache_days", "followup_headache_days"];

    /// <summary>Gets the most headache days a row may give for a period (366: no period the library uses is longer than a year).</summary>
    public static decimal MaxHeadacheDays { get; } = 366m;

    /// <summary>Reads a cohort.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <returns>The arms in order of first appearance.</returns>
    /// <exception cref="InputException">The text is not a valid cohort; <see cref="InputException.Problems"/> lists every problem.</exception>
    public static ImmutableArray<CohortArm> Read(string text, string sourceName) =>
        TryRead(text, sourceName, out var arms, out var problems) ? arms : throw new InputException(problems);

    /// <summary>Tries to read a cohort; never throws.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <param name="arms">The arms in order of first appearance; empty on failure.</param>
    /// <param name="problems">Every problem found; empty on success.</param>
    /// <returns><see langword="true"/> when the text is a valid cohort.</returns>
    public static bool TryRead(string text, string sourceName, out ImmutableArray<CohortArm> arms, out ImmutableArray<InputProblem> problems)
    {
        var sink = new ProblemSink(sourceName);
        var read = Read(text, sink);
        problems = sink.ToImmutable();
        arms = problems.Length == 0 && read is not null ? read.Value : [];
        return problems.Length == 0 && read is not null;
    }

    private static ImmutableArray<CohortArm>? Read(string text, ProblemSink sink)
    {
        if (!TextInput.CheckCsv(text, sink))
        {
            return null;
        }

        var tokens = new CsvTokenizer(text);
        var fields = new List<CsvField>(4);
        var columns = CsvHeader.Read(tokens, fields, Names, Header, "cohort", sink, out var width);
        if (columns is null)
        {
            return null;
        }

        var arms = new List<(string Arm, List<PatientOutcome> Patients, List<string> Ids)>();
        var armIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastLine = 1;
        while (tokens.TryRead(fields, out var syntax))
        {
            var line = tokens.RecordLine;
            lastLine = line;
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
            if (id.Text.Length == 0)
            {
                sink.Add(id.Line, id.Column, "patient_id", InputProblemCodes.InvalidValue, "the patient id is empty.");
                ok = false;
            }
            else if (firstLine.TryGetValue(id.Text, out var previous))
            {
                sink.Add(id.Line, id.Column, "patient_id", InputProblemCodes.Duplicate, $"duplicate patient_id {Echo.Quote(id.Text)} (first on line {previous.ToString(CultureInfo.InvariantCulture)}).");
                ok = false;
            }
            else
            {
                firstLine[id.Text] = line;
            }

            if (id.Text.Any(char.IsControl))
            {
                sink.Add(id.Line, id.Column, "patient_id", InputProblemCodes.InvalidValue, $"patient_id {Echo.Quote(id.Text)} holds a control character.");
                ok = false;
            }

            var arm = fields[columns[1]];
            if (arm.Text.Any(char.IsControl))
            {
                sink.Add(arm.Line, arm.Column, "arm", InputProblemCodes.InvalidValue, $"arm {Echo.Quote(arm.Text)} holds a control character; an arm name is printed in tables.");
                ok = false;
            }
            else if (arm.Text.Length == 0)
            {
                sink.Add(arm.Line, arm.Column, "arm", InputProblemCodes.InvalidValue, "the arm is empty.");
                ok = false;
            }

            ok &= Days(fields[columns[2]], "baseline_headache_days", sink, out var baseline);
            ok &= Days(fields[columns[3]], "followup_headache_days", sink, out var followUp);
            if (ok && baseline == 0)
            {
                var b = fields[columns[2]];
                sink.Add(b.Line, b.Column, "baseline_headache_days", InputProblemCodes.InvalidValue, "the baseline is 0 headache days, which has no percent reduction.");
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            if (!armIndex.TryGetValue(arm.Text, out var index))
            {
                index = arms.Count;
                armIndex[arm.Text] = index;
                arms.Add((arm.Text, [], []));
            }

            arms[index].Patients.Add(new PatientOutcome((double)baseline, (double)followUp));
            arms[index].Ids.Add(id.Text);
        }

        if (arms.Count == 0 && !sink.HasProblems)
        {
            sink.Add(lastLine + 1, 1, null, InputProblemCodes.MissingProperty, "the cohort has no patients (only the header).");
        }

        return sink.HasProblems ? null : [.. arms.Select(a => new CohortArm(a.Arm, a.Patients, a.Ids))];
    }

    private static bool Days(CsvField field, string column, ProblemSink sink, out decimal value)
    {
        if (!decimal.TryParse(field.Text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            sink.Add(field.Line, field.Column, column, InputProblemCodes.InvalidValue, $"{Echo.Quote(field.Text)} is not a number of days (use a decimal point, e.g. 14.5).");
            return false;
        }

        if (value < 0)
        {
            sink.Add(field.Line, field.Column, column, InputProblemCodes.InvalidValue, $"{Echo.Quote(field.Text)}: headache days cannot be negative.");
            return false;
        }

        if (value > MaxHeadacheDays)
        {
            sink.Add(field.Line, field.Column, column, InputProblemCodes.LimitExceeded, $"{Echo.Quote(field.Text)}: at most {MaxHeadacheDays.ToString(CultureInfo.InvariantCulture)} headache days are accepted for a period.");
            return false;
        }

        return true;
    }
}
