using System.Collections.Immutable;
using System.Globalization;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Cli.Input;

/// <summary>Reads the files the commands take, with the library's strict readers; every failure is a <see cref="CliException"/> naming the file and place.</summary>
internal static class CliFiles
{
    internal static string ReadText(string path, string what) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new CliException($"{path}: the {what} file does not exist.");

    internal static TreatmentSession ReadSession(string path) =>
        SessionJson.TryRead(ReadText(path, "session"), path, out var session, out var problems) ? session : throw Invalid("session", problems);

    internal static TreatmentHistory ReadHistory(string path) =>
        HistoryJson.TryRead(ReadText(path, "history"), path, out var history, out var problems) ? history : throw Invalid("history", problems);

    internal static CliException Invalid(string what, ImmutableArray<string> problems) =>
        new(problems.Length == 1
            ? problems[0]
            : $"the {what} file is invalid ({problems.Length.ToString(CultureInfo.InvariantCulture)} problems):" + string.Concat(problems.Select(p => "\n  " + p)));
}
