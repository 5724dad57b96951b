using System.Collections.Concurrent;
using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MigraineProtocol.CdsHooks.Security;

/// <summary>
/// Verifies the signed JWT a CDS client sends with every call (CDS Hooks "Trusting CDS Clients"): a
/// trusted <c>iss</c>, a signature by a key of that issuer's JWK Set with an asymmetric algorithm
/// (never <c>none</c>, never HMAC), <c>aud</c> = the endpoint URL, <c>exp</c>, <c>iat</c>, a <c>jti</c> not
/// seen before, a lifetime no longer than configured. Callers learn only "refused"; the log says which check.
/// </summary>
internal sealed class TokenVerifier : IDisposable
{
    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly Dictionary<string, IssuerKeys> issuers;
    private readonly ReplayCache replay;
    private readonly TimeProvider time;
    private readonly TimeSpan skew;
    private readonly TimeSpan maxLifetime;
    private readonly ILogger logger;
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };

    public TokenVerifier(IEnumerable<IssuerSource> trusted, TimeProvider time, TimeSpan skew, TimeSpan maxLifetime, ILogger logger)
    {
        this.time = time;
        this.skew = skew;
        this.maxLifetime = maxLifetime;
        this.logger = logger;
        replay = new ReplayCache(time);
        issuers = new Dictionary<string, IssuerKeys>(StringComparer.Ordinal);
        foreach (var t in trusted)
        {
            issuers[t.Issuer] = new IssuerKeys(t);
        }
    }

    /// <summary>Returns whether the Authorization header holds a token valid for the audience; never throws for a bad token.</summary>
    public async ValueTask<bool> VerifyAsync(string? authorization, string audience, CancellationToken cancellationToken)
    {
        const string prefix = "Bearer ";
        if (authorization is null || !authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("missing bearer token");
        }

        var token = authorization.AsSpan(prefix.Length).Trim().ToString();
        JsonWebToken jwt;
        IssuerKeys? issuer;
        try
        {
            jwt = handler.ReadJsonWebToken(token);
            if (!issuers.TryGetValue(jwt.Issuer ?? string.Empty, out issuer))
            {
                return Refuse("untrusted issuer");
            }

            if (string.IsNullOrEmpty(jwt.Kid) || string.IsNullOrEmpty(jwt.Id) || !jwt.TryGetPayloadValue<long>("iat", out _))
            {
                return Refuse("missing kid, jti or iat");
            }
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return Refuse("malformed token");
        }

        IList<SecurityKey> keys;
        try
        {
            keys = await issuer.KeysAsync(http, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or TaskCanceledException or ArgumentException or InvalidOperationException)
        {
            logger.LogWarning("Token refused: the JWK Set of a trusted issuer could not be read ({Error}).", e.GetType().Name);
            return false;
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = keys,
            ValidAlgorithms = AsymmetricAlgorithms,
            ValidTypes = ["JWT"],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = skew,
            TryAllIssuerSigningKeys = false,
            LifetimeValidator = (notBefore, expires, _, _) => Lifetime(expires),
        };
        var result = await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return Refuse("validation failed: " + (result.Exception?.GetType().Name ?? "unknown"));
        }

        var validated = (JsonWebToken)result.SecurityToken;
        var iat = DateTimeOffset.FromUnixTimeSeconds(validated.GetPayloadValue<long>("iat"));
        var exp = new DateTimeOffset(validated.ValidTo, TimeSpan.Zero);
        if (exp - iat > maxLifetime || iat > time.GetUtcNow() + skew)
        {
            return Refuse("lifetime too long or issued in the future");
        }

        return replay.TryUse(issuer.Issuer + "\n" + validated.Id, exp + skew) || Refuse("replayed jti");
    }

    /// <summary>Gets the replay cache (benchmarks forget a jti to verify one token repeatedly).</summary>
    internal ReplayCache Replay => replay;

    public void Dispose() => http.Dispose();

    private bool Lifetime(DateTime? expires)
    {
        if (expires is not { } e)
        {
            return false;
        }

        return new DateTimeOffset(DateTime.SpecifyKind(e, DateTimeKind.Utc)) + skew >= time.GetUtcNow();
    }

    private bool Refuse(string reason)
    {
        logger.LogInformation("Token refused: {Reason}.", reason);
        return false;
    }

    private sealed class IssuerKeys(IssuerSource trusted)
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private IList<SecurityKey>? keys;
        private DateTimeOffset fetched;

        public string Issuer { get; } = trusted.Issuer;

        public async ValueTask<IList<SecurityKey>> KeysAsync(HttpClient http, TimeProvider time, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            if (keys is { } k && (trusted.JwksUrl is null || now - fetched < trusted.JwksRefresh))
            {
                return k;
            }

            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (keys is { } again && (trusted.JwksUrl is null || now - fetched < trusted.JwksRefresh))
                {
                    return again;
                }

                string json;
                if (trusted.JwksUrl is { } url)
                {
                    using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new HttpRequestException("JWK Set status " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    json = await File.ReadAllTextAsync(trusted.JwksFile!, cancellationToken).ConfigureAwait(false);
                }

                var set = new JsonWebKeySet(json);
                keys = set.GetSigningKeys();
                fetched = now;
                return keys;
            }
            finally
            {
                gate.Release();
            }
        }
    }
}

/// <summary>Remembers used <c>jti</c> values until their token expires; bounded, and fails closed when full.</summary>
internal sealed class ReplayCache(TimeProvider time, int capacity = 1_000_000)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private long lastSweep;

    public void Forget(string key) => seen.TryRemove(key, out _);

    public bool TryUse(string key, DateTimeOffset until)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        if (seen.Count >= capacity)
        {
            return false;
        }

        return seen.TryAdd(key, until);
    }

    private void Sweep(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        var last = Interlocked.Read(ref lastSweep);
        if (ticks - last < TimeSpan.TicksPerSecond * 10 || Interlocked.CompareExchange(ref lastSweep, ticks, last) != last)
        {
            return;
        }

        foreach (var entry in seen)
        {
            if (entry.Value < now)
            {
                seen.TryRemove(entry);
            }
        }
    }
}

/// <summary>
/// A trusted issuer as the verifier sees it: a snapshot of the public, settable
/// <see cref="TrustedIssuer"/> taken when the services are mapped, so Security knows nothing of the
/// options types above it (no cycle in the layer map, ADR 0174).
/// </summary>
internal sealed record IssuerSource(string Issuer, string? JwksFile, Uri? JwksUrl, TimeSpan JwksRefresh);
