using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using MigraineProtocol.Serialization;
using MigraineProtocol.Tests.Architecture;

namespace MigraineProtocol.Tests.Packaging;

/// <summary>
/// The tool as a platform-specific Native AOT package (ADR 0180). Packs <c>-p:NativeTool=true</c> the way the
/// README says (the linux-x64 native package with warnings as errors, the framework-dependent <c>any</c> fallback
/// and the pointer package) into a temporary feed, installs it with <c>dotnet tool install</c>, checks that the
/// native package was chosen, then runs every command's example on the native binary and on the framework-dependent
/// (JIT) build: same exit code, same standard output and error, same files written. <c>fhir export</c> then
/// <c>fhir import</c> must give the session back. Opt-in, because the native compilation takes minutes on the
/// 2-core CI machine: <c>MIGRAINE_AOT_TEST=1 dotnet test --project tests/MigraineProtocol.Tests -- --filter-class
/// '*NativeToolTests'</c> (docs/benchmarks.md).
/// </summary>
[Collection(NativeCompilation)]
public class NativeToolTests
{
    /// <summary>The native publishes run one at a time: each takes both cores for minutes.</summary>
    internal const string NativeCompilation = "native compilation";

    [Fact]
    public void TheNativeToolInstallsAndEveryCommandAgreesWithTheJitBuild()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("MIGRAINE_AOT_TEST") == "1", "Opt-in (minutes of native compilation): set MIGRAINE_AOT_TEST=1.");
        Assert.SkipUnless(RuntimeInformation.RuntimeIdentifier == "linux-x64", "The native package is built for linux-x64 (NativeToolRuntimeIdentifiers).");
        var root = LayeringTests.RepositoryRoot();
        var examples = Path.Combine(root, "docs", "examples");
        var temp = Directory.CreateTempSubdirectory("mp-native-tool-").FullName;
        try
        {
            // MIGRAINE_NATIVE_FEED=DIR keeps the packages there (to install and time them, docs/benchmarks.md).
            var feed = Environment.GetEnvironmentVariable("MIGRAINE_NATIVE_FEED") is { Length: > 0 } keep ? Path.GetFullPath(keep) : Path.Combine(temp, "feed");
            var cli = Path.Combine(root, "src", "MigraineProtocol.Cli");
            foreach (var rid in new[] { "linux-x64", "any", null })
            {
                // Its own artifacts folder: a clean build, and nothing shared with the working tree's bin and obj.
                string[] pack = ["pack", cli, "-c", "Release", "-p:NativeTool=true", "-o", feed, "--artifacts-path", Path.Combine(temp, "artifacts"), .. rid is null ? Array.Empty<string>() : ["-r", rid]];
                var (code, log) = Run("dotnet", root, pack);
                Assert.True(code == 0, log);
                var warnings = log.Split('\n').Where(l => l.Contains("warning IL", StringComparison.Ordinal)).Distinct().ToList();
                Assert.True(warnings.Count == 0, string.Join('\n', warnings));
            }

            var tools = Path.Combine(temp, "tools");
            var (installed, installLog) = Run("dotnet", temp, "tool", "install", "MigraineProtocol.Cli", "--tool-path", tools, "--add-source", feed);
            Assert.True(installed == 0, installLog);
            var native = Path.Combine(tools, "migraine-protocol");
            var binary = new FileInfo(native).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? native;
            Assert.Contains("migraineprotocol.cli.linux-x64", binary, StringComparison.Ordinal);
            Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(binary)[..4]);
            Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(binary)!, "migraine-protocol.dll")), "the native package carries managed code");
            var jit = Path.Combine(AppContext.BaseDirectory, "migraine-protocol");

            var bundle = Path.Combine(temp, "bundle.json");
            var (exported, bundleJson) = RunOut(native, temp, "fhir", "export", Path.Combine(examples, "session-valid.json"), "--patient", "Patient/123", "--diary", Path.Combine(examples, "diary.csv"));
            Assert.Equal(0, exported);
            File.WriteAllText(bundle, bundleJson);
            var (imported, sessionJson) = RunOut(native, temp, "fhir", "import", bundle);
            Assert.Equal(0, imported);
            var original = SessionJson.Read(File.ReadAllText(Path.Combine(examples, "session-valid.json")), "original");
            Assert.Equal(SessionJson.Write(original), SessionJson.Write(SessionJson.Read(sessionJson, "imported")));

            var batch = Path.Combine(temp, "audit.ndjson");
            File.WriteAllLines(batch, [BatchLine("p-1", "session-valid.json", "history.json", examples), BatchLine("p-2", "session-invalid.json", null, examples), "{\"patient\": \"p-3\"}"]);
            string E(string file) => Path.Combine(examples, file);
            string[][] cases =
            [
                ["--help"], ["fhir", "--help"],
                ["plan"], ["plan", "--format", "json"], ["plan", "--protocol", "us-label", "--vial", "200", "--format", "csv"],
                ["plan", "--definitions", E("clinic-definitions.json"), "--protocol", "example-clinic-variant"],
                ["validate", E("session-valid.json")], ["validate", E("session-invalid.json"), "--format", "json"],
                ["validate", E("session-valid.json"), "--history", E("history.json")],
                ["validate", E("session-valid.json"), "--history", E("history-adverse-events.json"), "--format", "json"],
                ["validate", batch, "--batch"], ["validate", E("no-such-session.json")],
                ["map", "--output", "map.svg"], ["map", "--session", E("session-2026-03-02.json"), "--view", "front", "--output", "session.svg"],
                ["diary", E("diary.csv")], ["diary", E("diary.csv"), "--format", "json", "--chart", "diary.svg"],
                ["eligibility", E("diary.csv"), "--preventives-failed", "3"],
                ["stopping", E("diary.csv"), "--sessions", "2026-02-02,2026-04-27", "--chart", "course.svg"],
                ["outcomes", E("outcomes-cohort.csv"), "--treatment", "onabotulinumtoxinA", "--control", "placebo", "--chart", "outcomes.svg"],
                ["outcomes", E("outcomes-cohort.csv"), "--format", "json"],
                ["adverse-events", E("outcomes-cohort.csv"), E("adverse-events.csv")],
                ["report", "--diary", E("diary.csv"), "--history", E("history.json"), "--session", E("session-valid.json"), "--preventives-failed", "3", "--patient", "PT-0042", "--output", "report.html"],
                ["report", "--diary", E("diary.csv"), "--history", E("history-with-events.json"), "--preventives-failed", "3", "--language", "de", "--output", "bericht.html"],
                ["fhir", "export", E("session-valid.json"), "--patient", "Patient/123", "--diary", E("diary.csv")],
                ["fhir", "export", E("session-ftp.json"), "--bundle", "collection"],
                ["fhir", "import", bundle], ["fhir", "import", E("session-valid.json")],
            ];
            for (var i = 0; i < cases.Length; i++)
            {
                var args = cases[i];
                var (nativeDir, jitDir) = (Path.Combine(temp, "native", $"{i}"), Path.Combine(temp, "jit", $"{i}"));
                Directory.CreateDirectory(nativeDir);
                Directory.CreateDirectory(jitDir);
                var a = RunSplit(native, nativeDir, args);
                var b = RunSplit(jit, jitDir, args);
                var what = string.Join(' ', args);
                Assert.True(b == a, $"migraine-protocol {what}: native {a.Code} / JIT {b.Code}\n--- native stdout\n{a.Out}\n--- native stderr\n{a.Error}\n--- JIT stderr\n{b.Error}");
                Assert.True(a.Code is 0 or 1 or 2, $"migraine-protocol {what}: exit {a.Code}\n{a.Error}");
                Assert.Equal(Files(jitDir), Files(nativeDir));
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static string BatchLine(string patient, string session, string? history, string examples)
    {
        static string Compact(string path) => JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(path)).RootElement);
        return $"{{\"patient\": \"{patient}\", \"session\": {Compact(Path.Combine(examples, session))}" + (history is null ? "}" : $", \"history\": {Compact(Path.Combine(examples, history))}}}");
    }

    private static List<(string Name, string Hash)> Files(string directory) =>
        [.. Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))))];

    private static (int Code, string Output) Run(string file, string directory, params string[] args)
    {
        var (code, stdout, stderr) = RunSplit(file, directory, args);
        return (code, stdout + stderr);
    }

    private static (int Code, string Out) RunOut(string file, string directory, params string[] args)
    {
        var (code, stdout, stderr) = RunSplit(file, directory, args);
        Assert.True(string.IsNullOrEmpty(stderr) || code != 0, stderr);
        return (code, stdout);
    }

    private static (int Code, string Out, string Error) RunSplit(string file, string directory, params string[] args)
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
        return (process.ExitCode, stdout, stderr.Result);
    }
}
