using MigraineProtocol.Cli.Input;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>validate --batch</c>: opens the batch file (or each <c>*.ndjson</c> file of a folder, in name order),
/// hands it to <see cref="BatchValidation"/> and prints each result as one line; unreadable lines also go to
/// stderr with their place. Exit 0 all valid, 1 any invalid, 2 any line unreadable (or no file).
/// </summary>
internal static class BatchOutput
{
    internal static int Run(CliIo io, string path, TreatmentProtocol protocol, ValidationOptions options)
    {
        string[] files;
        if (Directory.Exists(path))
        {
            files = [.. Directory.EnumerateFiles(path, "*.ndjson").Order(StringComparer.Ordinal)];
            if (files.Length == 0)
            {
                throw new CliException($"{InputFiles.Show(path)}: the folder holds no *.ndjson batch file.");
            }
        }
        else
        {
            files = [path]; // a missing file gets the one message of InputFiles
        }

        var anyInvalid = false;
        var anyUnreadable = false;
        foreach (var file in files)
        {
            try
            {
                using var reader = InputFiles.OpenText(file, "batch");
                foreach (var result in BatchValidation.Validate(reader, InputFiles.Show(file), protocol, options))
                {
                    io.Out.Write(BatchValidation.Write(result) + "\n");
                    anyInvalid |= result.Report is { IsValid: false };
                    anyUnreadable |= result.Report is null;
                    foreach (var problem in result.Problems)
                    {
                        io.Error.Write(problem + "\n");
                    }
                }
            }
            catch (Exception e) when (InputFiles.Failure(file, "batch", e) is { } failure)
            {
                throw failure;
            }
        }

        return anyUnreadable ? ExitCodes.BadInput : anyInvalid ? ExitCodes.Negative : ExitCodes.Ok;
    }
}
