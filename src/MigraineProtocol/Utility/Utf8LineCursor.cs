namespace MigraineProtocol.Utility;

/// <summary>
/// Turns UTF-8 byte offsets, visited in increasing order, into 1-based lines and columns counted in
/// UTF-16 code units, in one forward pass over the bytes (linear in the text, however many positions).
/// </summary>
internal sealed class Utf8LineCursor(ReadOnlyMemory<byte> utf8)
{
    private int position;
    private int line = 1;
    private int column = 1;
    private int lineStart;

    /// <summary>Returns the line and column of a byte offset at or after the last one asked for (an earlier offset restarts from the beginning).</summary>
    internal (int Line, int Column) At(long offset)
    {
        if (offset < position)
        {
            position = 0;
            line = 1;
            column = 1;
            lineStart = 0;
        }

        var bytes = utf8.Span;
        var end = (int)Math.Min(offset, bytes.Length);
        while (position < end)
        {
            var b = bytes[position++];
            if (b == (byte)'\n')
            {
                line++;
                column = 1;
                lineStart = position;
            }
            else if ((b & 0xC0) != 0x80)
            {
                // A lead byte starts a character; a 4-byte sequence is two UTF-16 code units (a surrogate pair).
                column += b >= 0xF0 ? 2 : 1;
            }
        }

        return (line, column);
    }

    /// <summary>Returns the line and column of a position given as a 0-based line and byte position in that line (System.Text.Json's convention).</summary>
    internal (int Line, int Column) AtLineByte(long zeroBasedLine, long bytePositionInLine)
    {
        var target = zeroBasedLine + 1;
        if (line > target)
        {
            At(0);
        }

        var bytes = utf8.Span;
        while (line < target && position < bytes.Length)
        {
            At(position + 1);
        }

        return At(lineStart + bytePositionInLine);
    }

    /// <summary>Gets the byte offset the cursor stands at.</summary>
    internal int Position => position;
}
