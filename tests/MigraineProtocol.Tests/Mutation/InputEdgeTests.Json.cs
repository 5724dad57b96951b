using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MigraineProtocol.Definitions;
using MigraineProtocol.Input;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// This part: the one JSON policy (ADR 0100) as every JSON reader applies it: wrong types and their hints
/// for each kind of value, escaped names and strings, lone surrogates, the nesting limit at 15 and 16
/// levels (and what follows a too-deep value), the syntax messages, the problem cap at 100 and 101.
/// </summary>
public partial class InputEdgeTests
{
    private const string Known = "date, injections, product, lot, expiry, reconstitution, vials, reconstitutedAt, adverseEvents, distantSpreadAcknowledged";
    private const string TooDeep = "objects and arrays are nested more than 16 levels deep here; the formats need far fewer.";
    private const string LoneEscape = "the string holds an escaped lone surrogate (\\ud800 to \\udfff without its pair); JSON text must be valid Unicode.";

    private static ImmutableArray<InputProblem> SessionProblems(string json)
    {
        Assert.False(SessionJson.TryRead(json, "s.json", out _, out var problems));
        return problems;
    }

    /// <summary>The 1-based column of the first <paramref name="marker"/> in a one-line text.</summary>
    private static int Col(string json, string marker) => json.IndexOf(marker, StringComparison.Ordinal) + 1;

    private static string Nest(int depth) => new string('[', depth) + new string(']', depth);

    [Theory]
    [InlineData("""{"date": 5, "injections": []}""", "5", "$.date", "the value is a number; expected a string. Put it in double quotes.")]
    [InlineData("""{"date": true, "injections": []}""", "true", "$.date", "the value is true or false; expected a string. Put it in double quotes.")]
    [InlineData("""{"date": false, "injections": []}""", "false", "$.date", "the value is true or false; expected a string. Put it in double quotes.")]
    [InlineData("""{"date": {}, "injections": []}""", "{}", "$.date", "the value is an object; expected a string.")]
    [InlineData("""{"date": [], "injections": []}""", "[]", "$.date", "the value is an array; expected a string.")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "vials": "2"}""", "\"2\"", "$.vials", "the value is a string; expected a whole number. Write 2 without quotes.")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "vials": "x"}""", "\"x\"", "$.vials", "the value is a string; expected a whole number.")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "vials": true}""", "true", "$.vials", "the value is true or false; expected a whole number.")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": "2.5"}]}""", "\"2.5\"", "$.injections[0].units", "the value is a string; expected a number. Write 2.5 without quotes.")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": "-1"}]}""", "\"-1\"", "$.injections[0].units", "the value is a string; expected a number. Write -1 without quotes.")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": "1e2"}]}""", "\"1e2\"", "$.injections[0].units", "the value is a string; expected a number.")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": "\u0035"}]}""", "\"\\u0035\"", "$.injections[0].units", "the value is a string; expected a number.")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}, {"site": "procerus", "units": "x"}]}""", "\"x\"", "$.injections[1].units", "the value is a string; expected a number.")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "distantSpreadAcknowledged": 1}""", "1}", "$.distantSpreadAcknowledged", "the value is a number; expected true or false.")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "distantSpreadAcknowledged": "yes"}""", "\"yes\"", "$.distantSpreadAcknowledged", "the value is a string; expected true or false.")]
    [InlineData("""{"date": null, "injections": []}""", "null", "$.date", "null is not allowed here; expected a string.")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "vials": 2147483648}""", "2147483648", "$.vials", "'2147483648' is not a whole number from -2147483648 to 2147483647.")]
    public void AWrongValueIsNamedByWhatTheFormatExpects(string json, string marker, string path, string message)
    {
        var problem = Assert.Single(SessionProblems(json));
        Assert.Equal(("s.json", (int?)1, (int?)Col(json, marker), path, message), (problem.Source, problem.Line, problem.Column, problem.Location, problem.Message));
        Assert.Equal(message.StartsWith("'", StringComparison.Ordinal) || message.StartsWith("the value", StringComparison.Ordinal) || message.StartsWith("null", StringComparison.Ordinal) ? InputProblemCodes.WrongType : InputProblemCodes.LimitExceeded, problem.Code);
    }

    [Theory]
    [InlineData("""{"d\u0061te": "2026-03-02", "injections": [{"site": "procerus", "units": 5}]}""")]
    [InlineData("""{"date": "2026-03-02", "\u0069njections": [{"s\u0069te": "procerus", "units": 5}], "product": null}""")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}], "lot": "𝄞a𝄞"}""")]
    [InlineData("\uFEFF{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": 5}]}")]
    public void EscapedNamesNullOptionalsPairsAndABomAreRead(string json) =>
        Assert.True(SessionJson.TryRead(json, "s.json", out _, out var problems), string.Join("\n", problems));

    [Theory]
    [InlineData("{}", "s.json:1:1: $: missing required properties 'date', 'injections'.")]
    [InlineData("""{"date": "2026-03-02"}""", "s.json:1:1: $: missing required property 'injections'.")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"units": 5}, {}]}""", "s.json:1:39: $.injections[0]: missing required property 'site'.|s.json:1:53: $.injections[1]: missing required properties 'site', 'units'.")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "lot": "\ud800"}""", "s.json:1:49: $.lot: " + LoneEscape)]
    [InlineData("""{"\ud800": 1, "date": 5, "injections": []}""", "s.json:1:2: $: " + LoneEscape + "|s.json:1:23: $.date: the value is a number; expected a string. Put it in double quotes.")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "colour": 1, "colour": 2}""", "s.json:1:42: $.colour: unknown property 'colour'; the format does not have it (check the spelling). Known here: " + Known + ".|s.json:1:55: $.colour: the property 'colour' appears more than once in this object; give it once.|s.json:1:55: $.colour: unknown property 'colour'; the format does not have it (check the spelling). Known here: " + Known + ".")]
    public void EveryProblemIsListedInOrder(string json, string expected) =>
        Assert.Equal(expected.Split('|'), SessionProblems(json).Select(p => p.ToString()));

    [Fact]
    public void NoTextIsOneProblemSayingWhatWasExpected()
    {
        Assert.Equal("s.json: no text was given; expected a session.", Assert.Single(SessionProblems(null!)).ToString());
        Assert.Equal(InputProblemCodes.JsonSyntax, SessionProblems(null!)[0].Code);
        Assert.False(HistoryJson.TryRead(null!, "h.json", out _, out var problems));
        Assert.Equal("h.json: no text was given; expected a history.", Assert.Single(problems).ToString());
        Assert.False(ReportJson.TryRead(null!, "r.json", out _, out problems));
        Assert.Equal("r.json: no text was given; expected a report.", Assert.Single(problems).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void ABlankSourceNameIsCalledInput(string? source)
    {
        Assert.False(SessionJson.TryRead("", source!, out _, out var problems));
        Assert.Equal("input:1:1: the file is empty; expected a session (a JSON object).", Assert.Single(problems).ToString());
    }

    [Theory]
    [InlineData("{DC00}{}", 1, 1)]
    [InlineData("{\n  \"lot\": \"{D800}\"}", 2, 11)]
    [InlineData("{\"lot\": \"\U0001D11E{D800}\"}", 1, 12)]
    [InlineData("{\"lot\": \"\U0001D11Ea\U0001D11E\",\n\"x\": \"{DFFF}\"}", 2, 7)]
    public void ALoneSurrogateIsTheOnlyProblemAtItsCharacter(string json, int line, int column)
    {
        var problem = Assert.Single(SessionProblems(Surrogates(json)));
        Assert.Equal(
            ("s.json", (int?)line, (int?)column, (string?)null, InputProblemCodes.InvalidText, "the text holds an invalid character (a lone UTF-16 surrogate); save the file as UTF-8."),
            (problem.Source, problem.Line, problem.Column, problem.Location, problem.Code, problem.Message));
    }

    [Fact]
    public void NestingOf15LevelsIsSkippedAnd16IsOneLimitProblemThatEndsTheCheck()
    {
        var prefix = """{"date": "2026-03-02", "injections": [], "x": """;
        var unknown = $"s.json:1:{prefix.Length - 4}: $.x: unknown property 'x'; the format does not have it (check the spelling). Known here: {Known}.";
        Assert.Equal([unknown], SessionProblems(prefix + Nest(15) + "}").Select(p => p.ToString()));
        foreach (var depth in new[] { 16, 17, 30 })
        {
            Assert.Equal(
                [unknown, $"s.json:1:{prefix.Length + 16}: {TooDeep}"],
                SessionProblems(prefix + Nest(depth) + ", \"y\": 1}").Select(p => p.ToString()));
        }
    }

    [Fact]
    public void ATooDeepValueOfAKnownOrBadlyNamedPropertyEndsTheCheck()
    {
        var known = "{\"date\": " + Nest(30) + ", \"injections\": [], \"y\": 1}";
        Assert.Equal(
            ["s.json:1:10: $.date: the value is an array; expected a string.", $"s.json:1:25: {TooDeep}"],
            SessionProblems(known).Select(p => p.ToString()));
        var badName = "{\"\\ud800\": " + Nest(30) + ", \"injections\": [], \"y\": 1}";
        Assert.Equal(
            [$"s.json:1:2: $: {LoneEscape}", $"s.json:1:27: {TooDeep}"],
            SessionProblems(badName).Select(p => p.ToString()));
        var inArray = "{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": 5, \"x\": " + Nest(30) + "}], \"y\": 1}";
        // The nesting counts from the document's root: this value starts at depth 3, so its 14th bracket is the 16th level.
        var problems = SessionProblems(inArray);
        Assert.Equal(2, problems.Length);
        Assert.Equal(("$.injections[0].x", InputProblemCodes.UnknownProperty), (problems[0].Location, problems[0].Code));
        Assert.Equal((null, InputProblemCodes.LimitExceeded, TooDeep, inArray.IndexOf('[', 60) + 14), (problems[1].Location, problems[1].Code, problems[1].Message, problems[1].Column));
    }

    [Theory]
    [InlineData("""{"date": x, "injections": []}""", 10, "unexpected 'x' here; the text is not well-formed JSON.")]
    [InlineData("""{"date": é, "injections": []}""", 10, "unexpected 'é' here; the text is not well-formed JSON.")]
    [InlineData("""{"date": अ, "injections": []}""", 10, "unexpected 'अ' here; the text is not well-formed JSON.")]
    [InlineData("""{"date": 𝄞, "injections": []}""", 10, "unexpected '𝄞' here; the text is not well-formed JSON.")]
    [InlineData("""{"date": - }""", 11, "unexpected ' ' here; the text is not well-formed JSON.")]
    [InlineData("""{"date": 1. }""", 12, "unexpected ' ' here; the text is not well-formed JSON.")]
    [InlineData("""{"date" 1}""", 9, "unexpected '1' here; the text is not well-formed JSON.")]
    [InlineData("{\"date\": \"a\tb\"}", 12, "a string cannot hold a raw line break, tab or control character; write it escaped (\\n, \\t).")]
    public void ASyntaxErrorIsWordedByTheCharacterAtIt(string json, int column, string message)
    {
        var problem = Assert.Single(SessionProblems(json));
        Assert.Equal(((int?)1, (int?)column, (string?)null, InputProblemCodes.JsonSyntax, message), (problem.Line, problem.Column, problem.Location, problem.Code, problem.Message));
    }

    [Theory]
    [InlineData(99, 99, null)]
    [InlineData(100, 100, null)]
    [InlineData(101, 101, "1 more problem not listed (at most 100 are listed); fix these and read again.")]
    [InlineData(102, 101, "2 more problems not listed (at most 100 are listed); fix these and read again.")]
    public void AtMost100ProblemsAreListedAndTheRestCounted(int unknown, int listed, string? notice)
    {
        var json = "{\"date\": \"2026-03-02\", \"injections\": []"
            + string.Concat(Enumerable.Range(0, unknown).Select(i => $", \"a{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}\": 0")) + "}";
        var problems = SessionProblems(json);
        Assert.Equal(listed, problems.Length);
        Assert.Equal(Math.Min(unknown, 100), problems.Count(p => p.Code == InputProblemCodes.UnknownProperty));
        if (notice is not null)
        {
            Assert.Equal(new InputProblem("s.json", null, null, null, InputProblemCodes.TooManyProblems, notice), problems[^1]);
        }
    }

    // ---- The shape of a type is computed once per JsonTypeInfo and cached: these read through fresh
    // contexts, so that the kind of every property (string, true/false, number, whole number, nullable) is
    // worked out during the test, not taken from an earlier one. ----

    private static List<string> Fresh<T>(string json, Func<RecordJsonContext, JsonTypeInfo<T>> pick)
        where T : class
    {
        var sink = new ProblemSink("s.json");
        var read = JsonInput.Read(json, pick(new RecordJsonContext(new JsonSerializerOptions(RecordJsonContext.Default.Options))), "a session", sink);
        var problems = sink.ToImmutable().Select(p => p.ToString()).ToList();
        Assert.Equal(problems.Count == 0, read is not null);
        return problems;
    }

    private static List<string> FreshPoint(string json)
    {
        var sink = new ProblemSink("d.json");
        var read = JsonInput.Read(json, new DefinitionJsonContext(new JsonSerializerOptions(DefinitionJsonContext.Default.Options)).DrawingPointDefinition, "a drawing point", sink);
        var problems = sink.ToImmutable().Select(p => p.ToString()).ToList();
        Assert.Equal(problems.Count == 0, read is not null);
        return problems;
    }

    [Theory]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5.5}], "vials": 2, "distantSpreadAcknowledged": true, "product": null, "lot": "L1", "reconstitution": {"vialUnits": 100, "diluentMl": 2}}""", "")]
    [InlineData("""{"date": 5, "injections": []}""", "s.json:1:10: $.date: the value is a number; expected a string. Put it in double quotes.")]
    [InlineData("""{"date": null, "injections": []}""", "s.json:1:10: $.date: null is not allowed here; expected a string.")]
    [InlineData("""{"date": "d", "injections": [], "vials": "x"}""", "s.json:1:42: $.vials: the value is a string; expected a whole number.")]
    [InlineData("""{"date": "d", "injections": [], "vials": null, "product": null, "lot": null}""", "")]
    [InlineData("""{"date": "d", "injections": [], "vials": 2147483648}""", "s.json:1:42: $.vials: '2147483648' is not a whole number from -2147483648 to 2147483647.")]
    [InlineData("""{"date": "d", "injections": [], "distantSpreadAcknowledged": 1}""", "s.json:1:62: $.distantSpreadAcknowledged: the value is a number; expected true or false.")]
    [InlineData("""{"date": "d", "injections": [{"site": "s", "units": "5"}]}""", "s.json:1:53: $.injections[0].units: the value is a string; expected a number. Write 5 without quotes.")]
    [InlineData("""{"date": "d", "injections": [{"site": "s", "units": 5, "side": 1}]}""", "s.json:1:56: $.injections[0].side: unknown property 'side'; the format does not have it (check the spelling). Known here: site, units.")]
    public void AFreshlyBuiltShapeKnowsEveryKindOfValue(string json, string expected) =>
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|'), Fresh(json, c => c.SessionDocument));

    [Fact]
    public void AFreshlyBuiltReportShapeKnowsWholeNumbers()
    {
        Assert.Equal(
            ["s.json:1:16: $.injections: the value is a string; expected a whole number. Write 3 without quotes."],
            Fresh("""{"injections": "3"}""", c => c.ReportDocument).Take(1));
    }

    [Theory]
    [InlineData("""{"view": "front", "x": 1.5, "y": -2.25}""", "")]
    [InlineData("""{"view": "front", "x": "1", "y": 0}""", "d.json:1:24: $.x: the value is a string; expected a number. Write 1 without quotes.")]
    [InlineData("""{"view": "front", "x": true, "y": 0}""", "d.json:1:24: $.x: the value is true or false; expected a number.")]
    [InlineData("""{"view": 1, "x": 0, "y": 0}""", "d.json:1:10: $.view: the value is a number; expected a string. Put it in double quotes.")]
    public void ADrawingPointsCoordinatesAreNumbers(string json, string expected) =>
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|'), FreshPoint(json));
}
