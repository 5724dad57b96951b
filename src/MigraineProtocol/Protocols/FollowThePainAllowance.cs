using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Protocols;

/// <summary>
/// The follow-the-pain allowance of one muscle: how many units and injections may be added, on one or
/// both sides, beyond the fixed sites. PREEMPT allows temporalis +10 U at up to 2 sites, occipitalis
/// +10 U at up to 2 sites and trapezius +20 U at up to 4 sites, at 5 U each (clinical-facts.md §1.1
/// and §1.2, source S1, VERIFIED; the FTP injections may be unilateral).
/// </summary>
/// <remarks>Equality is by value.</remarks>
public sealed class FollowThePainAllowance : IEquatable<FollowThePainAllowance>
{
    /// <summary>Initializes an allowance.</summary>
    /// <param name="muscle">The muscle.</param>
    /// <param name="maxExtraUnits">The most units that may be added; more than zero.</param>
    /// <param name="maxExtraSites">The most injections that may be added; at least one.</param>
    /// <param name="unitsPerSite">The dose of each added injection; more than zero and at most <paramref name="maxExtraUnits"/>.</param>
    /// <param name="source">Where the allowance comes from.</param>
    /// <exception cref="ArgumentException">The muscle id is <c>default</c>, or a number is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public FollowThePainAllowance(MuscleId muscle, ToxinUnits maxExtraUnits, int maxExtraSites, ToxinUnits unitsPerSite, Citation source)
    {
        Preconditions.CheckArgument(muscle.Value.Length > 0, nameof(muscle), "The muscle of a follow-the-pain allowance must not be the default (empty) id.");
        Preconditions.CheckRange(maxExtraUnits > ToxinUnits.Zero, nameof(maxExtraUnits), maxExtraUnits, $"The follow-the-pain allowance of '{muscle}' must add more than 0 U.");
        Preconditions.CheckRange(maxExtraSites >= 1, nameof(maxExtraSites), maxExtraSites, $"The follow-the-pain allowance of '{muscle}' must add at least 1 site.");
        Preconditions.CheckRange(unitsPerSite > ToxinUnits.Zero && unitsPerSite <= maxExtraUnits, nameof(unitsPerSite), unitsPerSite, $"The dose per follow-the-pain injection into '{muscle}' must be more than 0 U and at most the allowance of {maxExtraUnits}.");
        Muscle = muscle;
        MaxExtraUnits = maxExtraUnits;
        MaxExtraSites = maxExtraSites;
        UnitsPerSite = unitsPerSite;
        Source = Preconditions.CheckNotNull(source);
    }

    /// <summary>Gets the muscle.</summary>
    public MuscleId Muscle { get; }

    /// <summary>Gets the most units that may be added to the muscle.</summary>
    public ToxinUnits MaxExtraUnits { get; }

    /// <summary>Gets the most injections that may be added to the muscle.</summary>
    public int MaxExtraSites { get; }

    /// <summary>Gets the dose of each added injection.</summary>
    public ToxinUnits UnitsPerSite { get; }

    /// <summary>Gets where the allowance comes from.</summary>
    public Citation Source { get; }

    /// <inheritdoc />
    public bool Equals(FollowThePainAllowance? other) =>
        other is not null && Muscle == other.Muscle && MaxExtraUnits == other.MaxExtraUnits && MaxExtraSites == other.MaxExtraSites
        && UnitsPerSite == other.UnitsPerSite && Source.Equals(other.Source);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FollowThePainAllowance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Muscle, MaxExtraUnits, MaxExtraSites, UnitsPerSite);

    /// <summary>Returns <c>muscle: +units at up to n sites</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Muscle}: +{MaxExtraUnits} at up to {MaxExtraSites} sites";
}
