using MigraineProtocol.Input;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>This part: how values are echoed in messages, and the argument checks, text and equality of <see cref="InputProblem"/> and <see cref="InputException"/>.</summary>
public partial class InputEdgeTests
{
    [Theory]
    [InlineData("a\rb", "a\\rb")]
    [InlineData("a\tb", "a\\tb")]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("it's", "it\\'s")]
    [InlineData("\u001B[31m", "\\u001B[31m")]
    [InlineData("\u2027\u2028\u2029", "\u2027\\u2028\\u2029")]
    [InlineData("\u2029\u202A\u202B\u202E\u202F", "\\u2029\\u202A\\u202B\\u202E\u202F")]
    [InlineData("\u2065\u2066\u2067\u2069\u206A", "\u2065\\u2066\\u2067\\u2069\u206A")]
    [InlineData("\U0001D11E", "\U0001D11E")]
    [InlineData("x\U0001D11Ey\U0001D11E", "x\U0001D11Ey\U0001D11E")]
    [InlineData("a{DC00}", "a\\uDC00")]
    [InlineData("a{D800}", "a\\uD800")]
    [InlineData("{DC00}{D800}", "\\uDC00\\uD800")]
    [InlineData("{D800}a", "\\uD800a")]
    public void EscapeWritesNoRawControlBidiOrLoneSurrogate(string value, string expected)
    {
        value = Surrogates(value); // test data cannot carry a lone surrogate
        Assert.Equal(expected, InputProblem.Escape(value));
        Assert.Equal("'" + expected + "'", InputProblem.Quote(value));
    }

    /// <summary>Puts the lone surrogates written {D800}, {DC00} or {DFFF} in test data into the text.</summary>
    private static string Surrogates(string text) =>
        text.Replace("{D800}", "\uD800", StringComparison.Ordinal).Replace("{DC00}", "\uDC00", StringComparison.Ordinal).Replace("{DFFF}", "\uDFFF", StringComparison.Ordinal);

    [Theory]
    [InlineData(60, "", 60, "")]
    [InlineData(61, "", 60, "…")]
    [InlineData(59, "\U0001D11Eb", 59, "…")]
    [InlineData(59, "\U0001D11E", 59, "…")]
    [InlineData(58, "\U0001D11Eb", 58, "\U0001D11E…")]
    [InlineData(58, "\U0001D11E", 58, "\U0001D11E")]
    public void EscapeCutsAtTheEchoLimitNeverInsideAPair(int letters, string tail, int keptLetters, string expectedTail)
    {
        Assert.Equal(60, InputLimits.MaxEchoLength);
        Assert.Equal(new string('a', keptLetters) + expectedTail, InputProblem.Escape(new string('a', letters) + tail));
    }

    [Fact]
    public void QuoteWritesNullAsTheWordAndEmptyAsTwoQuotes()
    {
        Assert.Equal("null", InputProblem.Quote(null));
        Assert.Equal("''", InputProblem.Quote(string.Empty));
        Assert.Equal("'a'", InputProblem.Quote("a"));
    }

    [Theory]
    [InlineData(1, null, "column", "A line and a column are given together or not at all.")]
    [InlineData(null, 1, "column", "A line and a column are given together or not at all.")]
    [InlineData(0, 1, "line", "Lines are numbered from 1.")]
    [InlineData(1, 0, "column", "Columns are numbered from 1.")]
    [InlineData(-3, -3, "line", "Lines are numbered from 1.")]
    public void AProblemNeedsALineAndColumnFromOneTogether(int? line, int? column, string parameter, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new InputProblem("s", line, column, null, "c", "m"));
        Assert.Equal(parameter, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(message != "A line and a column are given together or not at all.", e is ArgumentOutOfRangeException);
    }

    [Fact]
    public void AProblemAtLineAndColumnOneOrAtNoPlaceIsAccepted()
    {
        Assert.Equal("s:1:1: $.a: m", new InputProblem("s", 1, 1, "$.a", "c", "m").ToString());
        var noPlace = new InputProblem("s", null, null, string.Empty, "c", "m");
        Assert.Null(noPlace.Location);
        Assert.Equal("s: m", noPlace.ToString());
    }

    public static TheoryData<InputProblem> OneFieldOff => new()
    {
        new InputProblem("t", 1, 2, "$.a", "c", "m"),
        new InputProblem("s", 3, 2, "$.a", "c", "m"),
        new InputProblem("s", 1, 3, "$.a", "c", "m"),
        new InputProblem("s", 1, 2, "$.b", "c", "m"),
        new InputProblem("s", 1, 2, null, "c", "m"),
        new InputProblem("s", 1, 2, "$.a", "d", "m"),
        new InputProblem("s", 1, 2, "$.a", "c", "n"),
        new InputProblem("s", null, null, "$.a", "c", "m"),
    };

    [Theory]
    [MemberData(nameof(OneFieldOff))]
    public void ProblemsDifferingInOneFieldAreNotEqual(InputProblem other)
    {
        var problem = new InputProblem("s", 1, 2, "$.a", "c", "m");
        Assert.False(problem.Equals(other));
        Assert.False(other.Equals(problem));
        Assert.False(problem.Equals((object)other));
        Assert.True(problem.Equals(new InputProblem("s", 1, 2, "$.a", "c", "m")));
        Assert.Equal(problem.GetHashCode(), new InputProblem("s", 1, 2, "$.a", "c", "m").GetHashCode());
        Assert.False(problem.Equals(null));
        Assert.False(problem.Equals((object?)"s:1:2: $.a: m"));
    }

    [Fact]
    public void AnInputExceptionWithoutProblemsHasOneAboutTheInput()
    {
        var plain = new InputException();
        Assert.Equal("input: The input could not be read.", plain.Message);
        Assert.Equal(new InputProblem("input", null, null, null, InputProblemCodes.InvalidValue, "The input could not be read."), Assert.Single(plain.Problems));

        var worded = new InputException("the file is damaged.");
        Assert.Equal("input: the file is damaged.", worded.Message);
        Assert.Equal(new InputProblem("input", null, null, null, InputProblemCodes.InvalidValue, "the file is damaged."), Assert.Single(worded.Problems));

        var cause = new IOException("disk");
        var caused = new InputException("the file is damaged.", cause);
        Assert.Equal("the file is damaged.", caused.Message);
        Assert.Same(cause, caused.InnerException);
        Assert.Equal(new InputProblem("input", null, null, null, InputProblemCodes.InvalidValue, "the file is damaged."), Assert.Single(caused.Problems));
    }

    [Fact]
    public void AnInputExceptionMessageIsItsProblemsOnePerLine()
    {
        var a = new InputProblem("s.json", 1, 2, "$.a", InputProblemCodes.WrongType, "first.");
        var b = new InputProblem("s.json", 3, 4, null, InputProblemCodes.JsonSyntax, "second.");
        Assert.Equal("s.json:1:2: $.a: first.", new InputException([a]).Message);
        Assert.Equal("s.json:1:2: $.a: first.\ns.json:3:4: second.", new InputException([a, b]).Message);
        Assert.Equal([a, b], new InputException([a, b]).Problems);
    }

    [Fact]
    public void AnInputExceptionNeedsAtLeastOneProblemAndNoNull()
    {
        var a = new InputProblem("s", null, null, null, "c", "m");
        Assert.Throws<ArgumentNullException>(() => new InputException((IEnumerable<InputProblem>)null!));
        foreach (var problems in new[] { System.Array.Empty<InputProblem>(), [null!], [a, null!], [null!, a] })
        {
            var e = Assert.Throws<ArgumentException>(() => new InputException(problems));
            Assert.Equal("problems", e.ParamName);
            Assert.StartsWith("An input exception needs at least one problem, and no null problem.", e.Message, StringComparison.Ordinal);
        }
    }
}
