using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Anatomy;

/// <summary>How an injection site is found on the patient: a description and how well it is verified.</summary>
/// <remarks>
/// Most landmark descriptions of the PREEMPT paradigm are UNVERIFIED in the project's clinical reference
/// (only the trapezius landmarks are VERIFIED-2nd, source S6); <see cref="Source"/> says which, so that a
/// user interface can show an unverified landmark as guidance only.
/// </remarks>
public sealed class Landmark : IEquatable<Landmark>
{
    /// <summary>Initializes a landmark.</summary>
    /// <param name="description">How to find the site.</param>
    /// <param name="source">Where the description comes from and how well it is verified.</param>
    /// <exception cref="ArgumentException"><paramref name="description"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public Landmark(string description, Citation source)
    {
        Description = Preconditions.CheckNotBlank(description);
        Source = Preconditions.CheckNotNull(source);
    }

    /// <summary>Gets how to find the site.</summary>
    public string Description { get; }

    /// <summary>Gets where the description comes from.</summary>
    public Citation Source { get; }

    /// <summary>Gets how well the description is verified.</summary>
    public VerificationLevel Verification => Source.Verification;

    /// <inheritdoc />
    public bool Equals(Landmark? other) => other is not null && Description == other.Description && Source.Equals(other.Source);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Landmark);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Description, Source);

    /// <summary>Returns the description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;
}
