using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Anatomy;

/// <summary>
/// A muscle (or muscle group) injected in the protocol, for example the temporalis or the cervical
/// paraspinal muscle group. The PREEMPT paradigm uses seven (clinical-facts.md §1.1, source S1, VERIFIED).
/// </summary>
/// <remarks>Equality is by value. Instances are immutable and validated on creation.</remarks>
public sealed class Muscle : IEquatable<Muscle>
{
    /// <summary>Initializes a muscle.</summary>
    /// <param name="id">The id, for example <c>temporalis</c>.</param>
    /// <param name="name">The display name, for example <c>Temporalis</c>.</param>
    /// <param name="region">The lay region the muscle lies in.</param>
    /// <param name="isMidline">Whether the muscle is injected at the midline only (the procerus).</param>
    /// <param name="source">Where the muscle's place in the protocol comes from.</param>
    /// <exception cref="ArgumentException">An id is <c>default</c>, or <paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public Muscle(MuscleId id, string name, RegionId region, bool isMidline, Citation source)
    {
        Preconditions.CheckArgument(id.Value.Length > 0, nameof(id), "A muscle id must not be the default (empty) id.");
        Preconditions.CheckArgument(region.Value.Length > 0, nameof(region), $"The region of muscle '{id}' must not be the default (empty) id.");
        Id = id;
        Name = Preconditions.CheckNotBlank(name);
        Region = region;
        IsMidline = isMidline;
        Source = Preconditions.CheckNotNull(source);
    }

    /// <summary>Gets the id.</summary>
    public MuscleId Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the lay region the muscle lies in.</summary>
    public RegionId Region { get; }

    /// <summary>Gets a value indicating whether the muscle is injected at the midline only (the procerus: one midline site, S1 VERIFIED).</summary>
    public bool IsMidline { get; }

    /// <summary>Gets where the muscle's place in the protocol comes from.</summary>
    public Citation Source { get; }

    /// <inheritdoc />
    public bool Equals(Muscle? other) =>
        other is not null && Id == other.Id && Name == other.Name && Region == other.Region && IsMidline == other.IsMidline && Source.Equals(other.Source);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Muscle);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Region, IsMidline);

    /// <summary>Returns the display name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
