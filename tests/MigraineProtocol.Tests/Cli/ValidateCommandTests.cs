using System.Text.Json;
using MigraineProtocol.Tests.Architecture;

namespace MigraineProtocol.Tests.Cli;

/// <summary>The validate command gives the documented verdicts on the files of docs/examples.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("mp-validate-").FullName;

    private static string Example(string name) => Path.Combine(LayeringTests.RepositoryRoot(), "docs", "examples", name);

    private string Write(string name, string text)
    {
        var path = Path.Combine(temp, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Theory]
    [InlineData("session-valid.json", "preempt", 0)]
    [InlineData("session-valid.json", "us-label", 0)]
    [InlineData("session-ftp.json", "preempt", 0)]
    [InlineData("session-ftp.json", "us-label", 1)]
    [InlineData("session-invalid.json", "preempt", 1)]
    public void ExamplesGiveTheDocumentedVerdicts(string file, string protocol, int exit)
    {
        var (code, output, error) = CliRunner.Run("validate", Example(file), "--protocol", protocol, "--history", Example("history.json"));
        Assert.Equal(exit, code);
        Assert.Empty(error);
        Assert.Contains(exit == 0 ? "VALID" : "INVALID", output, StringComparison.Ordinal);
        Assert.Contains("a clinician decides", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheInvalidExampleListsEachRuleCodeAsJson()
    {
        var (code, output, _) = CliRunner.Run("validate", Example("session-invalid.json"), "--format", "json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal("preempt", root.GetProperty("protocol").GetString());
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().Select(d => (d.GetProperty("code").GetString(), d.GetProperty("site").GetString())).ToList();
        Assert.Equal(
            [("unknown-site", "nasalis-left-1"), ("missing-site", "occipitalis-right-3"), ("site-dose", "frontalis-left-1"), ("follow-the-pain-limit", "frontalis-left-ftp")],
            diagnostics);
        Assert.DoesNotContain("\\u0027", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheValidExampleReconcilesBillingAndGivesTheNextEligibleDate()
    {
        var (code, output, _) = CliRunner.Run("validate", Example("session-valid.json"), "--history", Example("history.json"), "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("2026-05-25", root.GetProperty("nextEligibleDate").GetString());
        Assert.Equal("2025-12-01", root.GetProperty("previousSessionDate").GetString());
        Assert.Equal(255m, root.GetProperty("cumulativeUnits").GetDecimal());
        var lines = root.GetProperty("reconciliation").GetProperty("lines").EnumerateArray().Select(l => $"{l.GetProperty("code").GetString()}-{l.GetProperty("modifier").GetString()} x {l.GetProperty("quantity").GetDecimal()}");
        Assert.Equal(["64615- x 1", "J0585- x 155", "J0585-JW x 45"], lines);
    }

    [Fact]
    public void AnotherToxinIsAProductErrorAndIsNotBilledAsJ0585()
    {
        var session = File.ReadAllText(Example("session-valid.json")).Replace("\"BOTOX\"", "\"Dysport\"", StringComparison.Ordinal);
        var (code, output, error) = CliRunner.Run("validate", Write("dysport.json", session));
        Assert.Equal(1, code);
        Assert.Empty(error);
        Assert.Contains("error     product", output, StringComparison.Ordinal);
        Assert.Contains("not interchangeable", output, StringComparison.Ordinal);
        Assert.DoesNotContain("HCPCS", output, StringComparison.Ordinal);
        Assert.DoesNotContain("J0585-", output, StringComparison.Ordinal);
        Assert.Contains("Billing reconciliation: none (the product 'Dysport' is not onabotulinumtoxinA", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCumulativePolicyAndTheToleranceAreOptions()
    {
        // 200 U for another indication 84 days before and the day before: 355 U in this cycle (valid), 555 U in the rolling 3 calendar months.
        var history = Write("h.json", """{"administrations": [{"date": "2025-12-08", "units": 200, "indication": "cervical-dystonia"}, {"date": "2026-03-01", "units": 200, "indication": "cervical-dystonia"}]}""");
        var (code, output, _) = CliRunner.Run("validate", Example("session-valid.json"), "--history", history);
        Assert.Equal(0, code);
        Assert.Contains("this treatment cycle (2025-12-09 to 2026-03-02: administrations fewer than 84 days before): 355 U of a maximum 400 U; headroom 45 U", output, StringComparison.Ordinal);
        Assert.Contains("the rolling 3 calendar months (2025-12-02 to 2026-03-02) hold 555 U", output, StringComparison.Ordinal);
        var (rolling, rollingOutput, _) = CliRunner.Run("validate", Example("session-valid.json"), "--history", history, "--cumulative-policy", "rolling");
        Assert.Equal(1, rolling);
        Assert.Contains("cumulative-dose-limit", rollingOutput, StringComparison.Ordinal);

        var early = Write("e.json", """{"administrations": [{"date": "2025-12-11", "units": 155, "indication": "chronic-migraine"}]}""");
        Assert.Contains("retreatment-interval", CliRunner.Run("validate", Example("session-valid.json"), "--history", early).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("retreatment-interval", CliRunner.Run("validate", Example("session-valid.json"), "--history", early, "--tolerance", "7").Out, StringComparison.Ordinal);

        var (bad, _, badError) = CliRunner.Run("validate", Example("session-valid.json"), "--cumulative-policy", "monthly");
        Assert.Equal(2, bad);
        Assert.Contains("--cumulative-policy 'monthly': use one of cycle, rolling.", badError, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("validate", Example("session-valid.json"), "--tolerance", "31").ExitCode);
    }

    [Fact]
    public void TheVerdictLineSaysWhenAnErrorRestsOnASecondarySource()
    {
        var (code, output, _) = CliRunner.Run("validate", Example("session-ftp.json"), "--protocol", "us-label");
        Assert.Equal(1, code);
        Assert.Contains("of the errors rest on a secondary or unverified source: re-check before acting)", output, StringComparison.Ordinal);
        Assert.Contains("S3, S1 [verified-2nd]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("S1 [verified]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEarlySessionIsAWarningAndStillValid()
    {
        var history = Write("h.json", """{"administrations": [{"date": "2026-01-05", "units": 155, "indication": "chronic-migraine"}]}""");
        var (code, output, _) = CliRunner.Run("validate", Example("session-valid.json"), "--history", history);
        Assert.Equal(0, code);
        Assert.Contains("warning   retreatment-interval", output, StringComparison.Ordinal);
        Assert.Contains("56 days since the last chronic-migraine session on 2026-01-05", output, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        foreach (var format in new[] { "table", "json" })
        {
            Assert.Equal(CliRunner.Run("validate", Example("session-invalid.json"), "-f", format).Out, CliRunner.Run("validate", Example("session-invalid.json"), "-f", format).Out);
        }
    }

    [Theory]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": -5}]}""", "s.json:1:69: $.injections[0].units: -5 is not a valid amount")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "dose": 1}""", "s.json:1:")]
    [InlineData("""{"date": "2026-03-02", "injections": [""", "s.json:1:")]
    public void UnreadableSessionsExitTwoNamingFileAndPath(string json, string expected)
    {
        var path = Write("s.json", json);
        var (code, output, error) = CliRunner.Run("validate", path);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(path.Replace("s.json", string.Empty, StringComparison.Ordinal) + expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFilesUnknownProtocolsAndBadHistoriesExitTwo()
    {
        Assert.Equal(2, CliRunner.Run("validate", "/nonexistent/s.json").ExitCode);
        Assert.Contains("/nonexistent/s.json: no such file; expected a session file.", CliRunner.Run("validate", "/nonexistent/s.json").Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("validate", Example("session-valid.json"), "--protocol", "nope").ExitCode);
        Assert.Equal(2, CliRunner.Run("validate").ExitCode);
        var history = Write("h.json", """{"administrations": [{"date": "2026-01-05", "units": 155}]}""");
        var (code, _, error) = CliRunner.Run("validate", Example("session-valid.json"), "--history", history);
        Assert.Equal(2, code);
        Assert.Contains("h.json", error, StringComparison.Ordinal);
        Assert.Contains("'indication'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateUsesProtocolsFromDefinitionFiles()
    {
        var defs = Write("defs.json", """
            {"protocols": [{"id": "clinic-forehead", "name": "Forehead only", "description": "d", "retreatmentIntervalDays": 84,
              "sources": [{"source": "clinic", "locator": "policy", "verification": "unverified"}],
              "sites": [{"site": "procerus", "units": 5}]}]}
            """);
        var session = Write("s.json", """{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}]}""");
        Assert.Equal(0, CliRunner.Run("validate", session, "--definitions", defs, "--protocol", "clinic-forehead").ExitCode);
        Assert.Equal(1, CliRunner.Run("validate", session).ExitCode);
    }

    [Fact]
    public void APriorDysphagiaIsAnErrorUntilTheSessionAcknowledgesIt()
    {
        var history = Example("history-adverse-events.json");
        var (code, output, error) = CliRunner.Run("validate", Example("session-valid.json"), "--history", history, "--format", "json");
        Assert.Equal(1, code);
        Assert.Empty(error);
        using (var doc = JsonDocument.Parse(output))
        {
            var d = doc.RootElement.GetProperty("diagnostics").EnumerateArray().Select(x => (x.GetProperty("code").GetString(), x.GetProperty("severity").GetString())).ToList();
            Assert.Contains(("prior-distant-spread", "error"), d);
            Assert.Contains(("prior-local-weakness", "warning"), d);
        }

        var session = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Example("session-valid.json")))!.AsObject();
        session["distantSpreadAcknowledged"] = true;
        var acknowledged = Write("acknowledged.json", session.ToJsonString());
        (code, output, error) = CliRunner.Run("validate", acknowledged, "--history", history);
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("prior-distant-spread", output, StringComparison.Ordinal);
        Assert.Contains("Acknowledged by the clinician", output, StringComparison.Ordinal);
        Assert.Contains("frontal region (frontalis, corrugator, procerus)", output, StringComparison.Ordinal);
    }
}
