using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MigraineProtocol.CdsHooks.Tests.TestSupport;

/// <summary>A FHIR server test double on 127.0.0.1: serves recorded responses by path and query, and records the requests (path, query, Authorization).</summary>
public sealed class FhirDouble : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> responses;

    private FhirDouble(WebApplication app, ConcurrentDictionary<string, string> responses)
    {
        this.app = app;
        this.responses = responses;
    }

    public string BaseUrl => app.Urls.First();

    public ConcurrentQueue<(string PathAndQuery, string? Authorization)> Requests { get; } = new();

    public string? RequiredToken { get; set; }

    public static async Task<FhirDouble> StartAsync(IDictionary<string, string> recorded)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var responses = new ConcurrentDictionary<string, string>(recorded);
        var self = new FhirDouble(app, responses);
        app.Run(async context =>
        {
            var key = context.Request.Path + context.Request.QueryString;
            var authorization = context.Request.Headers.Authorization.ToString();
            self.Requests.Enqueue((Uri.UnescapeDataString(key), authorization.Length == 0 ? null : authorization));
            if (self.RequiredToken is { } required && authorization != "Bearer " + required)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            var match = responses.FirstOrDefault(r => string.Equals(r.Key, Uri.UnescapeDataString(key), StringComparison.Ordinal));
            if (match.Key is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "application/fhir+json";
            await context.Response.WriteAsync(match.Value);
        });
        await app.StartAsync();
        return self;
    }

    public void Serve(string pathAndQuery, string body) => responses[pathAndQuery] = body;

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
