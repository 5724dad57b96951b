namespace MigraineProtocol.CdsHooks.Protocol;

/// <summary>A request that cannot be read: an HTTP status and a message naming the JSON place; never a stack trace.</summary>
internal sealed class RequestProblem(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
