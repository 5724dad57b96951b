using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MigraineProtocol.CdsHooks;

namespace MigraineProtocol.Benchmarks.CdsHooks;

/// <summary>
/// What one order-sign request costs in-process, without HTTP: the load-test request
/// (docs/examples/cds-hooks/order-sign-load.json: a BOTOX order 60 days after the last of 10 sessions,
/// 10 MedicationAdministrations, 2 diary periods, a patient) read, judged and written as cards; and
/// the JWT check per request with an RS384 and an ES384 key. The baseline only parses the JSON.
/// </summary>
[MemoryDiagnoser]
public class OrderSignBenchmarks
{
    private const string Audience = "http://127.0.0.1:5090/cds-services/migraine-botox-order-sign";
    private readonly IServiceProvider services = new ServiceCollection().AddLogging().BuildServiceProvider();
    private byte[] body = null!;
    private CdsHooksServiceHandle rsa = null!;
    private CdsHooksServiceHandle ec = null!;

    [GlobalSetup]
    public void Setup()
    {
        body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "CdsHooks", "order-sign-load.json"));
        rsa = new CdsHooksServiceHandle(RSA.Create(2048), SecurityAlgorithms.RsaSha384);
        ec = new CdsHooksServiceHandle(ECDsa.Create(ECCurve.NamedCurves.nistP384), SecurityAlgorithms.EcdsaSha384);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        rsa.Dispose();
        ec.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int ParseRequestJson()
    {
        // The JSON alone (the request reader now also reads the FHIR resources, ADR 0150).
        using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        return doc.RootElement.GetProperty("prefetch").EnumerateObject().Count();
    }

    [Benchmark]
    public async Task<long> OrderSignCards()
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body, writable: false);
        var output = new MemoryStream();
        context.Response.Body = output;
        var result = await rsa.Service.CardsAsync(context, CdsHooksEndpointRouteBuilderExtensions.OrderSignServiceId, "order-sign");
        await result.ExecuteAsync(context);
        return output.Length;
    }

    [Benchmark]
    public ValueTask<bool> VerifyTokenRs384() => rsa.VerifyAsync();

    [Benchmark]
    public ValueTask<bool> VerifyTokenEs384() => ec.VerifyAsync();

    /// <summary>A service trusting one key, and one token signed by it; the jti is forgotten after each check so that the same token verifies again.</summary>
    private sealed class CdsHooksServiceHandle : IDisposable
    {
        private readonly AsymmetricAlgorithm key;
        private readonly string file = Path.Combine(Path.GetTempPath(), $"bench-jwks-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        private readonly string header;
        private readonly string jti = Guid.NewGuid().ToString();

        public CdsHooksServiceHandle(AsymmetricAlgorithm key, string algorithm)
        {
            this.key = key;
            SecurityKey securityKey = key is RSA r ? new RsaSecurityKey(r) { KeyId = "k" } : new ECDsaSecurityKey((ECDsa)key) { KeyId = "k" };
            var jwk = key is RSA r2 ? JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(r2.ExportParameters(false)) { KeyId = "k" }) : JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(((ECDsa)key).ExportParameters(false))) { KeyId = "k" });
            var pub = jwk.Kty == "RSA" ? (object)new { kty = jwk.Kty, kid = "k", n = jwk.N, e = jwk.E } : new { kty = jwk.Kty, kid = "k", crv = jwk.Crv, x = jwk.X, y = jwk.Y };
            File.WriteAllText(file, JsonSerializer.Serialize(new { keys = new[] { pub } }));
            var options = new CdsHooksOptions { MaxTokenLifetime = TimeSpan.FromHours(2) };
            options.TrustedIssuers.Add(new TrustedIssuer { Issuer = "https://ehr.example.org/", JwksFile = file });
            Service = new CdsHooksService(options, NullLoggerFactory.Instance);
            var now = DateTimeOffset.UtcNow;
            var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Claims = new Dictionary<string, object> { ["iss"] = "https://ehr.example.org/", ["aud"] = Audience, ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddHours(1).ToUnixTimeSeconds(), ["jti"] = jti },
                SigningCredentials = new SigningCredentials(securityKey, algorithm),
            });
            header = "Bearer " + token;
        }

        public CdsHooksService Service { get; }

        public async ValueTask<bool> VerifyAsync()
        {
            var ok = await Service.Verifier.VerifyAsync(header, Audience, CancellationToken.None);
            Service.Verifier.Replay.Forget("https://ehr.example.org/\n" + jti);
            return ok;
        }

        public void Dispose()
        {
            key.Dispose();
            File.Delete(file);
        }
    }
}
