using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace MigraineProtocol.CdsHooks.Tests.TestSupport;

/// <summary>An application that maps the service with given options, on TestServer or on Kestrel at 127.0.0.1.</summary>
public sealed class CdsHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private CdsHost(WebApplication app, HttpClient client, TestIssuer issuer, LogCapture logs)
    {
        this.app = app;
        Client = client;
        Issuer = issuer;
        Logs = logs;
    }

    public HttpClient Client { get; }

    public TestIssuer Issuer { get; }

    public LogCapture Logs { get; }

    public string BaseUrl => Client.BaseAddress!.AbsoluteUri.TrimEnd('/');

    public static async Task<CdsHost> StartAsync(Action<CdsHooksOptions>? configure = null, bool kestrel = false)
    {
        var issuer = new TestIssuer();
        var logs = new LogCapture();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        var app = builder.Build();
        var options = new CdsHooksOptions();
        options.TrustedIssuers.Add(issuer.Trusted);
        configure?.Invoke(options);
        app.MapMigraineCdsHooks(options);
        await app.StartAsync();
        var client = kestrel ? new HttpClient { BaseAddress = new Uri(app.Urls.First()) } : app.GetTestClient();
        return new CdsHost(app, client, issuer, logs);
    }

    /// <summary>Posts JSON to a path with a fresh valid token for that path (unless a token is given).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string json, string? token = null, bool withToken = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (withToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Issuer.Token(BaseUrl + path));
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
        Issuer.Dispose();
    }
}
