using System.CommandLine;
using MigraineProtocol.Cli.Commands;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Input;

namespace MigraineProtocol.Cli;

/// <summary>
/// The migraine-protocol command line. Exit codes: 0 done or valid, 1 a negative verdict, 2 bad input
/// or usage, 70 an internal error (a bug: no known input reaches it). Errors go to standard error as one clear message naming the place; never a stack trace.
/// </summary>
internal static class CliApp
{
    internal const int Ok = ExitCodes.Ok;
    internal const int Negative = ExitCodes.Negative;
    internal const int BadInput = ExitCodes.BadInput;
    internal const int Internal = ExitCodes.Internal;

    internal static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("migraine-protocol: print, validate and draw onabotulinumtoxinA chronic-migraine protocols (clinical decision support: it informs, a clinician decides).");
        var io = new CliIo(stdout, stderr);
        root.Subcommands.Add(PlanCommand.Create(io));
        root.Subcommands.Add(ValidateCommand.Create(io));
        root.Subcommands.Add(FhirCommand.Create(io));
        root.Subcommands.Add(MapCommand.Create(io));
        root.Subcommands.Add(OutcomesCommand.Create(io));
        root.Subcommands.Add(AdverseEventsCommand.Create(io));
        root.Subcommands.Add(DiaryCommand.Create(io));
        root.Subcommands.Add(EligibilityCommand.Create(io));
        root.Subcommands.Add(StoppingCommand.Create(io));
        root.Subcommands.Add(ReportCommand.Create(io));
        return root;
    }

    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var root = BuildRoot(stdout, stderr);
            var result = root.Parse(args);
            if (result.Errors.Count > 0)
            {
                stderr.WriteLine($"error: {UsageErrors.Describe(result, args)}");
                return BadInput;
            }

            return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (InputException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (UnauthorizedAccessException)
        {
            stderr.WriteLine("error: permission denied: a file could not be read or written.");
            return BadInput;
        }
        catch (IOException)
        {
            stderr.WriteLine("error: a file could not be read or written (is the disk full, or the path a directory?).");
            return BadInput;
        }
#pragma warning disable CA1031 // The last-resort handler: anything unexpected is one line and exit 70, never a stack trace.
        catch (Exception)
#pragma warning restore CA1031
        {
            stderr.WriteLine("error: internal error: the command failed unexpectedly; please report the command line and input that caused it.");
            return Internal;
        }
    }
}
