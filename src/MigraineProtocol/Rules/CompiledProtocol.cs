using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using MigraineProtocol.Definitions;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Rules;

/// <summary>
/// Lookup tables of one protocol, built once and cached per protocol instance: the fixed site ids in
/// protocol order with their doses, and one dictionary from every fixed site id and every
/// follow-the-pain id of the anatomy's muscles to a slot. Slots 0..S-1 are fixed sites; slot
/// S + 2m (left) or S + 2m + 1 (right) is follow-the-pain into muscle m of the anatomy.
/// </summary>
internal sealed class CompiledProtocol
{
    private static readonly ConditionalWeakTable<TreatmentProtocol, CompiledProtocol> Cache = [];

    private CompiledProtocol(TreatmentProtocol protocol)
    {
        Protocol = protocol;
        SiteIds = [.. protocol.Sites.Select(s => s.Site.Id.Value)];
        SiteHundredths = [.. protocol.Sites.Select(s => s.Units.Hundredths)];
        Muscles = [.. protocol.Anatomy.Muscles.Select(m => m.Id)];
        Allowances = [.. Muscles.Select(m => protocol.TryGetFollowThePain(m, out var a) ? a : null)];
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < SiteIds.Length; i++)
        {
            slots[SiteIds[i]] = i;
        }

        for (var m = 0; m < Muscles.Length; m++)
        {
            slots[SiteId.FollowThePain(Muscles[m], Laterality.Left).Value] = SiteIds.Length + (2 * m);
            slots[SiteId.FollowThePain(Muscles[m], Laterality.Right).Value] = SiteIds.Length + (2 * m) + 1;
        }

        Slots = slots.ToFrozenDictionary(StringComparer.Ordinal);
        ProtocolSource = protocol.Equals(KnownProtocols.Preempt) ? null : RuleSources.ForProtocol(protocol);
    }

    /// <summary>Gets the citation of a protocol-derived limit: <see langword="null"/> for the built-in PREEMPT protocol (each rule cites its own precise source), otherwise the protocol's own sources (ADR 0092).</summary>
    internal Citation? ProtocolSource { get; }

    internal TreatmentProtocol Protocol { get; }

    internal string[] SiteIds { get; }

    internal long[] SiteHundredths { get; }

    internal MuscleId[] Muscles { get; }

    internal FollowThePainAllowance?[] Allowances { get; }

    internal FrozenDictionary<string, int> Slots { get; }

    internal int SiteCount => SiteIds.Length;

    internal static CompiledProtocol For(TreatmentProtocol protocol) =>
        Cache.TryGetValue(protocol, out var compiled) ? compiled : Cache.GetValue(protocol, static p => new CompiledProtocol(p));
}
