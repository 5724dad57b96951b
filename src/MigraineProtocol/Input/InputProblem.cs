using System.Globalization;
using System.Text;

namespace MigraineProtocol.Input;

/// <summary>
/// One problem found in an input (a JSON or CSV file, or any text handed to a reader): where it is and
/// what is wrong, in the words of the file's format. Every reader of the library reports its problems
/// as a list of these, and <see cref="ToString"/> gives the one line a command-line tool prints:
/// <c>session.json:3:14: $.injections[0].units: the value is a string; write a number ...</c>.
/// </summary>
/// <remarks>
/// <para>Lines and columns are 1-based; columns count UTF-16 code units from the start of the line, as
/// editors show them (a tab is one column, a character outside the Basic Multilingual Plane is two).
/// Either both are known or neither is.</para>
/// <para><see cref="Location"/> is a JSON path (<c>$.sites[3].id</c>) for JSON inputs, a column name
/// (<c>duration_hours</c>) for CSV inputs and a FHIRPath-style location for FHIR Bundles; it is
/// <see langword="null"/> when the problem concerns the whole input.</para>
/// <para><see cref="Code"/> is one of <see cref="InputProblemCodes"/>; it is stable and meant for programs,
/// while <see cref="Message"/> is for people and may be reworded. Values from the input are quoted,
/// control characters escaped and long values cut (see docs/json-formats.md).</para>
/// <para>Equality is by value over every property.</para>
/// </remarks>
public sealed class InputProblem : IEquatable<InputProblem>
{
    /// <summary>Initializes a problem.</summary>
    /// <param name="source">The name of the input (usually its path); not empty.</param>
    /// <param name="line">The 1-based line, or <see langword="null"/> when not known.</param>
    /// <param name="column">The 1-based column in UTF-16 code units, or <see langword="null"/> when not known; given exactly when <paramref name="line"/> is.</param>
    /// <param name="location">The JSON path, CSV column name or FHIRPath of the value, or <see langword="null"/>.</param>
    /// <param name="code">The problem code, one of <see cref="InputProblemCodes"/>.</param>
    /// <param name="message">What is wrong and, where it helps, how to fix it; not empty.</param>
    /// <exception cref="ArgumentException"><paramref name="source"/>, <paramref name="code"/> or <paramref name="message"/> is empty, or only one of line and column is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> or <paramref name="column"/> is below 1.</exception>
    public InputProblem(string source, int? line, int? column, string? location, string code, string message)
    {
        Source = Utility.Preconditions.CheckNotBlank(source);
        Code = Utility.Preconditions.CheckNotBlank(code);
        Message = Utility.Preconditions.CheckNotBlank(message);
        Utility.Preconditions.CheckArgument(line.HasValue == column.HasValue, nameof(column), "A line and a column are given together or not at all.");
        Utility.Preconditions.CheckRange(line is null or >= 1, nameof(line), line, "Lines are numbered from 1.");
        Utility.Preconditions.CheckRange(column is null or >= 1, nameof(column), column, "Columns are numbered from 1.");
        Line = line;
        Column = column;
        Location = string.IsNullOrEmpty(location) ? null : location;
    }

    /// <summary>Gets the name of the input (usually its path).</summary>
    public string Source { get; }

    /// <summary>Gets the 1-based line, or <see langword="null"/> when not known.</summary>
    public int? Line { get; }

    /// <summary>Gets the 1-based column in UTF-16 code units, or <see langword="null"/> when not known.</summary>
    public int? Column { get; }

    /// <summary>Gets the JSON path, CSV column name or FHIRPath of the value, or <see langword="null"/> for the whole input.</summary>
    public string? Location { get; }

    /// <summary>Gets the stable problem code (one of <see cref="InputProblemCodes"/>).</summary>
    public string Code { get; }

    /// <summary>Gets what is wrong, for people.</summary>
    public string Message { get; }

    /// <summary>Returns <c>source:line:column: location: message</c>, leaving out the parts not known.</summary>
    /// <returns>The one-line text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Source);
        if (Line is { } line && Column is { } column)
        {
            text.Append(CultureInfo.InvariantCulture, $":{line}:{column}");
        }

        text.Append(": ");
        if (Location is not null)
        {
            text.Append(Location).Append(": ");
        }

        return text.Append(Message).ToString();
    }

    /// <summary>
    /// Quotes a value taken from an input for a problem message, the way every reader of the library
    /// does: in single quotes, escaped as <see cref="Escape"/> does. A reader written outside the
    /// library (a service's request reader, an integrator's own format) uses it to echo values the same way.
    /// </summary>
    /// <param name="value">The value as read, or <see langword="null"/>.</param>
    /// <returns><c>'value'</c> escaped and cut, or <c>null</c> (the word) for <see langword="null"/>.</returns>
    /// <example><c>InputProblem.Quote("left\nright")</c> returns <c>'left\nright'</c> with a backslash and an <c>n</c>, not a line break.</example>
    public static string Quote(string? value) => Echo.Quote(value);

    /// <summary>
    /// Escapes a value taken from an input so that a message can never write raw control sequences to a
    /// terminal: line breaks and tabs become <c>\n</c>, <c>\r</c>, <c>\t</c>; a backslash and a single
    /// quote are preceded by a backslash; other control characters, bidirectional overrides
    /// (U+202A-U+202E, U+2066-U+2069), U+2028, U+2029 and lone surrogates become <c>\uXXXX</c>; the
    /// value is cut to <see cref="InputLimits.MaxEchoLength"/> characters (never inside a surrogate
    /// pair) with an ellipsis.
    /// </summary>
    /// <param name="value">The value as read.</param>
    /// <returns>The escaped, possibly cut, value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Echo.Escape(value);
    }

    /// <inheritdoc/>
    public bool Equals(InputProblem? other) =>
        other is not null && Source == other.Source && Line == other.Line && Column == other.Column
        && Location == other.Location && Code == other.Code && Message == other.Message;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as InputProblem);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Source, Line, Column, Location, Code, Message);
}
