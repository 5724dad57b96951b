using System.Collections.Immutable;

namespace MigraineProtocol.Serialization;

/// <summary>
/// Thrown when a JSON document (a session, history or report) cannot be read. <see cref="Problems"/>
/// lists every problem found, each naming the source, the JSON path and, where the JSON itself is
/// malformed, the line and column: <c>session.json:3:14: $.injections[0].units: ...</c>.
/// </summary>
public sealed class JsonReadException : FormatException
{
    /// <summary>Initializes a new instance with the problems found.</summary>
    /// <param name="sourceName">The name of the source (usually a path).</param>
    /// <param name="problems">The problems; at least one.</param>
    public JsonReadException(string sourceName, IEnumerable<string> problems)
        : base(Compose(sourceName, problems, out var list))
    {
        SourceName = sourceName;
        Problems = list;
    }

    /// <summary>Initializes a new instance.</summary>
    public JsonReadException()
        : this("json", ["The JSON could not be read."])
    {
    }

    /// <summary>Initializes a new instance with one problem.</summary>
    /// <param name="message">The problem.</param>
    public JsonReadException(string message)
        : this("json", [message])
    {
    }

    /// <summary>Initializes a new instance with one problem and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public JsonReadException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourceName = "json";
        Problems = [message];
    }

    /// <summary>Gets the name of the source the problems are reported under.</summary>
    public string SourceName { get; } = "json";

    /// <summary>Gets every problem found, in document order.</summary>
    public ImmutableArray<string> Problems { get; }

    private static string Compose(string sourceName, IEnumerable<string> problems, out ImmutableArray<string> list)
    {
        ArgumentNullException.ThrowIfNull(problems);
        list = [.. problems];
        return list.Length == 1
            ? list[0]
            : $"{sourceName}: {list.Length} problems:" + string.Concat(list.Select(p => "\n  " + p));
    }
}
