using System.Text;
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
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
        else if (File.Exists(path))
        {
            files = [path];
        }
        else
        {
            throw new CliException($"{InputFiles.Show(path)}: no such file or folder; expected a batch file (newline-delimited JSON).");
        }

        var anyInvalid = false;
        var anyUnreadable = false;
        foreach (var file in files)
        {
            var shown = InputFiles.Show(file);
            try
            {
                using var reader = new StreamReader(file, StrictUtf8, detectEncodingFromByteOrderMarks: false);
                if (reader.Peek() == 0xFEFF)
                {
                    reader.Read();
                }

                foreach (var result in BatchValidation.Validate(reader, shown, protocol, options))
                {
                    io.Out.Write(BatchValidation.Write(result));
                    io.Out.Write('\n');
                    if (result.Report is { } report)
                    {
                        anyInvalid |= !report.IsValid;
                    }
                    else
                    {
                        anyUnreadable = true;
                        foreach (var problem in result.Problems)
                        {
                            io.Error.Write(problem.ToString());
                            io.Error.Write('\n');
                        }
                    }
                }
            }
            catch (DecoderFallbackException)
            {
                throw new CliException($"{shown}: the file is not UTF-8 text; save the batch file as UTF-8.");
            }
            catch (Exception e) when (e is UnauthorizedAccessException or System.Security.SecurityException)
            {
                throw new CliException($"{shown}: permission denied; the batch file cannot be read.");
            }
            catch (IOException)
            {
                throw new CliException($"{shown}: the batch file cannot be read.");
            }
        }

        return anyUnreadable ? ExitCodes.BadInput : anyInvalid ? ExitCodes.Negative : ExitCodes.Ok;
    }
}
