using System.Collections.Immutable;
using System.Globalization;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Cli.Input;

/// <summary>
/// Reads the session and history files the commands take, with the library's strict readers
/// (<see cref="SessionJson"/>, <see cref="HistoryJson"/>). A missing or unreadable file, or a file that is
/// not a valid record, is a <see cref="CliException"/> (exit 2) whose message names the file and the line,
/// column or JSON path of every problem.
/// </summary>
internal static class RecordFiles
{
    internal static TreatmentSession ReadSession(string path) =>
        SessionJson.TryRead(ReadText(path, "session"), path, out var session, out var problems) ? session : throw Invalid("session", problems);

    internal static TreatmentHistory ReadHistory(string path) =>
        HistoryJson.TryRead(ReadText(path, "history"), path, out var history, out var problems) ? history : throw Invalid("history", problems);

    private static string ReadText(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"{path}: the {what} file does not exist.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: the {what} file cannot be read: {e.Message}");
        }
    }

    private static CliException Invalid(string what, ImmutableArray<string> problems) =>
        new(problems.Length == 1
            ? problems[0]
            : $"the {what} file is invalid ({problems.Length.ToString(CultureInfo.InvariantCulture)} problems):" + string.Concat(problems.Select(p => "\n  " + p)));
}
