using System.Text.Json;

namespace MigraineProtocol.Tests.Cli;

public class PlanCommandTests
{
    [Fact]
    public void DefaultIsThePreemptTable()
    {
        var (code, output, error) = CliRunner.Run("plan");
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("PREEMPT paradigm (preempt)", output, StringComparison.Ordinal);
        Assert.Contains("Total, 31 sites", output, StringComparison.Ordinal);
        Assert.Contains("155 U  3.1 mL", output, StringComparison.Ordinal);
        Assert.Contains("Follow-the-pain allowance", output, StringComparison.Ordinal);
        Assert.Contains("a clinician decides", output, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonHasTheContractShape()
    {
        var (code, output, _) = CliRunner.Run("plan", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("preempt", root.GetProperty("protocol").GetString());
        Assert.Equal(155m, root.GetProperty("totalUnits").GetDecimal());
        var sites = root.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(31, sites.Count);
        Assert.Equal(155m, sites.Sum(s => s.GetProperty("units").GetDecimal()));
        var procerus = sites.Single(s => s.GetProperty("site").GetString() == "procerus");
        Assert.Equal("procerus", procerus.GetProperty("muscle").GetString());
        Assert.Equal("midline", procerus.GetProperty("side").GetString());
        Assert.Equal(0.1m, procerus.GetProperty("volumeMl").GetDecimal());
        Assert.Equal("forehead", procerus.GetProperty("layRegion").GetString());
        var ftp = root.GetProperty("followThePain").EnumerateArray().ToDictionary(f => f.GetProperty("muscle").GetString()!, f => (f.GetProperty("maxExtraUnits").GetDecimal(), f.GetProperty("maxExtraSites").GetInt32()));
        Assert.Equal(new Dictionary<string, (decimal, int)> { ["temporalis"] = (10m, 2), ["occipitalis"] = (10m, 2), ["trapezius"] = (20m, 4) }, ftp);
        Assert.Equal(195m, root.GetProperty("maximumUnits").GetDecimal());
    }

    [Fact]
    public void UsLabelJsonHasNoFollowThePain()
    {
        var (code, output, _) = CliRunner.Run("plan", "--protocol", "us-label", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(0, doc.RootElement.GetProperty("followThePain").GetArrayLength());
        Assert.Equal(155m, doc.RootElement.GetProperty("maximumUnits").GetDecimal());
    }

    [Fact]
    public void CsvHasAHeaderAndOneRowPerSite()
    {
        var (code, output, _) = CliRunner.Run("plan", "--format", "csv");
        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("site,muscle,side,units,volume_ml,lay_region", lines[0]);
        Assert.Equal(32, lines.Length);
        Assert.Contains("procerus,procerus,midline,5,0.1,forehead", lines);
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        foreach (var format in new[] { "table", "json", "csv" })
        {
            Assert.Equal(CliRunner.Run("plan", "-f", format).Out, CliRunner.Run("plan", "-f", format).Out);
        }
    }

    [Theory]
    [InlineData("--protocol", "nope", "--protocol 'nope': no such protocol")]
    [InlineData("--format", "xml", "--format 'xml': use one of")]
    [InlineData("--vial", "150", "--vial '150': use one of 50, 100, 200.")]
    [InlineData("--vial", "many", "many")]
    [InlineData("--bogus", "x", "--bogus")]
    public void BadUsageExitsTwoWithAMessage(string option, string value, string expected)
    {
        var (code, output, error) = CliRunner.Run("plan", option, value);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommandExitsTwo() => Assert.Equal(2, CliRunner.Run("frobnicate").ExitCode);
}

public class DefinitionsOptionTests
{
    [Fact]
    public void PlanReadsAProtocolFromADefinitionsFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mp-defs-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {"protocols": [{"id": "clinic-no-ftp", "name": "Clinic", "description": "d", "retreatmentIntervalDays": 84,
              "sources": [{"source": "clinic", "locator": "policy", "verification": "unverified"}],
              "sites": [{"site": "procerus", "units": 5}]}]}
            """);
        try
        {
            var (code, output, error) = CliRunner.Run("plan", "--definitions", path, "--protocol", "clinic-no-ftp", "--format", "csv");
            Assert.Equal(0, code);
            Assert.Empty(error);
            Assert.Equal(2, output.TrimEnd('\n').Split('\n').Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingOrInvalidDefinitionsExitTwoNamingTheFile()
    {
        var (code, output, error) = CliRunner.Run("plan", "--definitions", "/nonexistent/defs.json");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("/nonexistent/defs.json: no such file; expected a definition file.", error, StringComparison.Ordinal);
    }
}
