using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MigraineProtocol.Diaries;

/// <summary>
/// Reads and writes the diary CSV: a header <c>date,headache,migraine,acute_medication</c>, optionally
/// followed by <c>duration_hours</c> and <c>severity</c>, then one row per recorded day.
/// </summary>
/// <remarks>
/// <para>Dates are ISO (<c>yyyy-MM-dd</c>) and strictly increasing; dates left out are unrecorded
/// days. <c>headache</c> and <c>migraine</c> are <c>0</c> or <c>1</c> (a migraine day is a headache
/// day). <c>acute_medication</c> is empty or class names joined by <c>;</c> (see
/// <see cref="AcuteMedicationClasses"/>). <c>duration_hours</c> is empty or a decimal number of hours
/// in (0, 24]; <c>severity</c> is empty, <c>mild</c>, <c>moderate</c> or <c>severe</c>; both only on
/// headache days. Fields are not quoted. Errors name the line and the column (1-based character
/// position of the field).</para>
/// </remarks>
public static class HeadacheDiaryCsv
{
    /// <summary>The required header.</summary>
    public const string Header = "date,headache,migraine,acute_medication";

    private static readonly string[] Required = ["date", "headache", "migraine", "acute_medication"];
    private static readonly string[] Optional = ["duration_hours", "severity"];

    /// <summary>Reads a diary; never throws for bad content.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="diary">The diary when this method returns <see langword="true"/>.</param>
    /// <param name="error">The first problem, with its line and column, when this method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when the text is a valid diary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    public static bool TryParse(TextReader reader, [NotNullWhen(true)] out HeadacheDiary? diary, [NotNullWhen(false)] out DiaryCsvError? error)
    {
        ArgumentNullException.ThrowIfNull(reader);
        diary = null;
        var header = reader.ReadLine();
        if (header is null || header.Trim().Length == 0)
        {
            error = new DiaryCsvError(1, 1, $"the diary is empty; expected the header '{Header}'.");
            return false;
        }

        var names = Split(header.TrimEnd('\r'));
        var columns = new int[Required.Length + Optional.Length];
        Array.Fill(columns, -1);
        for (var i = 0; i < names.Count; i++)
        {
            var (name, at) = names[i];
            var known = Array.IndexOf(Required, name) is var r && r >= 0 ? r : Array.IndexOf(Optional, name) is var o && o >= 0 ? Required.Length + o : -1;
            if (known < 0)
            {
                error = new DiaryCsvError(1, at, $"unknown column '{name}'; the columns are {string.Join(", ", Required.Concat(Optional))}.");
                return false;
            }

            if (columns[known] >= 0)
            {
                error = new DiaryCsvError(1, at, $"column '{name}' appears twice.");
                return false;
            }

            columns[known] = i;
        }

        for (var r = 0; r < Required.Length; r++)
        {
            if (columns[r] < 0)
            {
                error = new DiaryCsvError(1, header.Length + 1, $"missing column '{Required[r]}'; the header must have {Header}.");
                return false;
            }
        }

        var days = new List<DiaryDay>();
        var previousLine = 0;
        var lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            line = line.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Split(line);
            if (fields.Count != names.Count)
            {
                error = new DiaryCsvError(lineNumber, line.Length + 1, $"expected {names.Count} fields as in the header, found {fields.Count}.");
                return false;
            }

            var (dateText, dateAt) = fields[columns[0]];
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                error = new DiaryCsvError(lineNumber, dateAt, $"date '{dateText}' is not an ISO date (yyyy-MM-dd).");
                return false;
            }

            if (days.Count > 0 && date <= days[^1].Date)
            {
                error = new DiaryCsvError(
                    lineNumber,
                    dateAt,
                    date == days[^1].Date
                        ? $"duplicate date {date:yyyy-MM-dd} (also on line {previousLine}); each day has one row."
                        : $"date {date:yyyy-MM-dd} is before {days[^1].Date:yyyy-MM-dd} on line {previousLine}; dates must be strictly increasing.");
                return false;
            }

            if (!TryFlag(fields[columns[1]], "headache", lineNumber, out var headache, out error)
                || !TryFlag(fields[columns[2]], "migraine", lineNumber, out var migraine, out error))
            {
                return false;
            }

            if (migraine && !headache)
            {
                error = new DiaryCsvError(lineNumber, fields[columns[2]].At, "migraine is 1 but headache is 0; a migraine day is also a headache day.");
                return false;
            }

            var (medText, medAt) = fields[columns[3]];
            var medication = AcuteMedicationSet.None;
            if (medText.Length > 0)
            {
                var offset = 0;
                foreach (var token in medText.Split(';'))
                {
                    if (!AcuteMedicationClasses.TryParse(token, out var c))
                    {
                        error = new DiaryCsvError(lineNumber, medAt + offset, $"unknown acute medication class '{token}'; use {AcuteMedicationClasses.AllNames}, joined by ';'.");
                        return false;
                    }

                    medication = medication.With(c);
                    offset += token.Length + 1;
                }
            }

            TimeSpan? duration = null;
            if (columns[4] >= 0 && fields[columns[4]] is var (durText, durAt) && durText.Length > 0)
            {
                if (!decimal.TryParse(durText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) || hours <= 0 || hours > 24)
                {
                    error = new DiaryCsvError(lineNumber, durAt, $"duration_hours '{durText}' is not a number of hours above 0 and at most 24.");
                    return false;
                }

                if (!headache)
                {
                    error = new DiaryCsvError(lineNumber, durAt, "duration_hours is given but headache is 0; a duration is only recorded on a headache day.");
                    return false;
                }

                duration = TimeSpan.FromMinutes((double)decimal.Round(hours * 60m));
            }

            HeadacheSeverity? severity = null;
            if (columns[5] >= 0 && fields[columns[5]] is var (sevText, sevAt) && sevText.Length > 0)
            {
                severity = sevText switch
                {
                    "mild" => HeadacheSeverity.Mild,
                    "moderate" => HeadacheSeverity.Moderate,
                    "severe" => HeadacheSeverity.Severe,
                    _ => null,
                };
                if (severity is null)
                {
                    error = new DiaryCsvError(lineNumber, sevAt, $"severity '{sevText}' is not mild, moderate or severe.");
                    return false;
                }

                if (!headache)
                {
                    error = new DiaryCsvError(lineNumber, sevAt, "severity is given but headache is 0; a severity is only recorded on a headache day.");
                    return false;
                }
            }

            days.Add(new DiaryDay(date, headache, migraine, medication, duration, severity));
            previousLine = lineNumber;
        }

        if (days.Count == 0)
        {
            error = new DiaryCsvError(lineNumber + 1, 1, "the diary has a header but no days.");
            return false;
        }

        diary = new HeadacheDiary(days);
        error = null;
        return true;
    }

    /// <summary>Reads a diary from CSV text.</summary>
    /// <param name="text">The CSV text.</param>
    /// <returns>The diary.</returns>
    /// <exception cref="FormatException">The text is not a valid diary; the message starts with <c>line:column:</c>.</exception>
    public static HeadacheDiary Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return TryParse(reader, out var diary, out var error) ? diary : throw new FormatException(error.ToString());
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

    private static bool TryFlag((string Text, int At) field, string name, int line, out bool value, [NotNullWhen(false)] out DiaryCsvError? error)
    {
        (value, var ok) = field.Text switch { "0" => (false, true), "1" => (true, true), _ => (false, false) };
        error = ok ? null : new DiaryCsvError(line, field.At, $"{name} must be 0 or 1, not '{field.Text}'.");
        return ok;
    }

    private static List<(string Text, int At)> Split(string line)
    {
        var fields = new List<(string, int)>();
        var start = 0;
        while (true)
        {
            var comma = line.IndexOf(',', start);
            var end = comma < 0 ? line.Length : comma;
            fields.Add((line[start..end].Trim(), start + 1));
            if (comma < 0)
            {
                return fields;
            }

            start = comma + 1;
        }
    }
}

/// <summary>A problem in a diary CSV, at a line and column (both 1-based).</summary>
/// <remarks>Equality is by reference; the text is <c>line:column: message</c>.</remarks>
public sealed class DiaryCsvError
{
    /// <summary>Initializes an error.</summary>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based character column.</param>
    /// <param name="message">What is wrong.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> or <paramref name="column"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> is empty.</exception>
    public DiaryCsvError(int line, int column, string message)
    {
        Utility.Preconditions.CheckRange(line >= 1, nameof(line), line, "Lines are numbered from 1.");
        Utility.Preconditions.CheckRange(column >= 1, nameof(column), column, "Columns are numbered from 1.");
        Line = line;
        Column = column;
        Message = Utility.Preconditions.CheckNotBlank(message);
    }

    /// <summary>Gets the 1-based line.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based character column of the field.</summary>
    public int Column { get; }

    /// <summary>Gets what is wrong.</summary>
    public string Message { get; }

    /// <summary>Returns <c>line:column: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
