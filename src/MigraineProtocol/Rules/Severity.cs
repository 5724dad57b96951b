namespace MigraineProtocol.Rules;

/// <summary>How serious a rule violation is. A report is valid when it holds no <see cref="Error"/>.</summary>
public enum Severity
{
    /// <summary>Worth a clinician's attention; the session remains valid.</summary>
    Warning = 1,

    /// <summary>The session does not follow the protocol; the report is invalid.</summary>
    Error = 2,
}

/// <summary>The invariant text of a severity: <c>warning</c> or <c>error</c>.</summary>
public static class SeverityText
{
    /// <summary>Returns <c>warning</c> or <c>error</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not defined.</exception>
    public static string Format(Severity severity) => severity switch
    {
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "A severity is Warning or Error."),
    };

    /// <summary>Tries to read <c>warning</c> or <c>error</c>; never throws.</summary>
    /// <param name="text">The text.</param>
    /// <param name="severity">The severity when recognised.</param>
    /// <returns><see langword="true"/> when recognised.</returns>
    public static bool TryParse(string? text, out Severity severity)
    {
        (var ok, severity) = text switch
        {
            "warning" => (true, Severity.Warning),
            "error" => (true, Severity.Error),
            _ => (false, Severity.Warning),
        };
        return ok;
    }
}
