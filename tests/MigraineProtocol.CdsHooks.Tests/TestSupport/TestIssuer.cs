using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MigraineProtocol.CdsHooks.Tests.TestSupport;

/// <summary>A CDS client that signs its JWTs with an ES384 key (the algorithm the spec recommends); its public JWK Set is written to a file.</summary>
public sealed class TestIssuer : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly JsonWebTokenHandler handler = new();

    public TestIssuer(string issuer = "https://ehr.example.org/", string kid = "test-kid")
    {
        Issuer = issuer;
        Kid = kid;
        Key = new ECDsaSecurityKey(key) { KeyId = kid };
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(key.ExportParameters(false))) { KeyId = kid });
        jwk.Alg = "ES384";
        jwk.Use = "sig";
        JwksJson = JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = jwk.Use, alg = jwk.Alg, crv = jwk.Crv, x = jwk.X, y = jwk.Y } } });
        JwksFile = Path.Combine(Path.GetTempPath(), $"cds-jwks-{Guid.NewGuid():N}.json");
        File.WriteAllText(JwksFile, JwksJson);
    }

    public string Issuer { get; }

    public string Kid { get; }

    public ECDsaSecurityKey Key { get; }

    public string JwksJson { get; }

    public string JwksFile { get; }

    public TrustedIssuer Trusted => new() { Issuer = Issuer, JwksFile = JwksFile };

    /// <summary>Returns a signed token; each part can be overridden to make a bad one.</summary>
    public string Token(string audience, DateTimeOffset? now = null, TimeSpan? lifetime = null, string? jti = null, string? issuer = null, SigningCredentials? credentials = null, bool includeJti = true)
    {
        var at = now ?? DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["iss"] = issuer ?? Issuer,
            ["aud"] = audience,
            ["iat"] = at.ToUnixTimeSeconds(),
            ["exp"] = (at + (lifetime ?? TimeSpan.FromMinutes(1))).ToUnixTimeSeconds(),
        };
        if (includeJti)
        {
            claims["jti"] = jti ?? Guid.NewGuid().ToString();
        }

        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = credentials ?? new SigningCredentials(Key, SecurityAlgorithms.EcdsaSha384),
        });
    }

    /// <summary>Returns an unsigned token (<c>alg: none</c>) with valid claims.</summary>
    public string UnsignedToken(string audience)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.Serialize(new { alg = "none", typ = "JWT", kid = Kid }));
        var payload = Base64Url(JsonSerializer.Serialize(new { iss = Issuer, aud = audience, iat = now, exp = now + 60, jti = Guid.NewGuid().ToString() }));
        return $"{header}.{payload}.";
    }

    public void Dispose()
    {
        key.Dispose();
        File.Delete(JwksFile);
    }

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
