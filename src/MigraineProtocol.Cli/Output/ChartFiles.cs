using System.CommandLine;
using System.Text;
using MigraineProtocol.Cli.Input;

namespace MigraineProtocol.Cli.Output;

/// <summary>The <c>--chart FILE.svg</c> option of the diary, stopping and outcomes commands, and writing the chart.</summary>
internal static class ChartFiles
{
    internal static Option<string?> Option(string what) => new("--chart")
    {
        Description = $"Also draw {what} as an SVG chart to this file (deterministic; see docs/charts.md).",
    };

    /// <summary>Writes a chart (UTF-8 without a byte-order mark); standard output stays the command's table or JSON.</summary>
    internal static void Write(CliIo io, string path, string svg)
    {
        try
        {
            File.WriteAllText(path, svg, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: the chart cannot be written: {e.Message}");
        }
    }
}
