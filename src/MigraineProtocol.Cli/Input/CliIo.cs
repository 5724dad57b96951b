namespace MigraineProtocol.Cli.Input;

/// <summary>The exit codes of the command line: 0 done or valid, 1 a negative verdict, 2 bad input or usage, 70 an internal error.</summary>
internal static class ExitCodes
{
    internal const int Ok = 0;
    internal const int Negative = 1;
    internal const int BadInput = 2;
    internal const int Internal = 70;
}

/// <summary>The output and error writers of one run.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliIo(TextWriter Out, TextWriter Error);

/// <summary>A failure to report as one message on standard error with an exit code (2 by default).</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
