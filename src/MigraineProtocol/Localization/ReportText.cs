using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace MigraineProtocol.Localization;

/// <summary>
/// The user-facing text of the charts and the treatment report in one language, read from one
/// resource table (<c>Localization/strings.tsv</c>, embedded): every string, and how dates and
/// numbers are written in that language.
/// </summary>
/// <remarks>
/// <para>Two languages ship: English (<see cref="English"/>, <c>en</c>) and German
/// (<see cref="German"/>, <c>de</c>). The German clinical terms are those of the German edition of
/// ICHD-3 (ichd-3.org/de); the table's last column names, for every German string, whether it is an
/// ICHD-3 term (with the page it comes from) or a plain translation.</para>
/// <para>Formatting does not depend on the operating system's culture data: dates and numbers are
/// written by rules in the table (<c>format.decimal-separator</c>, the month names), so the same
/// input gives the same text everywhere. Machine-readable outputs (JSON, CSV) never use this class.</para>
/// <para>Equality is by reference; there is one instance per language.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public sealed class ReportText
{
    private static readonly Table Strings = Table.Load();

    private readonly FrozenDictionary<string, string> values;
    private readonly string decimalSeparator;
    private readonly bool dayFirstNumericDates;

    private ReportText(string code, FrozenDictionary<string, string> values)
    {
        Code = code;
        this.values = values;
        decimalSeparator = values["format.decimal-separator"];
        dayFirstNumericDates = values["format.date-style"] == "numeric";
    }

    /// <summary>Gets the English text (<c>en</c>), the default.</summary>
    public static ReportText English { get; } = new("en", Strings.Column(1));

    /// <summary>Gets the German text (<c>de</c>), with the clinical terms of the German edition of ICHD-3.</summary>
    public static ReportText German { get; } = new("de", Strings.Column(2));

    /// <summary>Gets every shipped language, English first.</summary>
    public static IReadOnlyList<ReportText> All { get; } = [English, German];

    /// <summary>Gets the language code: <c>en</c> or <c>de</c>.</summary>
    public string Code { get; }

    /// <summary>Gets every key of the resource table, in table order.</summary>
    public static IReadOnlyList<string> Keys => Strings.Keys;

    /// <summary>Gets the text of a key.</summary>
    /// <param name="key">The key, for example <c>chart.diary.title</c>.</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">The key is not in the resource table (the message names it).</exception>
    public string this[string key] =>
        values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The resource table has no text '{key}'.");

    /// <summary>Returns the text of a key, or <see langword="null"/> when the table has no such key (callers then fall back to the library's English text, marked as English).</summary>
    internal string? TryText(string key) => values.TryGetValue(key, out var value) ? value : null;

    /// <summary>Returns the language for a code (<c>en</c> or <c>de</c>, exact, lower case); never throws.</summary>
    /// <param name="code">The code.</param>
    /// <param name="text">The language when the code is known.</param>
    /// <returns><see langword="true"/> when the code is known.</returns>
    public static bool TryGet([NotNullWhen(true)] string? code, [NotNullWhen(true)] out ReportText? text)
    {
        text = All.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));
        return text is not null;
    }

    /// <summary>Returns where the German text of a key comes from: <c>ichd-3-de &lt;page&gt;</c> for an ICHD-3 term, otherwise <c>translation</c>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The provenance.</returns>
    /// <exception cref="KeyNotFoundException">The key is not in the resource table.</exception>
    public static string GermanSource(string key) =>
        Strings.Sources.TryGetValue(key, out var source) ? source : throw new KeyNotFoundException($"The resource table has no text '{key}'.");

    /// <summary>Returns the text of a key with its <c>{0}</c>, <c>{1}</c>, ... placeholders replaced by the given (already formatted) values.</summary>
    /// <param name="key">The key.</param>
    /// <param name="args">The values, formatted by the caller (use <see cref="Number(decimal, int)"/> and <see cref="Date"/>).</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">The key is not in the resource table.</exception>
    public string Format(string key, params string[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>Returns a date in this language: <c>2 Mar 2026</c> in English, <c>02.03.2026</c> in German.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public string Date(DateOnly date) => dayFirstNumericDates
        ? date.ToString("dd'.'MM'.'yyyy", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{date.Day} {this["month." + date.Month.ToString(CultureInfo.InvariantCulture)]} {date.Year}");

    /// <summary>Returns a number with a fixed number of decimals and this language's decimal separator (no grouping; a minus sign when negative).</summary>
    /// <param name="value">The value.</param>
    /// <param name="decimals">The decimals, 0 to 6 (rounded half away from zero).</param>
    /// <returns>The text, for example <c>44.8</c> or <c>44,8</c>.</returns>
    public string Number(decimal value, int decimals)
    {
        var rounded = Math.Round(value, Math.Clamp(decimals, 0, 6), MidpointRounding.AwayFromZero);
        var text = rounded.ToString("F" + Math.Clamp(decimals, 0, 6).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (text.StartsWith("-", StringComparison.Ordinal) && rounded == 0m)
        {
            text = text[1..];
        }

        return decimalSeparator == "." ? text : text.Replace(".", decimalSeparator, StringComparison.Ordinal);
    }

    /// <summary>Returns a number with a fixed number of decimals (see <see cref="Number(decimal, int)"/>).</summary>
    /// <param name="value">The value (finite).</param>
    /// <param name="decimals">The decimals, 0 to 6.</param>
    /// <returns>The text.</returns>
    public string Number(double value, int decimals) => Number(ToDecimal(value), decimals);

    /// <summary>Returns a signed number: <c>+1.5</c>, <c>-2.0</c>, <c>0.0</c>.</summary>
    /// <param name="value">The value (finite).</param>
    /// <param name="decimals">The decimals, 0 to 6.</param>
    /// <returns>The text.</returns>
    public string Signed(double value, int decimals)
    {
        var text = Number(value, decimals);
        return text[0] == '-' || IsZero(text) ? text : "+" + text;
    }

    /// <summary>Returns a fraction as a percentage in this language: <c>44.8%</c> in English, <c>44,8 %</c> in German.</summary>
    /// <param name="fraction">The fraction (0.448 is 44.8 %).</param>
    /// <param name="decimals">The decimals of the percentage, 0 to 6.</param>
    /// <returns>The text.</returns>
    public string Percent(double fraction, int decimals) => Format("format.percent", Number(ToDecimal(fraction) * 100m, decimals));

    /// <summary>Returns a whole number (days, units, counts).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns <c>&lt;language code&gt;</c>.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;

    private static decimal ToDecimal(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 1e15 ? (decimal)value : throw new ArgumentOutOfRangeException(nameof(value), value, "A number to format is finite and below 1e15 in magnitude.");

    private static bool IsZero(string text) => text.All(c => c is '0' or '.' or ',');

    /// <summary>The parsed resource table: key, English, German, German source.</summary>
    private sealed class Table
    {
        private Table(List<string[]> rows)
        {
            Rows = rows;
            Keys = [.. rows.Select(r => r[0])];
            Sources = rows.ToFrozenDictionary(r => r[0], r => r[3], StringComparer.Ordinal);
        }

        internal List<string[]> Rows { get; }

        internal IReadOnlyList<string> Keys { get; }

        internal FrozenDictionary<string, string> Sources { get; }

        internal FrozenDictionary<string, string> Column(int index) => Rows.ToFrozenDictionary(r => r[0], r => r[index], StringComparer.Ordinal);

        internal static Table Load()
        {
            using var stream = typeof(ReportText).Assembly.GetManifestResourceStream("MigraineProtocol.Localization.strings.tsv")
                ?? throw new InvalidOperationException("The embedded resource table MigraineProtocol.Localization.strings.tsv is missing.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return Parse(reader);
        }

        internal static Table Parse(TextReader reader)
        {
            var rows = new List<string[]>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var line = 0;
            while (reader.ReadLine() is { } text)
            {
                line++;
                if (line == 1 || text.Length == 0 || text.StartsWith('#'))
                {
                    continue;
                }

                var fields = text.Split('\t');
                if (fields.Length != 4 || fields.Any(f => f.Length == 0))
                {
                    throw new InvalidOperationException($"strings.tsv:{line}: a row has 4 non-empty tab-separated fields (key, en, de, de-source).");
                }

                if (!seen.Add(fields[0]))
                {
                    throw new InvalidOperationException($"strings.tsv:{line}: the key '{fields[0]}' is repeated.");
                }

                rows.Add([fields[0], Unescape(fields[1]), Unescape(fields[2]), fields[3]]);
            }

            return new Table(rows);
        }

        private static string Unescape(string s) => s.Replace("\\n", "\n", StringComparison.Ordinal);
    }
}
