namespace MigraineProtocol.Input;

/// <summary>
/// The header row of a CSV file with a fixed set of required columns, read the one way every such reader
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
    public static int[]? Read(CsvTokenizer tokens, List<CsvField> fields, string[] names, string header, string fileKind, ProblemSink sink, out int width)
    {
        width = 0;
        if (!tokens.TryRead(fields, out var syntax))
        {
            sink.Add(1, 1, null, InputProblemCodes.MissingProperty, $"the {fileKind} file is empty; expected the header '{header}'.");
            return null;
        }

        if (syntax is { } s)
        {
            sink.Add(s.Line, s.Column, null, InputProblemCodes.CsvSyntax, s.Message);
            return null;
        }

        var columns = new int[names.Length];
        Array.Fill(columns, -1);
        width = fields.Count;
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            var known = Array.FindIndex(names, n => string.Equals(n, f.Text, StringComparison.OrdinalIgnoreCase));
            if (known < 0)
            {
                sink.Add(f.Line, f.Column, null, InputProblemCodes.UnknownProperty, $"unknown column {Echo.Quote(f.Text)}; the header is '{header}'.");
            }
            else if (columns[known] >= 0)
            {
                sink.Add(f.Line, f.Column, names[known], InputProblemCodes.Duplicate, $"column '{names[known]}' appears twice.");
            }
            else
            {
                columns[known] = i;
            }
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (columns[i] < 0)
            {
                sink.Add(1, 1, names[i], InputProblemCodes.MissingProperty, $"missing column '{names[i]}'; the header is '{header}'.");
            }
        }

        return sink.HasProblems ? null : columns;
    }
}
