using System.Net;
using MigraineProtocol.CdsHooks.Tests.TestSupport;
using static MigraineProtocol.CdsHooks.Tests.TestSupport.Fixtures;

namespace MigraineProtocol.CdsHooks.Tests;

public sealed class CorsAndFeedbackTests
{
    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, OrderSign);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    [Fact]
    public async Task A_configured_origin_passes_the_preflight()
    {
        await using var host = await CdsHost.StartAsync(o => o.AllowedOrigins.Add("https://ehr.example.org"));
        var response = await host.Client.SendAsync(Preflight("https://ehr.example.org"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://ehr.example.org", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Contains("authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_origin_gets_no_cors_headers()
    {
        await using var host = await CdsHost.StartAsync(o => o.AllowedOrigins.Add("https://ehr.example.org"));
        var response = await host.Client.SendAsync(Preflight("https://evil.example"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        var get = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        get.Headers.Add("Origin", "https://evil.example");
        Assert.False((await host.Client.SendAsync(get)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_is_off_by_default_and_on_for_actual_calls_when_configured()
    {
        await using (var closed = await CdsHost.StartAsync())
        {
            Assert.False((await closed.Client.SendAsync(Preflight("https://ehr.example.org"))).Headers.Contains("Access-Control-Allow-Origin"));
        }

        await using var host = await CdsHost.StartAsync(o => o.AllowedOrigins.Add("*"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        request.Headers.Add("Origin", "https://any.example");
        Assert.Equal("*", (await host.Client.SendAsync(request)).Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Feedback_is_accepted_and_logged_without_the_comment()
    {
        await using var host = await CdsHost.StartAsync();
        const string json = """
            {"feedback":[
              {"card":"4e0a3a1e-3283-4575-ab82-028d55fe2719","outcome":"accepted","acceptedSuggestions":[{"id":"e56e1945-20b3-4393-8503-a1a20fd73152"}],"outcomeTimestamp":"2021-12-11T10:05:31Z"},
              {"card":"9368d37b-283f-44a0-93ea-547cebab93ed","outcome":"overridden","overrideReason":{"reason":{"code":"d7ecf885","system":"https://example.com/cds-hooks/override-reason-system"},"userComment":"Mrs Jane Doe declined"},"outcomeTimestamp":"2020-12-11T00:00:00Z"}
            ]}
            """;
        var response = await host.PostAsync(OrderSign + "/feedback", json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logs = string.Join("\n", host.Logs.Messages);
        Assert.Contains("1 accepted, 1 overridden", logs);
        Assert.DoesNotContain("Jane", logs);
    }

    [Theory]
    [InlineData("{\"feedback\":{}}", "$.feedback: expected an array")]
    [InlineData("{\"feedback\":[{\"outcome\":\"accepted\"}]}", "$.feedback[0].card")]
    [InlineData("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"maybe\",\"outcomeTimestamp\":\"2020-12-11T00:00:00Z\"}]}", "$.feedback[0].outcome")]
    [InlineData("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2020-12-11T00:00:00Z\"}]}", "$.feedback[0].acceptedSuggestions")]
    public async Task Malformed_feedback_is_400_naming_the_place(string json, string expected)
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign + "/feedback", json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_needs_a_token_for_the_feedback_url()
    {
        await using var host = await CdsHost.StartAsync();
        var token = host.Issuer.Token(host.BaseUrl + OrderSign);
        var response = await host.PostAsync(OrderSign + "/feedback", "{\"feedback\":[]}", token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
