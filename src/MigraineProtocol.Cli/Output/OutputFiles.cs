using System.Text;
using MigraineProtocol.Cli.Input;

namespace MigraineProtocol.Cli.Output;

/// <summary>The one way the commands write a file (a map, a chart, a report): checked first, written whole to a side
/// file and moved over the target, so a failure never leaves a partial file; one message naming the file on failure.</summary>
internal static class OutputFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="text">The content.</param>
    /// <param name="what">What the file is, for messages ("map", "chart", "report").</param>
    internal static void Write(string path, string text, string what)
    {
        InputFiles.CheckOutput(path, what);
        var temporary = path + ".partial";
        try
        {
            File.WriteAllText(temporary, text, Utf8);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new CliException($"{InputFiles.Show(path)}: the {what} cannot be written ({(e is UnauthorizedAccessException ? "permission denied" : "the disk or path refused it")}).");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the error about the file itself is reported.
        }
    }
}
