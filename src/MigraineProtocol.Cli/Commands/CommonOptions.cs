using System.CommandLine;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Cli.Commands;

/// <summary>Options shared by several commands, and their checks.</summary>
internal static class CommonOptions
{
    internal static Option<string> Protocol() => new("--protocol", "-p")
    {
        Description = "The protocol: 'preempt' (default) or 'us-label'.",
        DefaultValueFactory = _ => "preempt",
    };

    internal static Option<string> Format(params string[] formats) => new("--format", "-f")
    {
        Description = $"The output format: {string.Join(", ", formats.Select(f => $"'{f}'"))} (default '{formats[0]}').",
        DefaultValueFactory = _ => formats[0],
    };

    internal static string CheckFormat(string value, params string[] formats) =>
        formats.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new CliException($"Unknown format '{value}' for --format. Use one of: {string.Join(", ", formats)}.");

    internal static TreatmentProtocol ResolveProtocol(ProtocolCatalog catalog, string name)
    {
        if (ProtocolId.TryParse(name, null, out var id) && catalog.TryGet(id, out var protocol))
        {
            return protocol;
        }

        throw new CliException($"Unknown protocol '{name}' for --protocol. Known protocols: {string.Join(", ", catalog.Ids)}.");
    }
}
