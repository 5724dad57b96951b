using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Protocols;

/// <summary>
/// The dose limits of one muscle in a protocol, derived from its fixed sites and follow-the-pain
/// allowance: for example temporalis 40 U at 8 fixed sites, at most 50 U at 10 sites in PREEMPT.
/// </summary>
/// <remarks>Derived by <see cref="TreatmentProtocol"/>; there is no public constructor, so every limit a
/// consumer sees agrees with its protocol.</remarks>
public sealed record MuscleLimit
{
    internal MuscleLimit(MuscleId muscle, ToxinUnits fixedUnits, int fixedSites, ToxinUnits maxUnits, int maxSites)
    {
        Muscle = muscle;
        FixedUnits = fixedUnits;
        FixedSites = fixedSites;
        MaxUnits = maxUnits;
        MaxSites = maxSites;
    }

    /// <summary>Gets the muscle.</summary>
    public MuscleId Muscle { get; }

    /// <summary>Gets the units at the muscle's fixed sites.</summary>
    public ToxinUnits FixedUnits { get; }

    /// <summary>Gets the number of fixed sites in the muscle.</summary>
    public int FixedSites { get; }

    /// <summary>Gets the most units the muscle may receive (fixed plus follow-the-pain).</summary>
    public ToxinUnits MaxUnits { get; }

    /// <summary>Gets the most injections the muscle may receive (fixed plus follow-the-pain).</summary>
    public int MaxSites { get; }
}
