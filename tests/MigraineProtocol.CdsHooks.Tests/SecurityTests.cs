using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using MigraineProtocol.CdsHooks.Tests.TestSupport;
using static MigraineProtocol.CdsHooks.Tests.TestSupport.Fixtures;

namespace MigraineProtocol.CdsHooks.Tests;

/// <summary>CDS Hooks "Trusting CDS Clients": every bad token is refused with 401 and the same body, whichever check failed.</summary>
public sealed class SecurityTests
{
    private static string Body() => OrderSignRequest([ToxinOrder("2026-03-30")], [Administration("2026-01-05", 155)]);

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, Body());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> BadTokens() => ["missing", "expired", "wrong-audience", "discovery-audience", "alg-none", "untrusted-issuer", "other-key", "hmac", "no-jti", "too-long", "future-iat", "garbage", "not-bearer"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused_with_401_and_no_detail(string kind)
    {
        await using var host = await CdsHost.StartAsync();
        var audience = host.BaseUrl + OrderSign;
        var issuer = host.Issuer;
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        string? token = kind switch
        {
            "missing" => null,
            "expired" => issuer.Token(audience, now: DateTimeOffset.UtcNow.AddMinutes(-10), lifetime: TimeSpan.FromMinutes(2)),
            "wrong-audience" => issuer.Token(host.BaseUrl + PatientView),
            "discovery-audience" => issuer.Token(host.BaseUrl + "/cds-services"),
            "alg-none" => issuer.UnsignedToken(audience),
            "untrusted-issuer" => issuer.Token(audience, issuer: "https://attacker.example/"),
            "other-key" => issuer.Token(audience, credentials: new SigningCredentials(new ECDsaSecurityKey(otherKey) { KeyId = issuer.Kid }, SecurityAlgorithms.EcdsaSha384)),
            "hmac" => issuer.Token(audience, credentials: new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(issuer.JwksJson.PadRight(64, 'x'))) { KeyId = issuer.Kid }, SecurityAlgorithms.HmacSha384)),
            "no-jti" => issuer.Token(audience, includeJti: false),
            "too-long" => issuer.Token(audience, lifetime: TimeSpan.FromHours(2)),
            "future-iat" => issuer.Token(audience, now: DateTimeOffset.UtcNow.AddMinutes(10)),
            "garbage" => "not.a.jwt",
            "not-bearer" => "Basic dXNlcjpwYXNz",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, OrderSign) { Content = new StringContent(Body(), Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", kind == "not-bearer" ? token : "Bearer " + token);
        }

        var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.2\",\"title\":\"Unauthorized\",\"status\":401}", await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0")]
    [InlineData("eyJhbGciOiJFUzM4NCJ9.eyJpc3MiOjQyfQ.c2ln")]
    [InlineData("bm90IGpzb24.bm90IGpzb24.bm90IGpzb24")]
    [InlineData("eyJhbGciOiJFUzM4NCIsImtpZCI6InRlc3Qta2lkIn0.eyJpc3MiOiJodHRwczovL2Voci5leGFtcGxlLm9yZy8iLCJpYXQiOiJub3cifQ.c2ln")]
    [InlineData("....")]
    public async Task A_malformed_token_is_401_not_500(string token)
    {
        await using var host = await CdsHost.StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(OrderSign, Body(), token)).StatusCode);
    }

    [Fact]
    public async Task A_replayed_jti_is_refused()
    {
        await using var host = await CdsHost.StartAsync();
        var token = host.Issuer.Token(host.BaseUrl + OrderSign, jti: "once-only");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(OrderSign, Body(), token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(OrderSign, Body(), token)).StatusCode);
        var fresh = host.Issuer.Token(host.BaseUrl + OrderSign, jti: "once-only");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(OrderSign, Body(), fresh)).StatusCode);
    }

    [Fact]
    public async Task With_no_trusted_issuer_every_call_is_refused()
    {
        await using var host = await CdsHost.StartAsync(o => o.TrustedIssuers.Clear());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(OrderSign, Body())).StatusCode);
    }

    [Fact]
    public async Task The_audience_is_the_configured_public_url()
    {
        await using var host = await CdsHost.StartAsync(o => o.PublicBaseUrl = new Uri("https://cds.example.org"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(OrderSign, Body())).StatusCode);
        var token = host.Issuer.Token("https://cds.example.org" + OrderSign);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(OrderSign, Body(), token)).StatusCode);
    }

    [Fact]
    public async Task Discovery_can_require_a_token()
    {
        await using var host = await CdsHost.StartAsync(o => o.RequireTokenForDiscovery = true);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/cds-services")).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        request.Headers.Authorization = new("Bearer", host.Issuer.Token(host.BaseUrl + "/cds-services"));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_jwks_url_on_loopback_is_fetched()
    {
        await using var jwks = await FhirDouble.StartAsync(new Dictionary<string, string>());
        await using var host = await CdsHost.StartAsync(o =>
        {
            var t = o.TrustedIssuers[0];
            o.TrustedIssuers.Clear();
            o.TrustedIssuers.Add(new TrustedIssuer { Issuer = t.Issuer, JwksUrl = new Uri(jwks.BaseUrl + "/jwks.json") });
        });
        jwks.Serve("/jwks.json", host.Issuer.JwksJson);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(OrderSign, Body())).StatusCode);
    }

    [Theory]
    [InlineData("", "https://x/jwks")]
    [InlineData("https://ehr.example.org/", null)]
    public void Inconsistent_issuer_options_are_refused_at_mapping(string issuer, string? url)
    {
        var options = new CdsHooksOptions();
        options.TrustedIssuers.Add(new TrustedIssuer { Issuer = issuer, JwksUrl = url is null ? null : new Uri(url) });
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        var app = builder.Build();
        Assert.Throws<ArgumentException>(() => app.MapMigraineCdsHooks(options));
    }
}
