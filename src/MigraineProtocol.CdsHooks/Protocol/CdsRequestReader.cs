using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using MigraineProtocol.Input;

namespace MigraineProtocol.CdsHooks.Protocol;

/// <summary>
/// Reads a service request strictly, in the library's problem model (ADR 0100, ADR 0150): a body limit, UTF-8
/// text, well-formed JSON (no comments, no trailing commas, one value), no repeated property, no escaped lone
/// surrogate, a depth limit, the required fields with their types, and the FHIR resources of
/// <c>context.draftOrders</c> and <c>prefetch</c>. Every problem found is an <see cref="InputProblem"/> of the
/// source <see cref="SourceName"/> with its line and column (UTF-16 code units) and JSON path, in the library's
/// words (never System.Text.Json's or Firely's exception text), at most <see cref="InputLimits.MaxProblems"/>.
/// </summary>
internal static class CdsRequestReader
{
    /// <summary>Firely's strict R4 options, as the record loader's (this layer may not use Records).</summary>
    private static readonly JsonSerializerOptions FhirOptions = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>The source name problems of a request body are reported under.</summary>
    public const string SourceName = "request";

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

    /// <summary>Reads a hook request; throws <see cref="RequestProblem"/> (400) with every problem when it cannot.</summary>
    public static CdsRequest Read(ReadOnlyMemory<byte> body, string expectedHook, bool needsDraftOrders, int maxDepth) =>
        TryRead(body, expectedHook, needsDraftOrders, maxDepth, out var request, out var problems) ? request : throw new RequestProblem(problems);

    /// <summary>Reads a hook request; never throws for any body.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> body, string expectedHook, bool needsDraftOrders, int maxDepth, [NotNullWhen(true)] out CdsRequest? request, out ImmutableArray<InputProblem> problems)
    {
        request = null;
        var sink = new Problems(body);
        if (Check(sink, maxDepth) is { } document)
        {
            using (document)
            {
                request = ReadRequest(document.RootElement, expectedHook, needsDraftOrders, sink);
            }
        }

        problems = sink.ToImmutable();
        if (!problems.IsEmpty)
        {
            request = null;
        }

        return request is not null;
    }

    /// <summary>Reads a feedback body (<c>{"feedback": [...]}</c>); throws <see cref="RequestProblem"/> (400) with every problem when it cannot.</summary>
    public static (int Accepted, int Overridden) ReadFeedback(ReadOnlyMemory<byte> body, int maxDepth)
    {
        var sink = new Problems(body);
        var counts = (0, 0);
        if (Check(sink, maxDepth) is { } document)
        {
            using (document)
            {
                counts = ReadFeedback(document.RootElement, sink);
            }
        }

        return sink.HasProblems ? throw new RequestProblem(sink.ToImmutable()) : counts;
    }

    /// <summary>Checks the text and its JSON in one pass and parses it; <see langword="null"/> with problems when it cannot be read.</summary>
    private static JsonDocument? Check(Problems sink, int maxDepth)
    {
        var span = sink.Body.Span;
        if (span.Trim(" \t\r\n"u8).IsEmpty)
        {
            sink.At(0, null, InputProblemCodes.JsonSyntax, "the request body is empty; expected a CDS Hooks request (a JSON object).");
            return null;
        }

        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            sink.At(FirstInvalidUtf8(span), null, InputProblemCodes.InvalidText, "the request body holds bytes that are not UTF-8 text; send JSON as UTF-8.");
            return null;
        }

        if (!Walk(sink, maxDepth))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(sink.Body, new JsonDocumentOptions { MaxDepth = maxDepth + 2, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException)
        {
            // The walk accepted the text, so this should not happen; say so in our words.
            sink.At(0, null, InputProblemCodes.JsonSyntax, "the request body is not well-formed JSON.");
            return null;
        }
    }

    /// <summary>One <see cref="Utf8JsonReader"/> pass: syntax, depth, repeated properties, escaped lone surrogates; paths are built only for a problem.</summary>
    private static bool Walk(Problems sink, int maxDepth)
    {
        var span = sink.Body.Span;
        var before = sink.Count;
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = maxDepth + 2 });
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.RemoveAt(frames.Count - 1);
                    continue;
                }

                if (token == JsonTokenType.PropertyName)
                {
                    var frame = frames[^1];
                    if (!TryString(ref reader, out var name))
                    {
                        frame.Name = "(invalid text)";
                        sink.At(reader.TokenStartIndex, Path(frames), InputProblemCodes.InvalidText, "the property name holds an escaped lone surrogate (\\ud800 to \\udfff without its pair); JSON text must be valid Unicode.");
                        continue;
                    }

                    frame.Name = name;
                    frame.Seen ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!frame.Seen.Add(name))
                    {
                        sink.At(reader.TokenStartIndex, Path(frames), InputProblemCodes.Duplicate, $"the property {Quote(name)} appears more than once in this object; give it once.");
                    }

                    continue;
                }

                if (frames.Count > 0 && frames[^1].IsArray)
                {
                    frames[^1].Index++;
                }

                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (reader.CurrentDepth >= maxDepth)
                    {
                        sink.At(reader.TokenStartIndex, Path(frames), InputProblemCodes.LimitExceeded, $"objects and arrays are nested more than {maxDepth.ToString(CultureInfo.InvariantCulture)} levels deep here; the most this service accepts is {maxDepth.ToString(CultureInfo.InvariantCulture)}.");
                        return false;
                    }

                    frames.Add(new Frame { IsArray = token == JsonTokenType.StartArray });
                }
                else if (token == JsonTokenType.String && reader.ValueIsEscaped && !TryString(ref reader, out _))
                {
                    sink.At(reader.TokenStartIndex, Path(frames), InputProblemCodes.InvalidText, "the string holds an escaped lone surrogate (\\ud800 to \\udfff without its pair); JSON text must be valid Unicode.");
                }
            }
        }
        catch (JsonException e)
        {
            Syntax(sink, e);
        }

        return sink.Count == before;
    }

    private static void Syntax(Problems sink, JsonException e)
    {
        var span = sink.Body.Span;
        var offset = (int)Math.Min(span.Length, LineStart(span, e.LineNumber ?? 0) + (e.BytePositionInLine ?? 0));
        string message;
        if (offset >= span.Length || span[offset..].Trim(" \t\r\n"u8).IsEmpty)
        {
            message = "the JSON ends too early: an object, array or string is not closed.";
        }
        else
        {
            var b = span[offset];
            var previous = span[..offset].TrimEnd(" \t\r\n"u8);
            var closed = ClosesTheDocument(span[..offset]);
            message = b switch
            {
                _ when closed => "there is more text after the end of the JSON document; a request holds one JSON object.",
                (byte)'}' or (byte)']' when !previous.IsEmpty && previous[^1] == (byte)',' => "a comma before a closing bracket (a trailing comma) is not allowed in JSON; remove it.",
                (byte)'/' => "comments are not allowed in JSON; remove them.",
                (byte)'\'' => "JSON strings and property names are written in double quotes, not single quotes.",
                < 0x20 => "a string cannot hold a raw line break, tab or control character; write it escaped (\\n, \\t).",
                _ => $"unexpected {Quote(CharacterAt(span, offset))} here; the text is not well-formed JSON.",
            };
        }

        sink.At(offset, null, InputProblemCodes.JsonSyntax, message);
    }

    /// <summary>Whether the text before the error is one complete JSON value (so the error is text after it).</summary>
    private static bool ClosesTheDocument(ReadOnlySpan<byte> before)
    {
        var reader = new Utf8JsonReader(before, new JsonReaderOptions { MaxDepth = 1024 });
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static CdsRequest? ReadRequest(JsonElement root, string expectedHook, bool needsDraftOrders, Problems sink)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            sink.Add("$", null, InputProblemCodes.WrongType, $"the request is {Describe(root.ValueKind)}; expected a CDS Hooks request (a JSON object).");
            return null;
        }

        var hook = RequiredString(root, "hook", "$", sink);
        if (hook is not null && !string.Equals(hook, expectedHook, StringComparison.Ordinal))
        {
            sink.Add("$.hook", null, InputProblemCodes.InvalidValue, $"expected '{expectedHook}' for this service, not {Quote(hook)}.");
        }

        var hookInstance = RequiredString(root, "hookInstance", "$", sink);
        Uri? fhirServer = null;
        if (root.TryGetProperty("fhirServer", out var server)
            && (server.ValueKind != JsonValueKind.String || !Uri.TryCreate(server.GetString(), UriKind.Absolute, out fhirServer) || (fhirServer.Scheme != Uri.UriSchemeHttps && fhirServer.Scheme != Uri.UriSchemeHttp)))
        {
            fhirServer = null;
            sink.Add("$.fhirServer", null, InputProblemCodes.InvalidValue, "expected an absolute http(s) URL.");
        }

        string? accessToken = null;
        if (root.TryGetProperty("fhirAuthorization", out var auth))
        {
            if (auth.ValueKind != JsonValueKind.Object)
            {
                sink.Add("$.fhirAuthorization", null, InputProblemCodes.WrongType, $"the value is {Describe(auth.ValueKind)}; expected an object.");
            }
            else
            {
                if (!root.TryGetProperty("fhirServer", out _))
                {
                    sink.Add("$.fhirServer", "$.fhirAuthorization", InputProblemCodes.MissingProperty, "required when fhirAuthorization is given; it is missing.");
                }

                accessToken = RequiredString(auth, "access_token", "$.fhirAuthorization", sink);
                var tokenType = RequiredString(auth, "token_type", "$.fhirAuthorization", sink);
                if (tokenType is not null && !string.Equals(tokenType, "Bearer", StringComparison.Ordinal))
                {
                    sink.Add("$.fhirAuthorization.token_type", null, InputProblemCodes.InvalidValue, $"expected 'Bearer', not {Quote(tokenType)}.");
                }
            }
        }

        string? patientId = null, userId = null;
        Bundle? draftOrders = null;
        if (!root.TryGetProperty("context", out var context))
        {
            sink.Add("$.context", "$", InputProblemCodes.MissingProperty, "required; it is missing.");
        }
        else if (context.ValueKind != JsonValueKind.Object)
        {
            sink.Add("$.context", null, InputProblemCodes.WrongType, $"the value is {Describe(context.ValueKind)}; expected an object.");
        }
        else
        {
            patientId = RequiredString(context, "patientId", "$.context", sink);
            if (patientId is not null && !IsFhirId(patientId))
            {
                sink.Add("$.context.patientId", null, InputProblemCodes.InvalidValue, $"{Quote(patientId)} is not a FHIR id (1 to 64 of A-Z, a-z, 0-9, '-' and '.').");
                patientId = null;
            }

            userId = RequiredString(context, "userId", "$.context", sink);
            if (needsDraftOrders)
            {
                if (!context.TryGetProperty("draftOrders", out var draft))
                {
                    sink.Add("$.context.draftOrders", "$.context", InputProblemCodes.MissingProperty, "required (a FHIR Bundle object); it is missing.");
                }
                else if (draft.ValueKind != JsonValueKind.Object)
                {
                    sink.Add("$.context.draftOrders", null, InputProblemCodes.WrongType, $"the value is {Describe(draft.ValueKind)}; expected a FHIR Bundle object.");
                }
                else if (Fhir(draft, "$.context.draftOrders", sink) is { } resource)
                {
                    draftOrders = resource as Bundle;
                    if (draftOrders is null)
                    {
                        sink.Add("$.context.draftOrders", null, InputProblemCodes.InvalidValue, $"expected a FHIR Bundle, found {Quote(resource.TypeName)}.");
                    }
                    else if (draftOrders.Entry.Select(e => e.Resource).OfType<Medication>().Where(m => m.Id is not null).GroupBy(m => m.Id!, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                    {
                        // Found by fuzzing: the cards indexed Medications by id and threw (a 500).
                        sink.Add("$.context.draftOrders", null, InputProblemCodes.Duplicate, $"two Medication resources have the id {Quote(twice.Key)}; a reference 'Medication/{Escape(twice.Key)}' would be ambiguous.");
                    }
                }
            }
        }

        var prefetch = new Dictionary<string, Resource>(StringComparer.Ordinal);
        if (root.TryGetProperty("prefetch", out var p))
        {
            if (p.ValueKind != JsonValueKind.Object)
            {
                sink.Add("$.prefetch", null, InputProblemCodes.WrongType, $"the value is {Describe(p.ValueKind)}; expected an object.");
            }
            else
            {
                foreach (var entry in p.EnumerateObject())
                {
                    var path = "$.prefetch." + Escape(entry.Name);
                    if (entry.Value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    if (entry.Value.ValueKind != JsonValueKind.Object)
                    {
                        sink.Add(path, null, InputProblemCodes.WrongType, $"the value is {Describe(entry.Value.ValueKind)}; expected a FHIR resource object.");
                    }
                    else if (Fhir(entry.Value, path, sink) is { } resource)
                    {
                        prefetch[entry.Name] = resource;
                    }
                }
            }
        }

        return sink.HasProblems || hook is null || hookInstance is null || patientId is null || userId is null
            ? null
            : new CdsRequest { Hook = hook, HookInstance = hookInstance, FhirServer = fhirServer, AccessToken = accessToken, PatientId = patientId, UserId = userId, DraftOrders = draftOrders, Prefetch = prefetch };
    }

    private static (int Accepted, int Overridden) ReadFeedback(JsonElement root, Problems sink)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("feedback", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            sink.Add("$.feedback", root.ValueKind == JsonValueKind.Object && root.TryGetProperty("feedback", out _) ? null : "$", InputProblemCodes.WrongType, "expected an array of feedback entries.");
            return (0, 0);
        }

        int accepted = 0, overridden = 0, i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"$.feedback[{(i++).ToString(CultureInfo.InvariantCulture)}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                sink.Add(path, null, InputProblemCodes.WrongType, $"the value is {Describe(item.ValueKind)}; expected an object.");
                continue;
            }

            if (!item.TryGetProperty("card", out var card) || card.ValueKind != JsonValueKind.String || card.GetString() is not { Length: > 0 })
            {
                sink.Add(path + ".card", item.TryGetProperty("card", out _) ? null : path, InputProblemCodes.InvalidValue, "expected the card's uuid.");
            }

            if (!item.TryGetProperty("outcomeTimestamp", out var at) || at.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                sink.Add(path + ".outcomeTimestamp", item.TryGetProperty("outcomeTimestamp", out _) ? null : path, InputProblemCodes.InvalidValue, "expected an ISO 8601 date and time.");
            }

            var outcome = item.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            switch (outcome)
            {
                case "accepted":
                    if (!item.TryGetProperty("acceptedSuggestions", out var s) || s.ValueKind != JsonValueKind.Array)
                    {
                        sink.Add(path + ".acceptedSuggestions", item.TryGetProperty("acceptedSuggestions", out _) ? null : path, InputProblemCodes.MissingProperty, "required (an array) for an accepted outcome.");
                    }

                    accepted++;
                    break;
                case "overridden":
                    overridden++;
                    break;
                default:
                    sink.Add(path + ".outcome", item.TryGetProperty("outcome", out _) ? null : path, InputProblemCodes.InvalidValue, "expected 'accepted' or 'overridden'.");
                    break;
            }
        }

        return (accepted, overridden);
    }

    /// <summary>Deserializes a FHIR R4 resource; Firely's issues become problems at the element (with Firely's instance path), and whatever else it throws is caught.</summary>
    private static Resource? Fhir(JsonElement element, string path, Problems sink)
    {
        try
        {
            var resource = element.Deserialize<Resource>(FhirOptions);
            if (resource is null)
            {
                sink.Add(path, null, InputProblemCodes.InvalidValue, "not valid FHIR R4: expected a FHIR resource.");
            }

            return resource;
        }
        catch (DeserializationFailedException e)
        {
            foreach (var issue in e.Exceptions.Take(InputLimits.MaxProblems))
            {
                var where = issue is Hl7.Fhir.Utility.ExtendedCodedException { InstancePath: { Length: > 0 } instance } ? " at " + Escape(instance) : string.Empty;
                var what = issue is Hl7.Fhir.Utility.ExtendedCodedException { BaseErrorMessage: { Length: > 0 } m } ? m : issue.Message;
                sink.Add(path, null, InputProblemCodes.InvalidValue, $"not valid FHIR R4{where}: {Escape(what.Split('\n')[0].Trim())}");
            }

            return null;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException or OperationCanceledException))
        {
            // The FHIR library throws JsonException and, on some inputs, other exceptions: a problem of the input, never a 500.
            sink.Add(path, null, InputProblemCodes.InvalidValue, "not valid FHIR R4: the FHIR library could not read this resource (check its resourceType and the types of its elements).");
            return null;
        }
    }

    private static string? RequiredString(JsonElement parent, string name, string path, Problems sink)
    {
        var at = path + "." + name;
        if (!parent.TryGetProperty(name, out var value))
        {
            sink.Add(at, path, InputProblemCodes.MissingProperty, "required (a non-empty string); it is missing.");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } s)
        {
            sink.Add(at, null, value.ValueKind == JsonValueKind.String ? InputProblemCodes.InvalidValue : InputProblemCodes.WrongType, $"expected a non-empty string; the value is {(value.ValueKind == JsonValueKind.String ? "empty" : Describe(value.ValueKind))}.");
            return null;
        }

        return s;
    }

    private static bool IsFhirId(string s) =>
        s.Length is > 0 and <= 64 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');

    private static bool TryString(ref Utf8JsonReader reader, [NotNullWhen(true)] out string? value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    private static string Path(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var f in frames)
        {
            if (f.IsArray)
            {
                if (f.Index >= 0)
                {
                    path.Append('[').Append(f.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
            }
            else if (f.Name is not null)
            {
                path.Append('.').Append(Escape(f.Name));
            }
        }

        return path.ToString();
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "a value",
    };

    /// <summary>Quotes a value from the request (ADR 0100) with the core readers' policy.</summary>
    internal static string Quote(string value) => InputProblem.Quote(value);

    internal static string Escape(string value) => InputProblem.Escape(value);

    private static string CharacterAt(ReadOnlySpan<byte> span, int offset)
    {
        var length = span[offset] switch { >= 0xF0 => 4, >= 0xE0 => 3, >= 0xC0 => 2, _ => 1 };
        return Encoding.UTF8.GetString(span.Slice(offset, Math.Min(length, span.Length - offset)));
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> span)
    {
        var offset = 0;
        while (offset < span.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(span[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    private static int LineStart(ReadOnlySpan<byte> span, long line)
    {
        var start = 0;
        for (var l = 0L; l < line && start < span.Length; l++)
        {
            var next = span[start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return span.Length;
            }

            start += next + 1;
        }

        return start;
    }

    private sealed class Frame
    {
        public bool IsArray { get; init; }

        public int Index { get; set; } = -1;

        public string? Name { get; set; }

        public HashSet<string>? Seen { get; set; }
    }

    /// <summary>The problems of one body: placed by byte offset, or by JSON path located in one pass when the list is built; capped.</summary>
    private sealed class Problems(ReadOnlyMemory<byte> body)
    {
        private readonly List<(long Offset, string? Path, string? PlaceAt, string Code, string Message)> entries = [];
        private int dropped;

        public ReadOnlyMemory<byte> Body { get; } = body.Span.StartsWith("\uFEFF"u8) ? body[3..] : body;

        public int Count => entries.Count + dropped;

        public bool HasProblems => Count > 0;

        /// <summary>A problem at a byte offset.</summary>
        public void At(long offset, string? path, string code, string message) => Add((offset, path, null, code, message));

        /// <summary>A problem at a JSON path, placed at <paramref name="placeAt"/> (when the path itself is missing) or at the path.</summary>
        public void Add(string path, string? placeAt, string code, string message) => Add((-1, path, placeAt ?? path, code, message));

        public ImmutableArray<InputProblem> ToImmutable()
        {
            var wanted = entries.Where(e => e.Offset < 0).Select(e => e.PlaceAt!).ToHashSet(StringComparer.Ordinal);
            var located = wanted.Count == 0 ? [] : Locate(Body.Span, wanted);
            var offsets = entries.Select(e => e.Offset >= 0 ? e.Offset : located.GetValueOrDefault(e.PlaceAt!, -1)).ToList();
            var positions = Positions(Body.Span, offsets);
            var list = ImmutableArray.CreateBuilder<InputProblem>(entries.Count + 1);
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                var (line, column) = offsets[i] >= 0 ? positions[offsets[i]] : (1, 1);
                list.Add(new InputProblem(SourceName, line, column, e.Path, e.Code, e.Message));
            }

            if (dropped > 0)
            {
                list.Add(new InputProblem(SourceName, null, null, null, InputProblemCodes.TooManyProblems, $"{dropped.ToString(CultureInfo.InvariantCulture)} more problem{(dropped == 1 ? string.Empty : "s")} not listed (at most {InputLimits.MaxProblems.ToString(CultureInfo.InvariantCulture)} are listed)."));
            }

            return list.ToImmutable();
        }

        private void Add((long, string?, string?, string, string) entry)
        {
            if (entries.Count < InputLimits.MaxProblems)
            {
                entries.Add(entry);
            }
            else
            {
                dropped++;
            }
        }

        /// <summary>The byte offset of the value at each wanted path, in one pass (paths as <see cref="Path"/> builds them).</summary>
        private static Dictionary<string, long> Locate(ReadOnlySpan<byte> utf8, HashSet<string> wanted)
        {
            var found = new Dictionary<string, long>(StringComparer.Ordinal);
            var frames = new List<Frame>();
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 1024 });
            try
            {
                while (reader.Read())
                {
                    var token = reader.TokenType;
                    if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                    {
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                    }

                    if (token == JsonTokenType.PropertyName)
                    {
                        frames[^1].Name = TryString(ref reader, out var name) ? name : "(invalid text)";
                        continue;
                    }

                    if (frames.Count > 0 && frames[^1].IsArray)
                    {
                        frames[^1].Index++;
                    }

                    if (frames.Count <= 4)
                    {
                        var path = Path(frames);
                        if (wanted.Contains(path))
                        {
                            found.TryAdd(path, reader.TokenStartIndex);
                        }
                    }

                    if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        frames.Add(new Frame { IsArray = token == JsonTokenType.StartArray });
                    }
                }
            }
            catch (JsonException)
            {
                // Only well-formed bodies get here.
            }

            return found;
        }

        /// <summary>Line and column (UTF-16 code units) of each byte offset, in one sweep.</summary>
        private static Dictionary<long, (int Line, int Column)> Positions(ReadOnlySpan<byte> utf8, List<long> offsets)
        {
            var result = new Dictionary<long, (int, int)>();
            var sorted = offsets.Where(o => o >= 0).Distinct().Order().ToList();
            int line = 1, column = 1, i = 0;
            foreach (var offset in sorted)
            {
                for (; i < offset && i < utf8.Length; i++)
                {
                    var b = utf8[i];
                    if (b == (byte)'\n')
                    {
                        line++;
                        column = 1;
                    }
                    else if ((b & 0xC0) != 0x80)
                    {
                        column += b >= 0xF0 ? 2 : 1;
                    }
                }

                result[offset] = (line, column);
            }

            return result;
        }
    }
}
