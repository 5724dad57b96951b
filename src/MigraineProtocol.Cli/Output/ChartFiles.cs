using System.CommandLine;

namespace MigraineProtocol.Cli.Output;

/// <summary>The <c>--chart FILE.svg</c> option of the diary, stopping and outcomes commands, and writing the chart.</summary>
internal static class ChartFiles
{
    internal static Option<string?> Option(string what) => new("--chart")
    {
        Description = $"Also draw {what} as an SVG chart to this file (deterministic; see docs/charts.md).",
    };

    /// <summary>Writes a chart (<see cref="OutputFiles"/>); standard output stays the command's table or JSON.</summary>
    internal static void Write(string path, string svg) => OutputFiles.Write(path, svg, "chart");
}
