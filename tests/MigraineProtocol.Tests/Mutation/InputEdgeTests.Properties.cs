using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Input;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>This part: laws over many near-identical inputs, each against a simple oracle: a CSV writer that quotes as RFC 4180 says, and what an echoed value may hold.</summary>
public partial class InputEdgeTests
{
    private static readonly Gen<string> FieldText =
        Gen.Elements("a", "b", " ", "\t", "\"", ",", "\n", "é", "\U0001D11E").ListOf().Select(parts => string.Concat(parts.Take(6)));

    private static readonly Gen<(string Text, bool Quote)> Field =
        from text in FieldText
        from quote in Gen.Elements(false, true)
        select (text, quote);

    private static readonly Gen<List<(string Text, bool Quote)>> Record =
        from first in Field
        from rest in Field.ListOf()
        select new List<(string Text, bool Quote)> { first }.Concat(rest.Take(3)).ToList();

    private static readonly Arbitrary<(List<List<(string Text, bool Quote)>> Records, bool Crlf, bool Trailing, bool Bom)> CsvTexts =
        (from first in Record
         from rest in Record.ListOf()
         from crlf in Gen.Elements(false, true)
         from trailing in Gen.Elements(false, true)
         from bom in Gen.Elements(false, true)
         select (new List<List<(string Text, bool Quote)>> { first }.Concat(rest.Take(3)).ToList(), crlf, trailing, bom)).ToArbitrary();

    /// <summary>
    /// Written by an independent writer (a field is quoted when asked or when it must be: empty, holding a quote, comma or
    /// line break, or starting or ending with a space or tab), any records read back as written, each field at the line and
    /// UTF-16 column where the writer put it, each record at the line it starts on.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property CsvRecordsReadBackAsWrittenAtTheirPlaces() =>
        Prop.ForAll(CsvTexts, s =>
        {
            var text = new StringBuilder(s.Bom ? "\uFEFF" : string.Empty);
            var line = 1;
            var lineStart = text.Length;
            var expected = new List<string>();
            for (var r = 0; r < s.Records.Count; r++)
            {
                var recordLine = line;
                var parts = new List<string>();
                for (var i = 0; i < s.Records[r].Count; i++)
                {
                    var (value, asked) = s.Records[r][i];
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    var quote = asked || value.Length == 0 || value.IndexOfAny(['"', ',', '\n']) >= 0 || value.Trim(' ', '\t').Length != value.Length;
                    parts.Add($"{value}@{line}:{text.Length - lineStart + 1}");
                    foreach (var c in quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value)
                    {
                        text.Append(c);
                        if (c == '\n')
                        {
                            line++;
                            lineStart = text.Length;
                        }
                    }
                }

                expected.Add($"{recordLine}: " + string.Join(" | ", parts));
                if (r < s.Records.Count - 1 || s.Trailing)
                {
                    text.Append(s.Crlf ? "\r\n" : "\n");
                    line++;
                    lineStart = text.Length;
                }
            }

            var actual = Records(text.ToString());
            return actual.SequenceEqual(expected).Label($"text: {InputProblem.Quote(text.ToString())}\nexpected: {string.Join(" / ", expected)}\nactual: {string.Join(" / ", actual)}");
        });

    private static readonly Arbitrary<string> EchoTexts =
        Gen.Elements("a", "é", " ", "\n", "\r", "\t", "\\", "'", "\u001B", "\u0085", "\u2028", "\u2029", "\u202A", "\u202E", "\u202F", "\u2066", "\u2069", "\u206A", "\U0001D11E", "\uD800", "\uDC00")
            .ListOf().Select(parts => string.Concat(parts.Take(80))).ToArbitrary();

    /// <summary>An echoed value never holds a control character, a bidirectional override, a line or paragraph separator or a lone surrogate, keeps at most the echo limit of characters (plus the ellipsis), and an echo of plain letters is the value itself.</summary>
    [Property(MaxTest = 500)]
    public Property AnEchoIsAlwaysSafeToPrint() =>
        Prop.ForAll(EchoTexts, value =>
        {
            var echo = InputProblem.Escape(value);
            var safe = true;
            for (var i = 0; i < echo.Length; i++)
            {
                var c = echo[i];
                if (char.IsHighSurrogate(c) && i + 1 < echo.Length && char.IsLowSurrogate(echo[i + 1]))
                {
                    i++;
                    continue;
                }

                safe &= !(char.IsControl(c) || char.IsSurrogate(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029');
            }

            var cut = value.Length > InputLimits.MaxEchoLength;
            var plain = value.Replace("\U0001D11E", string.Empty, StringComparison.Ordinal).All(c => c is 'a' or 'é' or ' ' or '\u202F' or '\u206A');
            return safe.Label("safe")
                .And((cut == echo.EndsWith('…')).Label("ellipsis exactly when cut"))
                .And((!plain || cut || echo == value).Label("plain text unchanged"))
                .And((!plain || !cut || echo.Length is 60 or 61 && value.StartsWith(echo[..^1], StringComparison.Ordinal)).Label("plain text cut at 59 or 60"));
        });
}
