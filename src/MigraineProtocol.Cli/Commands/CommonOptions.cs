using System.CommandLine;
using MigraineProtocol.Definitions;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Cli.Commands;

/// <summary>Options shared by several commands, and their checks.</summary>
internal static class CommonOptions
{
    /// <summary>
    /// <c>--definitions FILE.json</c>, repeatable, on every command (a recursive option of the root):
    /// definition files layered over the built-in anatomy and protocols.
    /// </summary>
    internal static readonly Option<string[]> Definitions = new("--definitions", "-d")
    {
        Description = "A definition file (JSON) of regions, muscles, sites and protocols, layered over the built-ins; repeatable, applied in order.",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Returns the protocol catalog of a run: the built-ins, with any <c>--definitions</c> files layered over them.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="CliException">A definition file is missing, unreadable or invalid; the message lists every problem with its file and JSON path.</exception>
    internal static ProtocolCatalog Catalog(ParseResult result)
    {
        var paths = result.GetValue(Definitions) ?? [];
        if (paths.Length == 0)
        {
            return ProtocolCatalog.Default;
        }

        var files = new List<DefinitionFile>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new CliException($"{path}: the definition file does not exist.");
            }

            files.Add(DefinitionFile.FromPath(path));
        }

        return ProtocolCatalog.TryLoad(files, out var catalog, out var problems)
            ? catalog
            : throw new CliException($"the definition files are invalid ({problems.Length} problem{(problems.Length == 1 ? string.Empty : "s")}):" + string.Concat(problems.Select(p => "\n  " + p)));
    }

    internal static Option<string> Protocol() => new("--protocol", "-p")
    {
        Description = "The protocol: 'preempt' (default), 'us-label', or one from a --definitions file.",
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
