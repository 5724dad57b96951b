using System.Net;
using System.Text;
using System.Text.Json;
using MigraineProtocol.CdsHooks.Tests.TestSupport;
using static MigraineProtocol.CdsHooks.Tests.TestSupport.Fixtures;

namespace MigraineProtocol.CdsHooks.Tests;

/// <summary>Strict reading: a malformed request is 400 (or 413/415) with a problem naming the place; never 500, never a stack trace.</summary>
public sealed class RequestTests
{
    private static async Task<(HttpStatusCode Status, string Detail, string Body)> Problem(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        return (response.StatusCode, doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString()! : string.Empty, body);
    }

    public static TheoryData<string, string> BadRequests() => new()
    {
        { "{\"hook\":", "line 1, column" },
        { "[1,2]", "$: expected a JSON object" },
        { "{\"hookInstance\":\"x\",\"context\":{}}", "$.hook: required" },
        { "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{}}", "$.hook: expected 'order-sign'" },
        { "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\"}}", "$.context.patientId: required" },
        { "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\",\"patientId\":7}}", "$.context.patientId: expected a non-empty string" },
        { "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\",\"patientId\":\"p\"}}", "$.context.draftOrders: expected a FHIR Bundle object" },
        { "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\",\"patientId\":\"p\",\"draftOrders\":{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"MedicationRequest\",\"status\":42}}]}}}", "$.context.draftOrders: not valid FHIR R4" },
        { "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"fhirAuthorization\":{\"access_token\":\"t\",\"token_type\":\"Bearer\"},\"context\":{}}", "$.fhirServer: required when fhirAuthorization is given" },
        { "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\",\"patientId\":\"p\",\"draftOrders\":{\"resourceType\":\"Bundle\",\"type\":\"collection\"}},\"prefetch\":[]}", "$.prefetch: expected an object" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_malformed_request_is_400_naming_the_place(string json, string expected)
    {
        await using var host = await CdsHost.StartAsync();
        var (status, detail, _) = await Problem(await host.PostAsync(OrderSign, json));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_FHIR_in_the_prefetch_names_the_prefetch_key()
    {
        await using var host = await CdsHost.StartAsync();
        var json = OrderSignRequest([ToxinOrder("2026-03-30")], [Administration("2026-01-05", 155)]).Replace("\"2026-01-05\"", "\"05/01/2026\"", StringComparison.Ordinal);
        var (status, detail, _) = await Problem(await host.PostAsync(OrderSign, json));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("$.prefetch.toxinAdministrations: not valid FHIR R4", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        await using var host = await CdsHost.StartAsync(o => o.MaxRequestBodyBytes = 4096);
        var json = OrderSignRequest([ToxinOrder("2026-03-30")], Enumerable.Range(0, 30).Select(i => Administration($"2025-0{1 + (i % 9)}-1{i % 10}", 5)));
        Assert.True(json.Length > 4096);
        var (status, detail, _) = await Problem(await host.PostAsync(OrderSign, json));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("4096 bytes", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_nested_deeper_than_the_limit_is_400()
    {
        await using var host = await CdsHost.StartAsync();
        var json = "{\"hook\":\"order-sign\",\"x\":" + new string('[', 40) + new string(']', 40) + "}";
        var (status, detail, _) = await Problem(await host.PostAsync(OrderSign, json));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("depth", detail, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("line 1, column", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        await using var host = await CdsHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, OrderSign) { Content = new StringContent("hook=order-sign", Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new("Bearer", host.Issuer.Token(host.BaseUrl + OrderSign));
        var (status, _, _) = await Problem(await host.Client.SendAsync(request));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task An_unknown_service_is_404()
    {
        await using var host = await CdsHost.StartAsync();
        var (status, _, _) = await Problem(await host.PostAsync("/cds-services/nope", "{}"));
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Problem_details_are_not_logged_with_patient_values()
    {
        await using var host = await CdsHost.StartAsync();
        var json = OrderSignRequest([ToxinOrder("2026-03-30")], [Administration("2026-01-05", 155)]).Replace("\"2026-01-05\"", "\"05/01/2026\"", StringComparison.Ordinal);
        await host.PostAsync(OrderSign, json);
        var logs = string.Join("\n", host.Logs.Messages);
        Assert.Contains("refused with 400", logs);
        Assert.DoesNotContain("05/01/2026", logs);
        Assert.DoesNotContain(PatientId, logs);
    }
}
