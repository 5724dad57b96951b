using System.CommandLine;
using System.Globalization;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Definitions;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// Options shared by several commands, and the System.CommandLine helpers every command uses: allowed
/// values (<see cref="Choice"/>, which also gives completions and help), range checks as validators
/// (<see cref="Check{T}"/>), so the parser rejects a bad value before a command runs (exit 2, one line by
/// <see cref="UsageErrors"/>).
/// </summary>
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

        var files = paths.Select(path => DefinitionFile.FromJson(InputFiles.Show(path), InputFiles.ReadText(path, "definition"))).ToList();
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

    /// <summary><c>--format</c>, <c>-f</c>: one of <paramref name="formats"/>, the first the default.</summary>
    internal static Option<string> Format(params string[] formats) =>
        Choice(new Option<string>("--format", "-f"), "The output format", formats);

    /// <summary>Restricts an option to <paramref name="values"/> (<paramref name="defaultValue"/>, else the first, is the default):
    /// the parser rejects any other value, completions offer them and help lists them.</summary>
    internal static Option<T> Choice<T>(Option<T> option, string description, string[] values, string? defaultValue = null)
    {
        var chosen = defaultValue ?? values[0];
        option.Description = description + "."; // help adds the allowed values and the default: -f, --format <csv|json|table> ... [default: table]
        option.DefaultValueFactory = r => (T)Convert.ChangeType(chosen, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
        option.AcceptOnlyFromAmong(values);
        UsageErrors.Allow(option, values);
        return option;
    }

    /// <summary>Adds a check of the parsed value: <paramref name="check"/> returns the message for a bad value
    /// (starting with the option's name, as <see cref="UsageErrors"/> prints it), or <see langword="null"/>.</summary>
    internal static Option<T> Check<T>(this Option<T> option, Func<T, string?> check)
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count != 1)
            {
                return; // the default, or no value (UsageErrors says so)
            }

            T? value;
            try
            {
                value = r.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return; // not of the option's type: UsageErrors says what it expected
            }

            if (value is not null && check(value) is { } message)
            {
                r.AddError(message);
            }
        });
        return option;
    }

    /// <summary>Quotes a value the user typed for a message: control characters escaped, long values cut.</summary>
    internal static string Quote(string value) => "'" + InputFiles.Show(value.Length > 60 ? value[..60] + "…" : value) + "'";

    /// <summary>A number as the user may have typed it, round-trip and invariant.</summary>
    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static TreatmentProtocol ResolveProtocol(ProtocolCatalog catalog, string name)
    {
        if (ProtocolId.TryParse(name, null, out var id) && catalog.TryGet(id, out var protocol))
        {
            return protocol;
        }

        throw new CliException($"--protocol {Quote(name)}: no such protocol. Known protocols: {string.Join(", ", catalog.Ids)}.");
    }
}
