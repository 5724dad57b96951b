using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Protocols;

/// <summary>
/// The dose limits of one muscle in a protocol, derived from its fixed sites and follow-the-pain
/// allowance: for example temporalis 40 U at 8 fixed sites, at most 50 U at 10 sites in PREEMPT.
/// </summary>
/// <param name="Muscle">The muscle.</param>
/// <param name="FixedUnits">The units at the muscle's fixed sites.</param>
/// <param name="FixedSites">The number of fixed sites in the muscle.</param>
/// <param name="MaxUnits">The most units the muscle may receive (fixed plus follow-the-pain).</param>
/// <param name="MaxSites">The most injections the muscle may receive (fixed plus follow-the-pain).</param>
public sealed record MuscleLimit(MuscleId Muscle, ToxinUnits FixedUnits, int FixedSites, ToxinUnits MaxUnits, int MaxSites);
