using MigraineProtocol.Definitions;
using MigraineProtocol.Fhir.Terminology;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.CdsHooks;

/// <summary>
/// The configuration of the CDS Hooks service: trusted token issuers, the public base URL, request
/// limits, CORS origins and the code map (docs/cds-hooks.md).
/// </summary>
/// <remarks>
/// <para>This is an ASP.NET Core options class: it has setters so that configuration binding can fill
/// it (section <c>CdsHooks</c> in the sample host). <see cref="CdsHooksEndpointRouteBuilderExtensions.MapMigraineCdsHooks"/>
/// checks it and takes a snapshot; changing it afterwards has no effect.</para>
/// <para>Secure by default: with no <see cref="TrustedIssuers"/> every service call is refused with 401.</para>
/// </remarks>
public sealed class CdsHooksOptions
{
    /// <summary>Gets the issuers whose signed JWTs are accepted, each with its JWK Set.</summary>
    /// <value>The default value is empty: no caller is trusted.</value>
    public IList<TrustedIssuer> TrustedIssuers { get; } = new List<TrustedIssuer>();

    /// <summary>
    /// Gets or sets the public base URL of the service as callers address it (for example
    /// <c>https://cds.example.org</c>); the token's <c>aud</c> must be this URL plus the endpoint path.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the URL the request arrived at (scheme, host, path base).</value>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Gets or sets a value indicating whether discovery (<c>GET /cds-services</c>) needs a token too.</summary>
    /// <value>The default value is <see langword="false"/>: discovery lists no patient data.</value>
    public bool RequireTokenForDiscovery { get; set; }

    /// <summary>Gets or sets the largest request body accepted, in bytes; larger requests get 413.</summary>
    /// <value>The default value is 1 MiB.</value>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets the deepest JSON nesting accepted; deeper requests get 400.</summary>
    /// <value>The default value is 32 (a FHIR Bundle inside the request nests about 12 deep).</value>
    public int MaxJsonDepth { get; set; } = 32;

    /// <summary>Gets or sets the clock skew allowed on <c>exp</c> and <c>iat</c>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the longest token lifetime accepted (<c>exp</c> minus <c>iat</c>); <c>jti</c> values are remembered this long plus the skew.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the browser origins allowed by CORS (for example <c>https://ehr.example.org</c>); <c>*</c> allows any origin.</summary>
    /// <value>The default value is empty: no cross-origin browser calls.</value>
    public IList<string> AllowedOrigins { get; } = new List<string>();

    /// <summary>Gets or sets the timeout of each request to the caller's FHIR server when the prefetch is missing.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan FhirServerTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets a value indicating whether a <c>fhirServer</c> with the <c>http</c> scheme is used (tests on loopback); the spec requires <c>https</c> with production data.</summary>
    /// <value>The default value is <see langword="false"/>: only <c>https</c>, except to a loopback address.</value>
    public bool AllowHttpFhirServer { get; set; }

    /// <summary>Gets or sets the code map that recognises onabotulinumtoxinA in orders and administrations, beyond the codes the Fhir package ships.</summary>
    /// <value>The default value is <see cref="FhirCodeMap.Verified"/>.</value>
    public IFhirCodeMap CodeMap { get; set; } = FhirCodeMap.Verified;

    /// <summary>Gets the codes (<c>system|code</c>) of botulinum-toxin products other than onabotulinumtoxinA, beyond the ones shipped (HCPCS J0586, J0588).</summary>
    /// <value>The default value is empty.</value>
    public IList<string> OtherToxinCodes { get; } = new List<string>();

    /// <summary>Gets the reason codes (<c>system|code</c>) that mark a MedicationAdministration as given for chronic migraine; besides these, a reason whose text says "chronic migraine" and a dose at one of the library's injection sites count.</summary>
    /// <value>The default value is empty (no SNOMED CT code for chronic migraine ships: none was seen in a named public source).</value>
    public IList<string> ChronicMigraineReasonCodes { get; } = new List<string>();

    /// <summary>Gets or sets the protocol whose retreatment interval applies.</summary>
    /// <value>The default value is <see cref="KnownProtocols.Preempt"/>.</value>
    public TreatmentProtocol Protocol { get; set; } = KnownProtocols.Preempt;

    /// <summary>Gets or sets the clock (tokens, and the order date when an order states none).</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
