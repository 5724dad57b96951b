using System.Net;
using Hl7.Fhir.Serialization;
using MigraineProtocol.CdsHooks.Tests.TestSupport;
using static MigraineProtocol.CdsHooks.Tests.TestSupport.Fixtures;

namespace MigraineProtocol.CdsHooks.Tests;

/// <summary>When the prefetch is missing the service fetches from fhirServer with the fhirAuthorization token (a test double on loopback).</summary>
public sealed class FhirServerTests
{
    private static Dictionary<string, string> Recorded(string basePath) => new()
    {
        [$"{basePath}/Patient/{PatientId}"] = Patient().ToJson(),
        [$"{basePath}/MedicationAdministration?patient={PatientId}"] = SearchSet([Administration("2026-01-29", 155)]).ToJson(),
        [$"{basePath}/Observation?patient={PatientId}&code=https://migraineprotocol.org/fhir/CodeSystem/diary-measure|headache-days,https://migraineprotocol.org/fhir/CodeSystem/diary-measure|migraine-days"] = SearchSet([]).ToJson(),
        [$"{basePath}/AdverseEvent?subject=Patient/{PatientId}"] = SearchSet([]).ToJson(),
    };

    [Fact]
    public async Task Missing_prefetch_is_fetched_with_the_access_token()
    {
        await using var fhir = await FhirDouble.StartAsync(Recorded("/fhir"));
        fhir.RequiredToken = "some-opaque-fhir-access-token";
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder("2026-03-30")], prefetch: false, fhirServer: fhir.BaseUrl + "/fhir", accessToken: "some-opaque-fhir-access-token"));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("retreatment-interval", card.TopicCode);
        Assert.Equal(4, fhir.Requests.Count);
        Assert.All(fhir.Requests, r => Assert.Equal("Bearer some-opaque-fhir-access-token", r.Authorization));
        Assert.Contains(fhir.Requests, r => r.PathAndQuery == $"/fhir/MedicationAdministration?patient={PatientId}");
    }

    [Fact]
    public async Task Prefetch_given_is_not_fetched_again()
    {
        await using var fhir = await FhirDouble.StartAsync(Recorded("/fhir"));
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder("2026-03-30")], [Administration("2026-01-05", 155)], fhirServer: fhir.BaseUrl + "/fhir", accessToken: "t", adverseEvents: []));
        Assert.Empty(await CardsResult.ReadAsync(response));
        Assert.Empty(fhir.Requests);
    }

    [Fact]
    public async Task A_refused_fetch_is_412()
    {
        await using var fhir = await FhirDouble.StartAsync(Recorded("/fhir"));
        fhir.RequiredToken = "the-right-token";
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(PatientView, PatientViewRequest(prefetch: false, fhirServer: fhir.BaseUrl + "/fhir", accessToken: "a-wrong-token"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("$.prefetch.toxinAdministrations", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Missing_prefetch_without_fhirServer_is_412()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(PatientView, PatientViewRequest(prefetch: false));
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("no fhirServer", await response.Content.ReadAsStringAsync());
    }
}
