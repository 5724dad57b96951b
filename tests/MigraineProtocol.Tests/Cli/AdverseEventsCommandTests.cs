using System.Text.Json;
using MigraineProtocol.Tests.Outcomes;

namespace MigraineProtocol.Tests.Cli;

public sealed class AdverseEventsCommandTests : IDisposable
{
    private static readonly string Cohort = ReferenceData.PathOf("outcomes-cohort.csv");
    private static readonly string Events = ReferenceData.PathOf("adverse-events.csv");
    private readonly string dir = Directory.CreateTempSubdirectory("adverse-events-tests").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(dir, $"e{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void JsonMatchesRToSixDecimals()
    {
        var (code, output, error) = CliRunner.Run("adverse-events", Cohort, Events, "--format", "json");
        Assert.Equal(0, code);
        Assert.Empty(error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(["confidenceLevel", "rates", "published"], root.EnumerateObject().Select(p => p.Name));
        var rates = root.GetProperty("rates").EnumerateArray().ToList();
        var expected = ReferenceData.Read("adverse-event-rates.csv").Where(r => r.D("level") == 0.95).ToList();
        Assert.Equal(expected.Count, rates.Count);
        foreach (var (e, a) in expected.Zip(rates))
        {
            Assert.Equal((e["arm"], e["term"]), (a.GetProperty("arm").GetString(), a.GetProperty("term").GetString()));
            Assert.Equal(e.L("x"), a.GetProperty("patientsWithEvent").GetInt64());
            Assert.Equal(e.L("n"), a.GetProperty("n").GetInt64());
            Assert.Equal(Math.Round((decimal)e.D("wilson_lower"), 6, MidpointRounding.AwayFromZero), a.GetProperty("rateCi").GetProperty("lower").GetDecimal());
            Assert.Equal(Math.Round((decimal)e.D("wilson_upper"), 6, MidpointRounding.AwayFromZero), a.GetProperty("rateCi").GetProperty("upper").GetDecimal());
        }

        var published = root.GetProperty("published").EnumerateArray().ToList();
        Assert.Contains(published, p => p.GetProperty("id").GetString() == "preempt-pooled-neck-pain" && p.GetProperty("verification").GetString() == "verified-2nd" && p.GetProperty("placeboRate").GetDecimal() == 0.027m);
        Assert.Contains(published, p => p.GetProperty("id").GetString() == "compel-any-related" && p.GetProperty("treatmentRelated").GetBoolean() && p.GetProperty("source").GetString() == "S12");
    }

    [Fact]
    public void TheTableShowsRatesBesidePublishedFiguresWithSourcesAndSaysOtherPopulations()
    {
        var (code, output, error) = CliRunner.Run("adverse-events", Cohort, Events);
        Assert.Equal(0, code);
        Assert.Empty(error);
        var lines = output.Split('\n');
        var neck = Array.FindIndex(lines, l => l.StartsWith("Neck pain ", StringComparison.Ordinal));
        Assert.Matches(@"^Neck pain +onabotulinumtoxinA +30 +4 +13\.3% +5\.3% to 29\.7% +this cohort$", lines[neck]);
        Assert.Matches(@"^ +placebo +30 +1 +3\.3% +0\.6% to 16\.7% +this cohort$", lines[neck + 1]);
        Assert.Matches(@"^ +PREEMPT pooled \(24-week double-blind\): neck pain \(any\) +8\.7% +placebo 2\.7% +S5, verified-2nd$", lines[neck + 2]);
        Assert.Contains("other populations", output, StringComparison.Ordinal);
        Assert.Contains("S5, verified-2nd", output, StringComparison.Ordinal);
        Assert.Contains("S12, verified", output, StringComparison.Ordinal);
        Assert.Contains("a clinician decides", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("patient_id,term\nP001,inflammation\n", ":2:6: term: 'inflammation' is not an adverse-event term")]
    [InlineData("patient_id,term\nP999,neck-pain\n", ":2:1: patient_id: patient_id 'P999' is not in the cohort.")]
    [InlineData("patient,term\nP001,neck-pain\n", ":1:1: unknown column 'patient'; the header is 'patient_id,term'.")]
    [InlineData("patient_id,term\nP001,neck-pain,3\n", ":2:1: expected 2 fields as in the header, found 3.")]
    [InlineData("patient_id,term\nP001,\"neck-pain\n", ":2:6: a quoted field is not closed")]
    [InlineData("\uFEFFPATIENT_ID,Term\r\nP001,\"rash\"\r\n", ":2:6: term: 'rash' is not an adverse-event term")]
    [InlineData("", ":1:1: the adverse-event file is empty")]
    public void BadEventFilesNameTheLineAndColumnAndExitTwo(string content, string expected)
    {
        var path = Write(content);
        var (code, output, error) = CliRunner.Run("adverse-events", Cohort, path);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(path + expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OneBadRowIsOneLineOnStandardErrorWithThePlace()
    {
        var path = Write("patient_id,term\nP001,neck-pain\nP001,inflammation\n");
        var (code, _, error) = CliRunner.Run("adverse-events", Cohort, path);
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(path + ":3:6: term: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileOrABadLevelIsBadInput()
    {
        Assert.Equal(2, CliRunner.Run("adverse-events", Cohort, Path.Combine(dir, "none.csv")).ExitCode);
        Assert.Equal(2, CliRunner.Run("adverse-events", Cohort, Events, "--confidence", "1.5").ExitCode);
    }
}
