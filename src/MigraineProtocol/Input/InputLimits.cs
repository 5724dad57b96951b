namespace MigraineProtocol.Input;

/// <summary>
/// The limits every reader applies (docs/quality.md, "Limits"). Past a limit a reader reports an
/// <see cref="InputProblem"/> with <see cref="InputProblemCodes.LimitExceeded"/>; it never fails in any other way.
/// </summary>
public static class InputLimits
{
    /// <summary>Gets the longest text a reader accepts, in UTF-16 code units (32 Mi, about 32 MB of ASCII).</summary>
    public static int MaxTextLength { get; } = 32 * 1024 * 1024;

    /// <summary>Gets the deepest nesting of JSON objects and arrays a JSON reader accepts (16; the formats need at most 5).</summary>
    public static int MaxDepth { get; } = 16;

    /// <summary>Gets the most problems a reader lists; past it one <see cref="InputProblemCodes.TooManyProblems"/> notice says how many more there were.</summary>
    public static int MaxProblems { get; } = 100;

    /// <summary>Gets the earliest calendar date a reader accepts (1900-01-01): date arithmetic (retreatment intervals, diary periods, windows) then never leaves the calendar.</summary>
    public static DateOnly EarliestDate { get; } = new(1900, 1, 1);

    /// <summary>Gets the latest calendar date a reader accepts (2999-12-31), for the same reason; a later date is an <see cref="InputProblemCodes.LimitExceeded"/> problem.</summary>
    public static DateOnly LatestDate { get; } = new(2999, 12, 31);

    /// <summary>Gets the longest value a problem message quotes from the input, in characters; longer values are cut with an ellipsis.</summary>
    public static int MaxEchoLength { get; } = 60;
}
