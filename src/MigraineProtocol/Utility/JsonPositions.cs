using System.Globalization;
using System.Text.Json;

namespace MigraineProtocol.Utility;

/// <summary>
/// Finds where JSON paths (<c>$.injections[3].units</c>) stand in a text, as 1-based line and column
/// (UTF-16 code units), by one forward pass of <see cref="Utf8JsonReader"/>: linear in the text however
/// many paths are asked for. Used to put a line and column on problems found after parsing.
/// </summary>
internal static class JsonPositions
{
    /// <summary>Returns the line and column of the value at each path found; paths not in the text are left out.</summary>
    internal static Dictionary<string, (int Line, int Column)> Locate(string json, IReadOnlyCollection<string> paths) =>
        Locate(System.Text.Encoding.UTF8.GetBytes(json), paths);

    /// <summary>Returns the line and column of the value at each path found; paths not in the text are left out.</summary>
    internal static Dictionary<string, (int Line, int Column)> Locate(ReadOnlyMemory<byte> utf8, IReadOnlyCollection<string> paths)
    {
        var found = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        if (paths.Count == 0)
        {
            return found;
        }

        var wanted = new HashSet<string>(paths, StringComparer.Ordinal);
        var cursor = new Utf8LineCursor(utf8);
        var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });

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
            // A syntax error is reported by the reader with its own position; keep what was found.
        }

        return found;

        void Record(string path, long offset)
        {
            // The value's position wins over its property name's (recorded first, then overwritten).
            if (wanted.Contains(path))
            {
                found[path] = cursor.At(offset);
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
}
