using MigraineProtocol.Cli;

namespace MigraineProtocol.Tests.Cli;

/// <summary>
/// System.CommandLine does the option checks (ADR 0160): allowed values reject anything else in one line
/// listing them, completions come from the same list through the <c>[suggest]</c> directive, help shows them,
/// and range checks run as validators before any file is read.
/// </summary>
public sealed class CommandLineParsingTests
{
    private static readonly string Cohort = Path.Combine(AppContext.BaseDirectory, "TestData", "examples", "outcomes-cohort.csv");
    private static readonly string Session = Path.Combine(AppContext.BaseDirectory, "TestData", "examples", "session-valid.json");

    [Theory]
    [InlineData(new[] { "plan", "--format", "xml" }, "--format 'xml': use one of table, json, csv.")]
    [InlineData(new[] { "validate", "s.json", "--format", "csv" }, "--format 'csv': use one of table, json.")]
    [InlineData(new[] { "plan", "--vial", "75" }, "--vial '75': use one of 50, 100, 200.")]
    [InlineData(new[] { "plan", "--vial", "lots" }, "--vial 'lots': expected a whole number.")]
    [InlineData(new[] { "outcomes", "c.csv", "--ci", "exact" }, "--ci 'exact': use one of wilson, clopper-pearson.")]
    [InlineData(new[] { "map", "-o", "m.svg", "--view", "top" }, "--view 'top': use one of all, front, back, left, right.")]
    [InlineData(new[] { "stopping", "d.csv", "--sessions", "2026-01-01", "--periods", "week" }, "--periods 'week': use one of calendar-month, 28-day.")]
    [InlineData(new[] { "diary", "d.csv", "--periods", "week" }, "--periods 'week': use one of 28-day, calendar-month.")]
    [InlineData(new[] { "plan", "--format", "json", "--format", "csv" }, "--format is given 2 times; give it once.")]
    public void AnUnknownValueIsOneLineListingTheAllowedOnes(string[] args, string expected)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal($"error: {expected}\n", error);
    }

    [Theory]
    [InlineData(new[] { "outcomes", "c.csv", "--threshold", "150" }, "--threshold 150: a responder threshold is a percentage between 0 and 100, for example 50.")]
    [InlineData(new[] { "outcomes", "c.csv", "--threshold", "NaN" }, "--threshold NaN: a responder threshold is a percentage between 0 and 100, for example 50.")]
    [InlineData(new[] { "outcomes", "c.csv", "--confidence", "NaN" }, "--confidence NaN: a confidence level is strictly between 0 and 1, for example 0.95.")]
    [InlineData(new[] { "adverse-events", "c.csv", "e.csv", "--confidence", "0" }, "--confidence 0: a confidence level is strictly between 0 and 1, for example 0.95.")]
    [InlineData(new[] { "outcomes", "c.csv", "--treatment", "a" }, "--treatment and --control go together: give both arms to compare, or neither.")]
    [InlineData(new[] { "validate", "s.json", "--tolerance", "-1" }, "--tolerance -1 is out of range: 0 to 30 days.")]
    [InlineData(new[] { "validate", "s.ndjson", "--batch", "--history", "h.json" }, "--history cannot be used with --batch: each batch line carries its own \"history\".")]
    [InlineData(new[] { "diary", "d.csv", "--combination-analgesic-threshold", "0" }, "--combination-analgesic-threshold must be 1 to 31 days per month, not 0.")]
    [InlineData(new[] { "eligibility", "d.csv", "--preventives-failed", "-2" }, "--preventives-failed must be zero or more, not -2.")]
    [InlineData(new[] { "eligibility", "d.csv", "--preventives-failed", "3", "--rules", "nice,who" }, "--rules 'who': use nice, us-label or both, comma-separated.")]
    [InlineData(new[] { "stopping", "d.csv", "--sessions", "2026-02-30" }, "--sessions: '2026-02-30' (date 1) is not a date; write calendar dates as yyyy-MM-dd, comma-separated.")]
    [InlineData(new[] { "map" }, "--output FILE.svg is required: the map is written to a file.")]
    [InlineData(new[] { "stopping", "d.csv" }, "'stopping' needs --sessions; run 'migraine-protocol stopping --help'.")]
    public void ChecksRunBeforeAnyFileIsRead(string[] args, string expected)
    {
        // None of the files exist: the parser's checks answer first.
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal($"error: {expected}\n", error);
    }

    [Theory]
    [InlineData("plan --format ", new[] { "csv", "json", "table" })]
    [InlineData("plan --vial ", new[] { "100", "200", "50" })]
    [InlineData("outcomes c.csv --ci ", new[] { "clopper-pearson", "wilson" })]
    [InlineData("map --view ", new[] { "all", "back", "front", "left", "right" })]
    [InlineData("validate s.json --cumulative-policy ", new[] { "cycle", "rolling" })]
    [InlineData("diary d.csv --periods ", new[] { "28-day", "calendar-month" })]
    [InlineData("fhir export s.json --bundle ", new[] { "collection", "transaction" })]
    [InlineData("eligibility d.csv --rules ", new[] { "nice", "nice,us-label", "us-label" })]
    public void CompletionsComeFromTheAllowedValues(string line, string[] expected)
    {
        var (code, output, error) = CliRunner.Run($"[suggest:{line.Length}]", line);
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void ACommandAndAnOptionNameComplete()
    {
        Assert.Contains("outcomes", CliRunner.Run("[suggest:3]", "out").Out.Split('\n'));
        Assert.Contains("--format", CliRunner.Run("[suggest:9]", "plan --fo").Out.Split('\n'));
    }

    [Fact]
    public void HelpShowsTheAllowedValuesAndTheDefault()
    {
        var (code, output, _) = CliRunner.Run("plan", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--format <csv|json|table>", output, StringComparison.Ordinal);
        Assert.Contains("[default: table]", output, StringComparison.Ordinal);
        Assert.Contains("--vial <100|200|50>", output, StringComparison.Ordinal);
        Assert.Contains("[default: 100]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultsNeedNoValueAndPassTheChecks()
    {
        Assert.Equal(0, CliRunner.Run("outcomes", Cohort).ExitCode);
        Assert.Equal(0, CliRunner.Run("validate", Session).ExitCode);
    }

    [Fact]
    public void AnOptionWithAnEmptyValueIsNotAStackTrace()
    {
        var (code, _, error) = CliRunner.Run("plan", "--format", string.Empty);
        Assert.Equal(2, code);
        Assert.Equal("error: --format '': use one of table, json, csv.\n", error);
        Assert.Equal(70, CliApp.Internal);
    }
}
