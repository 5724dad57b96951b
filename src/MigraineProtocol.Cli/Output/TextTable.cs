namespace MigraineProtocol.Cli.Output;

/// <summary>A plain-text table for people: left-aligned text columns, right-aligned number columns, LF line ends.</summary>
internal sealed class TextTable
{
    private readonly string[] headers;
    private readonly bool[] rightAligned;
    private readonly List<string[]?> rows = [];

    internal TextTable(params (string Header, bool RightAligned)[] columns)
    {
        headers = [.. columns.Select(c => c.Header)];
        rightAligned = [.. columns.Select(c => c.RightAligned)];
    }

    internal void Add(params string[] cells) => rows.Add(cells);

    /// <summary>Adds a horizontal rule.</summary>
    internal void Rule() => rows.Add(null);

    internal void Write(TextWriter output)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Where(r => r is not null).Select(r => i < r!.Length ? r[i].Length : 0).DefaultIfEmpty(0).Max())).ToArray();
        WriteLine(output, headers, widths);
        output.Write(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
        output.Write('\n');
        foreach (var row in rows)
        {
            if (row is null)
            {
                output.Write(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
                output.Write('\n');
            }
            else
            {
                WriteLine(output, row, widths);
            }
        }
    }

    private void WriteLine(TextWriter output, string[] cells, int[] widths)
    {
        var parts = new string[widths.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Length ? cells[i] : string.Empty;
            parts[i] = rightAligned[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]);
        }

        output.Write(string.Join("  ", parts).TrimEnd());
        output.Write('\n');
    }
}
