using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The line-and-column cursor behind every "file:line:column" of a JSON problem: asked for positions in
/// any order (a syntax error's line may come before the last value located), past the last line, and in
/// text with two- and four-byte characters.
/// </summary>
public class UtilityEdgeTests
{
    private static readonly string[] Pieces = ["a", "é", "😀", "x y"];

    /// <summary>Lines of text and a sequence of (line, characters into the line) requests, in any order.</summary>
    private static readonly Arbitrary<(string[] Lines, (int Line, int Chars)[] Requests)> Texts =
        (from lineCount in Gen.Choose(1, 6)
         from lines in Gen.ArrayOf(Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces), n)).Select(string.Concat), lineCount)
         from requestCount in Gen.Choose(1, 8)
         from requests in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, lineCount - 1), Gen.Choose(0, 6)), requestCount)
         select (lines, requests)).ToArbitrary();

    /// <summary>
    /// Law: one cursor asked for (line, byte in line) positions in any order answers as counting by hand:
    /// the 1-based line, and 1 + the UTF-16 length of the characters before the byte (a four-byte
    /// character is a surrogate pair, two columns).
    /// </summary>
    [Property(MaxTest = 200)]
    public Property ALineAndByteIsFoundInAnyOrder() =>
        Prop.ForAll(Texts, t =>
        {
            var cursor = new Utf8LineCursor(Encoding.UTF8.GetBytes(string.Join("\n", t.Lines)));
            return t.Requests.All(r =>
            {
                var before = Prefix(t.Lines[r.Line], r.Chars);
                return cursor.AtLineByte(r.Line, Encoding.UTF8.GetByteCount(before)) == (r.Line + 1, before.Length + 1);
            });
        });

    [Fact]
    public void AnEarlierLineAfterALaterOneRestartsFromTheTop()
    {
        var cursor = new Utf8LineCursor("ab\ncd\nef"u8.ToArray());
        Assert.Equal((3, 2), cursor.AtLineByte(2, 1));
        Assert.Equal(7, cursor.Position);
        Assert.Equal((1, 2), cursor.AtLineByte(0, 1));
        Assert.Equal((2, 3), cursor.AtLineByte(1, 2));
        Assert.Equal((2, 1), cursor.AtLineByte(1, 0));
    }

    [Fact]
    public void ALinePastTheEndStaysOnTheLastLine()
    {
        var cursor = new Utf8LineCursor("ab\ncd"u8.ToArray());
        Assert.Equal((2, 2), cursor.AtLineByte(5, 1));
        Assert.Equal((2, 3), cursor.AtLineByte(9, 7));
        Assert.Equal((1, 1), new Utf8LineCursor(ReadOnlyMemory<byte>.Empty).AtLineByte(3, 0));
    }

    /// <summary>The first <paramref name="chars"/> text elements of a line (all of it when it is shorter), so a request never splits a character.</summary>
    private static string Prefix(string line, int chars)
    {
        var info = new StringInfo(line);
        var n = Math.Min(chars, info.LengthInTextElements);
        return n == 0 ? string.Empty : info.SubstringByTextElements(0, n);
    }
}
