using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Protocols;

/// <summary>
/// A set of protocols over one anatomy catalog, looked up by id. The built-in catalog (<c>preempt</c>
/// and <c>us-label</c>, read from the embedded definition file <c>Definitions/protocols.json</c>) and
/// loading definition files are in <c>MigraineProtocol.Definitions.Catalogs</c>, the layer above this one.
/// </summary>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class ProtocolCatalog
{
    private readonly FrozenDictionary<ProtocolId, TreatmentProtocol> byId;

    /// <summary>Initializes a catalog.</summary>
    /// <param name="anatomy">The anatomy every protocol uses.</param>
    /// <param name="protocols">The protocols; ids must be unique and every protocol must use <paramref name="anatomy"/>.</param>
    /// <exception cref="DefinitionException">An id is repeated or a protocol uses another anatomy catalog.</exception>
    public ProtocolCatalog(AnatomyCatalog anatomy, IEnumerable<TreatmentProtocol> protocols)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        ArgumentNullException.ThrowIfNull(protocols);
        Anatomy = anatomy;
        Protocols = [.. protocols];
        var problems = new List<string>();
        var map = new Dictionary<ProtocolId, TreatmentProtocol>();
        foreach (var p in Protocols)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(protocols));
            if (!map.TryAdd(p.Id, p))
            {
                problems.Add($"The protocol id '{p.Id}' is defined more than once.");
            }

            if (!ReferenceEquals(p.Anatomy, anatomy))
            {
                problems.Add($"Protocol '{p.Id}' was built over another anatomy catalog.");
            }
        }

        if (problems.Count > 0)
        {
            throw new DefinitionException("The protocol catalog is invalid", problems);
        }

        byId = map.ToFrozenDictionary();
    }

    /// <summary>Gets the anatomy every protocol uses.</summary>
    public AnatomyCatalog Anatomy { get; }

    /// <summary>Gets the protocols in definition order.</summary>
    public ImmutableArray<TreatmentProtocol> Protocols { get; }

    /// <summary>Gets the protocol ids in definition order.</summary>
    public IEnumerable<ProtocolId> Ids => Protocols.Select(p => p.Id);

    /// <summary>Returns the protocol with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The protocol.</returns>
    /// <exception cref="KeyNotFoundException">No protocol has the id; the message lists the known ids.</exception>
    public TreatmentProtocol Get(ProtocolId id) =>
        byId.TryGetValue(id, out var p)
            ? p
            : throw new KeyNotFoundException($"No protocol has the id '{id}'. Known protocols: {string.Join(", ", Ids)}.");

    /// <summary>Looks up a protocol; never throws.</summary>
    /// <param name="id">The id.</param>
    /// <param name="protocol">The protocol when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(ProtocolId id, [NotNullWhen(true)] out TreatmentProtocol? protocol) => byId.TryGetValue(id, out protocol);
}
