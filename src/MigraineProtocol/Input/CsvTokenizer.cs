using System.Text;

namespace MigraineProtocol.Input;

/// <summary>A field of a CSV record: its text (unquoted, with doubled quotes undone) and where it starts.</summary>
internal readonly record struct CsvField(string Text, int Line, int Column);

/// <summary>
/// The one CSV dialect of the library (docs/json-formats.md, "CSV files"), read by one tokenizer: RFC 4180
/// fields separated by commas; a field in double quotes may hold commas, line breaks and doubled quotes
/// (<c>""</c>); records end with LF or CRLF; a byte order mark at the start, a trailing newline and blank
/// lines are ignored; spaces around an unquoted field are trimmed. Columns count UTF-16 code units.
/// Linear in the text.
/// </summary>
internal sealed class CsvTokenizer
{
    private readonly string text;
    private int position;
    private int line = 1;
    private int lineStart;

    internal CsvTokenizer(string text)
    {
        this.text = text;
        position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        lineStart = position;
    }

    /// <summary>Gets the line of the record read last.</summary>
    internal int RecordLine { get; private set; }

    /// <summary>Reads the next non-blank record into <paramref name="fields"/>; <see langword="false"/> at the end. A malformed record sets <paramref name="error"/> and is skipped to its line end.</summary>
    internal bool TryRead(List<CsvField> fields, out (int Line, int Column, string Message)? error)
    {
        fields.Clear();
        error = null;
        SkipBlankLines();
        if (position >= text.Length)
        {
            return false;
        }

        RecordLine = line;
        while (true)
        {
            var startLine = line;
            var startColumn = position - lineStart + 1;
            string value;
            if (position < text.Length && text[position] == '"')
            {
                var quoted = new StringBuilder();
                position++;
                while (true)
                {
                    if (position >= text.Length)
                    {
                        error = (startLine, startColumn, "a quoted field is not closed: a '\"' is missing.");
                        return true;
                    }

                    var c = text[position];
                    if (c == '"')
                    {
                        if (position + 1 < text.Length && text[position + 1] == '"')
                        {
                            quoted.Append('"');
                            position += 2;
                            continue;
                        }

                        position++;
                        break;
                    }

                    if (c == '\n')
                    {
                        line++;
                        lineStart = position + 1;
                    }

                    quoted.Append(c);
                    position++;
                }

                SkipSpaces();
                if (position < text.Length && text[position] is not (',' or '\n' or '\r'))
                {
                    error = (line, position - lineStart + 1, "unexpected text after a closing quote; a quoted field ends at a comma or the line end (write a quote inside quotes as \"\").");
                    SkipToLineEnd();
                    return true;
                }

                value = quoted.ToString();
            }
            else
            {
                var start = position;
                while (position < text.Length && text[position] is not (',' or '\n' or '\r'))
                {
                    if (text[position] == '"')
                    {
                        error = (line, position - lineStart + 1, "a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\").");
                        SkipToLineEnd();
                        return true;
                    }

                    position++;
                }

                var raw = text.AsSpan(start, position - start);
                var trimmed = raw.TrimStart(" \t");
                startColumn += raw.Length - trimmed.Length;
                value = trimmed.TrimEnd(" \t").ToString();
            }

            fields.Add(new CsvField(value, startLine, startColumn));
            if (position >= text.Length)
            {
                return true;
            }

            var end = text[position];
            if (end == ',')
            {
                position++;
                continue;
            }

            if (end == '\r')
            {
                if (position + 1 < text.Length && text[position + 1] == '\n')
                {
                    position++;
                }
                else
                {
                    error = (line, position - lineStart + 1, "a carriage return alone is not a line end; use LF or CRLF.");
                    SkipToLineEnd();
                    return true;
                }
            }

            // '\n'
            position++;
            line++;
            lineStart = position;
            return true;
        }
    }

    private void SkipSpaces()
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }
    }

    private void SkipToLineEnd()
    {
        while (position < text.Length && text[position] != '\n')
        {
            position++;
        }

        if (position < text.Length)
        {
            position++;
            line++;
            lineStart = position;
        }
    }

    private void SkipBlankLines()
    {
        while (true)
        {
            var p = position;
            while (p < text.Length && text[p] is ' ' or '\t' or '\r')
            {
                p++;
            }

            if (p < text.Length && text[p] == '\n')
            {
                position = p + 1;
                line++;
                lineStart = position;
                continue;
            }

            if (p >= text.Length)
            {
                position = p;
            }

            return;
        }
    }
}
