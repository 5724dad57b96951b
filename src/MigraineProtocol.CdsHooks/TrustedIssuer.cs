namespace MigraineProtocol.CdsHooks;

/// <summary>A token issuer the service trusts (a CDS client, an EHR) and where its public keys are.</summary>
/// <remarks>Give either <see cref="JwksFile"/> or <see cref="JwksUrl"/>. A URL is fetched when first needed and again every <see cref="JwksRefresh"/>.</remarks>
public sealed class TrustedIssuer
{
    /// <summary>Gets or sets the issuer, compared with the token's <c>iss</c> exactly.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>Gets or sets the path of a JWK Set file holding the issuer's public keys.</summary>
    public string? JwksFile { get; set; }

    /// <summary>Gets or sets the URL of the issuer's JWK Set (<c>https</c>, or any scheme on loopback).</summary>
    public Uri? JwksUrl { get; set; }

    /// <summary>Gets or sets how long a JWK Set fetched from <see cref="JwksUrl"/> is kept.</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan JwksRefresh { get; set; } = TimeSpan.FromHours(1);
}
