using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MigraineProtocol.Input;

namespace MigraineProtocol.Fhir.Mapping;

/// <summary>
/// The checks the FHIR reader makes before handing text to the FHIR library, in the same words and with the
/// same positions (line and column in UTF-16 code units) as the core readers, and the problem cap.
/// </summary>
internal static class FhirInput
{
    /// <summary>Checks the text: present, within limits, well-formed JSON, and a JSON object whose resourceType is Bundle.</summary>
    internal static bool Check(string? json, string source, List<InputProblem> problems)
    {
        if (json is null)
        {
            problems.Add(new(source, null, null, null, InputProblemCodes.JsonSyntax, "no text was given; expected a FHIR R4 Bundle."));
            return false;
        }

        if (json.Length > InputLimits.MaxTextLength)
        {
            problems.Add(new(source, null, null, null, InputProblemCodes.LimitExceeded, $"the text is {json.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the most a reader accepts is {InputLimits.MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)}."));
            return false;
        }

        var (line, column) = (1, 1);
        for (var i = 0; i < json.Length; i++, column++)
        {
            var c = json[i];
            if (c == '\n')
            {
                line++;
                column = 0;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < json.Length && char.IsLowSurrogate(json[i + 1]))
            {
                i++;
                column++;
            }
            else if (char.IsSurrogate(c))
            {
                problems.Add(new(source, line, column, null, InputProblemCodes.InvalidText, "the text holds an invalid character (a lone UTF-16 surrogate); save the file as UTF-8."));
                return false;
            }
        }

        if (string.IsNullOrWhiteSpace(json.TrimStart('\uFEFF')))
        {
            problems.Add(new(source, 1, 1, null, InputProblemCodes.JsonSyntax, "the file is empty; expected a FHIR R4 Bundle (a JSON object)."));
            return false;
        }

        var utf8 = Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF'));
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        var stringsOk = true;
        string? resourceType = null;
        var rootIsObject = false;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && stringsOk)
                {
                    try
                    {
                        _ = reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        stringsOk = false;
                        var (l, col) = PositionOf(utf8, reader.TokenStartIndex);
                        problems.Add(new(source, l, col, null, InputProblemCodes.InvalidText, "a string holds an escaped lone surrogate (\\ud800 to \\udfff without its pair); JSON text must be valid Unicode."));
                        break;
                    }
                }

                if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.StartObject)
                {
                    rootIsObject = true;
                }
                else if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("resourceType"u8))
                {
                    reader.Read();
                    resourceType = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped ? reader.GetString() : reader.TokenType == JsonTokenType.String ? "(escaped text)" : null;
                }
            }
        }
        catch (JsonException e)
        {
            var (l, col) = Position(utf8, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            var atEnd = Offset(utf8, e.LineNumber ?? 0, e.BytePositionInLine ?? 0) >= utf8.Length;
            problems.Add(new(source, l, col, null, InputProblemCodes.JsonSyntax, atEnd
                ? "the JSON ends too early: an object, array or string is not closed."
                : "the text is not well-formed JSON here."));
            return false;
        }

        if (!stringsOk)
        {
            return false;
        }

        if (!rootIsObject || resourceType is null)
        {
            problems.Add(new(source, 1, 1, null, InputProblemCodes.InvalidValue, "this is not a FHIR resource (a JSON object with \"resourceType\"); 'fhir import' reads a Bundle written by 'fhir export', not a session file."));
            return false;
        }

        if (resourceType != "Bundle")
        {
            problems.Add(new(source, 1, 1, "resourceType", InputProblemCodes.InvalidValue, $"expected a Bundle, found {Echo(resourceType)}."));
            return false;
        }

        return true;
    }

    /// <summary>Keeps at most <see cref="InputLimits.MaxProblems"/> problems and says how many more there were.</summary>
    internal static ImmutableArray<InputProblem> Cap(string source, IEnumerable<(string? Location, string Message)> found)
    {
        var list = ImmutableArray.CreateBuilder<InputProblem>();
        var more = 0;
        foreach (var (location, message) in found)
        {
            if (list.Count < InputLimits.MaxProblems)
            {
                list.Add(new InputProblem(source, null, null, location, InputProblemCodes.InvalidValue, message));
            }
            else
            {
                more++;
            }
        }

        if (more > 0)
        {
            list.Add(new InputProblem(source, null, null, null, InputProblemCodes.TooManyProblems, $"{more.ToString(CultureInfo.InvariantCulture)} more problem{(more == 1 ? string.Empty : "s")} not listed (at most {InputLimits.MaxProblems.ToString(CultureInfo.InvariantCulture)} are listed)."));
        }

        return list.ToImmutable();
    }

    /// <summary>The library's own message of a precondition failure, without the .NET parameter suffix.</summary>
    internal static string Reason(ArgumentException e)
    {
        var message = e.Message;
        var cut = e.ParamName is { } name ? message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal) : -1;
        return (cut >= 0 ? message[..cut] : message).Split('\n')[0].Trim();
    }

    /// <summary>Quotes a value from the input: control characters escaped, cut to <see cref="InputLimits.MaxEchoLength"/>.</summary>
    internal static string Echo(string value)
    {
        var text = new StringBuilder("'");
        foreach (var c in value.Length > InputLimits.MaxEchoLength ? value[..InputLimits.MaxEchoLength] : value)
        {
            text.Append(char.IsControl(c) || char.IsSurrogate(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return text.Append(value.Length > InputLimits.MaxEchoLength ? "…'" : "'").ToString();
    }

    /// <summary>Converts a 0-based line and byte position in that line to a 1-based line and UTF-16 column.</summary>
    internal static (int Line, int Column) Position(byte[] utf8, long line, long bytePosition)
    {
        var start = LineStart(utf8, line);
        var column = 1;
        for (var i = start; i < Math.Min(utf8.Length, start + bytePosition); i++)
        {
            var b = utf8[i];
            if ((b & 0xC0) != 0x80)
            {
                column += b >= 0xF0 ? 2 : 1;
            }
        }

        return ((int)line + 1, column);
    }

    /// <summary>Converts a byte offset to a 1-based line and UTF-16 column.</summary>
    internal static (int Line, int Column) PositionOf(byte[] utf8, long offset)
    {
        var line = 0;
        var start = 0;
        for (var i = 0; i < offset && i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                start = i + 1;
            }
        }

        return Position(utf8, line, offset - start);
    }

    private static long Offset(byte[] utf8, long line, long bytePosition) => LineStart(utf8, line) + bytePosition;

    private static int LineStart(byte[] utf8, long line)
    {
        var start = 0;
        for (var l = 0L; l < line && start < utf8.Length; l++)
        {
            var next = Array.IndexOf(utf8, (byte)'\n', start);
            if (next < 0)
            {
                return utf8.Length;
            }

            start = next + 1;
        }

        return start;
    }
}
