using MigraineProtocol.Cli;

namespace MigraineProtocol.Tests.Cli;

/// <summary>
/// Issue 12, "seen when tried as a new user would": every bad input is exit 2 and one clear line on
/// standard error naming the place, in the tool's words; nothing known reaches the last-resort handler.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("mp-bad-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string Example(string name) => Definitions.TestData.Path("examples", name);

    private string Write(string name, string content)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static void OneLine(int expectedCode, (int Code, string Out, string Error) run, string expected)
    {
        Assert.Equal(expectedCode, run.Code);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        foreach (var dotnet in new[] { "System.", "Exception", "(Parameter", "isFinalBlock", "reader options", "   at " })
        {
            Assert.DoesNotContain(dotnet, line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": "5"}]}""", "s.json:1:69: $.injections[0].units: the value is a string; expected a number. Write 5 without quotes.")]
    [InlineData("", "s.json:1:1: the file is empty; expected a session (a JSON object).")]
    [InlineData("  \n\t", "s.json:1:1: the file is empty")]
    [InlineData("""{"date": "2026-03-02", "injections": [],}""", "s.json:1:41: a comma before a closing bracket (a trailing comma) is not allowed in JSON; remove it.")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "x\n\u001b[2J", "units": 5}]}""", @"'x\n\u001B[2J' is not a site id")]
    public void BadSessionFilesAreOneLine(string json, string expected) =>
        OneLine(2, CliRunner.Run("validate", Write("s.json", json)), expected);

    [Fact]
    public void ASessionFileGivenToFhirImportIsOneLineInTheFileColonLineColonColumnForm()
    {
        var path = Example("session-valid.json");
        OneLine(2, CliRunner.Run("fhir", "import", path), $"{path}:1:1: this is not a FHIR resource");
    }

    [Theory]
    [InlineData("validate", "session")]
    [InlineData("diary", "diary")]
    [InlineData("outcomes", "cohort")]
    [InlineData("eligibility", "diary")]
    [InlineData("stopping", "diary")]
    public void ADirectoryGivenAsAFileIsTheSameMessageEverywhere(string command, string what)
    {
        string[] args = command switch
        {
            "eligibility" => [command, dir, "--preventives-failed", "2"],
            "stopping" => [command, dir, "--sessions", "2026-01-01"],
            _ => [command, dir],
        };
        OneLine(2, CliRunner.Run(args), $"{dir}: is a directory; expected a {what} file.");
        OneLine(2, CliRunner.Run([.. args.Select(a => a == dir ? Path.Combine(dir, "none") : a)]), $"{Path.Combine(dir, "none")}: no such file; expected a {what} file.");
    }

    [Fact]
    public void DirectoriesAndMissingFilesInOtherPlaces()
    {
        OneLine(2, CliRunner.Run("fhir", "import", dir), $"{dir}: is a directory; expected a Bundle file.");
        OneLine(2, CliRunner.Run("plan", "--definitions", dir), $"{dir}: is a directory; expected a definition file.");
        OneLine(2, CliRunner.Run("validate", Example("session-valid.json"), "--history", dir), $"{dir}: is a directory; expected a history file.");
        OneLine(2, CliRunner.Run("map", "-o", dir), $"{dir}: is a directory; expected the path of the map file to write.");
        OneLine(2, CliRunner.Run("map", "-o", Path.Combine(dir, "no", "x.svg")), "does not exist; create it first.");
        OneLine(2, CliRunner.Run("fhir", "export", Example("session-valid.json"), "--diary", dir), $"{dir}: is a directory; expected a diary file.");
    }

    [Theory]
    [InlineData(new[] { "plan", "--protocl", "preempt" }, "unknown option '--protocl' for 'plan'; did you mean '--protocol'?")]
    [InlineData(new[] { "plna" }, "unknown command 'plna' for 'migraine-protocol'; did you mean 'plan'?")]
    [InlineData(new[] { "outcomes", "x.csv", "--threshold", "abc" }, "--threshold 'abc': expected a number")]
    [InlineData(new[] { "eligibility", "x.csv", "--preventives-failed", "x" }, "--preventives-failed 'x': expected a whole number.")]
    [InlineData(new[] { "eligibility", "x.csv", "--preventives-failed", "2", "--adult", "yes" }, "--adult takes true or false, not 'yes'.")]
    [InlineData(new[] { "fhir", "export", "x.json", "--bundle", "batch" }, "--bundle 'batch': use one of transaction, collection.")]
    [InlineData(new[] { "plan", "--definitions" }, "--definitions needs a value.")]
    [InlineData(new[] { "fhir" }, "'fhir' needs a command: export or import.")]
    [InlineData(new[] { "validate" }, "'validate' needs SESSION.json")]
    [InlineData(new[] { "diary", "x.csv", "--definitions", "d.json" }, "unknown option '--definitions' for 'diary'")]
    [InlineData(new[] { "plan", "--format", "x\u001b[31m" }, @"--format 'x\u001B[31m': use one of")]
    public void UsageErrorsAreOneLineWithASuggestion(string[] args, string expected) => OneLine(2, CliRunner.Run(args), expected);

    [Fact]
    public void DefinitionsAreOfferedOnlyWhereUsedAndUsedWhereOffered()
    {
        var defs = Example("clinic-definitions.json");
        foreach (var args in new[] { new[] { "plan" }, ["validate", Example("session-valid.json")], ["map", "-o", Path.Combine(dir, "m.svg")], ["fhir", "export", Example("session-valid.json")] })
        {
            Assert.InRange(CliRunner.Run([.. args, "--definitions", defs]).ExitCode, 0, 1);
            OneLine(2, CliRunner.Run([.. args, "--definitions", Path.Combine(dir, "none.json")]), "no such file; expected a definition file.");
        }

        foreach (var command in new[] { "diary", "eligibility", "stopping", "outcomes" })
        {
            Assert.Equal(2, CliRunner.Run(command, "x", "--definitions", defs).ExitCode);
        }
    }

    [Fact]
    public void ADefinitionsFileWithABadProtocolIdAndANegativeDoseListsBothWithoutDotNetText()
    {
        var path = Write("d.json", """{"protocols": [{"id": "Clinic Protocol", "name": "X", "description": "d", "retreatmentIntervalDays": 84, "sources": [], "sites": [{"site": "procerus", "units": -5}]}]}""");
        var (code, _, error) = CliRunner.Run("plan", "--definitions", path);
        Assert.Equal(2, code);
        Assert.Contains($"{path}:1:23: $.protocols[0].id: 'Clinic Protocol' is not a protocol id", error, StringComparison.Ordinal);
        Assert.Contains("for example 'preempt'", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:1:161: $.protocols[0].sites[0].units: -5 is not a valid amount", error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeProtocolDoseIsExitTwoNotACrash()
    {
        var path = Write("d.json", """{"protocols": [{"id": "huge", "name": "H", "description": "d", "retreatmentIntervalDays": 84, "sources": [{"source": "S1", "locator": "x", "verification": "unverified"}], "sites": [{"site": "procerus", "units": 600000}]}]}""");
        OneLine(2, CliRunner.Run("plan", "--definitions", path, "--protocol", "huge"), "protocol 'huge': its doses need more solution or vials than can be planned");
    }

    [Fact]
    public void TheLastResortHandlerIsOneLineAndExit70()
    {
        using var stderr = new StringWriter();
        var code = CliApp.Run(["plan"], new ThrowingWriter(), stderr);
        Assert.Equal(70, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("error: internal error: the command failed unexpectedly; please report the command line and input that caused it.", line);
    }

    /// <summary>Every hostile input kept by the tests and the fuzz corpora, through every command that reads its kind: 0, 1 or 2, never 70.</summary>
    [Fact]
    public void NoKnownInputReachesTheLastResortHandler()
    {
        var fuzz = Path.Combine(LayeringTestsRoot(), "tests", "MigraineProtocol.Fuzz");
        var runs = 0;
        foreach (var kind in new[] { "session", "history", "definitions", "diary", "cohort", "adverse-events", "fhir" })
        {
            var files = new[] { "seeds", "findings" }
                .Select(f => Path.Combine(fuzz, f, kind))
                .Where(Directory.Exists)
                .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
                .Where(f => !f.EndsWith(".txt", StringComparison.Ordinal));
            foreach (var file in files)
            {
                var bytes = File.ReadAllBytes(file);
                foreach (var variant in new[] { bytes, bytes[..(bytes.Length / 2)] })
                {
                    var path = Path.Combine(dir, "input");
                    File.WriteAllBytes(path, variant);
                    string[][] commands = kind switch
                    {
                        "session" => [["validate", path], ["map", "-o", Path.Combine(dir, "m.svg"), "--session", path], ["fhir", "export", path]],
                        "history" => [["validate", Example("session-valid.json"), "--history", path]],
                        "definitions" => [["plan", "--definitions", path], ["map", "-o", Path.Combine(dir, "m.svg"), "--definitions", path]],
                        "diary" => [["diary", path], ["eligibility", path, "--preventives-failed", "3"], ["stopping", path, "--sessions", "2026-01-05"]],
                        "cohort" => [["outcomes", path], ["outcomes", path, "-f", "json"]],
                        "adverse-events" => [["adverse-events", Example("outcomes-cohort.csv"), path], ["adverse-events", Example("outcomes-cohort.csv"), path, "-f", "json"]],
                        _ => [["fhir", "import", path]],
                    };
                    foreach (var args in commands)
                    {
                        var run = CliRunner.Run(args);
                        Assert.True(run.ExitCode is 0 or 1 or 2, $"{file} via {string.Join(' ', args)}: exit {run.ExitCode}: {run.Error}");
                        runs++;
                    }
                }
            }
        }

        Assert.True(runs > 20);
    }

    private static string LayeringTestsRoot() => Architecture.LayeringTests.RepositoryRoot();

    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("boom");

        public override void Write(string? value) => throw new InvalidOperationException("boom");
    }
}
