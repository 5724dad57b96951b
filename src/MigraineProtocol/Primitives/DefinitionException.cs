using System.Collections.Immutable;

namespace MigraineProtocol.Primitives;

/// <summary>
/// Thrown when anatomy or protocol definitions break an invariant. <see cref="Problems"/> lists every
/// problem found, not only the first, each naming the definition (and, for files, the file and JSON path).
/// </summary>
public sealed class DefinitionException : ArgumentException
{
    /// <summary>Initializes a new instance with a list of problems.</summary>
    /// <param name="summary">What was being defined, for example <c>Protocol 'preempt'</c>.</param>
    /// <param name="problems">The problems; at least one.</param>
    public DefinitionException(string summary, IEnumerable<string> problems)
        : base(Compose(summary, problems, out var list))
    {
        Problems = list;
    }

    /// <summary>Initializes a new instance with a message.</summary>
    public DefinitionException()
        : this("Invalid definitions", ["The definitions are invalid."])
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message, used as the single problem.</param>
    public DefinitionException(string message)
        : this("Invalid definitions", [message])
    {
    }

    /// <summary>Initializes a new instance with a message and an inner exception.</summary>
    /// <param name="message">The message, used as the single problem.</param>
    /// <param name="innerException">The cause.</param>
    public DefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Gets every problem found, in the order found.</summary>
    public ImmutableArray<string> Problems { get; }

    private static string Compose(string summary, IEnumerable<string> problems, out ImmutableArray<string> list)
    {
        ArgumentNullException.ThrowIfNull(problems);
        list = [.. problems];
        return list.Length == 1
            ? $"{summary}: {list[0]}"
            : $"{summary}: {list.Length} problems:" + string.Concat(list.Select(p => Environment.NewLine + "  - " + p));
    }
}
