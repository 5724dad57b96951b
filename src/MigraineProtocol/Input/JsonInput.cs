using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Input;

/// <summary>
/// The one JSON reading policy of the library (ADR 0100): the text is checked against the shape that the
/// source-generated metadata describes, in one pass of <see cref="Utf8JsonReader"/>, before it is
/// deserialized. Every problem is worded here (never System.Text.Json's text) and placed by line and
/// column in UTF-16 code units. Strict: no comments, no trailing commas, no repeated or unknown
/// properties, no <c>null</c> where a value is required (also inside arrays), nesting at most
/// <see cref="InputLimits.MaxDepth"/>, text at most <see cref="InputLimits.MaxTextLength"/>.
/// </summary>
internal static class JsonInput
{
    private static readonly ConcurrentDictionary<JsonTypeInfo, Dictionary<string, JsonPropertyInfo>> PropertyMaps = new();

    /// <summary>Checks and reads a document; returns <see langword="null"/> with problems in <paramref name="problems"/> when it cannot.</summary>
    internal static T? Read<T>(string? text, JsonTypeInfo<T> info, string what, ProblemSink problems)
        where T : class
    {
        if (!CheckText(text, what, problems))
        {
            return null;
        }

        var utf8 = Encoding.UTF8.GetBytes(text!);
        var start = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        ReadOnlyMemory<byte> body = utf8.AsMemory(start);
        problems.Utf8 = body;
        if (!Check(body, info, what, problems))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body.Span, info);
        }
        catch (JsonException e)
        {
            // The shape check passed, so this should not happen; say where, in our words.
            var (line, column) = e.LineNumber is { } l ? new Utf8LineCursor(body).AtLineByte(l, e.BytePositionInLine ?? 0) : (1, 1);
            problems.Add(line, column, e.Path ?? "$", InputProblemCodes.InvalidValue, "this value cannot be read as the format describes.");
            return null;
        }
    }

    /// <summary>Checks the text before parsing: present, not too long, no lone surrogate, not empty.</summary>
    internal static bool CheckText(string? text, string what, ProblemSink problems)
    {
        if (text is null)
        {
            problems.Add(null, null, null, InputProblemCodes.JsonSyntax, $"no text was given; expected {what}.");
            return false;
        }

        if (text.Length > InputLimits.MaxTextLength)
        {
            problems.Add(null, null, null, InputProblemCodes.LimitExceeded, $"the text is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the most a reader accepts is {InputLimits.MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)}.");
            return false;
        }

        if (FindLoneSurrogate(text) is { } at)
        {
            problems.Add(at.Line, at.Column, null, InputProblemCodes.InvalidText, "the text holds an invalid character (a lone UTF-16 surrogate); save the file as UTF-8.");
            return false;
        }

        if (string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF')))
        {
            problems.Add(1, 1, null, InputProblemCodes.JsonSyntax, $"the file is empty; expected {what} (a JSON object).");
            return false;
        }

        return true;
    }

    /// <summary>Returns the line and column of the first lone surrogate, if any.</summary>
    internal static (int Line, int Column)? FindLoneSurrogate(string text)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < text.Length; i++, column++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                column = 0;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                column++;
            }
            else if (char.IsSurrogate(c))
            {
                return (line, column);
            }
        }

        return null;
    }

    /// <summary>Checks well-formedness and shape in one pass; <see langword="true"/> when no problem was found.</summary>
    internal static bool Check(ReadOnlyMemory<byte> utf8, JsonTypeInfo info, string what, ProblemSink problems)
    {
        var before = problems.Count;
        var walker = new Walker(utf8, problems);
        var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = InputLimits.MaxDepth + 2 });
        var rootDone = false;
        try
        {
            if (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    walker.At(reader.TokenStartIndex, "$", InputProblemCodes.WrongType, $"the document is null; expected {what} (a JSON object).");
                }
                else if (!walker.Value(ref reader, info, "$", nullable: false))
                {
                    return false;
                }

                rootDone = true;
                if (reader.Read())
                {
                    walker.At(reader.TokenStartIndex, null, InputProblemCodes.JsonSyntax, "there is more text after the end of the JSON document; a file holds one JSON value.");
                }
            }
        }
        catch (JsonException e)
        {
            walker.Syntax(e, rootDone);
        }

        return problems.Count == before;
    }

    private static Dictionary<string, JsonPropertyInfo> Properties(JsonTypeInfo info) =>
        PropertyMaps.GetOrAdd(info, i => i.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal));

    /// <summary>What a value of this type is, in the file's words.</summary>
    internal static string Describe(JsonTypeInfo info) => Describe(info.Type, info.Kind);

    private static string Describe(Type type, JsonTypeInfoKind kind)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return kind switch
        {
            JsonTypeInfoKind.Object => "an object",
            JsonTypeInfoKind.Enumerable => "an array",
            _ when t == typeof(string) => "a string",
            _ when t == typeof(bool) => "true or false",
            _ when t == typeof(int) || t == typeof(long) => "a whole number",
            _ when t == typeof(decimal) || t == typeof(double) => "a number",
            _ => "a value",
        };
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.Null => "null",
        _ => "a value",
    };

    /// <summary>One walk over a document; the reader is passed by reference (it is a ref struct).</summary>
    private sealed class Walker(ReadOnlyMemory<byte> utf8, ProblemSink problems)
    {
        private readonly Utf8LineCursor cursor = new(utf8);

        internal void At(long offset, string? path, string code, string message)
        {
            var (line, column) = cursor.At(offset);
            problems.Add(line, column, path, code, message);
        }

        /// <summary>Checks the value the reader stands on; leaves the reader on its last token. <see langword="false"/> stops the walk (too deep).</summary>
        internal bool Value(ref Utf8JsonReader r, JsonTypeInfo info, string path, bool nullable)
        {
            if (r.TokenType == JsonTokenType.Null)
            {
                if (!nullable)
                {
                    At(r.TokenStartIndex, path, InputProblemCodes.WrongType, $"null is not allowed here; expected {Describe(info)}.");
                }

                return true;
            }

            switch (info.Kind)
            {
                case JsonTypeInfoKind.Object when r.TokenType == JsonTokenType.StartObject:
                    return Object(ref r, info, path);
                case JsonTypeInfoKind.Enumerable when r.TokenType == JsonTokenType.StartArray:
                    return Array(ref r, info, path);
                case JsonTypeInfoKind.Object:
                case JsonTypeInfoKind.Enumerable:
                    WrongType(ref r, info, path);
                    return Skip(ref r);
                default:
                    Primitive(ref r, info, path);
                    return Skip(ref r);
            }
        }

        internal void Syntax(JsonException e, bool rootDone)
        {
            var (line, column) = e.LineNumber is { } l ? cursor.AtLineByte(l, e.BytePositionInLine ?? 0) : cursor.At(cursor.Position);
            var span = utf8.Span;
            var offset = cursor.Position;
            string message;
            if (rootDone)
            {
                message = "there is more text after the end of the JSON document; a file holds one JSON value.";
            }
            else if (offset >= span.Length || span[offset..].Trim(" \t\r\n"u8).IsEmpty)
            {
                message = "the JSON ends too early: an object, array or string is not closed.";
            }
            else
            {
                var b = span[offset];
                var previous = span[..offset].TrimEnd(" \t\r\n"u8);
                message = b switch
                {
                    (byte)'}' or (byte)']' when !previous.IsEmpty && previous[^1] == (byte)',' => "a comma before a closing bracket (a trailing comma) is not allowed in JSON; remove it.",
                    (byte)'/' => "comments are not allowed in JSON; remove them.",
                    (byte)'\'' => "JSON strings and property names are written in double quotes, not single quotes.",
                    < 0x20 => "a string cannot hold a raw line break, tab or control character; write it escaped (\\n, \\t).",
                    _ => $"unexpected {Echo.Quote(CharacterAt(span, offset))} here; the text is not well-formed JSON.",
                };
            }

            problems.Add(line, column, null, InputProblemCodes.JsonSyntax, message);
        }

        private static string CharacterAt(ReadOnlySpan<byte> span, int offset)
        {
            var length = span[offset] switch { >= 0xF0 => 4, >= 0xE0 => 3, >= 0xC0 => 2, _ => 1 };
            return Encoding.UTF8.GetString(span.Slice(offset, Math.Min(length, span.Length - offset)));
        }

        private bool Object(ref Utf8JsonReader r, JsonTypeInfo info, string path)
        {
            if (!CheckDepth(ref r, path))
            {
                return false;
            }

            var start = r.TokenStartIndex;
            var properties = Properties(info);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (r.Read() && r.TokenType != JsonTokenType.EndObject)
            {
                var nameAt = r.TokenStartIndex;
                if (!TryString(ref r, path, out var name))
                {
                    r.Read();
                    if (!Skip(ref r))
                    {
                        return false;
                    }

                    continue;
                }

                var propertyPath = path + "." + name;
                if (!seen.Add(name))
                {
                    At(nameAt, propertyPath, InputProblemCodes.Duplicate, $"the property {Echo.Quote(name)} appears more than once in this object; give it once.");
                }

                r.Read();
                if (properties.TryGetValue(name, out var property))
                {
                    var propertyInfo = info.Options.GetTypeInfo(property.PropertyType);
                    if (!Value(ref r, propertyInfo, propertyPath, property.IsSetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null))
                    {
                        return false;
                    }
                }
                else
                {
                    At(nameAt, path + "." + Echo.Escape(name), InputProblemCodes.UnknownProperty, $"unknown property {Echo.Quote(name)}; the format does not have it (check the spelling). Known here: {string.Join(", ", properties.Keys)}.");
                    if (!Skip(ref r))
                    {
                        return false;
                    }
                }
            }

            var missing = properties.Values.Where(p => p.IsRequired && !seen.Contains(p.Name)).Select(p => p.Name).ToList();
            if (missing.Count > 0)
            {
                At(start, path, InputProblemCodes.MissingProperty, $"missing required propert{(missing.Count == 1 ? "y" : "ies")} {string.Join(", ", missing.Select(m => "'" + m + "'"))}.");
            }

            return true;
        }

        private bool Array(ref Utf8JsonReader r, JsonTypeInfo info, string path)
        {
            if (!CheckDepth(ref r, path))
            {
                return false;
            }

            var element = info.Options.GetTypeInfo(info.ElementType!);
            var index = 0;
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                if (!Value(ref r, element, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", nullable: false))
                {
                    return false;
                }

                index++;
            }

            return true;
        }

        private void Primitive(ref Utf8JsonReader r, JsonTypeInfo info, string path)
        {
            var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
            var token = r.TokenType;
            var ok = type == typeof(string) ? token == JsonTokenType.String
                : type == typeof(bool) ? token is JsonTokenType.True or JsonTokenType.False
                : type == typeof(decimal) || type == typeof(int) || type == typeof(long) || type == typeof(double) ? token == JsonTokenType.Number
                : true;
            if (!ok)
            {
                WrongType(ref r, info, path);
                return;
            }

            if (token == JsonTokenType.String && r.ValueIsEscaped)
            {
                TryString(ref r, path, out _);
            }

            if (token != JsonTokenType.Number)
            {
                return;
            }

            if (type == typeof(decimal) && !r.TryGetDecimal(out _))
            {
                At(r.TokenStartIndex, path, InputProblemCodes.LimitExceeded, $"the number {Echo.Quote(Encoding.UTF8.GetString(r.ValueSpan))} is beyond the range this format accepts.");
            }
            else if (type == typeof(int) && !r.TryGetInt32(out _))
            {
                At(r.TokenStartIndex, path, InputProblemCodes.WrongType, $"{Echo.Quote(Encoding.UTF8.GetString(r.ValueSpan))} is not a whole number from {int.MinValue.ToString(CultureInfo.InvariantCulture)} to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}.");
            }
            else if (type == typeof(long) && !r.TryGetInt64(out _))
            {
                At(r.TokenStartIndex, path, InputProblemCodes.WrongType, $"{Echo.Quote(Encoding.UTF8.GetString(r.ValueSpan))} is not a whole number in range.");
            }
            else if (type == typeof(double) && !r.TryGetDouble(out _))
            {
                At(r.TokenStartIndex, path, InputProblemCodes.LimitExceeded, "the number is beyond the range this format accepts.");
            }
        }

        private void WrongType(ref Utf8JsonReader r, JsonTypeInfo info, string path)
        {
            var expected = Describe(info);
            var hint = string.Empty;
            if (r.TokenType == JsonTokenType.String && expected is "a number" or "a whole number" && !r.ValueIsEscaped
                && decimal.TryParse(r.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                hint = $" Write {number.ToString(CultureInfo.InvariantCulture)} without quotes.";
            }
            else if (r.TokenType is JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False && expected == "a string")
            {
                hint = " Put it in double quotes.";
            }

            At(r.TokenStartIndex, path, InputProblemCodes.WrongType, $"the value is {Describe(r.TokenType)}; expected {expected}.{hint}");
        }

        /// <summary>Reads a string token; an escaped lone surrogate (which System.Text.Json cannot decode) is a problem, not an exception.</summary>
        private bool TryString(ref Utf8JsonReader r, string? path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            try
            {
                value = r.GetString()!;
                return true;
            }
            catch (InvalidOperationException)
            {
                At(r.TokenStartIndex, path, InputProblemCodes.InvalidText, "the string holds an escaped lone surrogate (\\ud800 to \\udfff without its pair); JSON text must be valid Unicode.");
                value = null;
                return false;
            }
        }

        /// <summary>Skips the value the reader stands on, checking the nesting depth; <see langword="false"/> when too deep.</summary>
        private bool Skip(ref Utf8JsonReader r)
        {
            if (r.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return true;
            }

            var depth = r.CurrentDepth;
            if (!CheckDepth(ref r, null))
            {
                return false;
            }

            while (r.Read() && r.CurrentDepth > depth)
            {
                if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !CheckDepth(ref r, null))
                {
                    return false;
                }
            }

            return true;
        }

        private bool CheckDepth(ref Utf8JsonReader r, string? path)
        {
            if (r.CurrentDepth < InputLimits.MaxDepth)
            {
                return true;
            }

            At(r.TokenStartIndex, path, InputProblemCodes.LimitExceeded, $"objects and arrays are nested more than {InputLimits.MaxDepth.ToString(CultureInfo.InvariantCulture)} levels deep here; the formats need far fewer.");
            return false;
        }
    }
}
