using System.Globalization;
using System.Text.Json;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Definitions;

/// <summary>
/// Reads definition files (JSON, see docs/definition-format.md) into an anatomy catalog and a protocol
/// catalog. Every problem of every file is collected and reported at once, each with its file and
/// JSON path; nothing is half-loaded.
/// </summary>
internal static class DefinitionLoader
{
    internal static (AnatomyCatalog Anatomy, ProtocolCatalog Protocols) Load(IEnumerable<(string Name, string Json)> files)
    {
        var problems = new List<string>();
        var documents = new List<(string Name, DefinitionDocument Document)>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, json) in files)
        {
            try
            {
                var doc = JsonSerializer.Deserialize(json, DefinitionJsonContext.Default.DefinitionDocument);
                if (doc is null)
                {
                    problems.Add($"{name}: $: the file holds JSON null, not a definition object.");
                }
                else
                {
                    documents.Add((name, doc));
                    texts[name] = json;
                }
            }
            catch (JsonException e)
            {
                var where = e.LineNumber is { } line ? $"{name}:{line + 1}:{(e.BytePositionInLine ?? 0) + 1}" : name;
                problems.Add($"{where}: {e.Path ?? "$"}: {JsonErrorText.Describe(e)}");
            }
        }

        var regions = new Layers<RegionId, LayRegion>(r => r.Id, "region");
        var muscles = new Layers<MuscleId, Muscle>(m => m.Id, "muscle");
        var sites = new Layers<SiteId, InjectionSite>(s => s.Id, "site");
        foreach (var (name, doc) in documents)
        {
            var text = texts[name];
            Collect(doc.Regions, name, text, "regions", problems, regions, ToRegion);
            Collect(doc.Muscles, name, text, "muscles", problems, muscles, ToMuscle);
            Collect(doc.Sites, name, text, "sites", problems, sites, ToSite);
        }

        AnatomyCatalog? anatomy = null;
        if (problems.Count == 0)
        {
            try
            {
                anatomy = new AnatomyCatalog(regions.Values, muscles.Values, sites.Values);
            }
            catch (DefinitionException e)
            {
                problems.AddRange(e.Problems.Select(p => "anatomy: " + p));
            }
        }

        var protocols = new Layers<ProtocolId, TreatmentProtocol>(p => p.Id, "protocol");
        if (anatomy is not null)
        {
            foreach (var (name, doc) in documents)
            {
                Collect(doc.Protocols, name, texts[name], "protocols", problems, protocols, p => ToProtocol(p, anatomy));
            }
        }

        ProtocolCatalog? catalog = null;
        if (problems.Count == 0 && anatomy is not null)
        {
            try
            {
                catalog = new ProtocolCatalog(anatomy, protocols.Values);
            }
            catch (DefinitionException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        if (problems.Count > 0 || anatomy is null || catalog is null)
        {
            throw new DefinitionException("The definition files are invalid", problems);
        }

        return (anatomy, catalog);
    }

    /// <summary>Returns <c>file:line:column: path</c> for an entry of a definition file (or <c>file: path</c> if it cannot be located).</summary>
    private static string Where(string file, string text, string path) =>
        JsonPositions.Locate(text, [path]).TryGetValue(path, out var at)
            ? $"{file}:{at.Line.ToString(CultureInfo.InvariantCulture)}:{at.Column.ToString(CultureInfo.InvariantCulture)}: {path}"
            : $"{file}: {path}";

    private static void Collect<TDefinition, TKey, T>(List<TDefinition>? items, string file, string text, string property, List<string> problems, Layers<TKey, T> into, Func<TDefinition, T> convert)
        where TKey : notnull
    {
        if (items is null)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                if (into.Set(convert(items[i]), file) is { } duplicate)
                {
                    problems.Add($"{Where(file, text, $"$.{property}[{i}]")}: {duplicate}");
                }
            }
            catch (DefinitionException e)
            {
                var where = Where(file, text, $"$.{property}[{i}]");
                problems.AddRange(e.Problems.Select(p => $"{where}: {p}"));
            }
            catch (ArgumentException e)
            {
                problems.Add($"{Where(file, text, $"$.{property}[{i}]")}: {e.Message}");
            }
        }
    }

    /// <summary>
    /// Definitions by id in first-definition order: a later file replaces an id an earlier file defined
    /// (layering); the same file defining an id twice is a problem.
    /// </summary>
    private sealed class Layers<TKey, T>(Func<T, TKey> key, string kind)
        where TKey : notnull
    {
        private readonly List<T> values = [];
        private readonly Dictionary<TKey, (int Index, string File)> index = [];

        public IEnumerable<T> Values => values;

        public string? Set(T value, string file)
        {
            var id = key(value);
            if (index.TryGetValue(id, out var existing))
            {
                if (existing.File == file)
                {
                    return $"the {kind} id '{id}' is defined more than once in this file.";
                }

                values[existing.Index] = value;
                index[id] = (existing.Index, file);
                return null;
            }

            index[id] = (values.Count, file);
            values.Add(value);
            return null;
        }
    }

    private static Citation ToCitation(CitationDefinition c) =>
        Citation.TryParseLevel(c.Verification, out var level)
            ? new Citation(c.Source, c.Locator, level)
            : throw new ArgumentException($"'{c.Verification}' is not a verification level; use 'verified', 'verified-2nd' or 'unverified'.");

    private static LayRegion ToRegion(RegionDefinition r) => new(RegionId.From(r.Id), r.Name, r.Muscles.Select(MuscleId.From));

    private static Muscle ToMuscle(MuscleDefinition m) => new(MuscleId.From(m.Id), m.Name, RegionId.From(m.Region), m.Midline, ToCitation(m.Source));

    private static InjectionSite ToSite(SiteDefinition s)
    {
        if (!LateralityText.TryParse(s.Side, out var side))
        {
            throw new ArgumentException($"'{s.Side}' is not a side; use 'left', 'right' or 'midline'.");
        }

        return new InjectionSite(
            SiteId.From(s.Id),
            MuscleId.From(s.Muscle),
            side,
            s.Ordinal,
            new Landmark(s.Landmark.Description, ToCitation(s.Landmark.Source)),
            s.Drawing.Select(d => new DrawingPoint(ParseView(d.View), d.X, d.Y)));
    }

    internal static AnatomicalView ParseView(string view) => view switch
    {
        "front" => AnatomicalView.Front,
        "back" => AnatomicalView.Back,
        "left" => AnatomicalView.Left,
        "right" => AnatomicalView.Right,
        _ => throw new ArgumentException($"'{view}' is not a view; use 'front', 'back', 'left' or 'right'."),
    };

    private static TreatmentProtocol ToProtocol(ProtocolDefinition p, AnatomyCatalog anatomy)
    {
        var builder = TreatmentProtocol.CreateBuilder(ProtocolId.From(p.Id), p.Name, anatomy)
            .WithDescription(p.Description)
            .WithRetreatmentIntervalDays(p.RetreatmentIntervalDays)
            .WithMaximumUnits(p.MaximumUnits is { } max ? Units(max, "maximumUnits") : null);
        foreach (var source in p.Sources)
        {
            builder.AddSource(ToCitation(source));
        }

        foreach (var site in p.Sites)
        {
            builder.SetSite(SiteId.From(site.Site), Units(site.Units, $"the dose at '{site.Site}'"));
        }

        foreach (var f in p.FollowThePain ?? [])
        {
            builder.SetFollowThePain(new FollowThePainAllowance(
                MuscleId.From(f.Muscle),
                Units(f.MaxExtraUnits, $"maxExtraUnits of '{f.Muscle}'"),
                f.MaxExtraSites,
                Units(f.UnitsPerSite, $"unitsPerSite of '{f.Muscle}'"),
                ToCitation(f.Source)));
        }

        return builder.Build();
    }

    private static ToxinUnits Units(decimal value, string what) =>
        ToxinUnits.TryFromUnits(value, out var units)
            ? units
            : throw new ArgumentException($"{what}: {value.ToString(CultureInfo.InvariantCulture)} is not a valid amount of toxin units (0 to {ToxinUnits.MaxValue}, at most two decimal places).");
}
