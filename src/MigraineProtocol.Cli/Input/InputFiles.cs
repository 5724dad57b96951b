using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using MigraineProtocol.Input;

namespace MigraineProtocol.Cli.Input;

/// <summary>
/// The one way the commands open an input file: a missing file, a directory, an unreadable file, a file
/// over the readers' size limit or one that is not UTF-8 text each give one message naming the file
/// (exit 2), in the same words for every command; problems found by a library reader become one
/// <see cref="CliException"/> listing each with its place.
/// </summary>
internal static class InputFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a whole text file (UTF-8, a byte order mark allowed).</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="what">What the file should be, for messages ("session", "diary").</param>
    internal static string ReadText(string path, string what)
    {
        var info = Check(path, what);
        try
        {
            if (info.Length > InputLimits.MaxTextLength * 3L)
            {
                throw new CliException($"{Show(path)}: the file is {info.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes; the most a reader accepts is {InputLimits.MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)} characters.");
            }

            var bytes = File.ReadAllBytes(path);
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (Exception e) when (Failure(path, what, e) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Opens a text file to read line by line (UTF-8, a byte order mark skipped); read it inside
    /// <c>catch (Exception e) when (InputFiles.Failure(path, what, e) is { } failure)</c> so that a failure while reading has the same message.</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="what">What the file should be, for messages ("batch").</param>
    internal static StreamReader OpenText(string path, string what)
    {
        Check(path, what);
        try
        {
            var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: false);
            if (reader.Peek() == 0xFEFF)
            {
                reader.Read();
            }

            return reader;
        }
        catch (Exception e) when (Failure(path, what, e) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The one message for a file that cannot be read, by cause: not UTF-8, permission denied, gone, or any other I/O
    /// failure; <see langword="null"/> for an exception that is not about the file (it propagates).</summary>
    internal static CliException? Failure(string path, string what, Exception e) => e switch
    {
        CliException => null,
        DecoderFallbackException => new($"{Show(path)}: the file is not UTF-8 text; save the {what} file as UTF-8."),
        UnauthorizedAccessException or System.Security.SecurityException => new($"{Show(path)}: permission denied; the {what} file cannot be read."),
        FileNotFoundException or DirectoryNotFoundException => new($"{Show(path)}: no such file; expected a {what} file."),
        IOException or NotSupportedException or ArgumentException => new($"{Show(path)}: the {what} file cannot be read."),
        _ => null,
    };

    /// <summary>Checks that a path names an existing file (not blank, not a directory) and returns its information.</summary>
    private static FileInfo Check(string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CliException($"no {what} file was named; give the path of a {what} file.");
        }

        if (Directory.Exists(path))
        {
            throw new CliException($"{Show(path)}: is a directory; expected a {what} file.");
        }

        try
        {
            var info = new FileInfo(path);
            return info.Exists ? info : throw new CliException($"{Show(path)}: no such file; expected a {what} file.");
        }
        catch (Exception e) when (Failure(path, what, e) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Checks that an output path can be written: its folder exists and it is not a directory.</summary>
    internal static void CheckOutput(string path, string what)
    {
        var shown = Show(path);
        if (Directory.Exists(path))
        {
            throw new CliException($"{shown}: is a directory; expected the path of the {what} file to write.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliException($"{shown}: the folder {Show(folder)} does not exist; create it first.");
        }
    }

    /// <summary>The problems a library reader found, as one error: one line, or a count and one indented line per problem.</summary>
    internal static CliException Invalid(string path, string what, ImmutableArray<InputProblem> problems) =>
        new(problems.Length == 1
            ? problems[0].ToString()
            : $"{Show(path)}: the {what} file has {problems.Count(p => p.Code != InputProblemCodes.TooManyProblems).ToString(CultureInfo.InvariantCulture)}{(problems.Any(p => p.Code == InputProblemCodes.TooManyProblems) ? "+" : string.Empty)} problems:" + string.Concat(problems.Select(p => "\n  " + p)));

    /// <summary>A path as echoed in a message: control characters escaped, cut when very long.</summary>
    internal static string Show(string path)
    {
        var text = new StringBuilder();
        foreach (var c in path.Length > 200 ? path[..200] : path)
        {
            text.Append(char.IsControl(c) || char.IsSurrogate(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return path.Length > 200 ? text.Append('…').ToString() : text.ToString();
    }
}
