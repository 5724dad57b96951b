using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Serialization;

/// <summary>Strict reading shared by the JSON readers: every problem with its source, JSON path and, for malformed JSON, line and column.</summary>
internal sealed partial class JsonReading(string sourceName)
{
    // Each problem is either already formatted (Path null) or a JSON path and message that gets its line
    // and column from the text when the problems are read.
    private readonly List<(string? Path, string Message)> problems = [];
    private string? text;

    internal string SourceName { get; } = string.IsNullOrWhiteSpace(sourceName) ? "json" : sourceName;

    internal bool HasProblems => problems.Count > 0;

    internal List<string> Problems
    {
        get
        {
            var positions = text is null
                ? []
                : JsonPositions.Locate(text, [.. problems.Where(p => p.Path is not null).Select(p => p.Path!)]);
            return [.. problems.Select(p => p.Path is null
                ? p.Message
                : positions.TryGetValue(p.Path, out var at)
                    ? $"{SourceName}:{at.Line.ToString(CultureInfo.InvariantCulture)}:{at.Column.ToString(CultureInfo.InvariantCulture)}: {p.Path}: {p.Message}"
                    : $"{SourceName}: {p.Path}: {p.Message}")];
        }
    }

    internal void Add(string path, string message) => problems.Add((path, message));

    internal T? Deserialize<T>(string? json, JsonTypeInfo<T> info, string what)
        where T : class
    {
        if (json is null)
        {
            problems.Add((null, $"{SourceName}: no JSON text was given."));
            return null;
        }

        text = json;
        try
        {
            var doc = JsonSerializer.Deserialize(json, info);
            if (doc is null)
            {
                Add("$", $"the document is JSON null, not {what} object.");
            }

            return doc;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"{SourceName}:{line + 1}:{(e.BytePositionInLine ?? 0) + 1}" : SourceName;
            problems.Add((null, $"{where}: {e.Path ?? "$"}: {JsonErrorText.Describe(e)}"));
            return null;
        }
    }

    internal bool TryDate(string text, string path, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        Add(path, $"'{text}' is not a date; write a calendar date as 'yyyy-MM-dd' (for example '2026-03-02').");
        return false;
    }

    internal bool TryUnits(decimal value, string path, out ToxinUnits units)
    {
        if (ToxinUnits.TryFromUnits(value, out units))
        {
            return true;
        }

        Add(path, $"{value.ToString(CultureInfo.InvariantCulture)} is not a valid amount of toxin units: it must be 0 to {ToxinUnits.MaxValue.ToString("N", null)} with at most two decimal places.");
        return false;
    }

    internal bool TryVolume(decimal value, string path, out Volume volume)
    {
        if (Volume.TryFromMillilitres(value, out volume) && volume > Volume.Zero)
        {
            return true;
        }

        Add(path, $"{value.ToString(CultureInfo.InvariantCulture)} is not a valid diluent volume in mL: it must be more than 0 with at most three decimal places.");
        return false;
    }

    internal bool TryText(string? text, string path, out string? value)
    {
        value = text;
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Add(path, "the text must not be empty or white space; leave the property out instead.");
            return false;
        }

        return true;
    }

    internal static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Removes trailing zeros so that 5.00 is written 5.</summary>
    internal static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    internal static CitationDefinition ToDocument(Citation c) => new() { Source = c.Source, Locator = c.Locator, Verification = Citation.FormatLevel(c.Verification) };

    internal Citation? FromDocument(CitationDefinition c, string path)
    {
        if (!Citation.TryParseLevel(c.Verification, out var level))
        {
            Add(path + ".verification", $"'{c.Verification}' is not a verification level; use 'verified', 'verified-2nd' or 'unverified'.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(c.Source) || string.IsNullOrWhiteSpace(c.Locator))
        {
            Add(path, "a citation needs a non-empty source and locator.");
            return null;
        }

        return new Citation(c.Source, c.Locator, level);
    }

}
