using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Input;

namespace MigraineProtocol.Serialization;

/// <summary>Strict reading shared by the JSON record readers: the one JSON policy (<see cref="JsonInput"/>, ADR 0100) and the value checks, every problem an <see cref="InputProblem"/>.</summary>
internal sealed class JsonReading(string sourceName)
{
    private readonly ProblemSink sink = new(sourceName);

    internal string SourceName => sink.Source;

    internal bool HasProblems => sink.HasProblems;

    internal int ProblemCount => sink.Count;

    internal ImmutableArray<InputProblem> Problems => sink.ToImmutable();

    internal void Add(string path, string message) => sink.AddAtPath(path, InputProblemCodes.InvalidValue, message);

    internal void Add(string path, string code, string message) => sink.AddAtPath(path, code, message);

    internal T? Deserialize<T>(string? json, JsonTypeInfo<T> info, string what)
        where T : class => JsonInput.Read(json, info, what, sink);

    internal bool TryDate(string text, string path, out DateOnly date)
    {
        if (TextInput.TryDate(text, out date, out var problem, out var outOfRange))
        {
            return true;
        }

        Add(path, outOfRange ? InputProblemCodes.LimitExceeded : InputProblemCodes.InvalidValue, problem!);
        return false;
    }

    /// <summary>As <see cref="TryDate(string, string, out DateOnly)"/>, the path of an array item's field built only for a problem.</summary>
    internal bool TryDate(string text, ItemPath item, string field, out DateOnly date) =>
        TextInput.TryDate(text, out date, out _, out _) || TryDate(text, item.Of(field), out date);

    /// <summary>As <see cref="TryUnits(decimal, string, out ToxinUnits)"/>, the path of an array item's field built only for a problem.</summary>
    internal bool TryUnits(decimal value, ItemPath item, string field, out ToxinUnits units) =>
        ToxinUnits.TryFromUnits(value, out units) || TryUnits(value, item.Of(field), out units);

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

        if (text is not null && HasControl(text))
        {
            Add(path, $"the text {Echo.Quote(text)} holds a control character (a line break, tab or escape); write it on one line.");
            value = null;
            return false;
        }

        return true;
    }

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    internal static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Removes trailing zeros so that 5.00 is written 5.</summary>
    internal static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    internal static CitationDefinition ToDocument(Citation c) => new() { Source = c.Source, Locator = c.Locator, Verification = Citation.FormatLevel(c.Verification) };

    internal Citation? FromDocument(CitationDefinition c, string path)
    {
        if (!Citation.TryParseLevel(c.Verification, out var level))
        {
            Add(path + ".verification", $"{Echo.Quote(c.Verification)} is not a verification level; use 'verified', 'verified-2nd' or 'unverified'.");
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

/// <summary>The JSON path of an item of an array (<c>$.session.injections[3]</c>), built as text only when a problem names it.</summary>
/// <param name="Root">The path of the object holding the array.</param>
/// <param name="Array">The array's property name.</param>
/// <param name="Index">The item's index.</param>
internal readonly record struct ItemPath(string Root, string Array, int Index)
{
    /// <summary>Returns the item's path, or the path of one of its fields.</summary>
    internal string Of(string? field = null) =>
        field is null
            ? $"{Root}.{Array}[{Index.ToString(CultureInfo.InvariantCulture)}]"
            : $"{Root}.{Array}[{Index.ToString(CultureInfo.InvariantCulture)}].{field}";
}
