using System.Collections.Immutable;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Anatomy;

/// <summary>
/// A region of the head and neck as patients name it (forehead; side of the head above the ear; back
/// of the head; back of the scalp near the neck; neck and shoulders), mapped to the muscles in it
/// (clinical-facts.md §7, lay-region mapping, source S1, VERIFIED).
/// </summary>
/// <remarks>Equality is by value. The muscles keep their definition order.</remarks>
public sealed class LayRegion : IEquatable<LayRegion>
{
    /// <summary>Initializes a lay region.</summary>
    /// <param name="id">The id, for example <c>forehead</c>.</param>
    /// <param name="name">The lay name, for example <c>Forehead</c>.</param>
    /// <param name="muscles">The muscles in the region, at least one, no duplicates.</param>
    /// <exception cref="ArgumentException">The id is <c>default</c>, the name is empty, or the muscles are empty or repeated.</exception>
    public LayRegion(RegionId id, string name, IEnumerable<MuscleId> muscles)
    {
        Preconditions.CheckArgument(id.Value.Length > 0, nameof(id), "A region id must not be the default (empty) id.");
        ArgumentNullException.ThrowIfNull(muscles);
        Id = id;
        Name = Preconditions.CheckNotBlank(name);
        Muscles = [.. muscles];
        Preconditions.CheckArgument(Muscles.Length > 0, nameof(muscles), $"Region '{id}' must contain at least one muscle.");
        Preconditions.CheckArgument(Muscles.Distinct().Count() == Muscles.Length, nameof(muscles), $"Region '{id}' lists a muscle more than once.");
    }

    /// <summary>Gets the id.</summary>
    public RegionId Id { get; }

    /// <summary>Gets the lay name.</summary>
    public string Name { get; }

    /// <summary>Gets the muscles in the region, in definition order.</summary>
    public ImmutableArray<MuscleId> Muscles { get; }

    /// <inheritdoc />
    public bool Equals(LayRegion? other) => other is not null && Id == other.Id && Name == other.Name && Muscles.SequenceEqual(other.Muscles);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LayRegion);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Muscles.Length);

    /// <summary>Returns the lay name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
