using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MigraineProtocol.Utility;

/// <summary>
/// Finds where JSON paths (<c>$.injections[3].units</c>) stand in a text, as 1-based line and column, by
/// one forward pass of <see cref="Utf8JsonReader"/>. Used to put a line and column on problems found
/// after parsing (a bad date, a negative dose), not only on syntax errors.
/// </summary>
internal static class JsonPositions
{
    /// <summary>Returns the line and column of the value at each path found; paths not in the text are left out.</summary>
    internal static Dictionary<string, (int Line, int Column)> Locate(string json, IReadOnlyCollection<string> paths)
    {
        var found = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        if (paths.Count == 0)
        {
            return found;
        }

        var wanted = new HashSet<string>(paths, StringComparer.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });

        // One frame per open container: the path of the container and, in an array, the next index.
        var stack = new Stack<(string Path, bool IsArray, int Index)>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = reader.GetString();
                        var propertyPath = stack.Count == 0 ? "$" : stack.Peek().Path + "." + pendingProperty;
                        Record(propertyPath, reader.TokenStartIndex);
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop();
                        continue;
                }

                var path = NextPath(stack, pendingProperty);
                pendingProperty = null;
                Record(path, reader.TokenStartIndex);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    stack.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error is reported by the deserializer with its own position; keep what was found.
        }

        return found;

        void Record(string path, long offset)
        {
            // The value's position wins over its property name's (recorded first, then overwritten).
            if (wanted.Contains(path))
            {
                found[path] = LineAndColumn(bytes, offset);
            }
        }
    }

    private static string NextPath(Stack<(string Path, bool IsArray, int Index)> stack, string? property)
    {
        if (stack.Count == 0)
        {
            return "$";
        }

        var (parent, isArray, index) = stack.Pop();
        if (isArray)
        {
            stack.Push((parent, true, index + 1));
            return parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        }

        stack.Push((parent, false, index));
        return parent + "." + property;
    }

    private static (int Line, int Column) LineAndColumn(byte[] bytes, long offset)
    {
        var line = 1;
        var lineStart = 0L;
        for (var i = 0L; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Columns count characters, not bytes: count UTF-8 lead bytes only.
        var column = 1;
        for (var i = lineStart; i < offset; i++)
        {
            if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }
}
