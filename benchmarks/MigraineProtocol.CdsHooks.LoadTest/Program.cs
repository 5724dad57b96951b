using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

// Open-loop load against the CDS Hooks service on loopback: R requests/s for S seconds (bounded: R*S requests,
// after a closed-loop warm-up of --warmup requests (default 1000, 4 at a time, so that the JIT has tiered up)
// and 2 s of open-loop warm-up at the rate; a hard stop S + 15 s after the start). Each request carries its own RS384 token (own jti,
// minted before the run so that signing does not compete with the server for the 2 cores). Latency is measured
// from the time a request was due, not sent, so a stalled server cannot hide its queue (no coordinated omission).
//
// dotnet run -c Release --project benchmarks/MigraineProtocol.CdsHooks.LoadTest -- \
//   --url http://127.0.0.1:5090 --rate 500 --seconds 60 --body docs/examples/cds-hooks/order-sign-load.json \
//   --key docs/examples/cds-hooks/sample-ehr-private-key.pem --server-pid PID
var a = Args(args);
var baseUrl = new Uri(a.GetValueOrDefault("url", "http://127.0.0.1:5090"));
if (!baseUrl.IsLoopback)
{
    Console.Error.WriteLine("--url must be a loopback address");
    return 2;
}

var rate = int.Parse(a.GetValueOrDefault("rate", "200"), CultureInfo.InvariantCulture);
var seconds = int.Parse(a.GetValueOrDefault("seconds", "60"), CultureInfo.InvariantCulture);
var body = File.ReadAllBytes(a.GetValueOrDefault("body", "docs/examples/cds-hooks/order-sign-load.json"));
var path = a.GetValueOrDefault("path", "/cds-services/migraine-botox-order-sign");
var serverPid = a.TryGetValue("server-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : (int?)null;
var audience = new Uri(baseUrl, path).AbsoluteUri;
using var rsa = RSA.Create();
rsa.ImportFromPem(File.ReadAllText(a.GetValueOrDefault("key", "docs/examples/cds-hooks/sample-ehr-private-key.pem")));
const int WarmupSeconds = 2;
var total = rate * (seconds + WarmupSeconds);
var warmup = rate * WarmupSeconds;

var jitWarmup = int.Parse(a.GetValueOrDefault("warmup", "1000"), CultureInfo.InvariantCulture);
var mint = Stopwatch.StartNew();
var tokens = new string[total];
var warmTokens = new string[jitWarmup];
var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
Parallel.For(0, total, i => tokens[i] = Token(rsa, audience, now, seconds + 120));
Parallel.For(0, jitWarmup, i => warmTokens[i] = Token(rsa, audience, now, seconds + 120));
Console.WriteLine($"minted {total + jitWarmup} tokens in {mint.Elapsed.TotalSeconds:F1} s");

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.Parse(a.GetValueOrDefault("connections", "256"), CultureInfo.InvariantCulture), PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
var latencies = new double[total];
var statuses = new ConcurrentDictionary<int, int>();
var pending = new Task[total];
var next = -1;
var warmFailures = 0;
await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
{
    int k;
    while ((k = Interlocked.Increment(ref next)) < jitWarmup)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + warmTokens[k]);
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Interlocked.Increment(ref warmFailures);
        }
    }
}));
Console.WriteLine($"warm-up: {jitWarmup} requests, {warmFailures} not 200");
var memoryBefore = Memory(serverPid);
var clock = Stopwatch.StartNew();
var deadline = TimeSpan.FromSeconds(seconds + WarmupSeconds + 15);
var sent = 0;
while (sent < total && clock.Elapsed < deadline)
{
    var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * rate) + 1);
    for (; sent < due; sent++)
    {
        var i = sent;
        var scheduled = (double)i / rate;
        pending[i] = Send(i, scheduled);
    }

    Thread.Sleep(1);
}

for (var i = sent; i < total; i++)
{
    pending[i] = Task.CompletedTask;
    latencies[i] = double.NaN;
}

await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(20));
var elapsed = clock.Elapsed.TotalSeconds - WarmupSeconds;
var memoryAfter = Memory(serverPid);
var measured = latencies.Skip(warmup).Where(l => !double.IsNaN(l)).Order().ToArray();
var ok = statuses.GetValueOrDefault(200);
var errors = statuses.Where(s => s.Key != 200).Sum(s => s.Value) + (total - sent);
double P(double q) => measured.Length == 0 ? double.NaN : measured[Math.Min(measured.Length - 1, (int)Math.Ceiling(q * measured.Length) - 1)];
Console.WriteLine($"rate {rate}/s for {seconds} s (+{WarmupSeconds} s warm-up): {measured.Length} measured requests, {measured.Length / elapsed:F0}/s achieved");
Console.WriteLine($"latency ms: p50 {P(0.50):F2}, p90 {P(0.90):F2}, p99 {P(0.99):F2}, max {P(1.0):F2}");
Console.WriteLine($"status: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}; errors {errors}");
if (memoryBefore is not null)
{
    Console.WriteLine($"server memory: before {memoryBefore}; after {memoryAfter}");
}

return errors == 0 && P(0.99) < 50 ? 0 : 1;

async Task Send(int i, double scheduled)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = new("application/json");
    request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + tokens[i]);
    int status;
    try
    {
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        status = (int)response.StatusCode;
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
        status = 0;
    }

    latencies[i] = (clock.Elapsed.TotalSeconds - scheduled) * 1000;
    if (i >= warmup)
    {
        statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
    }
}

static string Token(RSA key, string audience, long now, int lifetime)
{
    static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    var header = B64(Encoding.UTF8.GetBytes("{\"alg\":\"RS384\",\"typ\":\"JWT\",\"kid\":\"sample-ehr-key\"}"));
    var payload = B64(Encoding.UTF8.GetBytes($"{{\"iss\":\"https://ehr.example.org/\",\"aud\":\"{audience}\",\"iat\":{now},\"exp\":{now + lifetime},\"jti\":\"{Guid.NewGuid()}\"}}"));
    var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1);
    return $"{header}.{payload}.{B64(signature)}";
}

static string? Memory(int? pid)
{
    if (pid is not { } p || !File.Exists($"/proc/{p}/status"))
    {
        return null;
    }

    var lines = File.ReadAllLines($"/proc/{p}/status");
    string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?[(name.Length + 1)..].Trim() ?? "?";
    return $"RSS {Field("VmRSS")}, peak RSS {Field("VmHWM")}";
}

static Dictionary<string, string> Args(string[] args)
{
    var d = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        d[args[i].TrimStart('-')] = args[i + 1];
    }

    return d;
}
