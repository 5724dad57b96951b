using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Definitions;
using MigraineProtocol.Input;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Protocols;

/// <summary>
/// A set of protocols over one anatomy catalog, looked up by id. <see cref="Default"/> holds the
/// built-in <c>preempt</c> and <c>us-label</c> protocols, read from the embedded definition file
/// <c>Definitions/protocols.json</c>.
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

    /// <summary>
    /// Loads definition files layered over the built-in definitions: a region, muscle, site or protocol
    /// whose id is already defined replaces the earlier definition; new ids are added. Every invariant
    /// of the built-ins holds for loaded definitions, and every problem of every file is reported at
    /// once; nothing is half-loaded.
    /// </summary>
    /// <param name="files">The files, applied in order after the built-ins.</param>
    /// <returns>The catalog, with its own anatomy.</returns>
    /// <exception cref="InputException">A file is malformed or breaks an invariant; <see cref="InputException.Problems"/> lists each problem with its file, line, column and JSON path.</exception>
    public static ProtocolCatalog Load(IEnumerable<DefinitionFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return LoadWithoutBuiltIns(DefinitionFile.BuiltIn().Concat(files));
    }

    /// <summary>Loads definition files on their own, without the built-in definitions.</summary>
    /// <param name="files">The files, applied in order.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="InputException">A file is malformed or breaks an invariant; <see cref="InputException.Problems"/> lists each problem.</exception>
    public static ProtocolCatalog LoadWithoutBuiltIns(IEnumerable<DefinitionFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return DefinitionLoader.Load(files.Select(f => (f.Name, f.Json))).Protocols;
    }

    /// <summary>Tries to load definition files layered over the built-ins; never throws for bad input.</summary>
    /// <param name="files">The files.</param>
    /// <param name="catalog">The catalog on success.</param>
    /// <param name="problems">Every problem found, each naming its file, line, column and JSON path; empty on success.</param>
    /// <returns><see langword="true"/> when every file loaded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> or one of its elements is <see langword="null"/>.</exception>
    public static bool TryLoad(IEnumerable<DefinitionFile> files, [NotNullWhen(true)] out ProtocolCatalog? catalog, out ImmutableArray<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(files);
        List<DefinitionFile> list = [.. files];
        if (list.Any(f => f is null))
        {
            throw new ArgumentNullException(nameof(files), "The definition files must not contain null.");
        }

        return DefinitionLoader.TryLoad(DefinitionFile.BuiltIn().Concat(list).Select(f => (f.Name, f.Json)), out _, out catalog, out problems);
    }

    /// <summary>Gets the built-in catalog: <c>preempt</c> and <c>us-label</c> over <see cref="AnatomyCatalog.Default"/>.</summary>
    public static ProtocolCatalog Default => BuiltInDefinitions.Protocols;

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

/// <summary>The built-in protocols.</summary>
public static class KnownProtocols
{
    /// <summary>Gets the PREEMPT paradigm: 155 U at 31 fixed sites; optional follow-the-pain up to +40 U at up to 8 more sites (temporalis +10 U/2, occipitalis +10 U/2, trapezius +20 U/4), at most 195 U at 39 sites; every 12 weeks (clinical-facts.md §1.1 and §1.2, S1 and S4, VERIFIED).</summary>
    public static TreatmentProtocol Preempt => ProtocolCatalog.Default.Get(ProtocolId.From("preempt"));

    /// <summary>Gets the US label dose: 155 U at the 31 fixed sites, no follow-the-pain; every 12 weeks (clinical-facts.md §1.2, S3, VERIFIED-2nd; that the US PI omits follow-the-pain is UNVERIFIED).</summary>
    public static TreatmentProtocol UsLabel => ProtocolCatalog.Default.Get(ProtocolId.From("us-label"));
}
