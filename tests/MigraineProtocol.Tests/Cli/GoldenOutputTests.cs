using System.Text;

namespace MigraineProtocol.Tests.Cli;

/// <summary>
/// The bytes every command writes, pinned: each case runs the command line in-process on the shipped
/// examples and compares exit code, standard output and standard error with a file under Cli/Golden.
/// Moving a wire format or a decision from the CLI into the library must not change a byte of stdout.
/// Set MP_UPDATE_GOLDEN=1 to rewrite the files after a deliberate change (and review the diff).
/// </summary>
public sealed class GoldenOutputTests : IDisposable
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "TestData", "examples");
    private readonly string dir = Directory.CreateTempSubdirectory("golden-tests").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    public static TheoryData<string, string[]> Cases => new()
    {
        { "plan-table", ["plan"] },
        { "plan-json", ["plan", "--format", "json"] },
        { "plan-csv", ["plan", "--format", "csv"] },
        { "plan-json-vial50", ["plan", "--format", "json", "--vial", "50"] },
        { "plan-table-vial200", ["plan", "--vial", "200"] },
        { "plan-json-us-label-vial200", ["plan", "--protocol", "us-label", "--format", "json", "--vial", "200"] },
        { "plan-table-us-label", ["plan", "--protocol", "us-label"] },
        { "plan-json-clinic", ["plan", "--protocol", "example-clinic-variant", "--definitions", "@clinic-definitions.json", "--format", "json"] },
        { "validate-table-valid", ["validate", "@session-valid.json"] },
        { "validate-json-valid", ["validate", "@session-valid.json", "--format", "json"] },
        { "validate-table-invalid", ["validate", "@session-invalid.json"] },
        { "validate-table-history", ["validate", "@session-2026-03-02.json", "--history", "@history.json"] },
        { "validate-json-history-rolling", ["validate", "@session-2026-03-02.json", "--history", "@history.json", "--cumulative-policy", "rolling", "--tolerance", "7", "--format", "json"] },
        { "validate-table-ftp-us-label", ["validate", "@session-ftp.json", "--protocol", "us-label"] },
        { "map-session", ["map", "--session", "@session-invalid.json", "--view", "front", "--output", "#map.svg"] },
        { "map-all", ["map", "--output", "#map.svg"] },
        { "diary-table", ["diary", "@diary.csv"] },
        { "diary-json", ["diary", "@diary.csv", "--format", "json"] },
        { "diary-json-calendar", ["diary", "@diary.csv", "--format", "json", "--periods", "calendar-month", "--combination-analgesic-threshold", "8"] },
        { "eligibility-table", ["eligibility", "@diary.csv", "--preventives-failed", "3", "--adult", "true"] },
        { "eligibility-json", ["eligibility", "@diary.csv", "--preventives-failed", "3", "--overuse-managed", "true", "--adult", "true", "--format", "json"] },
        { "eligibility-json-nice", ["eligibility", "@diary.csv", "--preventives-failed", "2", "--rules", "nice", "--format", "json"] },
        { "stopping-table", ["stopping", "@diary.csv", "--sessions", "2026-02-02,2026-04-27"] },
        { "stopping-json", ["stopping", "@diary.csv", "--sessions", "2026-02-02,2026-04-27", "--format", "json", "--periods", "28-day"] },
        { "outcomes-table", ["outcomes", "@outcomes-cohort.csv"] },
        { "outcomes-json", ["outcomes", "@outcomes-cohort.csv", "--format", "json"] },
        { "outcomes-table-compare", ["outcomes", "@outcomes-cohort.csv", "--treatment", "onabotulinumtoxinA", "--control", "placebo"] },
        { "outcomes-json-compare", ["outcomes", "@outcomes-cohort.csv", "--treatment", "onabotulinumtoxinA", "--control", "placebo", "--format", "json"] },
        { "outcomes-json-cp-30-99", ["outcomes", "@outcomes-cohort.csv", "--treatment", "placebo", "--control", "onabotulinumtoxinA", "--ci", "clopper-pearson", "--threshold", "30", "--confidence", "0.99", "--format", "json"] },
        { "outcomes-table-cp-30", ["outcomes", "@outcomes-cohort.csv", "--treatment", "placebo", "--control", "onabotulinumtoxinA", "--ci", "clopper-pearson", "--threshold", "30"] },
        { "adverse-events-table", ["adverse-events", "@outcomes-cohort.csv", "@adverse-events.csv"] },
        { "adverse-events-json", ["adverse-events", "@outcomes-cohort.csv", "@adverse-events.csv", "--format", "json", "--confidence", "0.9"] },
        { "fhir-export", ["fhir", "export", "@session-2026-03-02.json", "--patient", "Patient/123", "--diary", "@diary.csv"] },
        { "fhir-export-collection", ["fhir", "export", "@session-valid.json", "--bundle", "collection"] },
        { "error-format", ["plan", "--format", "xml"] },
        { "error-vial", ["plan", "--vial", "75"] },
        { "error-ci", ["outcomes", "@outcomes-cohort.csv", "--ci", "exact"] },
        { "error-view", ["map", "--view", "top", "--output", "#map.svg"] },
        { "error-periods", ["diary", "@diary.csv", "--periods", "weekly"] },
        { "error-rules", ["eligibility", "@diary.csv", "--preventives-failed", "3", "--rules", "nice,who"] },
        { "error-policy", ["validate", "@session-valid.json", "--cumulative-policy", "yearly"] },
        { "error-bundle", ["fhir", "export", "@session-valid.json", "--bundle", "batch"] },
        { "error-tolerance", ["validate", "@session-valid.json", "--tolerance", "31"] },
        { "error-threshold", ["outcomes", "@outcomes-cohort.csv", "--threshold", "150"] },
        { "error-confidence", ["outcomes", "@outcomes-cohort.csv", "--confidence", "1"] },
        { "error-missing-file", ["diary", "#missing.csv"] },
        { "error-directory", ["validate", "#"] },
        { "error-unknown-option", ["plan", "--fromat", "json"] },
        { "error-sessions-date", ["stopping", "@diary.csv", "--sessions", "2026-02-02,2026-13-01"] },
        { "error-language", ["report", "--diary", "@diary.csv", "--history", "@history.json", "--preventives-failed", "3", "--language", "fr", "--output", "#r.html"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OutputIsUnchanged(string name, string[] args)
    {
        var resolved = args.Select(a => a.StartsWith('@') ? Path.Combine(Examples, a[1..]) : a.StartsWith('#') ? Path.Combine(dir, a[1..]) : a).ToArray();
        var (code, output, error) = CliRunner.Run(resolved);
        var actual = new StringBuilder()
            .Append("exit: ").Append(code).Append('\n')
            .Append("--- stdout\n").Append(output)
            .Append("--- stderr\n").Append(error)
            .ToString()
            .Replace(dir + Path.DirectorySeparatorChar, "<tmp>/", StringComparison.Ordinal)
            .Replace(dir, "<tmp>", StringComparison.Ordinal)
            .Replace(Examples + Path.DirectorySeparatorChar, "<examples>/", StringComparison.Ordinal);
        var path = Path.Combine(GoldenFolder(), name + ".txt");
        if (Environment.GetEnvironmentVariable("MP_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"no golden file {path}; run with MP_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path, Encoding.UTF8), actual);
    }

    /// <summary>The standard output pinned for a case, for the library tests that write the same format.</summary>
    internal static string Stdout(string name)
    {
        var text = File.ReadAllText(Path.Combine(GoldenFolder(), name + ".txt"), Encoding.UTF8);
        var start = text.IndexOf("--- stdout\n", StringComparison.Ordinal) + "--- stdout\n".Length;
        return text[start..text.IndexOf("--- stderr\n", StringComparison.Ordinal)];
    }

    /// <summary>The folder of the golden files in the source tree (found from the repository root, not the compiler's file
    /// path, which a CI build maps to <c>/_/</c>).</summary>
    private static string GoldenFolder() => Path.Combine(Architecture.LayeringTests.RepositoryRoot(), "tests", "MigraineProtocol.Tests", "Cli", "Golden");
}
