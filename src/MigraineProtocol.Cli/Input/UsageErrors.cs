using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace MigraineProtocol.Cli.Input;

/// <summary>
/// Turns the parser's errors into one line in the tool's words: an unknown option with the nearest known
/// one, a value that is not a number, a switch given a value, a missing value or argument. Never the
/// parser's own text or a .NET type name.
/// </summary>
internal static class UsageErrors
{
    internal static string Describe(ParseResult result, IReadOnlyList<string> args)
    {
        var command = result.CommandResult.Command;
        var name = CommandPath(result.CommandResult);
        if (result.UnmatchedTokens.Count > 0)
        {
            var token = result.UnmatchedTokens[0];
            var shown = Quote(token);
            if (token.StartsWith('-') && token.Length > 1 && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                var options = OptionNames(command).ToList();
                return Nearest(token, options) is { } near
                    ? $"unknown option {shown} for '{name}'; did you mean '{near}'?"
                    : $"unknown option {shown} for '{name}'. Its options: {string.Join(", ", options.Where(o => o.StartsWith("--", StringComparison.Ordinal)))}.";
            }

            var index = IndexOf(args, token);
            if (index > 0 && FindOption(command, args[index - 1]) is { } flag && (flag.ValueType == typeof(bool) || flag.ValueType == typeof(bool?)))
            {
                return $"{flag.Name} takes true or false, not {shown}.";
            }

            if (command.Subcommands.Count > 0)
            {
                var names = command.Subcommands.Select(c => c.Name).ToList();
                return Nearest(token, names) is { } near
                    ? $"unknown command {shown} for '{name}'; did you mean '{near}'?"
                    : $"unknown command {shown} for '{name}'. Commands: {string.Join(", ", names)}.";
            }

            return $"unexpected argument {shown} for '{name}'; it takes {Arguments(command)}.";
        }

        foreach (var error in result.Errors)
        {
            if (error.Message.StartsWith("--", StringComparison.Ordinal))
            {
                return error.Message; // a command's own check (CommonOptions.Check, a command validator): already in the tool's words
            }

            var symbol = error.SymbolResult is ArgumentResult { Parent: OptionResult parent } ? parent : error.SymbolResult;
            switch (symbol)
            {
                case OptionResult o when o.IdentifierTokenCount == 0 && o.Option.Required:
                    return $"'{name}' needs {o.Option.Name}; run 'migraine-protocol {name} --help'.";
                case OptionResult o when o.Tokens.Count == 0:
                    return $"{o.Option.Name} needs a value.";
                case OptionResult o when o.Tokens.Count > 1 && o.Option.Arity.MaximumNumberOfValues == 1:
                    return $"{o.Option.Name} is given {o.Tokens.Count.ToString(CultureInfo.InvariantCulture)} times; give it once.";
                case OptionResult o when Converts(o.Tokens[^1].Value, o.Option.ValueType) && AllowedValues(o.Option) is { Count: > 0 } allowed:
                    return $"{o.Option.Name} {Quote(o.Tokens[^1].Value)}: use one of {string.Join(", ", allowed)}.";
                case OptionResult o:
                    return $"{o.Option.Name} {Quote(o.Tokens[^1].Value)}: expected {Expected(o.Option.ValueType)}.";
                case ArgumentResult a when a.Tokens.Count == 0:
                    return $"'{name}' needs {a.Argument.Name}; run 'migraine-protocol {name} --help'.";
                case ArgumentResult a:
                    return $"{a.Argument.Name} {Quote(a.Tokens[^1].Value)}: expected {Expected(a.Argument.ValueType)}.";
                case CommandResult when result.CommandResult.Command.Options.FirstOrDefault(o => o.Required && result.GetResult(o) is null) is { } missing:
                    return $"'{name}' needs {missing.Name}; run 'migraine-protocol {name} --help'.";
            }
        }

        if (command.Subcommands.Count > 0)
        {
            return $"'{name}' needs a command: {string.Join(" or ", command.Subcommands.Select(c => c.Name))}.";
        }

        return $"the command line is not valid for '{name}'; run 'migraine-protocol {name} --help'.";
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent)
        {
            if (c.Parent is not null)
            {
                names.Insert(0, c.Command.Name);
            }
        }

        return names.Count == 0 ? "migraine-protocol" : string.Join(' ', names);
    }

    private static IEnumerable<string> OptionNames(Command command) =>
        command.Options.SelectMany(o => new[] { o.Name }.Concat(o.Aliases)).Distinct(StringComparer.Ordinal);

    private static Option? FindOption(Command command, string token) =>
        command.Options.FirstOrDefault(o => o.Name == token || o.Aliases.Contains(token));

    private static int IndexOf(IReadOnlyList<string> args, string token)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == token)
            {
                return i;
            }
        }

        return -1;
    }

    private static readonly ConditionalWeakTable<Option, string[]> Allowed = [];

    /// <summary>Records the values an option accepts (set with <c>AcceptOnlyFromAmong</c>), in the order a message lists them.</summary>
    internal static void Allow(Option option, string[] values) => Allowed.AddOrUpdate(option, values);

    /// <summary>The values an option accepts, in their declared order (else as its completions list them); empty when any value of its type goes.</summary>
    internal static IReadOnlyList<string> AllowedValues(Option option) =>
        Allowed.TryGetValue(option, out var values) ? values
        : option.ValueType == typeof(bool) || option.ValueType == typeof(bool?) ? [] : [.. option.GetCompletions(CompletionContext.Empty).Select(c => c.Label)];

    private static bool Converts(string token, Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(int) => int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            var t when t == typeof(long) => long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            var t when t == typeof(double) => double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            var t when t == typeof(bool) => bool.TryParse(token, out _),
            _ => true,
        };

    private static string Arguments(Command command) =>
        command.Arguments.Count == 0 ? "no arguments" : string.Join(" and ", command.Arguments.Select(a => a.Name));

    private static string Expected(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(int) || t == typeof(long) => "a whole number",
            var t when t == typeof(double) || t == typeof(decimal) => "a number (with a decimal point, for example 0.95)",
            var t when t == typeof(bool) => "true or false",
            var t when t == typeof(DateOnly) => "a date (yyyy-MM-dd)",
            _ => "a value",
        };

    /// <summary>The closest name within a small edit distance, or <see langword="null"/>.</summary>
    internal static string? Nearest(string token, IEnumerable<string> names)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var n in names)
        {
            var d = Distance(token.TrimStart('-'), n.TrimStart('-'));
            if (d < bestDistance)
            {
                (best, bestDistance) = (n, d);
            }
        }

        return best is not null && bestDistance <= Math.Max(2, token.TrimStart('-').Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Quote(string value) => "'" + InputFiles.Show(value.Length > 60 ? value[..60] + "…" : value).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
