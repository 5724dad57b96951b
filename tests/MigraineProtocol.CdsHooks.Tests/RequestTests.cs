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

    // Every 400 is in the library's problem model (ADR 0100, ADR 0150): "request:line:column: path: message".
    public static TheoryData<string, string> BadRequests() => new()
    {
        { "{\"hook\":", "request:1:9: the JSON ends too early" },
        { "[1,2]", "request:1:1: $: the request is an array; expected a CDS Hooks request (a JSON object)." },
        { "{\"hookInstance\":\"x\",\"context\":{}}", "request:1:1: $.hook: required (a non-empty string); it is missing." },
        { "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{}}", "request:1:9: $.hook: expected 'order-sign' for this service, not 'patient-view'." },
        { "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\"}}", "request:1:51: $.context.patientId: required (a non-empty string); it is missing." },
        { "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\",\"patientId\":7}}", "request:1:77: $.context.patientId: expected a non-empty string; the value is a number." },
        { "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\",\"patientId\":\"p\"}}", "$.context.draftOrders: required (a FHIR Bundle object); it is missing." },
        { "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\",\"patientId\":\"p\",\"draftOrders\":{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"MedicationRequest\",\"status\":42}}]}}}", "$.context.draftOrders: not valid FHIR R4" },
        { "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"fhirAuthorization\":{\"access_token\":\"t\",\"token_type\":\"Bearer\"},\"context\":{}}", "$.fhirServer: required when fhirAuthorization is given" },
        { "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"userId\":\"u\",\"patientId\":\"p\",\"draftOrders\":{\"resourceType\":\"Bundle\",\"type\":\"collection\"}},\"prefetch\":[]}", "$.prefetch: the value is an array; expected an object." },
        { "{\"hook\":\"\\ud800\",\"hookInstance\":\"x\"}", "request:1:9: $.hook: the string holds an escaped lone surrogate" },
        { "{\"hook\":\"order-sign\",\"hook\":\"order-sign\"}", "request:1:22: $.hook: the property 'hook' appears more than once" },
        { "{\"hook\":\"order-sign\",}", "request:1:22: a comma before a closing bracket (a trailing comma) is not allowed in JSON" },
        { "{\"hook\":\"order-sign\"} {}", "request:1:23: there is more text after the end of the JSON document" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_malformed_request_is_400_naming_the_place(string json, string expected)
    {
        await using var host = await CdsHost.StartAsync();
        var (status, detail, _) = await Problem(await host.PostAsync(OrderSign, json));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(detail.Contains(expected, StringComparison.Ordinal), detail);
    }

    [Fact]
    public async Task Bad_FHIR_in_the_prefetch_names_the_prefetch_key()
    {
        await using var host = await CdsHost.StartAsync();
        var json = OrderSignRequest([ToxinOrder("2026-03-30")], [Administration("2026-01-05", 155)]).Replace("\"2026-01-05\"", "\"05/01/2026\"", StringComparison.Ordinal);
        var (status, detail, _) = await Problem(await host.PostAsync(OrderSign, json));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Matches(@"^request:\d+:\d+: \$\.prefetch\.toxinAdministrations: not valid FHIR R4", detail);
    }

    [Fact]
    public async Task A_400_lists_every_problem_with_line_column_path_and_code()
    {
        await using var host = await CdsHost.StartAsync();
        var json = "{\"hookInstance\":\"x\",\n \"context\":{\"userId\":\"u\",\"patientId\":\"p/1\"}}";
        var (status, detail, body) = await Problem(await host.PostAsync(OrderSign, json));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            "request:1:1: $.hook: required (a non-empty string); it is missing.\n"
            + "request:2:38: $.context.patientId: 'p/1' is not a FHIR id (1 to 64 of A-Z, a-z, 0-9, '-' and '.').\n"
            + "request:2:12: $.context.draftOrders: required (a FHIR Bundle object); it is missing.",
            detail);
        using var doc = JsonDocument.Parse(body);
        var problems = doc.RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(3, problems.Count);
        Assert.Equal(2, problems[1].GetProperty("line").GetInt32());
        Assert.Equal(38, problems[1].GetProperty("column").GetInt32());
        Assert.Equal("$.context.patientId", problems[1].GetProperty("path").GetString());
        Assert.Equal("invalid-value", problems[1].GetProperty("code").GetString());
        Assert.Equal("missing-property", problems[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_escaped_lone_surrogate_is_400_not_500()
    {
        // Was: GetString() threw InvalidOperationException inside the service, answered 500.
        await using var host = await CdsHost.StartAsync();
        var json = OrderSignRequest([ToxinOrder("2026-03-30")]).Replace("\"hookInstance\":\"", "\"hookInstance\":\"\\udc00", StringComparison.Ordinal);
        var (status, detail, _) = await Problem(await host.PostAsync(OrderSign, json));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("$.hookInstance: the string holds an escaped lone surrogate", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_400_with_their_place()
    {
        await using var host = await CdsHost.StartAsync();
        var bytes = Encoding.UTF8.GetBytes("{\"hook\":\"order-sign\",\n\"hookInstance\":\"é\u00FF\"}");
        bytes[^4] = 0xFF;
        var request = new HttpRequestMessage(HttpMethod.Post, OrderSign) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Authorization = new("Bearer", host.Issuer.Token(host.BaseUrl + OrderSign));
        var (status, detail, _) = await Problem(await host.Client.SendAsync(request));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("request:2:18: the request body holds bytes that are not UTF-8 text; send JSON as UTF-8.", detail);
    }

    [Fact]
    public async Task Feedback_problems_are_all_listed_and_capped()
    {
        await using var host = await CdsHost.StartAsync();
        var json = "{\"feedback\":[" + string.Join(",", Enumerable.Repeat("{\"card\":\"c\",\"outcome\":\"maybe\",\"outcomeTimestamp\":\"2026-03-30T10:00:00Z\"}", 150)) + "]}";
        var (status, detail, body) = await Problem(await host.PostAsync(OrderSign + "/feedback", json));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var lines = detail.Split('\n');
        Assert.Equal(101, lines.Length);
        Assert.True(lines[0].StartsWith("request:1:36: $.feedback[0].outcome: expected 'accepted' or 'overridden'.", StringComparison.Ordinal), lines[0]);
        Assert.Equal("request: 50 more problems not listed (at most 100 are listed).", lines[100]);
        Assert.Contains("\"too-many-problems\"", body, StringComparison.Ordinal);
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
        Assert.Equal("request:1:57: $.x" + string.Concat(Enumerable.Repeat("[0]", 31)) + ": objects and arrays are nested more than 32 levels deep here; the most this service accepts is 32.", detail);
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
