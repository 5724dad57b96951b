using System.Collections.Immutable;
using System.Globalization;

namespace MigraineProtocol.Input;

/// <summary>
/// Collects the problems of one input: at most <see cref="InputLimits.MaxProblems"/> are kept (the rest
/// are counted), and problems known only by JSON path get their line and column from one pass over the
/// text when the list is built.
/// </summary>
internal sealed class ProblemSink
{
    private readonly List<Entry> entries = [];
    private int dropped;

    internal ProblemSink(string? source) =>
        Source = string.IsNullOrWhiteSpace(source) ? "input" : source;

    internal string Source { get; }

    internal int Count => entries.Count + dropped;

    internal bool HasProblems => Count > 0;

    /// <summary>Gets or sets the text's UTF-8 bytes, used to locate problems added by JSON path only.</summary>
    internal ReadOnlyMemory<byte>? Utf8 { get; set; }

    /// <summary>Adds a problem at a known place.</summary>
    internal void Add(int? line, int? column, string? location, string code, string message) =>
        Add(new Entry(line, column, location, code, message, Locate: false));

    /// <summary>Adds a problem known by its JSON path; its line and column are found when the list is built.</summary>
    internal void AddAtPath(string path, string code, string message) =>
        Add(new Entry(null, null, path, code, message, Locate: true));

    internal ImmutableArray<InputProblem> ToImmutable()
    {
        if (entries.Count == 0 && dropped == 0)
        {
            return [];
        }

        var positions = Utf8 is { } bytes && entries.Any(e => e.Locate)
            ? Utility.JsonPositions.Locate(bytes, [.. entries.Where(e => e.Locate).Select(e => e.Location!)])
            : null;
        var list = ImmutableArray.CreateBuilder<InputProblem>(entries.Count + 1);
        foreach (var e in entries)
        {
            if (e.Locate && positions is not null && positions.TryGetValue(e.Location!, out var at))
            {
                list.Add(new InputProblem(Source, at.Line, at.Column, e.Location, e.Code, e.Message));
            }
            else
            {
                list.Add(new InputProblem(Source, e.Line, e.Column, e.Location, e.Code, e.Message));
            }
        }

        if (dropped > 0)
        {
            list.Add(new InputProblem(
                Source,
                null,
                null,
                null,
                InputProblemCodes.TooManyProblems,
                $"{dropped.ToString(CultureInfo.InvariantCulture)} more problem{(dropped == 1 ? string.Empty : "s")} not listed (at most {InputLimits.MaxProblems.ToString(CultureInfo.InvariantCulture)} are listed); fix these and read again."));
        }

        return list.ToImmutable();
    }

    private void Add(Entry entry)
    {
        if (entries.Count < InputLimits.MaxProblems)
        {
            entries.Add(entry);
        }
        else
        {
            dropped++;
        }
    }

    private readonly record struct Entry(int? Line, int? Column, string? Location, string Code, string Message, bool Locate);
}
