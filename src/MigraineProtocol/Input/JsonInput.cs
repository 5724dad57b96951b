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
    private static readonly ConcurrentDictionary<JsonTypeInfo, Shape> Shapes = new();

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
    /// <remarks>
    /// Vectorized: <see cref="MemoryExtensions.IndexOfAnyInRange{T}(ReadOnlySpan{T}, T, T)"/> jumps from surrogate to
    /// surrogate (a text without any, the usual case, is one vector scan); the line and column are counted only
    /// for a lone one.
    /// </remarks>
    internal static (int Line, int Column)? FindLoneSurrogate(string text)
    {
        var span = text.AsSpan();
        var i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i += 2;
            }
            else
            {
                var before = span[..i];
                var lineStart = before.LastIndexOf('\n') + 1;
                return (before.Count('\n') + 1, i - lineStart + 1);
            }

            var next = span[i..].IndexOfAnyInRange('\uD800', '\uDFFF');
            i = next < 0 ? -1 : i + next;
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
                else if (!walker.Root(ref reader, info))
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

    private static Shape ShapeOf(JsonTypeInfo info) => Shapes.GetOrAdd(info, i => new Shape(i));

    /// <summary>What the walk needs of a type, computed once per <see cref="JsonTypeInfo"/>: the kind, the properties with their UTF-8 names, the element shape.</summary>
    private sealed class Shape
    {
        private Shape? element;

        internal Shape(JsonTypeInfo info)
        {
            Info = info;
            var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
            Primitive = type == typeof(string) ? PrimitiveKind.String
                : type == typeof(bool) ? PrimitiveKind.Bool
                : type == typeof(decimal) ? PrimitiveKind.Decimal
                : type == typeof(int) ? PrimitiveKind.Int32
                : type == typeof(long) ? PrimitiveKind.Int64
                : type == typeof(double) ? PrimitiveKind.Double
                : PrimitiveKind.Other;
            if (info.Kind == JsonTypeInfoKind.Object)
            {
                Properties = [.. info.Properties.Select(p => new Property(p, info.Options))];
                Known = string.Join(", ", Properties.Select(p => p.Name));
            }
        }

        internal JsonTypeInfo Info { get; }

        internal PrimitiveKind Primitive { get; }

        internal Property[] Properties { get; } = [];

        /// <summary>Gets the property names, as the unknown-property message lists them.</summary>
        internal string Known { get; } = string.Empty;

        internal Shape Element => element ??= ShapeOf(Info.Options.GetTypeInfo(Info.ElementType!));

        internal int Find(ref Utf8JsonReader r, string? escapedName)
        {
            if (escapedName is null)
            {
                var name = r.ValueSpan;
                for (var i = 0; i < Properties.Length; i++)
                {
                    if (name.SequenceEqual(Properties[i].Utf8Name))
                    {
                        return i;
                    }
                }
            }
            else
            {
                for (var i = 0; i < Properties.Length; i++)
                {
                    if (string.Equals(escapedName, Properties[i].Name, StringComparison.Ordinal))
                    {
                        return i;
                    }
                }
            }

            return -1;
        }
    }

    private sealed class Property(JsonPropertyInfo info, JsonSerializerOptions options)
    {
        private Shape? shape;

        internal string Name { get; } = info.Name;

        internal byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(info.Name);

        internal bool IsRequired { get; } = info.IsRequired;

        internal bool Nullable { get; } = info.IsSetNullable || System.Nullable.GetUnderlyingType(info.PropertyType) is not null;

        internal Shape Shape => shape ??= ShapeOf(options.GetTypeInfo(info.PropertyType));
    }

    private enum PrimitiveKind
    {
        Other,
        String,
        Bool,
        Decimal,
        Int32,
        Int64,
        Double,
    }

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

    /// <summary>
    /// One walk over a document; the reader is passed by reference (it is a ref struct). The JSON path of the
    /// current value is kept as a stack of segments (property names of the shape, array indexes) and built as
    /// a string only when a problem is reported; property names are matched on their UTF-8 bytes.
    /// </summary>
    private sealed class Walker(ReadOnlyMemory<byte> utf8, ProblemSink problems)
    {
        private readonly List<(string? Name, int Index)> segments = [];
        private Utf8LineCursor? cursor;

        private Utf8LineCursor Cursor => cursor ??= new Utf8LineCursor(utf8);

        internal void At(long offset, string? path, string code, string message)
        {
            var (line, column) = Cursor.At(offset);
            problems.Add(line, column, path, code, message);
        }

        /// <summary>The path of the current value, built now (only for a problem).</summary>
        private string Path()
        {
            if (segments.Count == 0)
            {
                return "$";
            }

            var path = new StringBuilder("$");
            foreach (var (name, index) in segments)
            {
                if (name is null)
                {
                    path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else
                {
                    path.Append('.').Append(name);
                }
            }

            return path.ToString();
        }

        /// <summary>Checks the root value the reader stands on (not null).</summary>
        internal bool Root(ref Utf8JsonReader r, JsonTypeInfo info) => Value(ref r, ShapeOf(info), nullable: false);

        /// <summary>Checks the value the reader stands on; leaves the reader on its last token. <see langword="false"/> stops the walk (too deep).</summary>
        private bool Value(ref Utf8JsonReader r, Shape shape, bool nullable)
        {
            if (r.TokenType == JsonTokenType.Null)
            {
                if (!nullable)
                {
                    At(r.TokenStartIndex, Path(), InputProblemCodes.WrongType, $"null is not allowed here; expected {Describe(shape.Info)}.");
                }

                return true;
            }

            switch (shape.Info.Kind)
            {
                case JsonTypeInfoKind.Object when r.TokenType == JsonTokenType.StartObject:
                    return Object(ref r, shape);
                case JsonTypeInfoKind.Enumerable when r.TokenType == JsonTokenType.StartArray:
                    return Array(ref r, shape);
                case JsonTypeInfoKind.Object:
                case JsonTypeInfoKind.Enumerable:
                    WrongType(ref r, shape.Info);
                    return Skip(ref r);
                default:
                    Primitive(ref r, shape);
                    return Skip(ref r);
            }
        }

        internal void Syntax(JsonException e, bool rootDone)
        {
            var (line, column) = e.LineNumber is { } l ? Cursor.AtLineByte(l, e.BytePositionInLine ?? 0) : Cursor.At(Cursor.Position);
            var span = utf8.Span;
            var offset = Cursor.Position;
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

        private bool Object(ref Utf8JsonReader r, Shape shape)
        {
            if (!CheckDepth(ref r, true))
            {
                return false;
            }

            var start = r.TokenStartIndex;
            var properties = shape.Properties;
            Span<bool> seen = properties.Length <= 64 ? stackalloc bool[properties.Length] : new bool[properties.Length];
            HashSet<string>? seenUnknown = null;
            while (r.Read() && r.TokenType != JsonTokenType.EndObject)
            {
                var nameAt = r.TokenStartIndex;
                string? escaped = null;
                if (r.ValueIsEscaped && !TryString(ref r, true, out escaped))
                {
                    r.Read();
                    if (!Skip(ref r))
                    {
                        return false;
                    }

                    continue;
                }

                var known = shape.Find(ref r, escaped);
                if (known >= 0)
                {
                    var property = properties[known];
                    segments.Add((property.Name, 0));
                    if (seen[known])
                    {
                        At(nameAt, Path(), InputProblemCodes.Duplicate, $"the property {Echo.Quote(property.Name)} appears more than once in this object; give it once.");
                    }

                    seen[known] = true;
                    r.Read();
                    if (!Value(ref r, property.Shape, property.Nullable))
                    {
                        return false;
                    }

                    segments.RemoveAt(segments.Count - 1);
                }
                else
                {
                    var name = escaped ?? r.GetString()!;
                    seenUnknown ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!seenUnknown.Add(name))
                    {
                        // Escaped like every echoed value (found by AFL++: a repeated unknown name with an escaped line break put a raw one in the path).
                        At(nameAt, Path() + "." + Echo.Escape(name), InputProblemCodes.Duplicate, $"the property {Echo.Quote(name)} appears more than once in this object; give it once.");
                    }

                    r.Read();
                    At(nameAt, Path() + "." + Echo.Escape(name), InputProblemCodes.UnknownProperty, $"unknown property {Echo.Quote(name)}; the format does not have it (check the spelling). Known here: {shape.Known}.");
                    if (!Skip(ref r))
                    {
                        return false;
                    }
                }
            }

            List<string>? missing = null;
            for (var i = 0; i < properties.Length; i++)
            {
                if (properties[i].IsRequired && !seen[i])
                {
                    (missing ??= []).Add(properties[i].Name);
                }
            }

            if (missing is not null)
            {
                At(start, Path(), InputProblemCodes.MissingProperty, $"missing required propert{(missing.Count == 1 ? "y" : "ies")} {string.Join(", ", missing.Select(m => "'" + m + "'"))}.");
            }

            return true;
        }

        private bool Array(ref Utf8JsonReader r, Shape shape)
        {
            if (!CheckDepth(ref r, true))
            {
                return false;
            }

            var element = shape.Element;
            var index = 0;
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                segments.Add((null, index));
                if (!Value(ref r, element, nullable: false))
                {
                    return false;
                }

                segments.RemoveAt(segments.Count - 1);
                index++;
            }

            return true;
        }

        private void Primitive(ref Utf8JsonReader r, Shape shape)
        {
            var kind = shape.Primitive;
            var token = r.TokenType;
            var ok = kind switch
            {
                PrimitiveKind.String => token == JsonTokenType.String,
                PrimitiveKind.Bool => token is JsonTokenType.True or JsonTokenType.False,
                PrimitiveKind.Decimal or PrimitiveKind.Int32 or PrimitiveKind.Int64 or PrimitiveKind.Double => token == JsonTokenType.Number,
                _ => true,
            };
            if (!ok)
            {
                WrongType(ref r, shape.Info);
                return;
            }

            if (token == JsonTokenType.String && r.ValueIsEscaped)
            {
                TryString(ref r, false, out _);
            }

            if (token != JsonTokenType.Number)
            {
                return;
            }

            if (kind == PrimitiveKind.Decimal && !r.TryGetDecimal(out _))
            {
                At(r.TokenStartIndex, Path(), InputProblemCodes.LimitExceeded, $"the number {Echo.Quote(Encoding.UTF8.GetString(r.ValueSpan))} is beyond the range this format accepts.");
            }
            else if (kind == PrimitiveKind.Int32 && !r.TryGetInt32(out _))
            {
                At(r.TokenStartIndex, Path(), InputProblemCodes.WrongType, $"{Echo.Quote(Encoding.UTF8.GetString(r.ValueSpan))} is not a whole number from {int.MinValue.ToString(CultureInfo.InvariantCulture)} to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}.");
            }
            else if (kind == PrimitiveKind.Int64 && !r.TryGetInt64(out _))
            {
                At(r.TokenStartIndex, Path(), InputProblemCodes.WrongType, $"{Echo.Quote(Encoding.UTF8.GetString(r.ValueSpan))} is not a whole number in range.");
            }
            else if (kind == PrimitiveKind.Double && !r.TryGetDouble(out _))
            {
                At(r.TokenStartIndex, Path(), InputProblemCodes.LimitExceeded, "the number is beyond the range this format accepts.");
            }
        }

        private void WrongType(ref Utf8JsonReader r, JsonTypeInfo info)
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

            At(r.TokenStartIndex, Path(), InputProblemCodes.WrongType, $"the value is {Describe(r.TokenType)}; expected {expected}.{hint}");
        }

        /// <summary>Reads a string token; an escaped lone surrogate (which System.Text.Json cannot decode) is a problem, not an exception. <paramref name="placeAtPath"/> says whether the problem names the current path.</summary>
        private bool TryString(ref Utf8JsonReader r, bool placeAtPath, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            try
            {
                value = r.GetString()!;
                return true;
            }
            catch (InvalidOperationException)
            {
                At(r.TokenStartIndex, Path(), InputProblemCodes.InvalidText, "the string holds an escaped lone surrogate (\\ud800 to \\udfff without its pair); JSON text must be valid Unicode.");
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
            if (!CheckDepth(ref r, false))
            {
                return false;
            }

            while (r.Read() && r.CurrentDepth > depth)
            {
                if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !CheckDepth(ref r, false))
                {
                    return false;
                }
            }

            return true;
        }

        private bool CheckDepth(ref Utf8JsonReader r, bool withPath)
        {
            if (r.CurrentDepth < InputLimits.MaxDepth)
            {
                return true;
            }

            At(r.TokenStartIndex, withPath ? Path() : null, InputProblemCodes.LimitExceeded, $"objects and arrays are nested more than {InputLimits.MaxDepth.ToString(CultureInfo.InvariantCulture)} levels deep here; the formats need far fewer.");
            return false;
        }
    }
}
