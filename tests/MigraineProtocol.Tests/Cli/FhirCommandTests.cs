using System.Text.Json;
using MigraineProtocol.Fhir.Mapping;

namespace MigraineProtocol.Tests.Cli;

public sealed class FhirCommandTests : IDisposable
{
    private const string Session = """
        {
          "date": "2026-03-02",
          "injections": [
            {"site": "procerus", "units": 5},
            {"site": "temporalis-left-1", "units": 5},
            {"site": "temporalis-left-ftp", "units": 2.5}
          ],
          "product": "BOTOX",
          "lot": "C1234",
          "expiry": "2027-01-31",
          "reconstitution": {"vialUnits": 100, "diluentMl": 2}
        }
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("mp-fhir-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ExportWritesABundleAndImportGivesTheSessionBack()
    {
        var session = Write("session.json", Session);
        var (code, bundle, error) = CliRunner.Run("fhir", "export", session, "--patient", "Patient/123", "--performer", "Practitioner/7");
        Assert.Equal((0, ""), (code, error));
        using (var doc = JsonDocument.Parse(bundle))
        {
            Assert.Equal("Bundle", doc.RootElement.GetProperty("resourceType").GetString());
            Assert.Equal("transaction", doc.RootElement.GetProperty("type").GetString());
        }

        var record = SessionFhirMapper.FromBundle(FhirJson.Parse(bundle));
        Assert.Equal("Patient/123", record.Patient.Reference);
        Assert.Equal("Practitioner/7", record.Performer!.Reference);

        var (code2, sessionJson, error2) = CliRunner.Run("fhir", "import", Write("bundle.json", bundle));
        Assert.Equal((0, ""), (code2, error2));
        var again = CliRunner.Run("fhir", "export", Write("again.json", sessionJson), "--patient", "Patient/123", "--performer", "Practitioner/7");
        Assert.Equal(bundle, again.Out);
        Assert.Contains("\"site\": \"temporalis-left-ftp\"", sessionJson, StringComparison.Ordinal);
        Assert.Contains("\"units\": 2.5", sessionJson, StringComparison.Ordinal);
        Assert.Contains("\"diluentMl\": 2", sessionJson, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportWithoutPatientUsesADisplayOnlySubjectAndCollectionIsAnOption()
    {
        var (code, bundle, _) = CliRunner.Run("fhir", "export", Write("s.json", Session), "--bundle", "collection");
        Assert.Equal(0, code);
        var record = SessionFhirMapper.FromBundle(FhirJson.Parse(bundle));
        Assert.Equal((null, "patient not identified", FhirBundleKind.Collection), (record.Patient.Reference, record.Patient.Display, record.Kind));
    }

    [Theory]
    [InlineData("""{"date": "2026-13-01", "injections": []}""", "$.date: '2026-13-01' is not a date")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "Procerus", "units": 5}]}""", "$.injections[0].site: 'Procerus' is not a site id")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": -1}]}""", "$.injections[0].units: -1 is not a valid amount of toxin units")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "colour": "red"}""", "1:51: $.colour: unknown property 'colour'")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "expiry": "31/01/2027"}""", "$.expiry: '31/01/2027' is not a date")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "reconstitution": {"vialUnits": 0, "diluentMl": 2}}""", "$.reconstitution.vialUnits: a vial must hold more than 0 U")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "reconstitution": {"vialUnits": 100, "diluentMl": 0.0005}}""", "$.reconstitution.diluentMl: 0.0005 is not a valid diluent volume")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "reconstitution": {"vialUnits": 100}}""", "1:78: $.reconstitution: missing required property 'diluentMl'")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "reconstitution": {"vialUnits": 100, "diluentMl": 2, "x": 1}}""", "1:99: $.reconstitution.x: unknown property 'x'")]
    public void BadSessionFileNamesFileAndPathOnStderrWithExitCode2(string json, string expected)
    {
        var path = Write("bad.json", json);
        var (code, output, error) = CliRunner.Run("fhir", "export", path);
        Assert.Equal((2, ""), (code, output));
        Assert.StartsWith($"error: {path}", error, StringComparison.Ordinal); // file, then line:column where the JSON reader knows it, then the JSON path
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedJsonNamesLineAndColumn()
    {
        var path = Write("broken.json", "{\n  \"date\": \"2026-03-02\",\n  \"injections\": [,]\n}");
        var (code, _, error) = CliRunner.Run("fhir", "export", path);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {path}:3:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadReferenceAndMissingFilesAreUsageErrors()
    {
        Assert.Equal(2, CliRunner.Run("fhir", "export", Write("s.json", Session), "--patient", "Patient 1").ExitCode);
        Assert.Contains("is not a FHIR reference for --patient", CliRunner.Run("fhir", "export", Write("s2.json", Session), "--patient", "Patient 1").Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", CliRunner.Run("fhir", "import", Path.Combine(dir, "nope.json")).Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("fhir", "export", Write("s3.json", Session), "--bundle", "batch").ExitCode);
    }

    [Fact]
    public void ImportOfABadBundleListsEveryProblemWithItsPath()
    {
        var (_, bundle, _) = CliRunner.Run("fhir", "export", Write("s.json", Session), "--patient", "Patient/1");
        var broken = bundle.Replace("\"code\": \"onabotulinumtoxina-unit\"", "\"code\": \"U\"", StringComparison.Ordinal)
            .Replace("\"system\": \"https://migraineprotocol.org/fhir/CodeSystem/toxin-unit\"", "\"system\": \"http://unitsofmeasure.org\"", StringComparison.Ordinal);
        var path = Write("broken-bundle.json", broken);
        var (code, output, error) = CliRunner.Run("fhir", "import", path);
        Assert.Equal((2, ""), (code, output));
        Assert.Contains($"{path}: Bundle.entry[", error, StringComparison.Ordinal);
        Assert.Contains(".dosage.dose: expected onabotulinumtoxinA units", error, StringComparison.Ordinal);
        Assert.Contains("problems:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportOfSomethingElseThanABundleIsAnError()
    {
        var (code, _, error) = CliRunner.Run("fhir", "import", Write("p.json", """{"resourceType": "Patient", "id": "p"}"""));
        Assert.Equal(2, code);
        Assert.Contains("expected a Bundle, found a Patient", error, StringComparison.Ordinal);
    }
}
