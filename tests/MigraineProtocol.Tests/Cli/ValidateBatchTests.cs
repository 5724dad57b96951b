using System.Text.Json;
using MigraineProtocol.Tests.Architecture;

namespace MigraineProtocol.Tests.Cli;

/// <summary><c>validate --batch</c>: NDJSON in, one NDJSON result a line out, exit 0 all valid, 1 any invalid, 2 any bad line.</summary>
public sealed class ValidateBatchTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("mp-batch-").FullName;

    private static string Example(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "docs", "examples", name))).RootElement.GetRawText().Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);

    private static string Valid => $$"""{"patient": "p-1", "session": {{Example("session-valid.json")}}, "history": {{Example("history.json")}}}""";

    private static string Invalid => $$"""{"patient": "p-2", "session": {{Example("session-invalid.json")}}}""";

    private string Write(string name, string text)
    {
        var path = Path.Combine(temp, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static List<JsonElement> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    [Fact]
    public void AllValidExitsZeroWithOneResultALine()
    {
        var (code, output, error) = CliRunner.Run("validate", Write("a.ndjson", Valid + "\n" + Valid + "\n"), "--batch");
        Assert.Equal(0, code);
        Assert.Empty(error);
        var lines = Lines(output);
        Assert.Equal([1, 2], lines.Select(l => l.GetProperty("line").GetInt32()));
        Assert.All(lines, l => Assert.True(l.GetProperty("valid").GetBoolean()));
        Assert.Equal("2026-05-25", lines[0].GetProperty("report").GetProperty("nextEligibleDate").GetString());
    }

    [Fact]
    public void AnInvalidSessionExitsOne()
    {
        var (code, output, error) = CliRunner.Run("validate", Write("a.ndjson", Valid + "\n" + Invalid), "--batch", "--protocol", "preempt");
        Assert.Equal(1, code);
        Assert.Empty(error);
        var lines = Lines(output);
        Assert.Equal([true, false], lines.Select(l => l.GetProperty("valid").GetBoolean()));
        Assert.Equal("p-2", lines[1].GetProperty("patient").GetString());
    }

    [Fact]
    public void ABadLineExitsTwoNamesItsPlaceAndTheOthersAreStillReported()
    {
        var bad = """{"patient": "p-3", "session": {"date": "2026-03-02", "injections": [{"site": "procerus", "units": "5"}]}}""";
        var path = Write("a.ndjson", Valid + "\n" + bad + "\n" + Invalid + "\n");
        var (code, output, error) = CliRunner.Run("validate", path, "--batch");
        Assert.Equal(2, code);
        var lines = Lines(output);
        Assert.Equal(3, lines.Count);
        Assert.Equal("$.session.injections[0].units", lines[1].GetProperty("problems")[0].GetProperty("path").GetString());
        Assert.Contains($"a.ndjson:2:{bad.IndexOf("\"5\"", StringComparison.Ordinal) + 1}: $.session.injections[0].units: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderIsEveryNdjsonFileInNameOrder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp, "audit")).FullName;
        File.WriteAllText(Path.Combine(folder, "b.ndjson"), Invalid + "\n");
        File.WriteAllText(Path.Combine(folder, "a.ndjson"), Valid + "\n");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a batch");
        var (code, output, _) = CliRunner.Run("validate", folder, "--batch");
        Assert.Equal(1, code);
        var lines = Lines(output);
        Assert.Equal(["a.ndjson", "b.ndjson"], lines.Select(l => Path.GetFileName(l.GetProperty("source").GetString())));
    }

    [Theory]
    [InlineData("missing.ndjson", null, "missing.ndjson: no such file; expected a batch file.")]
    [InlineData("empty-folder", null, "holds no *.ndjson")]
    [InlineData("a.ndjson", "--history", "cannot be used with --batch")]
    public void BadUsageExitsTwoWithAMessage(string name, string? extra, string message)
    {
        if (name == "empty-folder")
        {
            Directory.CreateDirectory(Path.Combine(temp, name));
        }
        else if (name == "a.ndjson")
        {
            Write(name, Valid);
        }

        string[] args = extra is null
            ? ["validate", Path.Combine(temp, name), "--batch"]
            : ["validate", Path.Combine(temp, name), "--batch", extra, Path.Combine(temp, name)];
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABatchThatIsNotUtf8ExitsTwo()
    {
        var path = Path.Combine(temp, "latin1.ndjson");
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetBytes("{\"patient\": \"Jos"), 0xE9, .. System.Text.Encoding.UTF8.GetBytes("\"}\n")]);
        var (code, _, error) = CliRunner.Run("validate", path, "--batch");
        Assert.Equal(2, code);
        Assert.Contains("not UTF-8", error, StringComparison.Ordinal);
    }
}
