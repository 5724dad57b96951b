using MigraineProtocol.Cli;

namespace MigraineProtocol.Tests.Cli;

/// <summary>Runs the command line in-process and captures its output.</summary>
internal static class CliRunner
{
    internal static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
