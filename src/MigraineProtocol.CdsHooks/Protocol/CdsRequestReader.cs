using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace MigraineProtocol.CdsHooks.Protocol;

/// <summary>Reads a service request strictly: a body limit, a JSON depth limit, the required fields with their types, problems naming the JSON path.</summary>
internal static class CdsRequestReader
{
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > limit)
        {
            throw new RequestProblem(StatusCodes.Status413PayloadTooLarge, $"the request body is larger than {limit.ToString(CultureInfo.InvariantCulture)} bytes");
        }

        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestProblem(StatusCodes.Status415UnsupportedMediaType, "the request body must be JSON (Content-Type: application/json)");
        }

        using var buffer = new MemoryStream(request.ContentLength is { } n ? (int)n : 4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new RequestProblem(StatusCodes.Status413PayloadTooLarge, $"the request body is larger than {limit.ToString(CultureInfo.InvariantCulture)} bytes");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    public static JsonDocument Parse(ReadOnlyMemory<byte> body, int maxDepth)
    {
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = maxDepth, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = cut > 0 ? message[..cut].TrimEnd() : message;
            var line = ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
            var column = ((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
            throw new RequestProblem(StatusCodes.Status400BadRequest, $"line {line}, column {column}: {message}");
        }
    }

    public static CdsRequest Read(JsonElement root, string expectedHook, bool needsDraftOrders)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Bad("$", "expected a JSON object");
        }

        var hook = RequiredString(root, "hook", "$");
        if (!string.Equals(hook, expectedHook, StringComparison.Ordinal))
        {
            throw Bad("$.hook", $"expected '{expectedHook}' for this service");
        }

        var hookInstance = RequiredString(root, "hookInstance", "$");
        Uri? fhirServer = null;
        if (root.TryGetProperty("fhirServer", out var server))
        {
            if (server.ValueKind != JsonValueKind.String || !Uri.TryCreate(server.GetString(), UriKind.Absolute, out fhirServer) || (fhirServer.Scheme != Uri.UriSchemeHttps && fhirServer.Scheme != Uri.UriSchemeHttp))
            {
                throw Bad("$.fhirServer", "expected an absolute http(s) URL");
            }
        }

        string? accessToken = null;
        if (root.TryGetProperty("fhirAuthorization", out var auth))
        {
            if (auth.ValueKind != JsonValueKind.Object)
            {
                throw Bad("$.fhirAuthorization", "expected an object");
            }

            if (fhirServer is null)
            {
                throw Bad("$.fhirServer", "required when fhirAuthorization is given");
            }

            accessToken = RequiredString(auth, "access_token", "$.fhirAuthorization");
            var tokenType = RequiredString(auth, "token_type", "$.fhirAuthorization");
            if (!string.Equals(tokenType, "Bearer", StringComparison.Ordinal))
            {
                throw Bad("$.fhirAuthorization.token_type", "expected 'Bearer'");
            }
        }

        if (!root.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object)
        {
            throw Bad("$.context", "expected an object");
        }

        var patientId = RequiredString(context, "patientId", "$.context");
        if (!IsFhirId(patientId))
        {
            throw Bad("$.context.patientId", "expected a FHIR id ([A-Za-z0-9-.]{1,64})");
        }

        var userId = RequiredString(context, "userId", "$.context");
        JsonElement draftOrders = default;
        if (needsDraftOrders)
        {
            if (!context.TryGetProperty("draftOrders", out draftOrders) || draftOrders.ValueKind != JsonValueKind.Object)
            {
                throw Bad("$.context.draftOrders", "expected a FHIR Bundle object");
            }
        }

        var prefetch = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("prefetch", out var p))
        {
            if (p.ValueKind != JsonValueKind.Object)
            {
                throw Bad("$.prefetch", "expected an object");
            }

            foreach (var entry in p.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (entry.Value.ValueKind != JsonValueKind.Object)
                {
                    throw Bad($"$.prefetch.{entry.Name}", "expected a FHIR resource object");
                }

                prefetch[entry.Name] = entry.Value;
            }
        }

        return new CdsRequest { Hook = hook, HookInstance = hookInstance, FhirServer = fhirServer, AccessToken = accessToken, PatientId = patientId, UserId = userId, DraftOrders = draftOrders, Prefetch = prefetch };
    }

    public static RequestProblem Bad(string path, string message) => new(StatusCodes.Status400BadRequest, $"{path}: {message}");

    private static string RequiredString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw Bad($"{path}.{name}", "required");
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } s)
        {
            throw Bad($"{path}.{name}", "expected a non-empty string");
        }

        return s;
    }

    private static bool IsFhirId(string s) =>
        s.Length is > 0 and <= 64 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}
