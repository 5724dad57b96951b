using System.CommandLine;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Definitions;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Cli.Commands;

/// <summary>Options shared by several commands, and their checks.</summary>
internal static class CommonOptions
{
    /// <summary>
    /// <c>--definitions FILE.json</c>, repeatable, on the commands that use anatomy or protocols (plan,
    /// validate, map, fhir export): definition files layered over the built-in anatomy and protocols.
    /// Each occurrence needs a value; a missing file is an error (exit 2).
    /// </summary>
    internal static readonly Option<string[]> Definitions = new("--definitions", "-d")
    {
        Description = "A definition file (JSON) of regions, muscles, sites and protocols, layered over the built-ins; repeatable, applied in order.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
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
            return Catalogs.Default;
        }

        var files = paths.Select(path => DefinitionFile.FromJson(Input.InputFiles.Show(path), Input.InputFiles.ReadText(path, "definition"))).ToList();
        return Catalogs.TryLoad(files, out var catalog, out var problems)
            ? catalog
            : throw new CliException(problems.Length == 1
                ? problems[0].ToString()
                : $"the definition files have {problems.Length} problems:" + string.Concat(problems.Select(p => "\n  " + p)));
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

    internal static string CheckFormat(string value, params string[] formats) => CheckChoice(value, "--format", formats);

    internal static string CheckChoice(string value, string option, params string[] choices) =>
        choices.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new CliException($"{option} {Quote(value)}: use one of {string.Join(", ", choices)}.");

    /// <summary>Quotes a value the user typed for a message: control characters escaped, long values cut.</summary>
    internal static string Quote(string value) => "'" + Input.InputFiles.Show(value.Length > 60 ? value[..60] + "…" : value) + "'";

    internal static TreatmentProtocol ResolveProtocol(ProtocolCatalog catalog, string name)
    {
        if (ProtocolId.TryParse(name, null, out var id) && catalog.TryGet(id, out var protocol))
        {
            return protocol;
        }

        throw new CliException($"--protocol {Quote(name)}: no such protocol. Known protocols: {string.Join(", ", catalog.Ids)}.");
    }
}
