using System.Globalization;

namespace MigraineProtocol.Input;

/// <summary>Checks shared by the text readers: the text's length and characters, and calendar dates within <see cref="InputLimits"/>.</summary>
internal static class TextInput
{
    /// <summary>Checks a CSV text: present, not too long, no lone surrogate.</summary>
    internal static bool CheckCsv(string? text, ProblemSink problems)
    {
        if (text is null)
        {
            problems.Add(null, null, null, InputProblemCodes.CsvSyntax, "no text was given.");
            return false;
        }

        if (text.Length > InputLimits.MaxTextLength)
        {
            problems.Add(null, null, null, InputProblemCodes.LimitExceeded, $"the text is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the most a reader accepts is {InputLimits.MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)}.");
            return false;
        }

        if (JsonInput.FindLoneSurrogate(text) is { } at)
        {
            problems.Add(at.Line, at.Column, null, InputProblemCodes.InvalidText, "the text holds an invalid character (a lone UTF-16 surrogate); save the file as UTF-8.");
            return false;
        }

        return true;
    }

    /// <summary>Parses an ISO calendar date (<c>yyyy-MM-dd</c>) between <see cref="InputLimits.EarliestDate"/> and <see cref="InputLimits.LatestDate"/>.</summary>
    internal static bool TryDate(string? text, out DateOnly date, out string? problem) => TryDate(text, out date, out problem, out _);

    /// <summary>Parses an ISO calendar date; <paramref name="outOfRange"/> tells a well-formed date outside the limits from a malformed one.</summary>
    internal static bool TryDate(string? text, out DateOnly date, out string? problem, out bool outOfRange)
    {
        outOfRange = false;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            problem = $"{Echo.Quote(text)} is not a date; write a calendar date as 'yyyy-MM-dd' (for example '2026-03-02').";
            return false;
        }

        if (date < InputLimits.EarliestDate || date > InputLimits.LatestDate)
        {
            outOfRange = true;
            problem = $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is outside the dates the library accepts, {InputLimits.EarliestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {InputLimits.LatestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.";
            return false;
        }

        problem = null;
        return true;
    }
}
