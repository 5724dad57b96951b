using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Input;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Definitions;

/// <summary>
/// The one entry point to catalogs: the built-in anatomy and protocols, and definition files layered
/// over them (ADR 0003). <c>Anatomy</c> and <c>Protocols</c> hold the types and their invariants;
/// this layer, above both, reads the files that make them (ADR 0130).
/// </summary>
/// <threadsafety>All members are safe to call from any thread; the built-ins are read once.</threadsafety>
public static class Catalogs
{
    /// <summary>Gets the built-in catalog: <c>preempt</c> and <c>us-label</c> over <see cref="DefaultAnatomy"/>.</summary>
    public static ProtocolCatalog Default => BuiltInDefinitions.Protocols;

    /// <summary>Gets the built-in PREEMPT anatomy: 5 lay regions, 7 muscles and 31 fixed sites (clinical-facts.md §1.1 and §7, source S1), read from the embedded definition file <c>Definitions/anatomy.json</c>.</summary>
    public static AnatomyCatalog DefaultAnatomy => BuiltInDefinitions.Anatomy;

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
}
