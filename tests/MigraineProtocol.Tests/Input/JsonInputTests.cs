using MigraineProtocol.Input;
using MigraineProtocol.Definitions;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Tests.Input;

/// <summary>
/// The one JSON policy (ADR 0100): problems in the library's own words, placed by line and column in
/// characters, every problem listed, strict in the same way for records and definitions.
/// </summary>
public class JsonInputTests
{
    [Theory]
    [InlineData("[]", 1, 1, "$", InputProblemCodes.WrongType, "the value is an array; expected an object.")]
    [InlineData("""{"date": "2026-03-02", "injections": {}}""", 1, 38, "$.injections", InputProblemCodes.WrongType, "the value is an object; expected an array.")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "colour": 1}""", 1, 42, "$.colour", InputProblemCodes.UnknownProperty, "unknown property 'colour'")]
    [InlineData("""{"injections": []}""", 1, 1, "$", InputProblemCodes.MissingProperty, "missing required property 'date'.")]
    [InlineData("""{"date": "2026-03-02", "injections": [}""", 1, 39, null, InputProblemCodes.JsonSyntax, "unexpected '}' here")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": "5"}]}""", 1, 69, "$.injections[0].units", InputProblemCodes.WrongType, "the value is a string; expected a number. Write 5 without quotes.")]
    [InlineData("""{"date": "2026-03-02", "injections": [],}""", 1, 41, null, InputProblemCodes.JsonSyntax, "trailing comma")]
    [InlineData("""{"date": "2026-03-02", /* c */ "injections": []}""", 1, 24, null, InputProblemCodes.JsonSyntax, "comments are not allowed")]
    [InlineData("", 1, 1, null, InputProblemCodes.JsonSyntax, "the file is empty")]
    [InlineData("  \n\t ", 1, 1, null, InputProblemCodes.JsonSyntax, "the file is empty")]
    [InlineData("""{"date": "2026-03-02", "injections": [""", 1, 39, null, InputProblemCodes.JsonSyntax, "the JSON ends too early")]
    [InlineData("""{"date": "2026-03-02", "injections": []} x""", 1, 42, null, InputProblemCodes.JsonSyntax, "more text after the end")]
    [InlineData("""{"date": "2026-03-02", "date": "2026-03-03", "injections": []}""", 1, 24, "$.date", InputProblemCodes.Duplicate, "appears more than once")]
    [InlineData("""{"date": "2026-03-02", "injections": [null]}""", 1, 39, "$.injections[0]", InputProblemCodes.WrongType, "null is not allowed here; expected an object.")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "vials": 1e40}""", 1, 51, "$.vials", InputProblemCodes.WrongType, "is not a whole number")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 1e40}]}""", 1, 69, "$.injections[0].units", InputProblemCodes.LimitExceeded, "beyond the range")]
    [InlineData("{'date': 1}", 1, 2, null, InputProblemCodes.JsonSyntax, "double quotes")]
    public void ProblemsAreInTheLibrarysWordsWithAPlace(string json, int line, int column, string? location, string code, string message)
    {
        Assert.False(SessionJson.TryRead(json, "s.json", out _, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal(("s.json", line, column, location, code), (problem.Source, problem.Line, problem.Column, problem.Location, problem.Code));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        foreach (var dotnet in new[] { "System.", "MigraineProtocol.", "LineNumber", "isFinalBlock", "reader options", "(Parameter" })
        {
            Assert.DoesNotContain(dotnet, problem.ToString(), StringComparison.Ordinal);
        }
    }

    /// <summary>Found by AFL++ (findings/history and findings/definitions, repeated-unknown-name-*): the path of a repeated unknown property held its name raw, so an escaped line break reached the problem's text.</summary>
    [Fact]
    public void ARepeatedUnknownPropertyIsNamedEscaped()
    {
        const string json = """{"date": "2026-03-02", "injections": [], "a\n\u001b": 1, "a\n\u001b": 2}""";
        Assert.False(SessionJson.TryRead(json, "s.json", out _, out var problems));
        Assert.Equal(
            [
                "s.json:1:42: $.a\\n\\u001B: unknown property 'a\\n\\u001B'; the format does not have it (check the spelling). Known here: date, injections, product, lot, expiry, reconstitution, vials, reconstitutedAt, adverseEvents, distantSpreadAcknowledged.",
                "s.json:1:58: $.a\\n\\u001B: the property 'a\\n\\u001B' appears more than once in this object; give it once.",
                "s.json:1:58: $.a\\n\\u001B: unknown property 'a\\n\\u001B'; the format does not have it (check the spelling). Known here: date, injections, product, lot, expiry, reconstitution, vials, reconstitutedAt, adverseEvents, distantSpreadAcknowledged.",
            ],
            problems.Select(p => p.ToString()));
        Assert.All(problems, p => Assert.DoesNotContain(p.ToString(), char.IsControl));
    }

    [Fact]
    public void ColumnsCountCharactersNotBytes()
    {
        // "é" is two UTF-8 bytes and "𝄞" four (two UTF-16 code units): the column is what an editor shows.
        Assert.False(SessionJson.TryRead("{\"product\": \"é𝄞\", \"date\": 5, \"injections\": []}", "s.json", out _, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal((1, 28), (problem.Line, problem.Column));
        Assert.False(SessionJson.TryRead("{\"product\": \"éé\",\n \"date\": \"2026-03-02\", \"injections\": [],}", "s.json", out _, out problems));
        Assert.Equal((2, 41), (problems[0].Line, problems[0].Column));
    }

    [Fact]
    public void ALoneSurrogateIsAProblemNotACrash()
    {
        var json = "{\"date\": \"2026-03-02\", \"injections\": [], \"lot\": \"A\uD800\"}";
        Assert.False(SessionJson.TryRead(json, "s.json", out _, out var problems));
        Assert.Equal((InputProblemCodes.InvalidText, 1, 51), (problems[0].Code, problems[0].Line, problems[0].Column));
        Assert.False(HistoryJson.TryRead(json, "h.json", out _, out _));
        Assert.False(ReportJson.TryRead(json, "r.json", out _, out _));
        Assert.False(ProtocolJson.TryRead(json, "p.json", out _, out _));
        Assert.False(MigraineProtocol.Diaries.HeadacheDiaryCsv.TryRead("date\uDC00", "d.csv", out _, out _));
        Assert.False(MigraineProtocol.Outcomes.OutcomeCohortCsv.TryRead("\uD800", "c.csv", out _, out _));
    }

    [Fact]
    public void AByteOrderMarkIsAllowed() =>
        Assert.True(SessionJson.TryRead("\uFEFF{\"date\": \"2026-03-02\", \"injections\": []}", "s.json", out _, out _));

    [Fact]
    public void EveryShapeProblemIsListedNotOnlyTheFirst()
    {
        Assert.False(SessionJson.TryRead("""{"date": 1, "injections": [{"site": 2, "units": "x"}, null], "colour": true}""", "s.json", out _, out var problems));
        Assert.Equal(5, problems.Length);
    }

    [Fact]
    public void NestingBeyondTheLimitIsAProblem()
    {
        var deep = "{\"date\": \"2026-03-02\", \"injections\": [], \"x\": " + new string('[', 1000) + new string(']', 1000) + "}";
        Assert.False(SessionJson.TryRead(deep, "s.json", out _, out var problems));
        Assert.Contains(problems, p => p.Code == InputProblemCodes.LimitExceeded && p.Message.Contains("nested more than 16", StringComparison.Ordinal));
    }

    [Fact]
    public void ProblemsAreCappedAndTheCapIsSaid()
    {
        var injections = string.Join(",\n", Enumerable.Range(0, 3000).Select(_ => "{\"site\": \"procerus\", \"units\": -1}"));
        Assert.False(SessionJson.TryRead("{\"date\": \"2026-03-02\", \"injections\": [\n" + injections + "]}", "s.json", out _, out var problems));
        Assert.Equal(InputLimits.MaxProblems + 1, problems.Length);
        Assert.Equal(InputProblemCodes.TooManyProblems, problems[^1].Code);
        Assert.Contains("2900 more problems", problems[^1].Message, StringComparison.Ordinal);
        Assert.Equal(2, problems[0].Line);
        Assert.Equal(101, problems[99].Line);
    }

    [Theory]
    [InlineData("""{"sites": [], "colour": 1}""")]
    [InlineData("""{"sites": [],}""")]
    [InlineData("""{"sites": [] /* c */}""")]
    [InlineData("""{"sites": [], "sites": []}""")]
    [InlineData("""{"sites": [null]}""")]
    public void DefinitionsAndRecordsShareOneStrictness(string definitions)
    {
        Assert.False(Catalogs.TryLoad([DefinitionFile.FromJson("d.json", definitions)], out _, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal(("d.json", 1), (problem.Source, problem.Line));
        var session = definitions.Replace("\"sites\": []", "\"date\": \"2026-03-02\", \"injections\": []", StringComparison.Ordinal).Replace("\"sites\": [null]", "\"date\": \"2026-03-02\", \"injections\": [null]", StringComparison.Ordinal);
        Assert.False(SessionJson.TryRead(session, "s.json", out _, out var sessionProblems));
        Assert.Equal(problem.Code, sessionProblems[0].Code);
    }

    [Fact]
    public void EchoedValuesAreQuotedEscapedAndCapped()
    {
        var evil = "x\n\u001b[31mred" + new string('a', 200);
        Assert.False(SessionJson.TryRead("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"" + evil.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\u001b", "\\u001b", StringComparison.Ordinal) + "\", \"units\": 5}]}", "s.json", out _, out var problems));
        var text = Assert.Single(problems).ToString();
        Assert.DoesNotContain('\n', text);
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("'x\\n\\u001B[31mred", text, StringComparison.Ordinal);
        Assert.Contains("…'", text, StringComparison.Ordinal);
        Assert.True(text.Length < 300, text);
    }
}
