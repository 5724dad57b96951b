using System.Collections.Immutable;
using System.Globalization;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Dosing;
using MigraineProtocol.Input;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Definitions;

/// <summary>
/// Reads definition files (JSON, see docs/definition-format.md) into an anatomy catalog and a protocol
/// catalog. Every problem of every file is collected and reported at once as an <see cref="InputProblem"/>
/// with its file, line, column and JSON path, cross-file references included; nothing is half-loaded.
/// </summary>
internal static class DefinitionLoader
{
    internal static (AnatomyCatalog Anatomy, ProtocolCatalog Protocols) Load(IEnumerable<(string Name, string Json)> files) =>
        TryLoad(files, out var anatomy, out var protocols, out var problems) ? (anatomy!, protocols!) : throw new InputException(problems);

    internal static bool TryLoad(IEnumerable<(string Name, string Json)> files, out AnatomyCatalog? anatomy, out ProtocolCatalog? catalog, out ImmutableArray<InputProblem> problems)
    {
        anatomy = null;
        catalog = null;
        var inputs = new List<(ProblemSink Sink, DefinitionDocument? Document)>();
        foreach (var (name, json) in files)
        {
            var sink = new ProblemSink(name);
            var doc = JsonInput.Read(json, DefinitionJsonContext.Default.DefinitionDocument, "a definition file", sink);
            inputs.Add((sink, doc));
        }

        var regions = new Layers<RegionId, LayRegion>(r => r.Id, "region");
        var muscles = new Layers<MuscleId, Muscle>(m => m.Id, "muscle");
        var sites = new Layers<SiteId, InjectionSite>(s => s.Id, "site");
        foreach (var (sink, doc) in inputs)
        {
            if (doc is null)
            {
                continue;
            }

            Collect(doc.Regions, sink, "regions", regions, ToRegion);
            Collect(doc.Muscles, sink, "muscles", muscles, ToMuscle);
            Collect(doc.Sites, sink, "sites", sites, ToSite);
        }

        if (!inputs.Any(i => i.Sink.HasProblems))
        {
            CheckReferences(regions, muscles, sites);
        }

        if (!inputs.Any(i => i.Sink.HasProblems))
        {
            try
            {
                anatomy = new AnatomyCatalog(regions.Values, muscles.Values, sites.Values);
            }
            catch (DefinitionException e)
            {
                // The reference checks above cover the catalog's invariants; this is a safety net.
                foreach (var p in e.Problems)
                {
                    inputs[^1].Sink.Add(null, null, null, InputProblemCodes.InvalidValue, p);
                }
            }
        }

        var protocols = new Layers<ProtocolId, TreatmentProtocol>(p => p.Id, "protocol");
        var loaded = anatomy;
        foreach (var (sink, doc) in inputs)
        {
            if (doc is not null)
            {
                // Without an anatomy the protocols are still checked for their own problems (ids, doses, citations).
                Collect(doc.Protocols, sink, "protocols", protocols, (p, path, s) => ToProtocol(p, path, s, loaded));
            }
        }

        if (anatomy is not null && !inputs.Any(i => i.Sink.HasProblems))
        {
            catalog = new ProtocolCatalog(anatomy, protocols.Values);
        }

        problems = [.. inputs.SelectMany(i => i.Sink.ToImmutable())];
        if (problems.Length > 0)
        {
            anatomy = null;
            catalog = null;
            return false;
        }

        return catalog is not null;
    }

    private static void Collect<TDefinition, TKey, T>(List<TDefinition>? items, ProblemSink sink, string property, Layers<TKey, T> into, Func<TDefinition, string, ProblemSink, T?> convert)
        where TKey : notnull
        where TDefinition : class
        where T : class
    {
        if (items is null)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.{property}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (items[i] is not { } item)
            {
                sink.AddAtPath(path, InputProblemCodes.WrongType, "null is not allowed here; expected an object.");
                continue;
            }

            if (convert(item, path, sink) is { } value && into.Set(value, sink, path) is { } duplicate)
            {
                sink.AddAtPath(path + ".id", InputProblemCodes.Duplicate, duplicate);
            }
        }
    }

    /// <summary>Checks the references between regions, muscles and sites, placing each problem at the entry that makes the reference.</summary>
    private static void CheckReferences(Layers<RegionId, LayRegion> regions, Layers<MuscleId, Muscle> muscles, Layers<SiteId, InjectionSite> sites)
    {
        foreach (var (muscle, sink, path) in muscles.Entries)
        {
            if (!regions.TryGet(muscle.Region, out var region))
            {
                sink.AddAtPath(path + ".region", InputProblemCodes.UnknownReference, $"muscle '{muscle.Id}' names region '{muscle.Region}', which is not defined.");
            }
            else if (!region.Muscles.Contains(muscle.Id))
            {
                sink.AddAtPath(path + ".region", InputProblemCodes.UnknownReference, $"muscle '{muscle.Id}' names region '{muscle.Region}', but that region does not list it.");
            }
        }

        foreach (var (region, sink, path) in regions.Entries)
        {
            for (var j = 0; j < region.Muscles.Length; j++)
            {
                var m = region.Muscles[j];
                var at = $"{path}.muscles[{j.ToString(CultureInfo.InvariantCulture)}]";
                if (!muscles.TryGet(m, out var muscle))
                {
                    sink.AddAtPath(at, InputProblemCodes.UnknownReference, $"region '{region.Id}' lists muscle '{m}', which is not defined.");
                }
                else if (muscle.Region != region.Id)
                {
                    sink.AddAtPath(at, InputProblemCodes.UnknownReference, $"region '{region.Id}' lists muscle '{m}', but that muscle belongs to region '{muscle.Region}'.");
                }
            }
        }

        var seen = new HashSet<(MuscleId, Laterality, int)>();
        foreach (var (site, sink, path) in sites.Entries)
        {
            if (!muscles.TryGet(site.Muscle, out var muscle))
            {
                sink.AddAtPath(path + ".muscle", InputProblemCodes.UnknownReference, $"site '{site.Id}' names muscle '{site.Muscle}', which is not defined.");
                continue;
            }

            if (muscle.IsMidline != (site.Side == Laterality.Midline))
            {
                sink.AddAtPath(path + ".side", InputProblemCodes.InvalidValue, muscle.IsMidline
                    ? $"site '{site.Id}' is on the {LateralityText.Format(site.Side)} side, but muscle '{muscle.Id}' is injected at the midline only."
                    : $"site '{site.Id}' is at the midline, but muscle '{muscle.Id}' is injected on the left and right sides.");
            }

            if (!seen.Add((site.Muscle, site.Side, site.Ordinal)))
            {
                sink.AddAtPath(path + ".ordinal", InputProblemCodes.Duplicate, $"site '{site.Id}' repeats ordinal {site.Ordinal.ToString(CultureInfo.InvariantCulture)} of muscle '{site.Muscle}' on the {LateralityText.Format(site.Side)} side.");
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
        private readonly List<(T Value, ProblemSink Sink, string Path)> values = [];
        private readonly Dictionary<TKey, int> index = [];

        public IEnumerable<T> Values => values.Select(v => v.Value);

        public IEnumerable<(T Value, ProblemSink Sink, string Path)> Entries => values;

        public bool TryGet(TKey id, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value)
        {
            if (index.TryGetValue(id, out var i))
            {
                value = values[i].Value;
                return true;
            }

            value = default;
            return false;
        }

        public string? Set(T value, ProblemSink sink, string path)
        {
            var id = key(value);
            if (index.TryGetValue(id, out var existing))
            {
                if (ReferenceEquals(values[existing].Sink, sink))
                {
                    return $"the {kind} id '{id}' is defined more than once in this file.";
                }

                values[existing] = (value, sink, path);
                return null;
            }

            index[id] = values.Count;
            values.Add((value, sink, path));
            return null;
        }
    }

    private static bool Text(string value, string path, ProblemSink sink)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        sink.AddAtPath(path, InputProblemCodes.InvalidValue, "the text must not be empty.");
        return false;
    }

    private static bool Id<TId>(string text, string path, string kind, ProblemSink sink, out TId id)
        where TId : struct, IParsable<TId>
    {
        if (TId.TryParse(text, null, out id))
        {
            return true;
        }

        var example = kind switch
        {
            "protocol id" => "'preempt' or 'clinic-protocol'",
            "region id" => "'forehead'",
            "muscle id" => "'temporalis'",
            _ => "'temporalis-left-3' (an id ending in '-ftp' must be '<muscle>-<left|right>-ftp')",
        };
        sink.AddAtPath(path, InputProblemCodes.InvalidValue, $"{Echo.Quote(text)} is not a {kind}: lower-case letters and digits in kebab-case, starting with a letter, at most 64 characters, for example {example}.");
        return false;
    }

    private static Citation? ToCitation(CitationDefinition c, string path, ProblemSink sink)
    {
        var ok = Text(c.Source, path + ".source", sink) & Text(c.Locator, path + ".locator", sink);
        if (!Citation.TryParseLevel(c.Verification, out var level))
        {
            sink.AddAtPath(path + ".verification", InputProblemCodes.InvalidValue, $"{Echo.Quote(c.Verification)} is not a verification level; use 'verified', 'verified-2nd' or 'unverified'.");
            ok = false;
        }

        return ok ? new Citation(c.Source, c.Locator, level) : null;
    }

    private static LayRegion? ToRegion(RegionDefinition r, string path, ProblemSink sink)
    {
        var ok = Id<RegionId>(r.Id, path + ".id", "region id", sink, out var id) & Text(r.Name, path + ".name", sink);
        var muscles = new List<MuscleId>(r.Muscles.Count);
        var listed = new HashSet<MuscleId>();
        for (var j = 0; j < r.Muscles.Count; j++)
        {
            var at = $"{path}.muscles[{j.ToString(CultureInfo.InvariantCulture)}]";
            if (Id<MuscleId>(r.Muscles[j], at, "muscle id", sink, out var m))
            {
                if (!listed.Add(m))
                {
                    sink.AddAtPath(at, InputProblemCodes.Duplicate, $"the region lists muscle '{m}' more than once.");
                    ok = false;
                }

                muscles.Add(m);
            }
            else
            {
                ok = false;
            }
        }

        if (r.Muscles.Count == 0)
        {
            sink.AddAtPath(path + ".muscles", InputProblemCodes.InvalidValue, "a region must list at least one muscle.");
            ok = false;
        }

        return ok ? new LayRegion(id, r.Name, muscles) : null;
    }

    private static Muscle? ToMuscle(MuscleDefinition m, string path, ProblemSink sink)
    {
        var ok = Id<MuscleId>(m.Id, path + ".id", "muscle id", sink, out var id)
            & Text(m.Name, path + ".name", sink)
            & Id<RegionId>(m.Region, path + ".region", "region id", sink, out var region);
        var source = ToCitation(m.Source, path + ".source", sink);
        return ok && source is not null ? new Muscle(id, m.Name, region, m.Midline, source) : null;
    }

    private static InjectionSite? ToSite(SiteDefinition s, string path, ProblemSink sink)
    {
        var ok = Id<SiteId>(s.Id, path + ".id", "site id", sink, out var id)
            & Id<MuscleId>(s.Muscle, path + ".muscle", "muscle id", sink, out var muscle);
        if (ok && id.IsFollowThePain)
        {
            sink.AddAtPath(path + ".id", InputProblemCodes.InvalidValue, $"'{id}' is a follow-the-pain id; a fixed site needs an id of its own.");
            ok = false;
        }

        if (!LateralityText.TryParse(s.Side, out var side))
        {
            sink.AddAtPath(path + ".side", InputProblemCodes.InvalidValue, $"{Echo.Quote(s.Side)} is not a side; use 'left', 'right' or 'midline'.");
            ok = false;
        }

        if (s.Ordinal < 1)
        {
            sink.AddAtPath(path + ".ordinal", InputProblemCodes.InvalidValue, $"the ordinal must be 1 or more, not {s.Ordinal.ToString(CultureInfo.InvariantCulture)}.");
            ok = false;
        }

        ok &= Text(s.Landmark.Description, path + ".landmark.description", sink);
        var source = ToCitation(s.Landmark.Source, path + ".landmark.source", sink);
        var drawing = new List<DrawingPoint>(s.Drawing.Count);
        for (var j = 0; j < s.Drawing.Count; j++)
        {
            var at = $"{path}.drawing[{j.ToString(CultureInfo.InvariantCulture)}]";
            var d = s.Drawing[j];
            if (d is null)
            {
                sink.AddAtPath(at, InputProblemCodes.WrongType, "null is not allowed here; expected an object.");
                ok = false;
            }
            else if (!(double.IsFinite(d.X) && d.X is >= 0 and <= 1 && double.IsFinite(d.Y) && d.Y is >= 0 and <= 1))
            {
                sink.AddAtPath(at, InputProblemCodes.InvalidValue, "a drawing point's x and y are between 0 and 1 (fractions of the view's width and height).");
                ok = false;
            }
            else if (TryParseView(d.View, out var view))
            {
                drawing.Add(new DrawingPoint(view, d.X, d.Y));
            }
            else
            {
                sink.AddAtPath(at + ".view", InputProblemCodes.InvalidValue, $"{Echo.Quote(d.View)} is not a view; use 'front', 'back', 'left' or 'right'.");
                ok = false;
            }
        }

        if (!ok || source is null)
        {
            return null;
        }

        try
        {
            return new InjectionSite(id, muscle, side, s.Ordinal, new Landmark(s.Landmark.Description, source), drawing);
        }
        catch (ArgumentException e)
        {
            sink.AddAtPath(path, InputProblemCodes.InvalidValue, Reason(e));
            return null;
        }
    }

    internal static bool TryParseView(string view, out AnatomicalView result)
    {
        (result, var ok) = view switch
        {
            "front" => (AnatomicalView.Front, true),
            "back" => (AnatomicalView.Back, true),
            "left" => (AnatomicalView.Left, true),
            "right" => (AnatomicalView.Right, true),
            _ => (AnatomicalView.Front, false),
        };
        return ok;
    }

    internal static AnatomicalView ParseView(string view) =>
        TryParseView(view, out var v) ? v : throw new ArgumentException($"'{view}' is not a view; use 'front', 'back', 'left' or 'right'.", nameof(view));

    private static TreatmentProtocol? ToProtocol(ProtocolDefinition p, string path, ProblemSink sink, AnatomyCatalog? anatomy)
    {
        var ok = Id<ProtocolId>(p.Id, path + ".id", "protocol id", sink, out var id) & Text(p.Name, path + ".name", sink);
        if (p.RetreatmentIntervalDays < 1)
        {
            sink.AddAtPath(path + ".retreatmentIntervalDays", InputProblemCodes.InvalidValue, $"the retreatment interval must be at least 1 day, not {p.RetreatmentIntervalDays.ToString(CultureInfo.InvariantCulture)}.");
            ok = false;
        }

        ToxinUnits? maximum = null;
        if (p.MaximumUnits is { } max)
        {
            ok &= Units(max, path + ".maximumUnits", sink, out var m);
            maximum = m;
        }

        var sources = new List<Citation>();
        for (var j = 0; j < p.Sources.Count; j++)
        {
            if (ToCitation(p.Sources[j], $"{path}.sources[{j.ToString(CultureInfo.InvariantCulture)}]", sink) is { } c)
            {
                sources.Add(c);
            }
            else
            {
                ok = false;
            }
        }

        var sites = new List<(SiteId, ToxinUnits)>();
        var listedSites = new HashSet<SiteId>();
        var fixedTotal = 0L;
        for (var j = 0; j < p.Sites.Count; j++)
        {
            var at = $"{path}.sites[{j.ToString(CultureInfo.InvariantCulture)}]";
            var s = p.Sites[j];
            if (Id<SiteId>(s.Site, at + ".site", "site id", sink, out var site) & Units(s.Units, at + ".units", sink, out var units))
            {
                if (anatomy is not null && !anatomy.TryGetSite(site, out _))
                {
                    sink.AddAtPath(at + ".site", InputProblemCodes.UnknownReference, $"site '{site}' is not a fixed site of the anatomy.");
                    ok = false;
                }

                // A site is given once: the builder's SetSite would silently keep only the last dose.
                if (!listedSites.Add(site))
                {
                    sink.AddAtPath(at + ".site", InputProblemCodes.Duplicate, $"site '{site}' is listed more than once in this protocol.");
                    ok = false;
                }

                fixedTotal += units.Hundredths;
                sites.Add((site, units));
            }
            else
            {
                ok = false;
            }
        }

        var allowances = new List<FollowThePainAllowance>();
        var allowanceMuscles = new HashSet<MuscleId>();
        var extraTotal = 0L;
        var followThePain = p.FollowThePain ?? [];
        for (var j = 0; j < followThePain.Count; j++)
        {
            var at = $"{path}.followThePain[{j.ToString(CultureInfo.InvariantCulture)}]";
            var f = followThePain[j];
            var fok = Id<MuscleId>(f.Muscle, at + ".muscle", "muscle id", sink, out var muscle)
                & Units(f.MaxExtraUnits, at + ".maxExtraUnits", sink, out var maxExtra)
                & Units(f.UnitsPerSite, at + ".unitsPerSite", sink, out var perSite);
            var source = ToCitation(f.Source, at + ".source", sink);
            if (!fok || source is null)
            {
                ok = false;
                continue;
            }

            if (maxExtra == ToxinUnits.Zero || f.MaxExtraSites < 1 || perSite == ToxinUnits.Zero || perSite > maxExtra)
            {
                sink.AddAtPath(at, InputProblemCodes.InvalidValue, "a follow-the-pain allowance adds more than 0 U over at least 1 site, with a dose per site above 0 U and at most the allowance.");
                ok = false;
                continue;
            }

            // One allowance per muscle: the builder's SetFollowThePain would silently keep only the last.
            if (!allowanceMuscles.Add(muscle))
            {
                sink.AddAtPath(at + ".muscle", InputProblemCodes.Duplicate, $"muscle '{muscle}' has more than one follow-the-pain allowance in this protocol.");
                ok = false;
            }

            extraTotal += maxExtra.Hundredths;
            allowances.Add(new FollowThePainAllowance(muscle, maxExtra, f.MaxExtraSites, perSite, source));
        }

        if (fixedTotal + extraTotal > ToxinUnits.MaxValue.Hundredths)
        {
            sink.AddAtPath(path + ".sites", InputProblemCodes.LimitExceeded, $"the protocol's doses add up to more than {ToxinUnits.MaxValue}, the largest total the library represents.");
            ok = false;
        }

        if (!ok || anatomy is null)
        {
            return null;
        }

        var builder = TreatmentProtocol.CreateBuilder(id, p.Name, anatomy)
            .WithDescription(p.Description)
            .WithRetreatmentIntervalDays(p.RetreatmentIntervalDays)
            .WithMaximumUnits(maximum);
        sources.ForEach(c => builder.AddSource(c));
        sites.ForEach(s => builder.SetSite(s.Item1, s.Item2));
        allowances.ForEach(a => builder.SetFollowThePain(a));
        try
        {
            return builder.Build();
        }
        catch (DefinitionException e)
        {
            foreach (var problem in e.Problems)
            {
                sink.AddAtPath(path, InputProblemCodes.InvalidValue, problem);
            }

            return null;
        }
        catch (ArgumentException e)
        {
            sink.AddAtPath(path, InputProblemCodes.InvalidValue, Reason(e));
            return null;
        }
    }

    private static bool Units(decimal value, string path, ProblemSink sink, out ToxinUnits units)
    {
        if (ToxinUnits.TryFromUnits(value, out units))
        {
            return true;
        }

        sink.AddAtPath(path, InputProblemCodes.InvalidValue, $"{value.ToString(CultureInfo.InvariantCulture)} is not a valid amount of toxin units: 0 to {ToxinUnits.MaxValue}, at most two decimal places.");
        return false;
    }

    /// <summary>The library's own message of a precondition failure, without the .NET parameter suffix.</summary>
    private static string Reason(ArgumentException e)
    {
        var message = e.Message;
        var cut = e.ParamName is { } name ? message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal) : -1;
        return (cut >= 0 ? message[..cut] : message).Split('\n')[0].Trim();
    }
}
