using System.Text.Json;
using MigraineProtocol.Diaries;
using MigraineProtocol.Fhir.Diaries;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Serialization;

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
          "reconstitution": {"vialUnits": 100, "diluentMl": 2},
          "vials": 2
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

        var record = SessionFhirMapper.Read(bundle, "b.json");
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

    [Theory]
    [InlineData("""{"injections":[{"units":5.00,"site":"procerus"},{"site":"trapezius-right-ftp","units":2.50}],"date":"2026-03-02","vials":0}""")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "lot": "C1", "expiry": "2027-01-31", "vials": 3, "reconstitution": {"diluentMl": 2.000, "vialUnits": 200}}""")]
    [InlineData("""{ "date" : "2026-03-02" , "injections" : [ { "site" : "nasalis-left-1" , "units" : 10 } ] , "product" : "BOTOX" }""")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}, {"site": "trapezius-left-1", "units": 5}], "distantSpreadAcknowledged": true, "adverseEvents": [{"term": "other", "text": "rash \"mild\"", "onset": "2026-03-03", "durationDays": 0, "severity": "mild", "serious": false}, {"term": "dysphagia", "onset": "2026-03-09", "ongoing": true, "severity": "severe", "serious": true, "site": "trapezius-left-1", "muscle": "trapezius"}]}""")]
    [InlineData(Session)]
    public void ExportThenImportGivesTheSessionJsonBytesOfTheInputNormalisedBySessionJson(string input)
    {
        var sessionPath = Write("in.json", input);
        var expected = SessionJson.Write(SessionJson.Read(input, sessionPath)) + "\n";
        foreach (var extra in new[] { Array.Empty<string>(), ["--patient", "Patient/9", "--bundle", "collection"], ["--diary", DiaryCommandTests.Example, "--periods", "calendar-month"] })
        {
            var (code, bundle, error) = CliRunner.Run(["fhir", "export", sessionPath, .. extra]);
            Assert.Equal((0, ""), (code, error));
            var (code2, sessionJson, error2) = CliRunner.Run("fhir", "import", Write("bundle.json", bundle));
            Assert.Equal((0, ""), (code2, error2));
            Assert.Equal(expected, sessionJson);
        }
    }

    [Theory]
    [InlineData(null, PeriodKind.TwentyEightDays)]
    [InlineData("28-day", PeriodKind.TwentyEightDays)]
    [InlineData("calendar-month", PeriodKind.CalendarMonth)]
    public void DiaryAddsTwoObservationsPerPeriodThatImportBack(string? periods, PeriodKind kind)
    {
        string[] args = ["fhir", "export", Write("s.json", Session), "--patient", "Patient/1", "--diary", DiaryCommandTests.Example];
        var (code, bundle, error) = CliRunner.Run(periods is null ? args : [.. args, "--periods", periods]);
        Assert.Equal((0, ""), (code, error));
        var diary = HeadacheDiaryCsv.Read(File.ReadAllText(DiaryCommandTests.Example), "d.csv");
        var record = SessionFhirMapper.Read(bundle, "b.json");
        Assert.Equal(DiaryPeriodCounts.FromDiary(diary, kind), record.DiaryPeriods);
        Assert.NotEmpty(record.DiaryPeriods);
        Assert.Equal(2, record.Session.VialsOpened);
    }

    [Theory]
    [InlineData("date,headache,migraine,acute_medication\n2026-01-01,0,1,\n", ":2:14: migraine: migraine is 1 but headache is 0")]
    [InlineData("date,headache,migraine,acute_medication\n2026-02-30,1,0,\n", ":2:1: date: '2026-02-30' is not a date")]
    public void BadDiaryCsvExitsTwoNamingFileLineAndColumn(string csv, string expected)
    {
        var diary = Write("diary.csv", csv);
        var (code, output, error) = CliRunner.Run("fhir", "export", Write("s.json", Session), "--diary", diary);
        Assert.Equal((2, ""), (code, output));
        Assert.Contains(diary + expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PeriodsNeedADiaryAndAKnownKind()
    {
        var s = Write("s.json", Session);
        var (code, output, error) = CliRunner.Run("fhir", "export", s, "--periods", "calendar-month");
        Assert.Equal((2, ""), (code, output));
        Assert.Contains("--periods needs --diary", error, StringComparison.Ordinal);
        var bad = CliRunner.Run("fhir", "export", s, "--diary", DiaryCommandTests.Example, "--periods", "weekly");
        Assert.Equal((2, ""), (bad.ExitCode, bad.Out));
        Assert.Contains("--periods 'weekly': use one of 28-day, calendar-month.", bad.Error, StringComparison.Ordinal);
        Assert.Contains("no such file", CliRunner.Run("fhir", "export", s, "--diary", Path.Combine(dir, "none.csv")).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportListsEveryProblemWithItsFhirPathLocation()
    {
        var (_, bundle, _) = CliRunner.Run("fhir", "export", Write("s.json", Session), "--patient", "Patient/1", "--diary", DiaryCommandTests.Example);
        var b = FhirJson.Read(bundle, "b.json");
        var procedure = (Hl7.Fhir.Model.Procedure)b.Entry[0].Resource!;
        procedure.Extension[0].Value = new Hl7.Fhir.Model.FhirString("two");
        var administrations = b.Entry.Select((e, i) => (e.Resource, i)).Where(x => x.Resource is Hl7.Fhir.Model.MedicationAdministration).ToList();
        ((Hl7.Fhir.Model.MedicationAdministration)administrations[0].Resource!).Dosage!.Site!.Coding.Clear();
        ((Hl7.Fhir.Model.MedicationAdministration)administrations[1].Resource!).Dosage!.Dose!.Value = 2.345m;
        var observation = b.Entry.Select((e, i) => (e.Resource, i)).First(x => x.Resource is Hl7.Fhir.Model.Observation);
        ((Hl7.Fhir.Model.Observation)observation.Resource!).Effective = null;
        var path = Write("broken.json", FhirJson.Serialize(b));

        var (code, output, error) = CliRunner.Run("fhir", "import", path);
        Assert.Equal((2, ""), (code, output));
        Assert.Contains($"{path}: the Bundle file has 4 problems:", error, StringComparison.Ordinal);
        Assert.Contains($"{path}: Bundle.entry[0].resource.extension[0].value: expected the number of vials opened", error, StringComparison.Ordinal);
        Assert.Contains($"{path}: Bundle.entry[{administrations[0].i}].resource.dosage.site: expected a site id", error, StringComparison.Ordinal);
        Assert.Contains($"{path}: Bundle.entry[{administrations[1].i}].resource.dosage.dose: '2.345' is not a dose", error, StringComparison.Ordinal);
        Assert.Contains($"{path}: Bundle.entry[{observation.i}].resource.effectivePeriod: expected the diary period", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportWithoutPatientUsesADisplayOnlySubjectAndCollectionIsAnOption()
    {
        var (code, bundle, _) = CliRunner.Run("fhir", "export", Write("s.json", Session), "--bundle", "collection");
        Assert.Equal(0, code);
        var record = SessionFhirMapper.Read(bundle, "b.json");
        Assert.Equal((null, "patient not identified", FhirBundleKind.Collection), (record.Patient.Reference, record.Patient.Display, record.Kind));
    }

    [Theory]
    [InlineData("""{"date": "2026-13-01", "injections": []}""", "$.date: '2026-13-01' is not a date")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "Procerus", "units": 5}]}""", "$.injections[0].site: 'Procerus' is not a site id")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": -1}]}""", "$.injections[0].units: -1 is not a valid amount of toxin units")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "colour": "red"}""", "1:42: $.colour: unknown property 'colour'")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "expiry": "31/01/2027"}""", "$.expiry: '31/01/2027' is not a date")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "reconstitution": {"vialUnits": 0, "diluentMl": 2}}""", "$.reconstitution.vialUnits: a vial must hold more than 0 U")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "reconstitution": {"vialUnits": 100, "diluentMl": 0.0005}}""", "$.reconstitution.diluentMl: 0.0005 is not a valid diluent volume")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "reconstitution": {"vialUnits": 100}}""", "1:60: $.reconstitution: missing required property 'diluentMl'")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "reconstitution": {"vialUnits": 100, "diluentMl": 2, "x": 1}}""", "1:95: $.reconstitution.x: unknown property 'x'")]
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
        Assert.Contains("--patient 'Patient 1': not a FHIR reference", CliRunner.Run("fhir", "export", Write("s2.json", Session), "--patient", "Patient 1").Error, StringComparison.Ordinal);
        Assert.Contains("no such file", CliRunner.Run("fhir", "import", Path.Combine(dir, "nope.json")).Error, StringComparison.Ordinal);
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
        Assert.Contains("resourceType: expected a Bundle, found 'Patient'", error, StringComparison.Ordinal);
    }
}
