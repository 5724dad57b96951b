using System.Text.Json;
using System.Xml.Linq;
using MigraineProtocol.Tests.Definitions;

namespace MigraineProtocol.Tests.Cli;

/// <summary>
/// A protocol loaded from a definition file flows through every feature with no engine change: plan,
/// validate (with reconciliation), map and FHIR export all accept it through <c>--definitions</c>.
/// </summary>
public sealed class LoadedDefinitionsFlowTests : IDisposable
{
    private const string Variant = "example-clinic-variant";
    private readonly string dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"mp-flow-{Guid.NewGuid():N}")).FullName;
    private readonly string definitions = TestData.Path("examples", "clinic-definitions.json");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Session(bool withMasseter)
    {
        var plan = JsonDocument.Parse(CliRunner.Run("plan", "--definitions", definitions, "--protocol", Variant, "--format", "json").Out);
        var injections = plan.RootElement.GetProperty("sites").EnumerateArray()
            .Select(s => s.GetProperty("site").GetString()!)
            .Where(s => withMasseter || !s.StartsWith("masseter", StringComparison.Ordinal))
            .Select(s => $$"""{"site": "{{s}}", "units": 5}""");
        var path = Path.Combine(dir, $"session-{withMasseter}.json");
        File.WriteAllText(path, $$"""{"date": "2026-03-02", "reconstitution": {"vialUnits": 100, "diluentMl": 2}, "vials": 2, "injections": [{{string.Join(", ", injections)}}]}""");
        return path;
    }

    [Fact]
    public void PlanShowsTheLoadedProtocol()
    {
        var (code, output, error) = CliRunner.Run("plan", "--definitions", definitions, "--protocol", Variant, "--format", "json");
        Assert.Equal((0, string.Empty), (code, error));
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(165m, doc.RootElement.GetProperty("totalUnits").GetDecimal());
        Assert.Contains(doc.RootElement.GetProperty("sites").EnumerateArray(), s => s.GetProperty("layRegion").GetString() == "jaw");
    }

    [Fact]
    public void ValidateAcceptsACompleteSessionAndReconcilesIt()
    {
        var (code, output, error) = CliRunner.Run("validate", Session(withMasseter: true), "--definitions", definitions, "--protocol", Variant, "--format", "json");
        Assert.Equal((0, string.Empty), (code, error));
        using var doc = JsonDocument.Parse(output);
        Assert.True(doc.RootElement.GetProperty("valid").GetBoolean());
        var reconciliation = doc.RootElement.GetProperty("reconciliation");
        Assert.Equal(165m, reconciliation.GetProperty("unitsAdministered").GetDecimal());
        Assert.Equal(35m, reconciliation.GetProperty("unitsDiscarded").GetDecimal());
    }

    [Fact]
    public void ValidateFindsTheMissingContributedSites()
    {
        var (code, output, _) = CliRunner.Run("validate", Session(withMasseter: false), "--definitions", definitions, "--protocol", Variant, "--format", "json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        var missing = doc.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("code").GetString() == "missing-site").Select(d => d.GetProperty("site").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["masseter-left-1", "masseter-right-1"], missing);
    }

    [Fact]
    public void MapDrawsTheContributedSites()
    {
        var svg = Path.Combine(dir, "variant.svg");
        var (code, _, error) = CliRunner.Run("map", "--definitions", definitions, "--protocol", Variant, "--session", Session(withMasseter: true), "--output", svg);
        Assert.Equal((0, string.Empty), (code, error));
        var sites = XDocument.Load(svg).Descendants().Select(e => e.Attribute("data-site")?.Value).Where(v => v is not null).ToHashSet();
        Assert.Contains("masseter-left-1", sites);
        Assert.Contains("masseter-right-1", sites);
    }

    [Fact]
    public void FhirExportCarriesTheContributedSites()
    {
        var (code, output, error) = CliRunner.Run("fhir", "export", Session(withMasseter: true), "--definitions", definitions);
        Assert.Equal((0, string.Empty), (code, error));
        Assert.Contains("masseter-left-1", output, StringComparison.Ordinal);
    }
}
