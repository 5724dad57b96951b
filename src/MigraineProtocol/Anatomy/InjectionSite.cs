using System.Collections.Immutable;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Anatomy;

/// <summary>
/// A fixed injection site: its id, muscle, side, ordinal within the muscle and side, how to find it,
/// and where to draw it.
/// </summary>
/// <remarks>Equality is by value. Instances are immutable and validated on creation.</remarks>
public sealed class InjectionSite : IEquatable<InjectionSite>
{
    /// <summary>Initializes an injection site.</summary>
    /// <param name="id">The site id, for example <c>temporalis-left-3</c>; never a follow-the-pain id.</param>
    /// <param name="muscle">The muscle injected.</param>
    /// <param name="side">The side.</param>
    /// <param name="ordinal">The 1-based number of the site within its muscle and side.</param>
    /// <param name="landmark">How to find the site.</param>
    /// <param name="drawing">Where the site is drawn, at most one point per view.</param>
    /// <exception cref="ArgumentException">An id is <c>default</c> or a follow-the-pain id, the ordinal is below 1, the side is undefined, or a view is repeated.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="landmark"/> or <paramref name="drawing"/> is <see langword="null"/>.</exception>
    public InjectionSite(SiteId id, MuscleId muscle, Laterality side, int ordinal, Landmark landmark, IEnumerable<DrawingPoint> drawing)
    {
        Preconditions.CheckArgument(id.Value.Length > 0, nameof(id), "A site id must not be the default (empty) id.");
        Preconditions.CheckArgument(!id.IsFollowThePain, nameof(id), $"'{id}' is a follow-the-pain id; a fixed site needs an id of its own.");
        Preconditions.CheckArgument(muscle.Value.Length > 0, nameof(muscle), $"The muscle of site '{id}' must not be the default (empty) id.");
        Preconditions.CheckRange(Enum.IsDefined(side), nameof(side), side, $"The side of site '{id}' must be left, right or midline.");
        Preconditions.CheckRange(ordinal >= 1, nameof(ordinal), ordinal, $"The ordinal of site '{id}' must be 1 or more.");
        ArgumentNullException.ThrowIfNull(drawing);
        Id = id;
        Muscle = muscle;
        Side = side;
        Ordinal = ordinal;
        Landmark = Preconditions.CheckNotNull(landmark);
        Drawing = [.. drawing];
        Preconditions.CheckArgument(
            Drawing.Select(p => p.View).Distinct().Count() == Drawing.Length,
            nameof(drawing),
            $"Site '{id}' has more than one drawing point in a view.");
    }

    /// <summary>Gets the site id.</summary>
    public SiteId Id { get; }

    /// <summary>Gets the muscle injected.</summary>
    public MuscleId Muscle { get; }

    /// <summary>Gets the side.</summary>
    public Laterality Side { get; }

    /// <summary>Gets the 1-based number of the site within its muscle and side.</summary>
    public int Ordinal { get; }

    /// <summary>Gets how to find the site, with its verification level.</summary>
    public Landmark Landmark { get; }

    /// <summary>Gets where the site is drawn, at most one point per view.</summary>
    public ImmutableArray<DrawingPoint> Drawing { get; }

    /// <summary>Returns where the site is drawn in a view, if it appears there.</summary>
    /// <param name="view">The view.</param>
    /// <param name="point">The point when the site appears in the view.</param>
    /// <returns><see langword="true"/> when the site appears in the view.</returns>
    public bool TryGetDrawingPoint(AnatomicalView view, out DrawingPoint point)
    {
        foreach (var p in Drawing)
        {
            if (p.View == view)
            {
                point = p;
                return true;
            }
        }

        point = default;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(InjectionSite? other) =>
        other is not null && Id == other.Id && Muscle == other.Muscle && Side == other.Side && Ordinal == other.Ordinal
        && Landmark.Equals(other.Landmark) && Drawing.SequenceEqual(other.Drawing);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InjectionSite);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Muscle, Side, Ordinal);

    /// <summary>Returns the site id.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Id.Value;
}
