namespace MigraineProtocol.Cli.Output;

/// <summary>Writes RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled; LF line ends.</summary>
internal static class Csv
{
    internal static void WriteRow(TextWriter output, params string[] fields)
    {
        output.Write(string.Join(',', fields.Select(Escape)));
        output.Write('\n');
    }

    internal static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
