using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Input;

namespace MigraineProtocol.Tests.Fhir;

/// <summary>
/// <see cref="FhirJson"/> builds its FHIR model from the three Firely model assemblies by name and calls Firely's
/// serializer and deserializer directly, so that the natively compiled tool can run it (ADR 0180). These tests hold
/// it to what Firely's defaults give: <c>ModelInfo.ModelInspector</c>, <c>ToJson</c> and the System.Text.Json converter.
/// </summary>
public class FhirJsonModelTests
{
    [Fact]
    public void TheModelIsFirelysR4ModelTypeForType()
    {
        var ours = FhirJson.CreateInspector();
        var firely = ModelInfo.ModelInspector;
        Assert.Equal(firely.FhirRelease, ours.FhirRelease);
        Assert.Equal(firely.FhirVersion, ours.FhirVersion);
        Assert.Equal(firely.OpenTypes, ours.OpenTypes);
        Assert.Equal(Names(firely.ClassMappings.Select(m => (m.Name, m.NativeType))), Names(ours.ClassMappings.Select(m => (m.Name, m.NativeType))));
        Assert.Equal(Names(firely.EnumMappings.Select(m => (m.Name, m.NativeType))), Names(ours.EnumMappings.Select(m => (m.Name, m.NativeType))));
        Assert.True(ours.ClassMappings.Count > 500, $"only {ours.ClassMappings.Count} class mappings");
        Assert.NotNull(ours.FindClassMapping("MedicationAdministration"));
    }

    [Fact]
    public void WritingGivesWhatFirelysToJsonGives()
    {
        var bundle = SessionFhirMapper.ToBundle(SessionFhirMapperTests.FullSession(), new FhirExportOptions(new FhirReference("Patient/123"), new FhirReference("Practitioner/7")), SessionFhirMapperTests.Periods());
        Assert.Equal(bundle.ToJson(pretty: true).ReplaceLineEndings("\n"), FhirJson.Serialize(bundle));
    }

    [Theory]
    [InlineData("{\"resourceType\": \"Bundle\", \"type\": \"nonsense\"}")]
    [InlineData("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"unknown\": 1}")]
    [InlineData("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{\"resource\": {\"resourceType\": \"Procedure\", \"status\": 3}}]}")]
    [InlineData("{\"resourceType\": \"Bundle\",\n \"type\": \"collection\",\n \"timestamp\": \"yesterday\"}")]
    public void ReadingReportsWhatFirelysJsonConverterReports(string json)
    {
        var options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
        var expected = Assert.Throws<DeserializationFailedException>(() => JsonSerializer.Deserialize<Resource>(json, options));
        var problems = Assert.Throws<InputException>(() => FhirJson.Read(json, "b.json")).Problems;
        Assert.Equal(expected.Exceptions.Count(), problems.Length);
        Assert.All(problems, p => Assert.Contains(expected.Exceptions, e => e.Message.Contains(p.Message, StringComparison.Ordinal) || (e is Hl7.Fhir.Utility.ExtendedCodedException x && x.BaseErrorMessage == p.Message)));
    }

    [Fact]
    public void ReadingAValidBundleGivesWhatFirelysJsonConverterGives()
    {
        var json = FhirJson.Serialize(SessionFhirMapper.ToBundle(SessionFhirMapperTests.FullSession(), new FhirExportOptions(new FhirReference("Patient/123"), null), SessionFhirMapperTests.Periods()));
        var expected = JsonSerializer.Deserialize<Resource>(json, new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector));
        Assert.True(expected!.IsExactly(FhirJson.Read(json, "b.json")));
    }

    // Closed generic types (Code<T> of an enum) are imported on demand when first met, into whichever inspector
    // meets them; the types imported up front are the rest.
    private static List<string> Names(IEnumerable<(string Name, Type NativeType)> mappings) =>
        [.. mappings.Where(m => !m.NativeType.IsGenericType).Select(m => m.Name + " " + m.NativeType.FullName).Order(StringComparer.Ordinal)];
}
