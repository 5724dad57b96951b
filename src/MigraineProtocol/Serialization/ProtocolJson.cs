using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MigraineProtocol.Definitions;
using MigraineProtocol.Input;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Serialization;

/// <summary>
/// Reads and writes protocols in the definition-file format (docs/definition-format.md): a protocol is
/// written as a definition file holding that protocol, and read by the definition loader layered over
/// the built-in anatomy and protocols, with every invariant re-checked.
/// </summary>
/// <remarks>
/// Only the protocol is written, not its anatomy: its sites must exist in the anatomy it is read over
/// (the built-in one). A protocol read back equals the original in every value; its
/// <see cref="TreatmentProtocol.Anatomy"/> is the loaded catalog's, a new instance.
/// </remarks>
public static class ProtocolJson
{
    private static readonly DefinitionJsonContext Writing = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Reads the protocols a definition file defines, layered over the built-in definitions.</summary>
    /// <param name="json">The JSON text of a definition file.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <returns>The protocols the file defines, in file order.</returns>
    /// <exception cref="InputException">The file is malformed or breaks an invariant; <see cref="InputException.Problems"/> lists every problem with the file, line, column and JSON path.</exception>
    public static ImmutableArray<TreatmentProtocol> Read(string json, string sourceName) =>
        TryRead(json, sourceName, out var protocols, out var problems) ? protocols : throw new InputException(problems);

    /// <summary>Tries to read the protocols a definition file defines; never throws for bad input.</summary>
    /// <param name="json">The JSON text of a definition file.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <param name="protocols">The protocols the file defines, in file order; empty on failure.</param>
    /// <param name="problems">Every problem found; empty on success.</param>
    /// <returns><see langword="true"/> when the file loaded.</returns>
    public static bool TryRead(string json, string sourceName, out ImmutableArray<TreatmentProtocol> protocols, out ImmutableArray<InputProblem> problems)
    {
        protocols = [];
        var source = string.IsNullOrWhiteSpace(sourceName) ? "input" : sourceName;
        if (json is null)
        {
            problems = [new InputProblem(source, null, null, null, InputProblemCodes.JsonSyntax, "no text was given; expected a definition file.")];
            return false;
        }

        if (!Catalogs.TryLoad([DefinitionFile.FromJson(source, json)], out var catalog, out problems))
        {
            return false;
        }

        // The file loaded, so it parses; this tells which protocols the file itself defines.
        var ids = JsonSerializer.Deserialize(json, DefinitionJsonContext.Default.DefinitionDocument)?.Protocols?.Select(p => p.Id) ?? [];
        protocols = [.. ids.Select(id => catalog.Get(Primitives.ProtocolId.From(id)))];
        return true;
    }

    /// <summary>Writes a protocol as a definition file holding it (indented, LF line ends).</summary>
    /// <param name="protocol">The protocol.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(TreatmentProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var doc = new DefinitionDocument
        {
            Protocols =
            [
                new ProtocolDefinition
                {
                    Id = protocol.Id.Value,
                    Name = protocol.Name,
                    Description = protocol.Description,
                    RetreatmentIntervalDays = protocol.RetreatmentIntervalDays,
                    MaximumUnits = JsonReading.Normalize(protocol.MaximumUnits.Units),
                    Sources = [.. protocol.Sources.Select(Citation)],
                    Sites = [.. protocol.Sites.Select(s => new ProtocolSiteDefinition { Site = s.Site.Id.Value, Units = JsonReading.Normalize(s.Units.Units) })],
                    FollowThePain = protocol.AllowsFollowThePain
                        ? [.. protocol.FollowThePain.Select(f => new FollowThePainDefinition
                        {
                            Muscle = f.Muscle.Value,
                            MaxExtraUnits = JsonReading.Normalize(f.MaxExtraUnits.Units),
                            MaxExtraSites = f.MaxExtraSites,
                            UnitsPerSite = JsonReading.Normalize(f.UnitsPerSite.Units),
                            Source = Citation(f.Source),
                        })]
                        : null,
                },
            ],
        };
        return JsonSerializer.Serialize(doc, Writing.DefinitionDocument);
    }

    private static CitationDefinition Citation(Primitives.Citation c) =>
        new() { Source = c.Source, Locator = c.Locator, Verification = Primitives.Citation.FormatLevel(c.Verification) };
}
