using System.Globalization;
using System.Xml.Linq;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rendering;
using MigraineProtocol.Rules;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The site map checked element by element against a layout model written from its documented geometry:
/// one 400 × 400 drawing box per view (one column, or two for all four views) under a 64-high header, each
/// cell 24 + 400 + 22 high, a 300-wide legend 8 to the right of the views whose lines advance 14, 16 or 18,
/// and a canvas as tall as the taller of the views and the legend. Every marker sits at its site's drawing
/// point scaled to the box, coloured by its muscle's place in the anatomy, with a status ring, a miss cross,
/// and a label where a naive label placer (<see cref="NaivePlace"/>) puts it; every follow-the-pain zone,
/// every legend line (wrapped greedily at 44 columns), the title, subtitle and the screen-reader description
/// say what the model says. Scenarios: the built-in protocols in every view, sessions with every status,
/// follow-the-pain within and beyond the allowance, unplanned and undrawable sites, sites without drawing
/// coordinates, and diagnostics at the exact legend budget and wrap boundaries.
/// </summary>
public partial class RenderingEdgeTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly string[] Palette = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#8C6D31", "#7F7F7F", "#F0E442", "#000000"];
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly Citation Clinic = new("clinic", "local policy", VerificationLevel.Unverified);
    private const string Cite = """{"source": "clinic", "locator": "local policy", "verification": "unverified"}""";

    private sealed record MDrawn(InjectionSite Site, ToxinUnits Planned, SiteDose? Dose);

    private sealed record MLine(string Text, string Class, double Advance, string? Swatch = null, string? Kind = null, string? Code = null);

    private static string I(FormattableString s) => FormattableString.Invariant(s);

    private static string Count(int n, string noun) => I($"{n} {(n == 1 ? noun : noun + "s")}");

    private static string N(double v) => v.ToString("F1", CultureInfo.InvariantCulture);

    private static double D(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static string? Class(XElement e) => (string?)e.Attribute("class");

    private static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 0.051, $"{what}: expected {expected}, drawn at {actual}");

    private static void At(XElement e, double x, double y, string what, string xa = "x", string ya = "y")
    {
        Near(x, D(e, xa), what + " " + xa);
        Near(y, D(e, ya), what + " " + ya);
    }

    private static IReadOnlyList<AnatomicalView> ViewsOf(MapView view) => view == MapView.All
        ? [AnatomicalView.Front, AnatomicalView.Back, AnatomicalView.Left, AnatomicalView.Right]
        : [(AnatomicalView)(int)view];

    private static string ViewText(AnatomicalView v) => v.ToString().ToLowerInvariant();

    private static string ViewName(MapView view) => view switch
    {
        MapView.Front => "the front view",
        MapView.Back => "the back view",
        MapView.Left => "the left side view",
        MapView.Right => "the right side view",
        _ => "the front, back, left and right views",
    };

    private static string Caption(AnatomicalView v) => v switch
    {
        AnatomicalView.Front => "Front view: forehead and glabella",
        AnatomicalView.Back => "Back view: head, neck and shoulders",
        AnatomicalView.Left => "Left side view",
        _ => "Right side view",
    };

    private static (string Left, string Right) Hints(AnatomicalView v) => v switch
    {
        AnatomicalView.Front => ("patient's right", "patient's left"),
        AnatomicalView.Back => ("patient's left", "patient's right"),
        AnatomicalView.Left => ("face", "back"),
        _ => ("back", "face"),
    };

    /// <summary>Greedy wrapping: words joined by one space, a line broken before a word that would take it past <paramref name="columns"/>.</summary>
    private static List<string> Wrap(string text, int columns)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length == 0)
            {
                line = word;
            }
            else if (line.Length + 1 + word.Length <= columns)
            {
                line += " " + word;
            }
            else
            {
                lines.Add(line);
                line = word;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static string Colour(TreatmentProtocol p, MuscleId muscle)
    {
        var index = p.Anatomy.Muscles.Select(m => m.Id).ToList().IndexOf(muscle);
        return index < 0 ? Palette[^1] : Palette[index % Palette.Length];
    }

    private static (double X, double Y)? Point(InjectionSite site, AnatomicalView view) =>
        site.Drawing.Where(d => d.View == view).Select(d => ((double X, double Y)?)(d.X * 400, d.Y * 400)).FirstOrDefault();

    private static List<MDrawn> DrawnModel(TreatmentProtocol p, SessionOverlay? o)
    {
        var list = p.Sites.Select(s => new MDrawn(s.Site, s.Units, o?.Sites.FirstOrDefault(d => d.Site == s.Site.Id))).ToList();
        if (o is not null)
        {
            list.AddRange(o.Sites.Where(d => !p.Sites.Any(s => s.Site.Id == d.Site) && p.Anatomy.TryGetSite(d.Site, out _))
                .Select(d => new MDrawn(p.Anatomy.GetSite(d.Site), ToxinUnits.Zero, d)));
        }

        return list;
    }

    private static bool HasRing(MDrawn d) => d.Dose?.Status is SiteDoseStatus.OverDosed or SiteDoseStatus.UnderDosed or SiteDoseStatus.Unplanned;

    private static string Label(TreatmentProtocol p, MDrawn d)
    {
        var code = SiteMap.MuscleCode(p.Anatomy, d.Site.Muscle) + d.Site.Ordinal.ToString(CultureInfo.InvariantCulture);
        return d.Dose is { } dose ? I($"{code}: {dose.Given}") : code;
    }

    private static string Sentence(TreatmentProtocol p, MDrawn d, SessionOverlay? o)
    {
        var head = I($"{d.Site.Id} ({p.Anatomy.GetMuscle(d.Site.Muscle).Name}, {LateralityText.Format(d.Site.Side)})");
        if (d.Dose is not { } dose)
        {
            return I($"{head}: {d.Planned}");
        }

        var sentence = dose.Status switch
        {
            SiteDoseStatus.AsPlanned => I($"{head}: {dose.Given} given as planned"),
            SiteDoseStatus.Missed => I($"{head}: missed, {dose.Planned} planned"),
            SiteDoseStatus.UnderDosed => I($"{head}: under-dosed, {dose.Given} given of {dose.Planned} planned"),
            SiteDoseStatus.OverDosed => I($"{head}: over-dosed, {dose.Given} given of {dose.Planned} planned"),
            _ => I($"{head}: {dose.Given} given, not in the protocol"),
        };
        var codes = o!.Diagnostics.Where(v => v.Site == d.Site.Id).Select(v => v.Code.Value).Distinct().ToList();
        return codes.Count == 0 ? sentence : $"{sentence} ({string.Join(", ", codes)})";
    }

    private static string Verdict(SessionOverlay o)
    {
        var errors = o.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = o.Diagnostics.Count(d => d.Severity == Severity.Warning);
        return errors == 0 ? $"Rules: VALID ({Count(warnings, "warning")})" : $"Rules: INVALID ({Count(errors, "error")}, {Count(warnings, "warning")})";
    }

    private static IEnumerable<string> Summaries(SessionOverlay o)
    {
        var keys = o.Diagnostics.Select(d => (d.Code, d.Severity)).Distinct().ToList();
        foreach (var key in keys)
        {
            var group = o.Diagnostics.Where(d => (d.Code, d.Severity) == key).ToList();
            var sites = group.Where(d => d.Site is not null).Select(d => d.Site!.Value.Value).Distinct().ToList();
            if (sites.Count > 0)
            {
                var shown = sites.Count <= 6 ? string.Join(", ", sites) : I($"{string.Join(", ", sites.Take(6))} and {sites.Count - 6} more");
                yield return I($"{SeverityText.Format(key.Severity)} {key.Code}: {shown}");
            }

            foreach (var d in group.Where(d => d.Site is null))
            {
                yield return I($"{SeverityText.Format(d.Severity)} {d.Code}: {d.Message}");
            }
        }
    }

    private static void AddWrapped(List<MLine> lines, string text, int columns, string cssClass, double advance = 14)
    {
        foreach (var part in Wrap(text, columns))
        {
            lines.Add(new(part, cssClass, advance));
        }
    }

    private static void LastAdvance18(List<MLine> lines) => lines[^1] = lines[^1] with { Advance = 18 };

    private static List<MLine> LegendModel(TreatmentProtocol p, MapView view, SiteMapOptions options)
    {
        var views = ViewsOf(view);
        var drawn = DrawnModel(p, options.Overlay);
        var shown = drawn.Where(d => views.Any(v => Point(d.Site, v) is not null)).ToList();
        var lines = new List<MLine> { new("Muscles", "heading", 18) };
        foreach (var m in p.Anatomy.Muscles.Where(m => shown.Any(d => d.Site.Muscle == m.Id)))
        {
            lines.Add(new(m.Name, string.Empty, 14, Colour(p, m.Id), "marker", SiteMap.MuscleCode(p.Anatomy, m.Id)));
            // A muscle is in the protocol when it has fixed sites or a follow-the-pain allowance (then possibly "0 U at 0 sites").
            var here = p.Sites.Where(s => s.Site.Muscle == m.Id).ToList();
            var ftp = p.FollowThePain.FirstOrDefault(f => f.Muscle == m.Id);
            var detail = here.Count > 0 || ftp is not null ? I($"{ToxinUnits.Sum(here.Select(s => s.Units))} at {Count(here.Count, "site")}") : "not in this protocol";
            if (ftp is not null)
            {
                detail += I($"; follow-the-pain up to +{ftp.MaxExtraUnits} at {Count(ftp.MaxExtraSites, "site")}");
            }

            AddWrapped(lines, detail, 40, "note");
            LastAdvance18(lines);
        }

        if (options.ShadeFollowThePain && p.FollowThePain.Any(f => shown.Any(d => d.Site.Muscle == f.Muscle && d.Planned > ToxinUnits.Zero)))
        {
            lines.Add(new("Follow-the-pain zone (optional extra injections)", string.Empty, 18, "#7F7F7F", "zone"));
        }

        var elsewhere = drawn.Count(d => !shown.Contains(d) && !d.Site.Drawing.IsEmpty);
        if (elsewhere > 0)
        {
            lines.Add(new($"{Count(elsewhere, "more site")} in the other views", "note", 18));
        }

        var notDrawn = drawn.Where(d => d.Site.Drawing.IsEmpty).Select(d => d.Site.Id.Value).ToList();
        if (notDrawn.Count > 0)
        {
            AddWrapped(lines, "Not drawn (no drawing coordinates): " + string.Join(", ", notDrawn), 44, "note");
            LastAdvance18(lines);
        }

        if (options.Overlay is { } o)
        {
            int Of(SiteDoseStatus s) => o.Sites.Count(d => d.Status == s);
            lines.Add(new("Session " + Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "heading", 18));
            lines.Add(new(I($"{o.GivenUnits} given; {p.FixedUnits} planned at fixed sites"), string.Empty, 16));
            lines.Add(new(I($"As planned: {Of(SiteDoseStatus.AsPlanned)}"), string.Empty, 16, "#9e9e9e", "as-planned"));
            lines.Add(new(I($"Missed: {Of(SiteDoseStatus.Missed)}"), Of(SiteDoseStatus.Missed) > 0 ? "alert" : string.Empty, 16, "#9e9e9e", "missed"));
            lines.Add(new(I($"Under-dosed: {Of(SiteDoseStatus.UnderDosed)}"), Of(SiteDoseStatus.UnderDosed) > 0 ? "alert" : string.Empty, 16, "#9e9e9e", "under-dosed"));
            lines.Add(new(I($"Over-dosed: {Of(SiteDoseStatus.OverDosed)}"), Of(SiteDoseStatus.OverDosed) > 0 ? "alert" : string.Empty, 16, "#9e9e9e", "over-dosed"));
            if (Of(SiteDoseStatus.Unplanned) > 0)
            {
                lines.Add(new(I($"Not in the protocol: {Of(SiteDoseStatus.Unplanned)}"), "alert", 16, "#9e9e9e", "unplanned"));
            }

            foreach (var f in o.FollowThePain)
            {
                var name = p.Anatomy.TryGetMuscle(f.Muscle, out var m) ? m.Name : f.Muscle.Value;
                var text = I($"Follow-the-pain, {name} {LateralityText.Format(f.Side)}: {Count(f.Injections, "injection")}, {f.Units}") + (f.WithinAllowance ? string.Empty : " (beyond the allowance)");
                AddWrapped(lines, text, 44, f.WithinAllowance ? string.Empty : "alert");
            }

            LastAdvance18(lines);
            lines.Add(new(Verdict(o), o.Diagnostics.Any(d => d.Severity == Severity.Error) ? "heading alert" : "heading", 18));
            var budget = 12;
            foreach (var summary in Summaries(o))
            {
                var parts = Wrap(summary, 44);
                if (parts.Count > budget)
                {
                    lines.Add(new("and more: see the description or run validate", "note", 14));
                    break;
                }

                budget -= parts.Count;
                lines.AddRange(parts.Select(part => new MLine(part, "alert", 14)));
            }

            LastAdvance18(lines);
        }

        lines.Add(new("Schematic, not to scale; markers show where", "note", 14));
        lines.Add(new("each site is, not how to find it. It informs;", "note", 14));
        lines.Add(new("a clinician decides.", "note", 14));
        return lines;
    }

    private static string DescriptionModel(TreatmentProtocol p, MapView view, SiteMapOptions options)
    {
        var views = ViewsOf(view);
        var o = options.Overlay;
        var drawn = DrawnModel(p, o);
        var shown = drawn.Where(d => views.Any(v => Point(d.Site, v) is not null)).ToList();
        var text = I($"Schematic map of the injection sites of {p.Name} ({p.Id}): {p.FixedUnits} at {Count(p.Sites.Length, "fixed site")}. ")
            + $"It shows {ViewName(view)}. Front view: the patient's right is on the picture's left; back view: the patient's left is on the picture's left. "
            + "Each marker is coloured by muscle and labelled with a muscle code and the site number"
            + (o is null ? ": " : " and the dose given: ")
            + string.Join(", ", p.Anatomy.Muscles.Where(m => shown.Any(d => d.Site.Muscle == m.Id)).Select(m => $"{SiteMap.MuscleCode(p.Anatomy, m.Id)} {m.Name}"))
            + ". ";
        if (options.ShadeFollowThePain && p.FollowThePain.Any(f => shown.Any(d => d.Site.Muscle == f.Muscle && d.Planned > ToxinUnits.Zero)))
        {
            text += "Shaded areas are follow-the-pain zones, where optional extra injections may be given: "
                + string.Join(", ", p.FollowThePain.Select(f => I($"{p.Anatomy.GetMuscle(f.Muscle).Name} up to +{f.MaxExtraUnits} at {Count(f.MaxExtraSites, "site")}")))
                + ". ";
        }

        foreach (var v in views)
        {
            var here = drawn.Where(d => Point(d.Site, v) is not null).ToList();
            text += Caption(v) + ": " + (here.Count == 0 ? "no sites" : string.Join("; ", here.Select(d => Sentence(p, d, o)))) + ". ";
        }

        var notDrawn = drawn.Where(d => !shown.Contains(d)).ToList();
        if (notDrawn.Count > 0)
        {
            text += "Not drawn in this map: " + string.Join("; ", notDrawn.Select(d => Sentence(p, d, o))) + ". ";
        }

        if (o is not null)
        {
            text += I($"Session 2026-03-02: {o.GivenUnits} given. ");
            foreach (var (status, name) in new[] { (SiteDoseStatus.Missed, "Missed"), (SiteDoseStatus.UnderDosed, "Under dosed"), (SiteDoseStatus.OverDosed, "Over dosed"), (SiteDoseStatus.Unplanned, "Unplanned") })
            {
                var ids = o.Sites.Where(s => s.Status == status).Select(s => s.Site.Value).ToList();
                if (ids.Count > 0)
                {
                    text += $"{name}: {string.Join(", ", ids)}. ";
                }
            }

            foreach (var f in o.FollowThePain)
            {
                text += I($"{f.Muscle} {LateralityText.Format(f.Side)}: {f.Injections} follow-the-pain, {f.Units}") + (f.WithinAllowance ? string.Empty : " (beyond the allowance)") + ". ";
            }

            text += Verdict(o) + ". ";
            foreach (var d in o.Diagnostics)
            {
                text += I($"{SeverityText.Format(d.Severity)} {d.Code}: {d.Message}") + " ";
            }
        }

        return text + "Schematic, not to scale: it informs, a clinician decides.";
    }

    /// <summary>Renders the map and checks it against the model; returns the parsed root for further checks.</summary>
    private static XElement CheckMap(TreatmentProtocol p, MapView view, SiteMapOptions? given = null)
    {
        var options = given ?? SiteMapOptions.Default;
        var svg = SiteMap.Render(p, view, given);
        Assert.Equal(svg, SiteMap.Render(p, view, given));
        using (var writer = new StringWriter(CultureInfo.InvariantCulture))
        {
            SiteMap.Write(writer, p, view, given);
            Assert.Equal(svg, writer.ToString());
        }

        Assert.EndsWith("</svg>\n", svg, StringComparison.Ordinal);
        Assert.False(svg.EndsWith("\n\n", StringComparison.Ordinal));
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);

        var views = ViewsOf(view);
        var columns = views.Count == 1 ? 1 : 2;
        var rows = (views.Count + columns - 1) / columns;
        var legend = LegendModel(p, view, options);
        var legendX = 16 + (columns * 416) + 8;
        var width = legendX + 300 + 16;
        var height = 64 + Math.Max(rows * 446, legend.Sum(l => l.Advance) + 8) + 16;
        Near(width, D(root, "width"), "width");
        Near(height, D(root, "height"), "height");
        Assert.Equal($"0 0 {N(width)} {N(height)}", (string?)root.Attribute("viewBox"));
        var viewText = view == MapView.All ? "all" : ViewText((AnatomicalView)(int)view);
        var prefix = $"map-{p.Id}-{viewText}";
        Assert.Equal($"{prefix}-title {prefix}-desc", (string?)root.Attribute("aria-labelledby"));
        Assert.Equal(p.Id.Value, (string?)root.Attribute("data-protocol"));
        Assert.Equal(viewText, (string?)root.Attribute("data-map-view"));
        Assert.Equal("img", (string?)root.Attribute("role"));

        var title = options.Title ?? $"{p.Name}: injection sites";
        Assert.Equal(title, root.Element(Svg + "title")!.Value);
        Assert.Equal(prefix + "-title", (string?)root.Element(Svg + "title")!.Attribute("id"));
        Assert.Equal(DescriptionModel(p, view, options), root.Element(Svg + "desc")!.Value);
        Assert.Equal(prefix + "-desc", (string?)root.Element(Svg + "desc")!.Attribute("id"));

        var background = root.Elements(Svg + "rect").Single();
        Assert.Equal("background", Class(background));
        Near(width, D(background, "width"), "background width");
        Near(height, D(background, "height"), "background height");
        var mapTitle = root.Elements(Svg + "text").Single(t => Class(t) == "map-title");
        Assert.Equal(title, mapTitle.Value);
        At(mapTitle, 16, 30, "title");
        var subtitle = root.Elements(Svg + "text").Single(t => Class(t) == "map-subtitle");
        var expectedSubtitle = I($"{p.Id}: {p.FixedUnits} at {Count(p.Sites.Length, "fixed site")}; {ViewName(view)}") + (options.Overlay is null ? string.Empty : "; session 2026-03-02");
        Assert.Equal(expectedSubtitle, subtitle.Value);
        At(subtitle, 16, 50, "subtitle");

        var drawn = DrawnModel(p, options.Overlay);
        var groups = root.Elements(Svg + "g").Where(g => Class(g) == "view").ToList();
        Assert.Equal(views.Count, groups.Count);
        for (var i = 0; i < views.Count; i++)
        {
            CheckView(p, options, drawn, views[i], groups[i], 16 + (i % columns * 416), 64 + (i / columns * 446) + 24);
        }

        Assert.Equal(
            SiteMap.MarkerCount(p, view, options.Overlay),
            groups.Sum(g => g.Descendants(Svg + "g").Count(s => Class(s) == "site")));
        var legendGroup = root.Elements(Svg + "g").Single(g => Class(g) == "legend");
        Assert.Same(root.Elements().Last(), legendGroup);
        Assert.Equal($"translate({N(legendX)} 64.0)", (string?)legendGroup.Attribute("transform"));
        CheckLegend(legend, legendGroup);
        return root;
    }

    private static void CheckView(TreatmentProtocol p, SiteMapOptions options, List<MDrawn> drawn, AnatomicalView view, XElement g, double x, double y)
    {
        var what = ViewText(view);
        Assert.Equal(what, (string?)g.Attribute("data-view"));
        Assert.Equal($"translate({N(x)} {N(y)})", (string?)g.Attribute("transform"));
        var caption = g.Elements(Svg + "text").First();
        Assert.Equal("view-caption", Class(caption));
        Assert.Equal(Caption(view), caption.Value);
        At(caption, 0, -8, what + " caption");
        var box = g.Elements(Svg + "rect").Single();
        Assert.Equal(("view-box", 400.0, 400.0), (Class(box), D(box, "width"), D(box, "height")));
        Assert.False(string.IsNullOrEmpty((string?)g.Elements(Svg + "path").Single(e => Class(e) == "outline").Attribute("d")));
        var hints = g.Elements(Svg + "text").Where(t => Class(t) == "view-hint").ToList();
        Assert.Equal(2, hints.Count);
        Assert.Equal(Hints(view), (hints[0].Value, hints[1].Value));
        At(hints[0], 2, 414, what + " left hint");
        At(hints[1], 398, 414, what + " right hint");
        Assert.Equal("end", (string?)hints[1].Attribute("text-anchor"));

        // Follow-the-pain zones.
        var zoneGroups = g.Elements(Svg + "g").Where(e => Class(e) == "ftp-zones").ToList();
        if (!options.ShadeFollowThePain)
        {
            Assert.Empty(zoneGroups);
        }
        else
        {
            var zones = Assert.Single(zoneGroups).Elements().ToList();
            var k = 0;
            foreach (var a in p.FollowThePain)
            {
                foreach (var side in new[] { Laterality.Left, Laterality.Right })
                {
                    var located = p.Sites.Where(s => s.Site.Muscle == a.Muscle && s.Site.Side == side).Select(s => Point(s.Site, view)).OfType<(double X, double Y)>().ToList();
                    if (located.Count == 0)
                    {
                        continue;
                    }

                    Assert.True(k < zones.Count, $"{what}: a zone for {a.Muscle} {side}");
                    var zone = zones[k++];
                    var label = $"{what} zone {a.Muscle} {side}";
                    var (minX, maxX, minY, maxY) = (located.Min(q => q.X), located.Max(q => q.X), located.Min(q => q.Y), located.Max(q => q.Y));
                    var given = options.Overlay?.FollowThePain.FirstOrDefault(f => f.Muscle == a.Muscle && f.Side == side);
                    Assert.Equal(Svg + "ellipse", zone.Name);
                    Assert.Equal(given is null ? "ftp-zone" : "ftp-zone given", Class(zone));
                    Assert.Equal(a.Muscle.Value, (string?)zone.Attribute("data-muscle"));
                    Assert.Equal(LateralityText.Format(side), (string?)zone.Attribute("data-side"));
                    Assert.Equal(given?.Injections.ToString(CultureInfo.InvariantCulture), (string?)zone.Attribute("data-ftp-injections"));
                    At(zone, (minX + maxX) / 2, (minY + maxY) / 2, label, "cx", "cy");
                    At(zone, ((maxX - minX) / 2 * Math.Sqrt(2)) + 16, ((maxY - minY) / 2 * Math.Sqrt(2)) + 16, label, "rx", "ry");
                    Assert.Equal(Colour(p, a.Muscle), (string?)zone.Attribute("fill"));
                    Assert.Equal(Colour(p, a.Muscle), (string?)zone.Attribute("stroke"));
                    var text = I($"Follow-the-pain zone: {p.Anatomy.GetMuscle(a.Muscle).Name}, {LateralityText.Format(side)}; up to +{a.MaxExtraUnits} at {Count(a.MaxExtraSites, "more site")} ({a.UnitsPerSite} each), both sides together");
                    text += given is null
                        ? "."
                        : I($". Session: {Count(given.Injections, "injection")}, {given.Units}") + (given.WithinAllowance ? string.Empty : ", beyond the allowance") + ".";
                    Assert.Equal(text, zone.Element(Svg + "title")!.Value);
                }
            }

            Assert.Equal(k, zones.Count);
        }

        // Sites, their markers and labels.
        var here = drawn.Where(d => Point(d.Site, view) is not null).ToList();
        var items = here.Select(d =>
        {
            var (px, py) = Point(d.Site, view)!.Value;
            return new LabelPlacer.Item(px, py, HasRing(d) ? 12 : 7, Label(p, d));
        }).ToList();
        var boxes = NaivePlace(items, 400);
        var sites = g.Elements(Svg + "g").Single(e => Class(e) == "sites").Elements().ToList();
        Assert.Equal(here.Count, sites.Count);
        for (var i = 0; i < here.Count; i++)
        {
            var d = here[i];
            var site = sites[i];
            var label = $"{what} {d.Site.Id}";
            Assert.Equal(Svg + "g", site.Name);
            Assert.Equal("site", Class(site));
            Assert.Equal(d.Site.Id.Value, (string?)site.Attribute("data-site"));
            Assert.Equal(d.Site.Muscle.Value, (string?)site.Attribute("data-muscle"));
            Assert.Equal(LateralityText.Format(d.Site.Side), (string?)site.Attribute("data-side"));
            Assert.Equal(d.Dose is null ? null : SiteDoseStatusText.Format(d.Dose.Status), (string?)site.Attribute("data-status"));
            Assert.Equal(d.Dose?.Given.ToString("N", CultureInfo.InvariantCulture), (string?)site.Attribute("data-given"));
            Assert.Equal(Sentence(p, d, options.Overlay), site.Element(Svg + "title")!.Value);

            var circles = site.Elements(Svg + "circle").ToList();
            var (cx, cy) = (items[i].X, items[i].Y);
            if (HasRing(d))
            {
                Assert.Equal(2, circles.Count);
                Assert.Equal("status-ring " + SiteDoseStatusText.Format(d.Dose!.Status), Class(circles[0]));
                At(circles[0], cx, cy, label + " ring", "cx", "cy");
                Assert.Equal(10.5, D(circles[0], "r"));
            }
            else
            {
                Assert.Single(circles);
            }

            var marker = circles[^1];
            Assert.Equal("marker", Class(marker));
            At(marker, cx, cy, label + " marker", "cx", "cy");
            Assert.Equal(6, D(marker, "r"));
            Assert.Equal(Colour(p, d.Site.Muscle), (string?)marker.Attribute("fill"));

            var paths = site.Elements(Svg + "path").ToList();
            if (d.Dose?.Status == SiteDoseStatus.Missed)
            {
                CheckCross(Assert.Single(paths), cx, cy, 6 * 0.55, label);
            }
            else
            {
                Assert.Empty(paths);
            }

            var texts = site.Elements(Svg + "text").ToList();
            if (options.ShowLabels)
            {
                var text = Assert.Single(texts);
                Assert.Equal("site-label", Class(text));
                Assert.Equal(items[i].Text, text.Value);
                At(text, boxes[i].X, boxes[i].Y + 10.5, label + " label");
            }
            else
            {
                Assert.Empty(texts);
            }
        }
    }

    /// <summary>A miss cross: two strokes through the centre, each from (−a, −a) to (a, a) and (−a, a) to (a, −a).</summary>
    private static void CheckCross(XElement path, double cx, double cy, double a, string what)
    {
        Assert.Equal("miss", Class(path));
        var t = path.Attribute("d")!.Value.Split(' ');
        Assert.Equal(12, t.Length);
        Assert.Equal(("M", "L", "M", "L"), (t[0], t[3], t[6], t[9]));
        double V(int k) => double.Parse(t[k], CultureInfo.InvariantCulture);
        Near(cx - a, V(1), what + " cross x1");
        Near(cy - a, V(2), what + " cross y1");
        Near(cx + a, V(4), what + " cross x2");
        Near(cy + a, V(5), what + " cross y2");
        Near(cx - a, V(7), what + " cross x3");
        Near(cy + a, V(8), what + " cross y3");
        Near(cx + a, V(10), what + " cross x4");
        Near(cy - a, V(11), what + " cross y4");
    }

    private static void CheckLegend(List<MLine> model, XElement legend)
    {
        var texts = legend.Elements(Svg + "text").Where(t => Class(t) != "code").ToList();
        var codes = legend.Elements(Svg + "text").Where(t => Class(t) == "code").ToList();
        var swatches = legend.Elements().Where(e => e.Name != Svg + "text").ToList();
        Assert.Equal(model.Select(l => l.Text), texts.Select(t => t.Value));
        Assert.Equal(model.Where(l => l.Code is not null).Select(l => l.Code), codes.Select(c => c.Value));
        Assert.Equal(model.Count(l => l.Kind is not null), swatches.Count);
        var baseline = 12.0;
        var (c, s) = (0, 0);
        for (var k = 0; k < model.Count; k++)
        {
            var line = model[k];
            var what = $"legend line {k} '{line.Text}'";
            Assert.True((line.Class.Length == 0 ? null : line.Class) == Class(texts[k]), $"{what}: class '{Class(texts[k])}', expected '{line.Class}'");
            var x = line.Kind is null ? 0.0 : 22.0;
            if (line.Code is not null)
            {
                At(codes[c++], x, baseline, what + " code");
                x += 26;
            }

            At(texts[k], x, baseline, what);
            if (line.Kind is { } kind)
            {
                CheckSwatch(swatches[s++], line, kind, baseline - 4, what);
            }

            baseline += line.Advance;
        }
    }

    private static void CheckSwatch(XElement e, MLine line, string kind, double cy, string what)
    {
        switch (kind)
        {
            case "marker":
                Assert.Equal((Svg + "circle", "marker"), (e.Name, Class(e)));
                At(e, 8, cy, what + " swatch", "cx", "cy");
                Assert.Equal(6, D(e, "r"));
                Assert.Equal(line.Swatch, (string?)e.Attribute("fill"));
                break;
            case "zone":
                Assert.Equal((Svg + "ellipse", "ftp-zone"), (e.Name, Class(e)));
                At(e, 8, cy, what + " swatch", "cx", "cy");
                At(e, 9, 6, what + " swatch", "rx", "ry");
                Assert.Equal(line.Swatch, (string?)e.Attribute("fill"));
                Assert.Equal(line.Swatch, (string?)e.Attribute("stroke"));
                break;
            default:
                Assert.Equal((Svg + "g", "site", kind), (e.Name, Class(e), (string?)e.Attribute("data-status")));
                var circles = e.Elements(Svg + "circle").ToList();
                var ring = kind is "over-dosed" or "under-dosed" or "unplanned";
                Assert.Equal(ring ? 2 : 1, circles.Count);
                if (ring)
                {
                    Assert.Equal("status-ring " + kind, Class(circles[0]));
                    At(circles[0], 8, cy, what + " ring", "cx", "cy");
                    Assert.Equal(7.5, D(circles[0], "r"));
                }

                Assert.Equal("marker", Class(circles[^1]));
                At(circles[^1], 8, cy, what + " marker", "cx", "cy");
                Assert.Equal(4.5, D(circles[^1], "r"));
                Assert.Equal(line.Swatch, (string?)circles[^1].Attribute("fill"));
                var paths = e.Elements(Svg + "path").ToList();
                if (kind == "missed")
                {
                    CheckCross(Assert.Single(paths), 8, cy, 4.5 * 0.55, what);
                }
                else
                {
                    Assert.Empty(paths);
                }

                break;
        }
    }
}
