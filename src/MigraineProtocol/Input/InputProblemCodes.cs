namespace MigraineProtocol.Input;

/// <summary>
/// The codes of <see cref="InputProblem.Code"/>: stable, kebab-case, meant for programs (documented in
/// docs/json-formats.md, "Problems").
/// </summary>
public static class InputProblemCodes
{
    /// <summary>The text is not well-formed JSON (or the file is empty); the place is where reading stopped.</summary>
    public const string JsonSyntax = "json-syntax";

    /// <summary>A CSV line is malformed: an unterminated quoted field, text after a closing quote, or the wrong number of fields.</summary>
    public const string CsvSyntax = "csv-syntax";

    /// <summary>The text holds something that is not a character: a lone UTF-16 surrogate or bytes that are not UTF-8.</summary>
    public const string InvalidText = "invalid-text";

    /// <summary>A JSON property or CSV column that the format does not have.</summary>
    public const string UnknownProperty = "unknown-property";

    /// <summary>A required JSON property or CSV column is missing.</summary>
    public const string MissingProperty = "missing-property";

    /// <summary>A JSON property or CSV column appears twice, or an id is defined twice.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>A value of the wrong kind: a string where a number belongs, <c>null</c> where an object belongs.</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A value of the right kind that breaks a rule of the format: a bad date, a negative dose, a malformed id, a date out of order.</summary>
    public const string InvalidValue = "invalid-value";

    /// <summary>A reference to something not defined: a site on an unknown muscle, a protocol site not in the anatomy.</summary>
    public const string UnknownReference = "unknown-reference";

    /// <summary>The input is beyond a limit of <see cref="InputLimits"/> (size, nesting depth) or a total beyond the representable range.</summary>
    public const string LimitExceeded = "limit-exceeded";

    /// <summary>More problems were found than are listed (<see cref="InputLimits.MaxProblems"/>); this notice comes last.</summary>
    public const string TooManyProblems = "too-many-problems";
}
