using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using MigraineProtocol.CdsHooks.Cards;
using MigraineProtocol.CdsHooks.Protocol;
using MigraineProtocol.CdsHooks.Records;
using MigraineProtocol.CdsHooks.Security;

namespace MigraineProtocol.CdsHooks;

/// <summary>Maps the MigraineProtocol CDS Hooks service into an ASP.NET Core application (docs/cds-hooks.md).</summary>
public static class CdsHooksEndpointRouteBuilderExtensions
{
    /// <summary>The id of the order-sign service.</summary>
    public const string OrderSignServiceId = "migraine-botox-order-sign";

    /// <summary>The id of the patient-view service.</summary>
    public const string PatientViewServiceId = "migraine-botox-patient-view";

    /// <summary>
    /// Maps <c>GET /cds-services</c> (discovery), <c>POST /cds-services/{id}</c> for the order-sign and
    /// patient-view services, <c>POST /cds-services/{id}/feedback</c>, and the CORS preflight answers.
    /// </summary>
    /// <param name="endpoints">The application's endpoint builder.</param>
    /// <param name="options">The configuration; checked and copied now.</param>
    /// <returns>The route group, for further conventions (rate limiting, ...).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are inconsistent: a trusted issuer without an issuer name, or with neither or both of a JWK Set file and URL; a limit out of range; an other-toxin code not <c>system|code</c>.</exception>
    public static RouteGroupBuilder MapMigraineCdsHooks(this IEndpointRouteBuilder endpoints, CdsHooksOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        var service = new CdsHooksService(options, endpoints.ServiceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        var group = endpoints.MapGroup("/cds-services");
        group.AddEndpointFilter(async (context, next) =>
        {
            service.ApplyCors(context.HttpContext);
            return await next(context).ConfigureAwait(false);
        });
        group.MapGet(string.Empty, (Delegate)service.DiscoveryAsync);
        group.MapPost("/{id}", (Delegate)service.CallAsync);
        group.MapPost("/{id}/feedback", (Delegate)service.FeedbackAsync);
        group.MapMethods(string.Empty, [HttpMethods.Options], (Delegate)service.Preflight);
        group.MapMethods("/{**rest}", [HttpMethods.Options], (Delegate)service.Preflight);
        return group;
    }
}

/// <summary>The endpoints' logic: token, body, request, record, cards. Logs carry no patient data.</summary>
internal sealed class CdsHooksService
{
    private static readonly string[] Hooks = ["order-sign", "patient-view"];
    private readonly CdsHooksOptions options;
    private readonly TokenVerifier verifier;
    private readonly RecordLoader loader;
    private readonly ProtocolCards cards;
    private readonly CorsService cors;
    private readonly CorsPolicy corsPolicy;
    private readonly ILogger logger;
    private readonly DiscoveryResponse discovery;

    public CdsHooksService(CdsHooksOptions options, ILoggerFactory loggers)
    {
        Check(options);
        this.options = options;
        logger = loggers.CreateLogger("MigraineProtocol.CdsHooks");
        verifier = new TokenVerifier([.. options.TrustedIssuers.Select(t => new IssuerSource(t.Issuer, t.JwksFile, t.JwksUrl, t.JwksRefresh))], options.TimeProvider, options.ClockSkew, options.MaxTokenLifetime, logger);
        var recognizer = new ToxinRecognizer(options.CodeMap, [.. options.OtherToxinCodes]);
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        loader = new RecordLoader(recognizer, http, options.FhirServerTimeout, options.AllowHttpFhirServer, [.. options.ChronicMigraineReasonCodes]);
        cards = new ProtocolCards(options.Protocol, recognizer);
        cors = new CorsService(Microsoft.Extensions.Options.Options.Create(new CorsOptions()), loggers);
        var policy = new CorsPolicyBuilder().WithMethods("GET", "POST", "OPTIONS").WithHeaders("Authorization", "Content-Type").SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        policy = options.AllowedOrigins.Contains("*") ? policy.AllowAnyOrigin() : policy.WithOrigins([.. options.AllowedOrigins]);
        corsPolicy = policy.Build();
        discovery = new DiscoveryResponse(
        [
            new ServiceDescription("order-sign", "OnabotulinumtoxinA order check (chronic migraine)", "Checks a draft onabotulinumtoxinA order against the protocol: retreatment interval, cumulative dose across indications, product, and the NICE TA260 diary criteria. It informs; a clinician decides.", CdsHooksEndpointRouteBuilderExtensions.OrderSignServiceId, RecordLoader.PrefetchTemplates),
            new ServiceDescription("patient-view", "OnabotulinumtoxinA summary (chronic migraine)", "Shows the last onabotulinumtoxinA session, the next eligible date, the cumulative headroom and the NICE TA260 diary verdicts. It informs; a clinician decides.", CdsHooksEndpointRouteBuilderExtensions.PatientViewServiceId, RecordLoader.PrefetchTemplates),
        ]);
    }

    public async Task<IResult> DiscoveryAsync(HttpContext http)
    {
        if (options.RequireTokenForDiscovery && !await AuthorizedAsync(http).ConfigureAwait(false))
        {
            return Unauthorized(http);
        }

        return Results.Json(discovery, CdsJson.Options);
    }

    public IResult Preflight(HttpContext http)
    {
        ApplyCors(http);
        return Results.NoContent();
    }

    public void ApplyCors(HttpContext http)
    {
        if (!http.Request.Headers.ContainsKey("Origin") || corsPolicy.Origins.Count == 0 && !corsPolicy.AllowAnyOrigin)
        {
            return;
        }

        var result = cors.EvaluatePolicy(http, corsPolicy);
        cors.ApplyResult(result, http.Response);
    }

    public async Task<IResult> CallAsync(HttpContext http, string id)
    {
        var hook = id switch
        {
            CdsHooksEndpointRouteBuilderExtensions.OrderSignServiceId => Hooks[0],
            CdsHooksEndpointRouteBuilderExtensions.PatientViewServiceId => Hooks[1],
            _ => null,
        };
        if (hook is null)
        {
            return Results.Problem(detail: $"no CDS service '{id}'", statusCode: StatusCodes.Status404NotFound, title: "Not Found");
        }

        if (!await AuthorizedAsync(http).ConfigureAwait(false))
        {
            return Unauthorized(http);
        }

        return await CardsAsync(http, id, hook).ConfigureAwait(false);
    }

    /// <summary>Reads the request and computes the cards (everything after the token check).</summary>
    internal async Task<IResult> CardsAsync(HttpContext http, string id, string hook)
    {
        try
        {
            var body = await CdsRequestReader.ReadBodyAsync(http.Request, options.MaxRequestBodyBytes, http.RequestAborted).ConfigureAwait(false);
            var request = CdsRequestReader.Read(body, hook, needsDraftOrders: hook == Hooks[0], options.MaxJsonDepth);
            var today = DateOnly.FromDateTime(options.TimeProvider.GetUtcNow().UtcDateTime);
            var result = new List<Card>();
            if (hook == Hooks[0])
            {
                var orders = cards.Orders(request.DraftOrders!, today);
                if (orders.Count > 0)
                {
                    var record = await loader.LoadAsync(request, http.RequestAborted).ConfigureAwait(false);
                    var index = 0;
                    foreach (var order in orders)
                    {
                        result.AddRange(cards.ForOrder($"{request.HookInstance}|{index++}", order, record));
                    }
                }

                logger.LogInformation("order-sign {HookInstance}: {Orders} toxin order(s), {Cards} card(s) [{Indicators}].", Safe(request.HookInstance), orders.Count, result.Count, string.Join(",", result.Select(c => c.Indicator)));
            }
            else
            {
                var record = await loader.LoadAsync(request, http.RequestAborted).ConfigureAwait(false);
                if (cards.ForPatient(request.HookInstance, record, today) is { } card)
                {
                    result.Add(card);
                }

                logger.LogInformation("patient-view {HookInstance}: {Cards} card(s).", Safe(request.HookInstance), result.Count);
            }

            return Results.Json(new CardsResponse(result), CdsJson.Options);
        }
        catch (RequestProblem p)
        {
            logger.LogInformation("{Service}: request refused with {Status}.", id, p.Status);
            return Problem(p);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception's message could quote the request (patient data): log its type only.
            logger.LogError("{Service}: internal error ({Error}).", id, e.GetType().Name);
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Internal Server Error");
        }
    }

    public async Task<IResult> FeedbackAsync(HttpContext http, string id)
    {
        if (id is not (CdsHooksEndpointRouteBuilderExtensions.OrderSignServiceId or CdsHooksEndpointRouteBuilderExtensions.PatientViewServiceId))
        {
            return Results.Problem(detail: $"no CDS service '{id}'", statusCode: StatusCodes.Status404NotFound, title: "Not Found");
        }

        if (!await AuthorizedAsync(http).ConfigureAwait(false))
        {
            return Unauthorized(http);
        }

        try
        {
            var body = await CdsRequestReader.ReadBodyAsync(http.Request, options.MaxRequestBodyBytes, http.RequestAborted).ConfigureAwait(false);
            var (accepted, overridden) = CdsRequestReader.ReadFeedback(body, options.MaxJsonDepth);

            // Card ids and outcomes only: no override comment (free text may name the patient), no patient data.
            logger.LogInformation("{Service} feedback: {Accepted} accepted, {Overridden} overridden.", id, accepted, overridden);
            return Results.Ok();
        }
        catch (RequestProblem p)
        {
            return Problem(p);
        }
    }

    internal TokenVerifier Verifier => verifier;

    private async Task<bool> AuthorizedAsync(HttpContext http)
    {
        var request = http.Request;
        var baseUrl = options.PublicBaseUrl is { } u ? u.AbsoluteUri.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
        var audience = baseUrl + request.Path;
        return await verifier.VerifyAsync(request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, audience, http.RequestAborted).ConfigureAwait(false);
    }

    private static IResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
    }

    private static IResult Problem(RequestProblem p) =>
        Results.Problem(detail: p.Message, statusCode: p.Status, extensions: p.Problems.IsEmpty ? null : new Dictionary<string, object?>
        {
            // The problems one by one (ADR 0150): line and column in UTF-16 code units, JSON path, stable code, message.
            ["problems"] = p.Problems.Select(x => new ProblemEntry(x.Line, x.Column, x.Location, x.Code, x.Message)).ToList(),
        }, title: p.Status switch
        {
            StatusCodes.Status400BadRequest => "Bad Request",
            StatusCodes.Status412PreconditionFailed => "Precondition Failed",
            StatusCodes.Status413PayloadTooLarge => "Payload Too Large",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
            _ => "Error",
        });

    private static string Safe(string hookInstance) =>
        hookInstance.Length <= 64 && hookInstance.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? hookInstance : "(not a UUID)";

    private static void Check(CdsHooksOptions options)
    {
        foreach (var t in options.TrustedIssuers)
        {
            if (string.IsNullOrWhiteSpace(t.Issuer))
            {
                throw new ArgumentException("A trusted issuer has no issuer name (CdsHooks:TrustedIssuers:n:Issuer).", nameof(options));
            }

            if ((t.JwksFile is null) == (t.JwksUrl is null))
            {
                throw new ArgumentException($"Trusted issuer '{t.Issuer}' needs exactly one of JwksFile and JwksUrl.", nameof(options));
            }

            if (t.JwksUrl is { } url && url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
            {
                throw new ArgumentException($"Trusted issuer '{t.Issuer}': the JWK Set URL must be https (or on loopback).", nameof(options));
            }
        }

        if (options.MaxRequestBodyBytes < 1024 || options.MaxRequestBodyBytes > MigraineProtocol.Input.InputLimits.MaxTextLength || options.MaxJsonDepth is < 16 or > 256)
        {
            throw new ArgumentException("MaxRequestBodyBytes must be from 1024 to 33554432 (InputLimits.MaxTextLength) and MaxJsonDepth from 16 to 256.", nameof(options));
        }

        ArgumentNullException.ThrowIfNull(options.CodeMap);
        ArgumentNullException.ThrowIfNull(options.Protocol);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
    }
}

/// <summary>One problem of a request body in the problem+json answer.</summary>
internal sealed record ProblemEntry(int? Line, int? Column, string? Path, string Code, string Message);
