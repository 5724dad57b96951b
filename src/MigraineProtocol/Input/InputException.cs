using System.Collections.Immutable;

namespace MigraineProtocol.Input;

/// <summary>
/// Thrown by a reader's <c>Read</c> method when the input cannot be read: <see cref="Problems"/> lists every
/// problem found (up to <see cref="InputLimits.MaxProblems"/>), each with its place. The matching
/// <c>TryRead</c> method returns the same problems instead of throwing.
/// </summary>
/// <remarks>The message is the problems' lines, the first one alone when there is one.</remarks>
public sealed class InputException : FormatException
{
    /// <summary>Initializes an exception with the problems found.</summary>
    /// <param name="problems">The problems; at least one, none <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty or holds <see langword="null"/>.</exception>
    public InputException(IEnumerable<InputProblem> problems)
        : this(Check(problems))
    {
    }

    /// <summary>Initializes an exception with one problem about an input named <c>input</c>.</summary>
    public InputException()
        : this("The input could not be read.")
    {
    }

    /// <summary>Initializes an exception with one problem about an input named <c>input</c>.</summary>
    /// <param name="message">The problem.</param>
    public InputException(string message)
        : this([new InputProblem("input", null, null, null, InputProblemCodes.InvalidValue, message)])
    {
    }

    /// <summary>Initializes an exception with one problem about an input named <c>input</c> and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public InputException(string message, Exception innerException)
        : base(message, innerException) =>
        Problems = [new InputProblem("input", null, null, null, InputProblemCodes.InvalidValue, message)];

    private InputException(ImmutableArray<InputProblem> problems)
        : base(Compose(problems)) => Problems = problems;

    /// <summary>Gets every problem found, in the order found (a cap notice last when there were more than <see cref="InputLimits.MaxProblems"/>).</summary>
    public ImmutableArray<InputProblem> Problems { get; }

    private static ImmutableArray<InputProblem> Check(IEnumerable<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ImmutableArray<InputProblem> list = [.. problems];
        Utility.Preconditions.CheckArgument(list.Length > 0 && !list.Any(p => p is null), nameof(problems), "An input exception needs at least one problem, and no null problem.");
        return list;
    }

    private static string Compose(ImmutableArray<InputProblem> problems) =>
        problems.Length == 1 ? problems[0].ToString() : string.Join("\n", problems.Select(p => p.ToString()));
}
