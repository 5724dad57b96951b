using System.Text.Json;

namespace MigraineProtocol.Tests.Cli;

public class EligibilityCommandTests
{
    private static readonly string Example = DiaryCommandTests.Example;

    [Fact]
    public void EligibleExitsZeroWithBothVerdicts()
    {
        var (code, output, error) = CliRunner.Run("eligibility", Example, "--preventives-failed", "3", "--overuse-managed", "true", "--adult", "true", "-f", "json");
        Assert.Equal(0, code);
        Assert.Empty(error);
        using var doc = JsonDocument.Parse(output);
        Assert.True(doc.RootElement.GetProperty("eligible").GetBoolean());
        Assert.Equal("calendar-month", doc.RootElement.GetProperty("periodKind").GetString());
        var verdicts = doc.RootElement.GetProperty("verdicts").EnumerateArray().ToList();
        Assert.Equal(["nice-ta260-start", "us-label-indication"], verdicts.Select(v => v.GetProperty("id").GetString()));
        Assert.All(verdicts, v => Assert.Equal("met", v.GetProperty("outcome").GetString()));
        Assert.Equal("verified-2nd", verdicts[1].GetProperty("criteria")[0].GetProperty("source").GetProperty("verification").GetString());
    }

    [Fact]
    public void TooFewPreventivesExitsOne()
    {
        var (code, output, _) = CliRunner.Run("eligibility", Example, "--preventives-failed", "2", "--overuse-managed", "true", "--adult", "true", "--rules", "nice");
        Assert.Equal(1, code);
        Assert.Contains("NICE TA260 1.1: start onabotulinumtoxinA: NOT-MET", output, StringComparison.Ordinal);
        Assert.Contains("[not-met] At least 3 preventive medicines", output, StringComparison.Ordinal);
        Assert.DoesNotContain("US label", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnstatedOveruseManagementIsNotAssessedAndExitsOne()
    {
        var (code, output, _) = CliRunner.Run("eligibility", Example, "--preventives-failed", "4", "--adult", "true", "--rules", "nice");
        Assert.Equal(1, code);
        Assert.Contains("INDETERMINATE", output, StringComparison.Ordinal);
        Assert.Contains("Not assessed: 'medication overuse managed' was not supplied.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UsLabelWithoutDurationsSaysTheFourHourCriterionWasNotAssessed()
    {
        var lines = File.ReadAllLines(Example).Select(l => string.Join(',', l.Split(',').Take(4)));
        var path = Path.Combine(Directory.CreateTempSubdirectory("elig").FullName, "d.csv");
        File.WriteAllLines(path, lines);
        var (code, output, _) = CliRunner.Run("eligibility", path, "--preventives-failed", "3", "--adult", "true", "--rules", "us-label");
        Assert.Equal(1, code);
        Assert.Contains("the 4-hour criterion cannot be checked", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "eligibility", "X" }, "--preventives-failed")]
    [InlineData(new[] { "--preventives-failed", "-1" }, "zero or more")]
    [InlineData(new[] { "--preventives-failed", "3", "--rules", "ema" }, "--rules 'ema': use nice, us-label or both, comma-separated.")]
    [InlineData(new[] { "--preventives-failed", "3", "--overuse-managed", "maybe" }, "maybe")]
    public void BadUsageExitsTwo(string[] args, string expected)
    {
        var full = args[0] == "eligibility" ? [.. args.Take(1), Example] : new[] { "eligibility", Example }.Concat(args).ToArray();
        var (code, output, error) = CliRunner.Run(full);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
