using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Rendering;

/// <summary>The follow-the-pain injections given into one muscle on one side in a session.</summary>
/// <remarks>Equality is by value. Instances are immutable and validated on creation.</remarks>
public sealed class FollowThePainDose : IEquatable<FollowThePainDose>
{
    /// <summary>Initializes a follow-the-pain dose.</summary>
    /// <param name="muscle">The muscle.</param>
    /// <param name="side">The side: left or right.</param>
    /// <param name="injections">The number of follow-the-pain injections on that side, 1 or more.</param>
    /// <param name="units">Their total dose.</param>
    /// <param name="withinAllowance">Whether the muscle's injections on both sides together stay within the protocol's follow-the-pain allowance.</param>
    /// <exception cref="ArgumentException">The muscle id is <c>default</c>, the side is not left or right, or <paramref name="injections"/> is below 1.</exception>
    public FollowThePainDose(MuscleId muscle, Laterality side, int injections, ToxinUnits units, bool withinAllowance)
    {
        Preconditions.CheckArgument(muscle.Value.Length > 0, nameof(muscle), "The muscle of a follow-the-pain dose must not be the default (empty) id.");
        Preconditions.CheckRange(side is Laterality.Left or Laterality.Right, nameof(side), side, $"A follow-the-pain dose into '{muscle}' is on the left or the right side.");
        Preconditions.CheckRange(injections >= 1, nameof(injections), injections, $"A follow-the-pain dose into '{muscle}' counts 1 or more injections.");
        Muscle = muscle;
        Side = side;
        Injections = injections;
        Units = units;
        WithinAllowance = withinAllowance;
    }

    /// <summary>Gets the muscle.</summary>
    public MuscleId Muscle { get; }

    /// <summary>Gets the side (left or right).</summary>
    public Laterality Side { get; }

    /// <summary>Gets the number of follow-the-pain injections on that side.</summary>
    public int Injections { get; }

    /// <summary>Gets their total dose.</summary>
    public ToxinUnits Units { get; }

    /// <summary>Gets a value indicating whether the muscle's follow-the-pain injections (both sides together) stay within the protocol's allowance.</summary>
    public bool WithinAllowance { get; }

    /// <inheritdoc />
    public bool Equals(FollowThePainDose? other) =>
        other is not null && Muscle == other.Muscle && Side == other.Side && Injections == other.Injections && Units == other.Units
        && WithinAllowance == other.WithinAllowance;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FollowThePainDose);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Muscle, Side, Injections, Units, WithinAllowance);

    /// <summary>Returns the muscle, side, count and dose, for example <c>temporalis left: 2 × follow-the-pain, 10 U</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Muscle} {LateralityText.Format(Side)}: {Injections} follow-the-pain, {Units}{(WithinAllowance ? string.Empty : " (beyond the allowance)")}";
}
