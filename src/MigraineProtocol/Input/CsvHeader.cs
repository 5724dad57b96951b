namespace MigraineProtocol.Input;

/// <summary>
/// The header row of a CSV file with a fixed set of required and optional columns, read the one way every such reader
/// reads it: names in any case and any order, an unknown, repeated or missing column a problem at its place.
/// </summary>
internal static class CsvHeader
{
    /// <summary>
    /// Reads the header row from <paramref name="tokens"/> into the index of each of <paramref name="names"/>.
    /// Returns <see langword="null"/> (with the problems in <paramref name="sink"/>) when the file is empty, the
    /// header is not valid CSV, or a column is unknown, repeated or missing.
    /// </summary>
    /// <param name="tokens">The tokenizer, positioned at the start of the file.</param>
    /// <param name="fields">A reusable field buffer.</param>
    /// <param name="names">The required column names, in the order the caller indexes them.</param>
    /// <param name="header">The header as documented, quoted in messages.</param>
    /// <param name="fileKind">What the file holds, for the empty-file message ("cohort", "adverse-event").</param>
    /// <param name="sink">Where problems go.</param>
    /// <param name="width">The number of fields in the header, which every record must have.</param>
    public static int[]? Read(CsvTokenizer tokens, List<CsvField> fields, string[] names, string header, string fileKind, ProblemSink sink, out int width) =>
        Read(
            tokens,
            fields,
            new Columns(names, [], $"the {fileKind} file is empty; expected the header '{header}'.", $"the header is '{header}'", $"the header is '{header}'"),
            sink,
            out width);

    /// <summary>
    /// Reads the header row from <paramref name="tokens"/> into the index of each column of <paramref name="columns"/>
    /// (required ones first, then the optional ones, which are -1 when left out). Returns <see langword="null"/>
    /// (with the problems in <paramref name="sink"/>) when the file is empty, the header is not valid CSV, or a
    /// column is unknown, repeated or a required one is missing.
    /// </summary>
    /// <param name="tokens">The tokenizer, positioned at the start of the file.</param>
    /// <param name="fields">A reusable field buffer.</param>
    /// <param name="columns">The columns and the words of the problems.</param>
    /// <param name="sink">Where problems go.</param>
    /// <param name="width">The number of fields in the header, which every record must have.</param>
    public static int[]? Read(CsvTokenizer tokens, List<CsvField> fields, Columns columns, ProblemSink sink, out int width)
    {
        width = 0;
        if (!tokens.TryRead(fields, out var syntax))
        {
            sink.Add(1, 1, null, InputProblemCodes.MissingProperty, columns.Empty);
            return null;
        }

        if (syntax is { } s)
        {
            sink.Add(s.Line, s.Column, null, InputProblemCodes.CsvSyntax, s.Message);
            return null;
        }

        var names = columns.Names;
        var index = new int[names.Length];
        Array.Fill(index, -1);
        width = fields.Count;
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            var known = Array.FindIndex(names, n => string.Equals(n, f.Text, StringComparison.OrdinalIgnoreCase));
            if (known < 0)
            {
                sink.Add(f.Line, f.Column, null, InputProblemCodes.UnknownProperty, $"unknown column {Echo.Quote(f.Text)}; {columns.UnknownHint}.");
            }
            else if (index[known] >= 0)
            {
                sink.Add(f.Line, f.Column, names[known], InputProblemCodes.Duplicate, $"column '{names[known]}' appears twice.");
            }
            else
            {
                index[known] = i;
            }
        }

        for (var i = 0; i < columns.Required.Length; i++)
        {
            if (index[i] < 0)
            {
                sink.Add(1, 1, names[i], InputProblemCodes.MissingProperty, $"missing column '{names[i]}'; {columns.MissingHint}.");
            }
        }

        return sink.HasProblems ? null : index;
    }

    /// <summary>The columns of a CSV file and the words of its header problems.</summary>
    /// <param name="Required">The required column names, in the order the caller indexes them.</param>
    /// <param name="Optional">The optional column names, indexed after the required ones.</param>
    /// <param name="Empty">The message for a file with no header.</param>
    /// <param name="UnknownHint">What follows "unknown column 'x'; ".</param>
    /// <param name="MissingHint">What follows "missing column 'x'; ".</param>
    internal sealed record Columns(string[] Required, string[] Optional, string Empty, string UnknownHint, string MissingHint)
    {
        /// <summary>Gets the required names, then the optional ones.</summary>
        public string[] Names { get; } = [.. Required, .. Optional];
    }
}
