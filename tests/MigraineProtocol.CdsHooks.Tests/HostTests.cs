using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using MigraineProtocol.CdsHooks.Tests.TestSupport;
using static MigraineProtocol.CdsHooks.Tests.TestSupport.Fixtures;

namespace MigraineProtocol.CdsHooks.Tests;

/// <summary>The runnable host (Program.cs), started by WebApplicationFactory on Kestrel at loopback, configured as an integrator would.</summary>
public sealed class HostTests
{
    [Fact]
    public async Task The_host_serves_discovery_and_cards_on_kestrel_with_configuration()
    {
        using var issuer = new TestIssuer();
        await using var factory = new WebApplicationFactory<CdsHooksOptions>().WithWebHostBuilder(b =>
        {
            b.UseSetting("CdsHooks:TrustedIssuers:0:Issuer", issuer.Issuer);
            b.UseSetting("CdsHooks:TrustedIssuers:0:JwksFile", issuer.JwksFile);
        });
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();
        Assert.True(client.BaseAddress!.IsLoopback, client.BaseAddress.ToString());
        var discovery = await client.GetAsync("/cds-services");
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        Assert.Contains("migraine-botox-order-sign", await discovery.Content.ReadAsStringAsync());

        var baseUrl = client.BaseAddress.AbsoluteUri.TrimEnd('/');
        var request = new HttpRequestMessage(HttpMethod.Post, OrderSign) { Content = new StringContent(OrderSignRequest([Amoxicillin(), ToxinOrder("2026-03-30")], [Administration("2026-01-29", 155)]), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", issuer.Token(baseUrl + OrderSign));
        var card = Assert.Single(await CardsResult.ReadAsync(await client.SendAsync(request)));
        Assert.Equal("retreatment-interval", card.TopicCode);
    }

    [Fact]
    public async Task The_service_maps_into_a_kestrel_host_of_ones_own()
    {
        await using var host = await CdsHost.StartAsync(kestrel: true);
        Assert.StartsWith("http://127.0.0.1:", host.BaseUrl, StringComparison.Ordinal);
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder("2026-03-30", 155, "Dysport", "J0586")], [Administration("2026-01-05", 155)]));
        Assert.Equal("product", Assert.Single(await CardsResult.ReadAsync(response)).TopicCode);
    }
}
