using MigraineProtocol.Diaries;
using MigraineProtocol.Input;
using MigraineProtocol.Outcomes;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The edges of the one input model (src/MigraineProtocol/Input) that mutation testing (docs/quality.md,
/// "Mutation testing") showed no other test pinned. This part: the CSV dialect record by record (quoted
/// fields over line breaks, spaces after a closing quote, CRLF against a lone CR, blank and white-space
/// lines, the field and line after a malformed record) and the text checks shared by the CSV readers.
/// </summary>
public partial class InputEdgeTests
{
    private const string Unclosed = "a quoted field is not closed: a '\"' is missing.";
    private const string AfterQuote = "unexpected text after a closing quote; a quoted field ends at a comma or the line end (write a quote inside quotes as \"\").";
    private const string QuoteInside = "a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\").";
    private const string LoneCr = "a carriage return alone is not a line end; use LF or CRLF.";

    /// <summary>Every record of a text as "line: field@line:column | ..." or "error line:column message" (at most 20, so a tokenizer that stops advancing still ends).</summary>
    private static List<string> Records(string text)
    {
        var tokens = new CsvTokenizer(text);
        var fields = new List<CsvField>();
        var records = new List<string>();
        while (records.Count < 20 && tokens.TryRead(fields, out var error))
        {
            records.Add(error is { } e
                ? $"error {e.Line}:{e.Column} {e.Message}"
                : $"{tokens.RecordLine}: " + string.Join(" | ", fields.Select(f => $"{f.Text}@{f.Line}:{f.Column}")));
        }

        return records;
    }

    public static TheoryData<string, string[]> CsvRecords => new()
    {
        // A quoted field that ends the text, with or without spaces after it.
        { "\"a\"", ["1: a@1:1"] },
        { "\"a\" \t", ["1: a@1:1"] },
        // An empty quoted field is not the start of a doubled quote.
        { "\"\"", ["1: @1:1"] },
        { "\"\",x", ["1: @1:1 | x@1:4"] },
        { "\"a\"\"b\"", ["1: a\"b@1:1"] },
        { "\"a", [$"error 1:1 {Unclosed}"] },
        // A line break inside quotes moves the line and the column of what follows.
        { "\"a\nb\",x\ny\n", ["1: a\nb@1:1 | x@2:4", "3: y@3:1"] },
        // Spaces and tabs after a closing quote are allowed.
        { "\"a\"  ,b\n", ["1: a@1:1 | b@1:7"] },
        { "\"a\"\t,\"b\" \n", ["1: a@1:1 | b@1:6"] },
        // A malformed record is reported at its place and skipped to its line end; the next one reads on.
        { "x\n\"a\"b,c\nd\n", ["1: x@1:1", $"error 2:4 {AfterQuote}", "3: d@3:1"] },
        { "h\nab\"c,d\ne\n", ["1: h@1:1", $"error 2:3 {QuoteInside}", "3: e@3:1"] },
        { "h\nab\rc\nd\n", ["1: h@1:1", $"error 2:3 {LoneCr}", "3: d@3:1"] },
        { "h\nab\"c", ["1: h@1:1", $"error 2:3 {QuoteInside}"] },
        // The last record needs no line end; CRLF ends a record as LF does.
        { "a,b", ["1: a@1:1 | b@1:3"] },
        { "a\r\nb\r\n", ["1: a@1:1", "2: b@2:1"] },
        { "a,b\r\nc,d", ["1: a@1:1 | b@1:3", "2: c@2:1 | d@2:3"] },
        // Blank lines, also of spaces, tabs and CRs, are skipped, also at the end.
        { "a\n \t \nb\n", ["1: a@1:1", "3: b@3:1"] },
        { "a\n \r\n\nb", ["1: a@1:1", "4: b@4:1"] },
        { "a\n  \t", ["1: a@1:1"] },
        { "\uFEFFa,b\n", ["1: a@1:1 | b@1:3"] },
        // Spaces before a quote make the field unquoted: the quote is inside it.
        { "  \"a\"", [$"error 1:3 {QuoteInside}"] },
        { " a , b ", ["1: a@1:2 | b@1:6"] },
    };

    [Theory]
    [MemberData(nameof(CsvRecords))]
    public void TheCsvDialectReadsRecordByRecord(string text, string[] expected) =>
        Assert.Equal(expected, Records(text));

    [Theory]
    [InlineData("date,headache,migraine,acute_medication\n2026-03-02,1,0,\r2026-03-03,0,0,\n", 2, 16, LoneCr)]
    [InlineData("date,headache,migraine,acute_medication\n\"2026-03-02\" x,1,0,\n", 2, 14, AfterQuote)]
    [InlineData("date,headache,migraine,acute_medication\n2026-03-02,1\"x,0,\n", 2, 13, QuoteInside)]
    [InlineData("date,headache,migraine,acute_medication\n2026-03-02,\"1,0,\n", 2, 12, Unclosed)]
    public void TheDiaryReportsACsvSyntaxProblemAtItsPlace(string text, int line, int column, string message)
    {
        Assert.False(HeadacheDiaryCsv.TryRead(text, "d.csv", out _, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal(("d.csv", (int?)line, (int?)column, (string?)null, InputProblemCodes.CsvSyntax, message), (problem.Source, problem.Line, problem.Column, problem.Location, problem.Code, problem.Message));
    }

    [Fact]
    public void TheDiaryReadsQuotedCrlfAndBomTextAsThePlainOne()
    {
        const string plain = "date,headache,migraine,acute_medication\n2026-03-02,1,0,\n2026-03-03,0,0,\n";
        const string dressed = "\uFEFFDATE ,\"headache\" ,Migraine,acute_medication\r\n\r\n\"2026-03-02\"  ,1,\"0\",\r\n  \r\n2026-03-03,0,0,";
        Assert.True(HeadacheDiaryCsv.TryRead(plain, "d.csv", out var a, out _));
        Assert.True(HeadacheDiaryCsv.TryRead(dressed, "d.csv", out var b, out var problems), string.Join("\n", problems));
        Assert.Equal(a, b);
        Assert.Equal(2, b.Days.Length);
    }

    [Fact]
    public void NoTextIsOneProblemForEveryCsvReader()
    {
        Assert.False(HeadacheDiaryCsv.TryRead(null!, "d.csv", out _, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal("d.csv: no text was given.", problem.ToString());
        Assert.Equal(InputProblemCodes.CsvSyntax, problem.Code);
        Assert.False(OutcomeCohortCsv.TryRead(null!, "c.csv", out _, out problems));
        Assert.Equal("c.csv: no text was given.", Assert.Single(problems).ToString());
    }

    [Fact]
    public void ALoneSurrogateInACsvTextIsTheOnlyProblem()
    {
        Assert.False(HeadacheDiaryCsv.TryRead("date\uDC00,headache\n", "d.csv", out _, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal((1, 5, InputProblemCodes.InvalidText), (problem.Line, problem.Column, problem.Code));
    }

    [Theory]
    [InlineData("1899-12-31", true)]
    [InlineData("1900-01-01", false)]
    [InlineData("2999-12-31", false)]
    [InlineData("3000-01-01", true)]
    public void ADateOutsideTheLimitsNamesTheLimits(string text, bool outside)
    {
        Assert.Equal(!outside, TextInput.TryDate(text, out var date, out var problem, out var outOfRange));
        Assert.Equal(outside, outOfRange);
        Assert.Equal(outside ? $"{text} is outside the dates the library accepts, 1900-01-01 to 2999-12-31." : null, problem);
        if (!outside)
        {
            Assert.Equal(DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), date);
        }
    }

    [Fact]
    public void ADiaryDateAfterTheLimitIsALimitProblemInTheLibrarysWords()
    {
        Assert.False(HeadacheDiaryCsv.TryRead("date,headache,migraine,acute_medication\n3000-01-01,1,0,\n", "d.csv", out _, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal(("date", InputProblemCodes.LimitExceeded, "3000-01-01 is outside the dates the library accepts, 1900-01-01 to 2999-12-31."), (problem.Location, problem.Code, problem.Message));
    }

    [Fact]
    public void ATextOneCharacterPastTheLimitIsOneLimitProblemForEveryReader()
    {
        var max = InputLimits.MaxTextLength;
        var text = new string(' ', max + 1);
        const string message = "the text is 33,554,433 characters long; the most a reader accepts is 33,554,432.";
        Assert.False(HeadacheDiaryCsv.TryRead(text, "d.csv", out _, out var problems));
        Assert.Equal(("d.csv", InputProblemCodes.LimitExceeded, message), (Assert.Single(problems).Source, problems[0].Code, problems[0].Message));
        Assert.False(MigraineProtocol.Serialization.SessionJson.TryRead(text, "s.json", out _, out problems));
        Assert.Equal(("s.json", (int?)null, InputProblemCodes.LimitExceeded, message), (Assert.Single(problems).Source, problems[0].Line, problems[0].Code, problems[0].Message));
    }

    [Fact]
    public void AJsonTextOfExactlyTheLimitIsRead()
    {
        const string session = """{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}]}""";
        var text = session + new string('\n', InputLimits.MaxTextLength - session.Length);
        Assert.Equal(InputLimits.MaxTextLength, text.Length);
        Assert.True(MigraineProtocol.Serialization.SessionJson.TryRead(text, "s.json", out var read, out var problems), string.Join("\n", problems));
        Assert.Equal(new DateOnly(2026, 3, 2), read.Date);
    }
}
