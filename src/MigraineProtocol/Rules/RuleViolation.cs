using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Rules;

/// <summary>
/// One finding of a rule about a session: the rule's code, the severity it was reported at, a message
/// naming the site or value concerned, the site (when the finding is about one) and the clinical source.
/// </summary>
/// <remarks>Equality is by value.</remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class RuleViolation : IEquatable<RuleViolation>
{
    /// <summary>Initializes a violation.</summary>
    /// <param name="code">The rule's code; not <c>default</c>.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="message">The message; not empty.</param>
    /// <param name="site">The site concerned, if any.</param>
    /// <param name="source">The clinical source of the rule.</param>
    /// <exception cref="ArgumentException">The code is <c>default</c>, the severity undefined, the message empty, or the site <c>default</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    public RuleViolation(RuleId code, Severity severity, string message, SiteId? site, Citation source)
    {
        Preconditions.CheckArgument(code.Value.Length > 0, nameof(code), "The code of a rule violation must not be the default (empty) rule id.");
        Preconditions.CheckRange(Enum.IsDefined(severity), nameof(severity), severity, "A severity is Warning or Error.");
        Preconditions.CheckArgument(site is null || site.Value.Value.Length > 0, nameof(site), "The site of a rule violation must be null or a non-default site id.");
        Code = code;
        Severity = severity;
        Message = Preconditions.CheckNotBlank(message);
        Site = site;
        Source = Preconditions.CheckNotNull(source);
    }

    /// <summary>Gets the rule's code, for example <c>missing-site</c>.</summary>
    public RuleId Code { get; }

    /// <summary>Gets the severity the violation was reported at.</summary>
    public Severity Severity { get; }

    /// <summary>Gets the message, naming the site or value concerned.</summary>
    public string Message { get; }

    /// <summary>Gets the site concerned, or <see langword="null"/> when the finding is about the whole session.</summary>
    public SiteId? Site { get; }

    /// <summary>Gets the clinical source of the rule.</summary>
    public Citation Source { get; }

    /// <summary>Gets a value indicating whether this is an error.</summary>
    public bool IsError => Severity == Severity.Error;

    /// <inheritdoc />
    public bool Equals(RuleViolation? other) =>
        other is not null && Code == other.Code && Severity == other.Severity && Message == other.Message && Site == other.Site && Source.Equals(other.Source);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RuleViolation);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Severity, Message, Site);

    /// <summary>Returns <c>severity code: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{SeverityText.Format(Severity)} {Code}: {Message}";
}
