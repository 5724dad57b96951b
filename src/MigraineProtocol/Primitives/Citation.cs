using MigraineProtocol.Utility;

namespace MigraineProtocol.Primitives;

/// <summary>How well a clinical statement has been checked against its source.</summary>
/// <remarks>The levels are the tags of the project's clinical reference (clinical-facts.md).</remarks>
public enum VerificationLevel
{
    /// <summary>Not found in any retrieved source. Never shipped as a rule; at most a value the integrator supplies.</summary>
    Unverified = 0,

    /// <summary>Seen only in a secondary or unattributed copy of the primary text, or on a coding site; re-check before release.</summary>
    VerifiedSecondary = 1,

    /// <summary>Seen in a retrieved primary source.</summary>
    Verified = 2,
}

/// <summary>
/// Where a clinical number, landmark, rule or code comes from: a source of the project's clinical
/// reference (for example <c>S1</c>, the EU/UK SmPC §4.2), a locator inside it, and how well the
/// statement is verified.
/// </summary>
/// <remarks>Equality is by value. Instances are immutable and validated on creation.</remarks>
public sealed class Citation : IEquatable<Citation>
{
    /// <summary>Initializes a new citation.</summary>
    /// <param name="source">The source key of clinical-facts.md, for example <c>S1</c>, or <c>S1, S4</c> for several.</param>
    /// <param name="locator">Where in the source, for example <c>SmPC §4.2 dose table</c>.</param>
    /// <param name="verification">How well the statement is verified.</param>
    /// <exception cref="ArgumentException"><paramref name="source"/> or <paramref name="locator"/> is empty, or <paramref name="verification"/> is undefined.</exception>
    public Citation(string source, string locator, VerificationLevel verification)
    {
        Source = Preconditions.CheckNotBlank(source);
        Locator = Preconditions.CheckNotBlank(locator);
        Preconditions.CheckRange(Enum.IsDefined(verification), nameof(verification), verification, "A verification level is Unverified, VerifiedSecondary or Verified.");
        Verification = verification;
    }

    /// <summary>Gets the source key, for example <c>S1</c>.</summary>
    public string Source { get; }

    /// <summary>Gets where in the source the statement is found.</summary>
    public string Locator { get; }

    /// <summary>Gets how well the statement is verified.</summary>
    public VerificationLevel Verification { get; }

    /// <summary>Gets a value indicating whether the source is secondary (VERIFIED-2nd) and must be re-checked before release.</summary>
    public bool IsSecondary => Verification == VerificationLevel.VerifiedSecondary;

    /// <inheritdoc />
    public bool Equals(Citation? other) =>
        other is not null && Source == other.Source && Locator == other.Locator && Verification == other.Verification;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Citation);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Source, Locator, Verification);

    /// <summary>Returns <c>source (locator) [level]</c>, for example <c>S1 (SmPC §4.2) [verified]</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Source} ({Locator}) [{FormatLevel(Verification)}]";

    /// <summary>Returns the invariant text of a verification level: <c>verified</c>, <c>verified-2nd</c> or <c>unverified</c>.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The text.</returns>
    public static string FormatLevel(VerificationLevel level) => level switch
    {
        VerificationLevel.Verified => "verified",
        VerificationLevel.VerifiedSecondary => "verified-2nd",
        _ => "unverified",
    };

    /// <summary>Tries to read <c>verified</c>, <c>verified-2nd</c> or <c>unverified</c>; never throws.</summary>
    /// <param name="text">The text.</param>
    /// <param name="level">The level when recognised.</param>
    /// <returns><see langword="true"/> when recognised.</returns>
    public static bool TryParseLevel(string? text, out VerificationLevel level)
    {
        (var ok, level) = text switch
        {
            "verified" => (true, VerificationLevel.Verified),
            "verified-2nd" => (true, VerificationLevel.VerifiedSecondary),
            "unverified" => (true, VerificationLevel.Unverified),
            _ => (false, VerificationLevel.Unverified),
        };
        return ok;
    }
}
