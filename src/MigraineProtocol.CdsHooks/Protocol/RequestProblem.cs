using System.Collections.Immutable;
using MigraineProtocol.Input;

namespace MigraineProtocol.CdsHooks.Protocol;

/// <summary>
/// A request that cannot be served: an HTTP status and a message naming the JSON place; never a stack trace.
/// A body that cannot be read (400) carries every <see cref="InputProblem"/> found (ADR 0100, ADR 0150).
/// </summary>
internal sealed class RequestProblem : Exception
{
    public RequestProblem(int status, string message)
        : base(message)
    {
        Status = status;
        Problems = [];
    }

    public RequestProblem(ImmutableArray<InputProblem> problems)
        : base(string.Join("\n", problems.Select(p => p.ToString())))
    {
        Status = StatusCodes.Status400BadRequest;
        Problems = problems;
    }

    public int Status { get; }

    /// <summary>Gets the problems of a body that cannot be read; empty for the other statuses.</summary>
    public ImmutableArray<InputProblem> Problems { get; }
}
