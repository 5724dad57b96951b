using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MigraineProtocol.Input;

namespace MigraineProtocol.Diaries;

/// <summary>
/// Reads and writes the diary CSV: a header <c>date,headache,migraine,acute_medication</c>, optionally
/// followed by <c>duration_hours</c> and <c>severity</c>, then one row per recorded day.
/// </summary>
/// <remarks>
/// <para>The CSV dialect is the library's one (docs/json-formats.md, "CSV files"): RFC 4180 quoting, an
/// optional byte order mark, LF or CRLF, header names in any case and any order. Dates are ISO
/// (<c>yyyy-MM-dd</c>) and strictly increasing; dates left out are unrecorded days.
/// <c>headache</c> and <c>migraine</c> are <c>0</c> or <c>1</c> (a migraine day is a headache day).
/// <c>acute_medication</c> is empty or class names joined by <c>;</c> (see
/// <see cref="AcuteMedicationClasses"/>). <c>duration_hours</c> is empty or a decimal number of hours
/// in (0, 24] that is at least one minute; <c>severity</c> is empty, <c>mild</c>, <c>moderate</c> or
/// <c>severe</c>; both only on headache days.</para>
/// <para>Every problem is an <see cref="InputProblem"/> naming the line, the column (1-based character
/// position of the field) and the column name; every row is checked, and up to
/// <see cref="InputLimits.MaxProblems"/> problems are listed.</para>
/// </remarks>
public static class HeadacheDiaryCsv
{
    /// <summary>The required header.</summary>
    public const string Header = "date,headache,migraine,acute_medication";

    private static readonly string[] Required = ["date", "headache", "migraine", "acute_medication"];
    private static readonly string[] Optional = ["duration_hours", "severity"];
    private static readonly CsvHeader.Columns Columns = new(
        Required,
        Optional,
        $"the diary is empty; expected the header '{Header}'.",
        $"the columns are {string.Join(", ", [.. Required, .. Optional])}",
        $"the header must have {Header}");

    /// <summary>Reads a diary.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <returns>The diary.</returns>
    /// <exception cref="InputException">The text is not a valid diary; <see cref="InputException.Problems"/> lists every problem.</exception>
    public static HeadacheDiary Read(string text, string sourceName) =>
        TryRead(text, sourceName, out var diary, out var problems) ? diary : throw new InputException(problems);

    /// <summary>Tries to read a diary; never throws.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <param name="diary">The diary on success.</param>
    /// <param name="problems">Every problem found, each with its line, column and column name; empty on success.</param>
    /// <returns><see langword="true"/> when the text is a valid diary.</returns>
    public static bool TryRead(string text, string sourceName, [NotNullWhen(true)] out HeadacheDiary? diary, out ImmutableArray<InputProblem> problems)
    {
        var sink = new ProblemSink(sourceName);
        diary = Read(text, sink);
        problems = sink.ToImmutable();
        if (problems.Length > 0)
        {
            diary = null;
        }

        return diary is not null;
    }

    private static HeadacheDiary? Read(string text, ProblemSink sink)
    {
        if (!TextInput.CheckCsv(text, sink))
        {
            return null;
        }

        var tokens = new CsvTokenizer(text);
        var fields = new List<CsvField>();
        if (CsvHeader.Read(tokens, fields, Columns, sink, out var headerWidth) is not { } columns)
        {
            return null;
        }

        var days = new List<DiaryDay>();
        var previousLine = 0;
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

            if (fields.Count != headerWidth)
            {
                sink.Add(line, 1, null, InputProblemCodes.CsvSyntax, $"expected {headerWidth.ToString(CultureInfo.InvariantCulture)} fields as in the header, found {fields.Count.ToString(CultureInfo.InvariantCulture)}.");
                continue;
            }

            if (Row(fields, columns, line, days.Count > 0 ? days[^1].Date : null, previousLine, sink) is { } day)
            {
                days.Add(day);
                previousLine = line;
            }
        }

        if (days.Count == 0 && !sink.HasProblems)
        {
            sink.Add(lastLine + 1, 1, null, InputProblemCodes.MissingProperty, "the diary has a header but no days.");
        }

        return sink.HasProblems ? null : new HeadacheDiary(days);
    }

    private static DiaryDay? Row(List<CsvField> fields, int[] columns, int line, DateOnly? previous, int previousLine, ProblemSink sink)
    {
        var ok = true;
        var dateField = fields[columns[0]];
        if (!TextInput.TryDate(dateField.Text, out var date, out var dateProblem, out var outOfRange))
        {
            Problem(dateField, "date", outOfRange ? InputProblemCodes.LimitExceeded : InputProblemCodes.InvalidValue, dateProblem!);
            ok = false;
        }
        else if (previous is { } before && date <= before)
        {
            Problem(dateField, "date", InputProblemCodes.InvalidValue, date == before
                ? $"duplicate date {date:yyyy-MM-dd} (also on line {previousLine.ToString(CultureInfo.InvariantCulture)}); each day has one row."
                : $"date {date:yyyy-MM-dd} is before {before:yyyy-MM-dd} on line {previousLine.ToString(CultureInfo.InvariantCulture)}; dates must be strictly increasing.");
            ok = false;
        }

        var headache = Flag(fields[columns[1]], "headache", ref ok);
        var migraine = Flag(fields[columns[2]], "migraine", ref ok);
        if (migraine && !headache)
        {
            Problem(fields[columns[2]], "migraine", InputProblemCodes.InvalidValue, "migraine is 1 but headache is 0; a migraine day is also a headache day.");
            ok = false;
        }

        var med = fields[columns[3]];
        var medication = AcuteMedicationSet.None;
        if (med.Text.Length > 0)
        {
            var offset = 0;
            foreach (var token in med.Text.Split(';'))
            {
                if (AcuteMedicationClasses.TryParse(token, out var c))
                {
                    medication = medication.With(c);
                }
                else
                {
                    sink.Add(med.Line, med.Column + offset, "acute_medication", InputProblemCodes.InvalidValue, $"unknown acute medication class {Echo.Quote(token)}; use {AcuteMedicationClasses.AllNames}, joined by ';'.");
                    ok = false;
                }

                offset += token.Length + 1;
            }
        }

        TimeSpan? duration = null;
        if (columns[4] >= 0 && fields[columns[4]] is { Text.Length: > 0 } dur)
        {
            if (!decimal.TryParse(dur.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) || hours <= 0 || hours > 24)
            {
                Problem(dur, "duration_hours", InputProblemCodes.InvalidValue, $"duration_hours {Echo.Quote(dur.Text)} is not a number of hours above 0 and at most 24.");
                ok = false;
            }
            else if (decimal.Round(hours * 60m) < 1)
            {
                Problem(dur, "duration_hours", InputProblemCodes.InvalidValue, $"duration_hours {Echo.Quote(dur.Text)} is less than a minute; durations are kept in whole minutes.");
                ok = false;
            }
            else if (!headache)
            {
                Problem(dur, "duration_hours", InputProblemCodes.InvalidValue, "duration_hours is given but headache is 0; a duration is only recorded on a headache day.");
                ok = false;
            }
            else
            {
                duration = TimeSpan.FromMinutes((double)decimal.Round(hours * 60m));
            }
        }

        HeadacheSeverity? severity = null;
        if (columns[5] >= 0 && fields[columns[5]] is { Text.Length: > 0 } sev)
        {
            severity = sev.Text.ToLowerInvariant() switch
            {
                "mild" => HeadacheSeverity.Mild,
                "moderate" => HeadacheSeverity.Moderate,
                "severe" => HeadacheSeverity.Severe,
                _ => null,
            };
            if (severity is null)
            {
                Problem(sev, "severity", InputProblemCodes.InvalidValue, $"severity {Echo.Quote(sev.Text)} is not mild, moderate or severe.");
                ok = false;
            }
            else if (!headache)
            {
                Problem(sev, "severity", InputProblemCodes.InvalidValue, "severity is given but headache is 0; a severity is only recorded on a headache day.");
                ok = false;
            }
        }

        return ok ? new DiaryDay(date, headache, migraine, medication, duration, severity) : null;

        bool Flag(CsvField field, string name, ref bool valid)
        {
            switch (field.Text)
            {
                case "0": return false;
                case "1": return true;
                default:
                    Problem(field, name, InputProblemCodes.InvalidValue, $"{name} must be 0 or 1, not {Echo.Quote(field.Text)}.");
                    valid = false;
                    return false;
            }
        }

        void Problem(CsvField field, string column, string code, string message) => sink.Add(field.Line, field.Column, column, code, message);
    }

    /// <summary>Writes a diary as CSV (LF line ends); the optional columns are written when any day has a duration or severity.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="writer">The output.</param>
    public static void Write(HeadacheDiary diary, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(writer);
        var extra = diary.Days.Any(d => d.HeadacheDuration is not null || d.Severity is not null);
        writer.Write(Header);
        writer.Write(extra ? ",duration_hours,severity\n" : "\n");
        foreach (var d in diary.Days)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{d.Date:yyyy-MM-dd},{(d.Headache ? 1 : 0)},{(d.Migraine ? 1 : 0)},{d.AcuteMedication}"));
            if (extra)
            {
                var hours = d.HeadacheDuration is { } t ? ((decimal)t.TotalMinutes / 60m).ToString("0.##", CultureInfo.InvariantCulture) : string.Empty;
                var severity = d.Severity switch
                {
                    HeadacheSeverity.Mild => "mild",
                    HeadacheSeverity.Moderate => "moderate",
                    HeadacheSeverity.Severe => "severe",
                    _ => string.Empty,
                };
                writer.Write($",{hours},{severity}");
            }

            writer.Write('\n');
        }
    }
}
