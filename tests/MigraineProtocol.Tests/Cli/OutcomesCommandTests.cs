using System.Text.Json;
using MigraineProtocol.Tests.Outcomes;

namespace MigraineProtocol.Tests.Cli;

public sealed class OutcomesCommandTests : IDisposable
{
    private static readonly string Cohort = ReferenceData.PathOf("outcomes-cohort.csv");
    private readonly string dir = Directory.CreateTempSubdirectory("outcomes-tests").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(dir, $"c{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void JsonFollowsTheContractAndMatchesR()
    {
        var (code, output, error) = CliRunner.Run("outcomes", Cohort, "--treatment", "onabotulinumtoxinA", "--control", "placebo", "--format", "json");
        Assert.Equal(0, code);
        Assert.Empty(error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(["threshold", "confidenceLevel", "arms", "comparison"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.5, root.GetProperty("threshold").GetDouble());
        Assert.Equal(0.95, root.GetProperty("confidenceLevel").GetDouble());
        var arms = root.GetProperty("arms").EnumerateArray().ToList();
        Assert.Equal(["onabotulinumtoxinA", "placebo"], arms.Select(a => a.GetProperty("arm").GetString()));
        var first = arms[0];
        Assert.Equal(["arm", "n", "responders", "responderRate", "responderRateCi", "meanChange", "meanChangeCi"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(30, first.GetProperty("n").GetInt32());
        Assert.Equal(18, first.GetProperty("responders").GetInt32());
        Assert.Equal("wilson", first.GetProperty("responderRateCi").GetProperty("method").GetString());
        Assert.Equal(0.423204m, first.GetProperty("responderRateCi").GetProperty("lower").GetDecimal()); // R: 0.42320360253322481
        Assert.Equal("t", first.GetProperty("meanChangeCi").GetProperty("method").GetString());
        Assert.Equal(-12.928541m, first.GetProperty("meanChangeCi").GetProperty("lower").GetDecimal()); // R: -12.928541401983852
        var c = root.GetProperty("comparison");
        Assert.Equal(["treatment", "control", "riskDifference", "riskDifferenceCi", "numberNeededToTreat", "numberNeededToTreatLabel", "numberNeededToTreatCi", "meanChangeDifference", "meanChangeDifferenceCi"], c.EnumerateObject().Select(p => p.Name));
        Assert.Equal("newcombe", c.GetProperty("riskDifferenceCi").GetProperty("method").GetString());
        Assert.Equal(0.152602m, c.GetProperty("riskDifferenceCi").GetProperty("lower").GetDecimal()); // R: 0.15260218474765144
        Assert.Equal(2.5m, c.GetProperty("numberNeededToTreat").GetDecimal());
        Assert.Equal("welch", c.GetProperty("meanChangeDifferenceCi").GetProperty("method").GetString());
        Assert.Equal(-0.032847m, c.GetProperty("meanChangeDifferenceCi").GetProperty("upper").GetDecimal()); // R: -0.03284719
    }

    [Fact]
    public void ClopperPearsonThresholdAndConfidenceAreApplied()
    {
        var (code, output, _) = CliRunner.Run("outcomes", Cohort, "--ci", "clopper-pearson", "--threshold", "30", "--confidence", "0.9", "-f", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(0.3, doc.RootElement.GetProperty("threshold").GetDouble());
        Assert.Equal(0.9, doc.RootElement.GetProperty("confidenceLevel").GetDouble());
        Assert.False(doc.RootElement.TryGetProperty("comparison", out _));
        var arm = doc.RootElement.GetProperty("arms")[0];
        Assert.Equal(24, arm.GetProperty("responders").GetInt32());
        Assert.Equal("clopper-pearson", arm.GetProperty("responderRateCi").GetProperty("method").GetString());
    }

    [Fact]
    public void EqualRatesGiveANullNumberNeededToTreatAndSinglePatientsNullIntervals()
    {
        var path = Write("patient_id,arm,baseline_headache_days,followup_headache_days\nA,t,20,5\nB,c,16,4\n");
        var (code, output, _) = CliRunner.Run("outcomes", path, "--treatment", "t", "--control", "c", "-f", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("comparison").GetProperty("numberNeededToTreat").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("comparison").GetProperty("meanChangeDifferenceCi").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("arms")[0].GetProperty("meanChangeCi").ValueKind);
        Assert.Equal(1, doc.RootElement.GetProperty("arms")[0].GetProperty("responderRateCi").GetProperty("upper").GetDouble());
    }

    [Fact]
    public void TableShowsArmsComparisonChartAndSources()
    {
        var (code, output, _) = CliRunner.Run("outcomes", Cohort, "--treatment", "onabotulinumtoxinA", "--control", "placebo");
        Assert.Equal(0, code);
        Assert.Contains("onabotulinumtoxinA        30          18  60.0%  42.3% to 75.4%", output, StringComparison.Ordinal);
        Assert.Contains("Risk difference (responder rate)  +40.0 pts", output, StringComparison.Ordinal);
        Assert.Contains("Number needed to treat             NNTB 2.5         NNTB 1.7 to 6.6  Altman (1 / Newcombe bounds)", output, StringComparison.Ordinal);
        Assert.Contains("Welch, df 55.3", output, StringComparison.Ordinal);
        Assert.Contains("onabotulinumtoxinA  ################|#######======|.........  60.0%", output, StringComparison.Ordinal);
        Assert.Contains("PREEMPT 2, week 24: headache days -9.0 vs -6.7 (placebo)  [S10b, verified]", output, StringComparison.Ordinal);
        Assert.Contains("COMPEL, week 108: headache days -10.7  [S12, verified]", output, StringComparison.Ordinal);
        Assert.Contains("a clinician decides", output, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        foreach (var format in new[] { "table", "json" })
        {
            Assert.Equal(CliRunner.Run("outcomes", Cohort, "-f", format).Out, CliRunner.Run("outcomes", Cohort, "-f", format).Out);
        }
    }

    [Theory]
    [InlineData("patient_id,arm,baseline_headache_days,followup_headache_days\nP1,a,0,3\n", ":2:6: baseline_headache_days: the baseline is 0 headache days, which has no percent reduction")]
    [InlineData("patient_id,arm,baseline_headache_days,followup_headache_days\nP1,a,20,3\nP2,a,18,x\n", ":3:9: followup_headache_days: 'x' is not a number")]
    [InlineData("patient_id,arm,baseline_headache_days,followup_headache_days\nP1,a,20,-3\n", ":2:9: followup_headache_days: '-3': headache days cannot be negative")]
    [InlineData("patient_id,arm,baseline_headache_days,followup_headache_days\nP1,a,20,3\nP1,b,18,4\n", ":3:1: patient_id: duplicate patient_id 'P1' (first on line 2)")]
    [InlineData("patient_id,arm,baseline_headache_days,followup_headache_days\nP1,a,20\n", ":2:1: expected 4 fields")]
    [InlineData("patient_id,arm,baseline_headache_days,followup_headache_days\nP1,,20,3\n", ":2:4: arm: the arm is empty")]
    [InlineData("patient_id,arm,baseline,followup\nP1,a,20,3\n", ":1:16: unknown column 'baseline'")]
    [InlineData("patient_id,arm,baseline_headache_days,followup_headache_days\n", ":2:1: the cohort has no patients")]
    [InlineData("patient_id,arm,baseline_headache_days,followup_headache_days\nP1,a,\"20,5\",3\n", ":2:6: baseline_headache_days: '20,5' is not a number")]
    [InlineData("patient_id,arm,baseline_headache_days,followup_headache_days\nP1,\"a,3\n", ":2:4: a quoted field is not closed")]
    public void BadCsvExitsTwoNamingLineAndColumn(string content, string expected)
    {
        var path = Write(content);
        var (code, output, error) = CliRunner.Run("outcomes", path, "-f", "json");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(Path.GetFileName(path) + expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedFieldsAndBlankLinesAreRead()
    {
        var path = Write("patient_id,arm,baseline_headache_days,followup_headache_days\r\n\"P,1\",\"arm \"\"x\"\"\",20.5,10\r\n\r\nP2,\"arm \"\"x\"\"\",16,8\r\n");
        var (code, output, _) = CliRunner.Run("outcomes", path, "-f", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("arm \"x\"", doc.RootElement.GetProperty("arms")[0].GetProperty("arm").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("arms")[0].GetProperty("responders").GetInt32());
    }

    [Theory]
    [InlineData("--threshold", "150", "--threshold 150")]
    [InlineData("--confidence", "1", "--confidence 1")]
    [InlineData("--ci", "wald", "--ci 'wald': use one of wilson, clopper-pearson.")]
    [InlineData("--treatment", "onabotulinumtoxinA", "--treatment and --control go together")]
    [InlineData("--format", "csv", "--format 'csv': use one of")]
    public void BadOptionsExitTwo(string option, string value, string expected)
    {
        var (code, output, error) = CliRunner.Run("outcomes", Cohort, option, value);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownArmsAndMissingFilesExitTwo()
    {
        var (code, _, error) = CliRunner.Run("outcomes", Cohort, "--treatment", "botox", "--control", "placebo");
        Assert.Equal(2, code);
        Assert.Contains("--treatment 'botox': outcomes-cohort.csv has no such arm. Arms: onabotulinumtoxinA, placebo.", error.Replace(Cohort, "outcomes-cohort.csv", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("outcomes", Path.Combine(dir, "missing.csv")).ExitCode);
        Assert.Equal(2, CliRunner.Run("outcomes", Cohort, "--treatment", "placebo", "--control", "placebo").ExitCode);
    }
}
