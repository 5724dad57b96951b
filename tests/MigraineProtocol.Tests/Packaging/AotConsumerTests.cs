using System.Diagnostics;
using System.Text.Json;
using MigraineProtocol.Tests.Architecture;

namespace MigraineProtocol.Tests.Packaging;

/// <summary>
/// A consumer app of the core package (tests/MigraineProtocol.AotConsumer: JSON reading, a definition
/// file loaded over the built-ins, validation, report JSON) publishes with Native AOT and gets 0 trim or
/// AOT warnings, and its native binary gives the same answer as the library. Opt-in, because a native
/// publish takes minutes on the 2-core CI machine: <c>MIGRAINE_AOT_TEST=1 dotnet test --project
/// tests/MigraineProtocol.Tests -- --filter-class '*AotConsumerTests'</c> (docs/benchmarks.md).
/// </summary>
[Collection(NativeToolTests.NativeCompilation)]
public class AotConsumerTests
{
    [Fact]
    public void ACoreConsumerPublishesNativelyWithNoTrimOrAotWarnings()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("MIGRAINE_AOT_TEST") == "1", "Opt-in (minutes of native compilation): set MIGRAINE_AOT_TEST=1.");
        var root = LayeringTests.RepositoryRoot();
        var output = Directory.CreateTempSubdirectory("mp-aot-").FullName;
        try
        {
            var (code, log) = Run("dotnet", root, "publish", Path.Combine(root, "tests", "MigraineProtocol.AotConsumer"), "-c", "Release", "-r", "linux-x64", "-o", output, "-p:TreatWarningsAsErrors=false");
            Assert.True(code == 0, log);
            var warnings = log.Split('\n').Where(l => l.Contains("warning IL", StringComparison.Ordinal)).Distinct().ToList();
            Assert.True(warnings.Count == 0, string.Join('\n', warnings));

            var session = Path.Combine(root, "docs", "examples", "session-valid.json");
            var definitions = Path.Combine(root, "docs", "examples", "clinic-definitions.json");
            var (exit, json) = Run(Path.Combine(output, "MigraineProtocol.AotConsumer"), root, session, definitions);
            Assert.Equal(0, exit);
            using var doc = JsonDocument.Parse(json);
            Assert.True(doc.RootElement.GetProperty("valid").GetBoolean());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static (int Code, string Output) Run(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
