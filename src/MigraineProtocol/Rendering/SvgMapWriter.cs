using System.Globalization;
using System.Text;
using System.Xml;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rules;

namespace MigraineProtocol.Rendering;

/// <summary>Lays out and writes one site map (see <see cref="SiteMap"/>).</summary>
internal sealed class SvgMapWriter
{
    private const double Pad = 16;
    private const double Header = 64;
    private const double Caption = 24;
    private const double Footer = 22;
    private const double LegendWidth = 300;
    private const double MarkerRadius = 6;
    private const double RingRadius = 10.5;
    private const int WrapColumns = 44;
    private const int MaxDiagnosticLines = 12;
    private const int MaxSitesPerCode = 6;
    private const string Ns = "http://www.w3.org/2000/svg";

    // Okabe-Ito colours (colour-blind safe), then two neutrals; muscles take them in anatomy order.
    private static readonly string[] Palette = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#8C6D31", "#7F7F7F", "#F0E442", "#000000"];

    private const string Css =
        ".background{fill:#ffffff}"
        + ".map-title{font-size:18px;font-weight:bold;fill:#111}"
        + ".map-subtitle,.view-caption{font-size:12px;fill:#333}"
        + ".view-caption{font-weight:bold}"
        + ".view-box{fill:#f7f9fb;stroke:#d9dee3}"
        + ".view-hint{font-size:10px;fill:#555}"
        + ".outline{fill:#f4e7da;stroke:#6b5747;stroke-width:2;stroke-linejoin:round}"
        + ".features path{fill:none;stroke:#8f7a69;stroke-width:1.5;stroke-linecap:round}"
        + ".ftp-zone{fill-opacity:0.16;stroke-opacity:0.8;stroke-width:1.5;stroke-dasharray:5 4}"
        + ".ftp-zone.given{fill-opacity:0.34;stroke-dasharray:none}"
        + ".marker{stroke:#1b1b1b;stroke-width:1.2}"
        + ".site[data-status=missed] .marker{fill:#ffffff;stroke:#b00020;stroke-width:2}"
        + ".miss{stroke:#b00020;stroke-width:2;stroke-linecap:round}"
        + ".status-ring{fill:none;stroke-width:2.5}"
        + ".status-ring.over-dosed,.status-ring.unplanned{stroke:#b00020}"
        + ".status-ring.under-dosed{stroke:#b35c00;stroke-dasharray:3 2}"
        + ".site-label{font-size:11px;fill:#111;paint-order:stroke;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round}"
        + ".legend text{font-size:11px;fill:#222}"
        + ".legend .heading{font-size:12px;font-weight:bold;fill:#111}"
        + ".legend .code{font-weight:bold}"
        + ".legend .note{fill:#555}"
        + ".legend .alert{fill:#b00020}";

    private readonly TreatmentProtocol protocol;
    private readonly MapView mapView;
    private readonly SiteMapOptions options;
    private readonly IReadOnlyList<AnatomicalView> views;
    private readonly List<Drawn> drawn;
    private readonly string idPrefix;

    internal SvgMapWriter(TreatmentProtocol protocol, MapView view, SiteMapOptions options)
    {
        this.protocol = protocol;
        mapView = view;
        this.options = options;
        views = SiteMap.ViewsOf(view);
        drawn = CollectSites();
        idPrefix = $"map-{protocol.Id}-{ViewText(view)}";
    }

    /// <summary>A site to draw: the site, its planned dose (zero when unplanned) and its overlay dose, if any.</summary>
    private sealed record Drawn(InjectionSite Site, ToxinUnits Planned, SiteDose? Dose);

    internal void Write(TextWriter output)
    {
        var columns = views.Count == 1 ? 1 : 2;
        var rows = (views.Count + columns - 1) / columns;
        var cellHeight = Caption + Outlines.Box + Footer;
        var legendX = Pad + (columns * (Outlines.Box + Pad)) + 8;
        var legend = LegendLines();
        var legendHeight = legend.Sum(l => l.Advance) + 8;
        var width = legendX + LegendWidth + Pad;
        var height = Header + Math.Max(rows * cellHeight, legendHeight) + Pad;

        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            OmitXmlDeclaration = true,
            CloseOutput = false,
        };
        using (var w = XmlWriter.Create(output, settings))
        {
            w.WriteStartElement("svg", Ns);
            w.WriteAttributeString("version", "1.1");
            Attr(w, "width", width);
            Attr(w, "height", height);
            w.WriteAttributeString("viewBox", $"0 0 {N(width)} {N(height)}");
            w.WriteAttributeString("role", "img");
            w.WriteAttributeString("aria-labelledby", $"{idPrefix}-title {idPrefix}-desc");
            w.WriteAttributeString("font-family", "DejaVu Sans, Verdana, Arial, sans-serif");
            w.WriteAttributeString("data-protocol", protocol.Id.Value);
            w.WriteAttributeString("data-map-view", ViewText(mapView));

            w.WriteStartElement("title", Ns);
            w.WriteAttributeString("id", $"{idPrefix}-title");
            w.WriteString(Title);
            w.WriteEndElement();
            w.WriteStartElement("desc", Ns);
            w.WriteAttributeString("id", $"{idPrefix}-desc");
            w.WriteString(Description());
            w.WriteEndElement();
            w.WriteStartElement("style", Ns);
            w.WriteString(Css);
            w.WriteEndElement();

            Element(w, "rect", ("class", "background"), ("width", N(width)), ("height", N(height)));
            Text(w, Title, Pad, 30, "map-title");
            Text(w, Subtitle(), Pad, 50, "map-subtitle");

            for (var i = 0; i < views.Count; i++)
            {
                var x = Pad + (i % columns * (Outlines.Box + Pad));
                var y = Header + (i / columns * cellHeight) + Caption;
                WriteView(w, views[i], x, y);
            }

            WriteLegend(w, legend, legendX, Header);
            w.WriteEndElement();
        }

        output.Write('\n');
    }

    /// <summary>Gets the sites drawn in at least one of the shown views.</summary>
    private IEnumerable<Drawn> Shown => drawn.Where(d => views.Any(v => d.Site.TryGetDrawingPoint(v, out _)));

    private string Title => options.Title ?? $"{protocol.Name}: injection sites";

    private string Subtitle()
    {
        var text = $"{protocol.Id}: {protocol.FixedUnits} at {Count(protocol.FixedSiteCount, "fixed site")}; {ViewName(mapView)}";
        return options.Overlay is { } o ? $"{text}; session {Date(o.Date)}" : text;
    }

    private void WriteView(XmlWriter w, AnatomicalView view, double x, double y)
    {
        w.WriteStartElement("g", Ns);
        w.WriteAttributeString("class", "view");
        w.WriteAttributeString("data-view", ViewText(view));
        w.WriteAttributeString("transform", $"translate({N(x)} {N(y)})");
        Text(w, ViewCaption(view), 0, -8, "view-caption");
        Element(w, "rect", ("class", "view-box"), ("width", N(Outlines.Box)), ("height", N(Outlines.Box)));
        Element(w, "path", ("class", "outline"), ("d", Outlines.Outline(view)));
        w.WriteStartElement("g", Ns);
        w.WriteAttributeString("class", "features");
        foreach (var feature in Outlines.Features(view))
        {
            Element(w, "path", ("d", feature));
        }

        w.WriteEndElement();

        var sites = drawn.Where(d => d.Site.TryGetDrawingPoint(view, out _)).ToList();
        if (options.ShadeFollowThePain)
        {
            WriteZones(w, view);
        }

        var items = sites.Select(d =>
        {
            d.Site.TryGetDrawingPoint(view, out var p);
            return new LabelPlacer.Item(p.X * Outlines.Box, p.Y * Outlines.Box, HasRing(d) ? RingRadius + 1.5 : MarkerRadius + 1, Label(d));
        }).ToList();
        var labels = options.ShowLabels ? LabelPlacer.Place(items, Outlines.Box) : [];

        w.WriteStartElement("g", Ns);
        w.WriteAttributeString("class", "sites");
        for (var i = 0; i < sites.Count; i++)
        {
            WriteSite(w, sites[i], items[i], options.ShowLabels ? labels[i] : null);
        }

        w.WriteEndElement();
        var (left, right) = Hints(view);
        Text(w, left, 2, Outlines.Box + 14, "view-hint");
        Text(w, right, Outlines.Box - 2, Outlines.Box + 14, "view-hint", ("text-anchor", "end"));
        w.WriteEndElement();
    }

    private void WriteZones(XmlWriter w, AnatomicalView view)
    {
        w.WriteStartElement("g", Ns);
        w.WriteAttributeString("class", "ftp-zones");
        foreach (var allowance in protocol.FollowThePain)
        {
            foreach (var side in new[] { Laterality.Left, Laterality.Right })
            {
                var located = protocol.Sites
                    .Where(s => s.Site.Muscle == allowance.Muscle && s.Site.Side == side)
                    .Select(s => (Found: s.Site.TryGetDrawingPoint(view, out var p), Point: p))
                    .Where(t => t.Found)
                    .Select(t => (X: t.Point.X * Outlines.Box, Y: t.Point.Y * Outlines.Box))
                    .ToList();
                if (located.Count == 0)
                {
                    continue;
                }

                var minX = located.Min(p => p.X);
                var maxX = located.Max(p => p.X);
                var minY = located.Min(p => p.Y);
                var maxY = located.Max(p => p.Y);
                const double zonePad = 16;
                var rx = ((maxX - minX) / 2 * Math.Sqrt(2)) + zonePad;
                var ry = ((maxY - minY) / 2 * Math.Sqrt(2)) + zonePad;
                var given = options.Overlay?.FollowThePain.FirstOrDefault(f => f.Muscle == allowance.Muscle && f.Side == side);
                var muscle = protocol.Anatomy.GetMuscle(allowance.Muscle);
                w.WriteStartElement("ellipse", Ns);
                w.WriteAttributeString("class", given is null ? "ftp-zone" : "ftp-zone given");
                w.WriteAttributeString("data-muscle", allowance.Muscle.Value);
                w.WriteAttributeString("data-side", LateralityText.Format(side));
                if (given is not null)
                {
                    w.WriteAttributeString("data-ftp-injections", given.Injections.ToString(CultureInfo.InvariantCulture));
                }

                Attr(w, "cx", (minX + maxX) / 2);
                Attr(w, "cy", (minY + maxY) / 2);
                Attr(w, "rx", rx);
                Attr(w, "ry", ry);
                w.WriteAttributeString("fill", Colour(allowance.Muscle));
                w.WriteAttributeString("stroke", Colour(allowance.Muscle));
                w.WriteStartElement("title", Ns);
                var text = $"Follow-the-pain zone: {muscle.Name}, {LateralityText.Format(side)}; up to +{allowance.MaxExtraUnits} at {Count(allowance.MaxExtraSites, "more site")} ({allowance.UnitsPerSite} each), both sides together";
                w.WriteString(given is null ? text + "." : $"{text}. Session: {Count(given.Injections, "injection")}, {given.Units}{(given.WithinAllowance ? string.Empty : ", beyond the allowance")}.");
                w.WriteEndElement();
                w.WriteEndElement();
            }
        }

        w.WriteEndElement();
    }

    private void WriteSite(XmlWriter w, Drawn d, LabelPlacer.Item item, Box? label)
    {
        var site = d.Site;
        w.WriteStartElement("g", Ns);
        w.WriteAttributeString("class", "site");
        w.WriteAttributeString("data-site", site.Id.Value);
        w.WriteAttributeString("data-muscle", site.Muscle.Value);
        w.WriteAttributeString("data-side", LateralityText.Format(site.Side));
        if (d.Dose is { } dose)
        {
            w.WriteAttributeString("data-status", SiteDoseStatusText.Format(dose.Status));
            w.WriteAttributeString("data-given", dose.Given.ToString("N", CultureInfo.InvariantCulture));
        }

        w.WriteStartElement("title", Ns);
        w.WriteString(SiteSentence(d));
        w.WriteEndElement();
        if (HasRing(d))
        {
            Element(w, "circle", ("class", "status-ring " + SiteDoseStatusText.Format(d.Dose!.Status)), ("cx", N(item.X)), ("cy", N(item.Y)), ("r", N(RingRadius)));
        }

        Element(w, "circle", ("class", "marker"), ("cx", N(item.X)), ("cy", N(item.Y)), ("r", N(MarkerRadius)), ("fill", Colour(site.Muscle)));
        if (d.Dose?.Status == SiteDoseStatus.Missed)
        {
            var a = MarkerRadius * 0.55;
            Element(w, "path", ("class", "miss"), ("d", $"M {N(item.X - a)} {N(item.Y - a)} L {N(item.X + a)} {N(item.Y + a)} M {N(item.X - a)} {N(item.Y + a)} L {N(item.X + a)} {N(item.Y - a)}"));
        }

        if (label is { } box)
        {
            Text(w, item.Text, box.X, box.Y + LabelPlacer.Ascent, "site-label");
        }

        w.WriteEndElement();
    }

    private static bool HasRing(Drawn d) => d.Dose is { Status: SiteDoseStatus.OverDosed or SiteDoseStatus.UnderDosed or SiteDoseStatus.Unplanned };

    private string Label(Drawn d)
    {
        var code = SiteMap.MuscleCode(protocol.Anatomy, d.Site.Muscle) + d.Site.Ordinal.ToString(CultureInfo.InvariantCulture);
        return d.Dose is { } dose ? $"{code}: {dose.Given}" : code;
    }

    private string SiteSentence(Drawn d)
    {
        var site = d.Site;
        var muscle = protocol.Anatomy.GetMuscle(site.Muscle).Name;
        var head = $"{site.Id} ({muscle}, {LateralityText.Format(site.Side)})";
        if (d.Dose is not { } dose)
        {
            return $"{head}: {d.Planned}";
        }

        var sentence = dose.Status switch
        {
            SiteDoseStatus.AsPlanned => $"{head}: {dose.Given} given as planned",
            SiteDoseStatus.Missed => $"{head}: missed, {dose.Planned} planned",
            SiteDoseStatus.UnderDosed => $"{head}: under-dosed, {dose.Given} given of {dose.Planned} planned",
            SiteDoseStatus.OverDosed => $"{head}: over-dosed, {dose.Given} given of {dose.Planned} planned",
            _ => $"{head}: {dose.Given} given, not in the protocol",
        };
        var codes = options.Overlay!.Diagnostics.Where(v => v.Site == site.Id).Select(v => v.Code.Value).Distinct().ToList();
        return codes.Count == 0 ? sentence : $"{sentence} ({string.Join(", ", codes)})";
    }

    private List<Drawn> CollectSites()
    {
        var overlay = options.Overlay;
        var list = protocol.Sites
            .Select(s => new Drawn(s.Site, s.Units, overlay is not null && overlay.TryGetSite(s.Site.Id, out var dose) ? dose : null))
            .ToList();
        if (overlay is not null)
        {
            foreach (var dose in overlay.Sites)
            {
                if (!protocol.TryGetSite(dose.Site, out _) && protocol.Anatomy.TryGetSite(dose.Site, out var site))
                {
                    list.Add(new Drawn(site, ToxinUnits.Zero, dose));
                }
            }
        }

        return list;
    }

    private readonly record struct Line(string Text, string Class, double Advance, string? Swatch = null, string? SwatchKind = null, string? Code = null);

    private List<Line> LegendLines()
    {
        var lines = new List<Line> { new("Muscles", "heading", 18) };
        var muscles = protocol.Anatomy.Muscles.Where(m => Shown.Any(d => d.Site.Muscle == m.Id));
        foreach (var m in muscles)
        {
            lines.Add(new(m.Name, string.Empty, 14, Colour(m.Id), "marker", SiteMap.MuscleCode(protocol.Anatomy, m.Id)));
            var detail = protocol.TryGetMuscleLimit(m.Id, out var limit) ? $"{limit.FixedUnits} at {Count(limit.FixedSites, "site")}" : "not in this protocol";
            if (protocol.TryGetFollowThePain(m.Id, out var ftp))
            {
                detail += $"; follow-the-pain up to +{ftp.MaxExtraUnits} at {Count(ftp.MaxExtraSites, "site")}";
            }

            foreach (var part in Wrap(detail, WrapColumns - 4))
            {
                lines.Add(new(part, "note", 14));
            }

            lines[^1] = lines[^1] with { Advance = 18 };
        }

        if (options.ShadeFollowThePain && protocol.FollowThePain.Any(f => Shown.Any(d => d.Site.Muscle == f.Muscle && d.Planned > ToxinUnits.Zero)))
        {
            lines.Add(new("Follow-the-pain zone (optional extra injections)", string.Empty, 18, "#7F7F7F", "zone"));
        }

        var shown = Shown.ToHashSet();
        var elsewhere = drawn.Count(d => !shown.Contains(d) && d.Site.Drawing.Length > 0);
        if (elsewhere > 0)
        {
            lines.Add(new($"{Count(elsewhere, "more site")} in the other views", "note", 18));
        }

        var notDrawn = drawn.Where(d => d.Site.Drawing.IsEmpty).Select(d => d.Site.Id.Value).ToList();
        if (notDrawn.Count > 0)
        {
            foreach (var part in Wrap($"Not drawn (no drawing coordinates): {string.Join(", ", notDrawn)}", WrapColumns))
            {
                lines.Add(new(part, "note", 14));
            }

            lines[^1] = lines[^1] with { Advance = 18 };
        }

        if (options.Overlay is { } o)
        {
            lines.Add(new($"Session {Date(o.Date)}", "heading", 18));
            lines.Add(new($"{o.GivenUnits} given; {protocol.FixedUnits} planned at fixed sites", string.Empty, 16));
            lines.Add(new($"As planned: {o.Count(SiteDoseStatus.AsPlanned)}", string.Empty, 16, "#9e9e9e", "as-planned"));
            lines.Add(new($"Missed: {o.Count(SiteDoseStatus.Missed)}", o.Count(SiteDoseStatus.Missed) > 0 ? "alert" : string.Empty, 16, "#9e9e9e", "missed"));
            lines.Add(new($"Under-dosed: {o.Count(SiteDoseStatus.UnderDosed)}", o.Count(SiteDoseStatus.UnderDosed) > 0 ? "alert" : string.Empty, 16, "#9e9e9e", "under-dosed"));
            lines.Add(new($"Over-dosed: {o.Count(SiteDoseStatus.OverDosed)}", o.Count(SiteDoseStatus.OverDosed) > 0 ? "alert" : string.Empty, 16, "#9e9e9e", "over-dosed"));
            if (o.Count(SiteDoseStatus.Unplanned) > 0)
            {
                lines.Add(new($"Not in the protocol: {o.Count(SiteDoseStatus.Unplanned)}", "alert", 16, "#9e9e9e", "unplanned"));
            }

            foreach (var f in o.FollowThePain)
            {
                var name = protocol.Anatomy.TryGetMuscle(f.Muscle, out var m) ? m.Name : f.Muscle.Value;
                var text = $"Follow-the-pain, {name} {LateralityText.Format(f.Side)}: {Count(f.Injections, "injection")}, {f.Units}{(f.WithinAllowance ? string.Empty : " (beyond the allowance)")}";
                foreach (var part in Wrap(text, WrapColumns))
                {
                    lines.Add(new(part, f.WithinAllowance ? string.Empty : "alert", 14));
                }
            }

            lines[^1] = lines[^1] with { Advance = 18 };
            lines.Add(new(Verdict(o), o.IsValid ? "heading" : "heading alert", 18));
            var budget = MaxDiagnosticLines;
            foreach (var text in DiagnosticSummaries(o))
            {
                var parts = Wrap(text, WrapColumns).ToList();
                if (parts.Count > budget)
                {
                    lines.Add(new("and more: see the description or run validate", "note", 14));
                    break;
                }

                budget -= parts.Count;
                lines.AddRange(parts.Select(part => new Line(part, "alert", 14)));
            }

            lines[^1] = lines[^1] with { Advance = 18 };
        }

        lines.Add(new("Schematic, not to scale; markers show where", "note", 14));
        lines.Add(new("each site is, not how to find it. It informs;", "note", 14));
        lines.Add(new("a clinician decides.", "note", 14));
        return lines;
    }

    private static void WriteLegend(XmlWriter w, List<Line> lines, double x, double y)
    {
        w.WriteStartElement("g", Ns);
        w.WriteAttributeString("class", "legend");
        w.WriteAttributeString("transform", $"translate({N(x)} {N(y)})");
        var baseline = 12.0;
        foreach (var line in lines)
        {
            var textX = 0.0;
            if (line.SwatchKind is { } kind)
            {
                textX = 22;
                switch (kind)
                {
                    case "zone":
                        Element(w, "ellipse", ("class", "ftp-zone"), ("cx", N(8)), ("cy", N(baseline - 4)), ("rx", N(9)), ("ry", N(6)), ("fill", line.Swatch!), ("stroke", line.Swatch!));
                        break;
                    case "marker":
                        Element(w, "circle", ("class", "marker"), ("cx", N(8)), ("cy", N(baseline - 4)), ("r", N(MarkerRadius)), ("fill", line.Swatch!));
                        break;
                    default:
                        w.WriteStartElement("g", Ns);
                        w.WriteAttributeString("class", "site");
                        w.WriteAttributeString("data-status", kind);
                        if (kind is "over-dosed" or "under-dosed" or "unplanned")
                        {
                            Element(w, "circle", ("class", "status-ring " + kind), ("cx", N(8)), ("cy", N(baseline - 4)), ("r", N(RingRadius - 3)));
                        }

                        Element(w, "circle", ("class", "marker"), ("cx", N(8)), ("cy", N(baseline - 4)), ("r", N(MarkerRadius - 1.5)), ("fill", line.Swatch!));
                        if (kind == "missed")
                        {
                            var a = (MarkerRadius - 1.5) * 0.55;
                            Element(w, "path", ("class", "miss"), ("d", $"M {N(8 - a)} {N(baseline - 4 - a)} L {N(8 + a)} {N(baseline - 4 + a)} M {N(8 - a)} {N(baseline - 4 + a)} L {N(8 + a)} {N(baseline - 4 - a)}"));
                        }

                        w.WriteEndElement();
                        break;
                }
            }

            if (line.Code is { } code)
            {
                Text(w, code, textX, baseline, "code");
                textX += 26;
            }

            Text(w, line.Text, textX, baseline, line.Class);
            baseline += line.Advance;
        }

        w.WriteEndElement();
    }

    private string Description()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Schematic map of the injection sites of {protocol.Name} ({protocol.Id}): {protocol.FixedUnits} at {Count(protocol.FixedSiteCount, "fixed site")}. ");
        sb.Append(CultureInfo.InvariantCulture, $"It shows {ViewName(mapView)}. Front view: the patient's right is on the picture's left; back view: the patient's left is on the picture's left. ");
        sb.Append("Each marker is coloured by muscle and labelled with a muscle code and the site number");
        sb.Append(options.Overlay is null ? ": " : " and the dose given: ");
        sb.AppendJoin(", ", protocol.Anatomy.Muscles.Where(m => Shown.Any(d => d.Site.Muscle == m.Id)).Select(m => $"{SiteMap.MuscleCode(protocol.Anatomy, m.Id)} {m.Name}"));
        sb.Append(". ");
        if (options.ShadeFollowThePain && protocol.FollowThePain.Any(f => Shown.Any(d => d.Site.Muscle == f.Muscle && d.Planned > ToxinUnits.Zero)))
        {
            sb.Append("Shaded areas are follow-the-pain zones, where optional extra injections may be given: ");
            sb.AppendJoin(", ", protocol.FollowThePain.Select(f => $"{protocol.Anatomy.GetMuscle(f.Muscle).Name} up to +{f.MaxExtraUnits} at {Count(f.MaxExtraSites, "site")}"));
            sb.Append(". ");
        }

        foreach (var view in views)
        {
            var here = drawn.Where(d => d.Site.TryGetDrawingPoint(view, out _)).ToList();
            sb.Append(CultureInfo.InvariantCulture, $"{ViewCaption(view)}: ");
            sb.Append(here.Count == 0 ? "no sites" : string.Join("; ", here.Select(SiteSentence)));
            sb.Append(". ");
        }

        var notDrawn = drawn.Where(d => !views.Any(v => d.Site.TryGetDrawingPoint(v, out _))).ToList();
        if (notDrawn.Count > 0)
        {
            sb.Append("Not drawn in this map: ").AppendJoin("; ", notDrawn.Select(SiteSentence)).Append(". ");
        }

        if (options.Overlay is { } o)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Session {Date(o.Date)}: {o.GivenUnits} given. ");
            foreach (var status in new[] { SiteDoseStatus.Missed, SiteDoseStatus.UnderDosed, SiteDoseStatus.OverDosed, SiteDoseStatus.Unplanned })
            {
                var ids = o.Sites.Where(s => s.Status == status).Select(s => s.Site.Value).ToList();
                if (ids.Count > 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"{Capital(SiteDoseStatusText.Format(status))}: {string.Join(", ", ids)}. ");
                }
            }

            foreach (var f in o.FollowThePain)
            {
                sb.Append(f.ToString()).Append(". ");
            }

            sb.Append(Verdict(o)).Append(". ");
            foreach (var d in o.Diagnostics)
            {
                sb.Append(d.ToString()).Append(' ');
            }
        }

        sb.Append("Schematic, not to scale: it informs, a clinician decides.");
        return sb.ToString();
    }

    /// <summary>Returns <c>Rules: VALID (n warnings)</c> or <c>Rules: INVALID (n errors, m warnings)</c>.</summary>
    private static string Verdict(SessionOverlay o) => o.IsValid
        ? $"Rules: VALID ({Count(o.WarningCount, "warning")})"
        : $"Rules: INVALID ({Count(o.ErrorCount, "error")}, {Count(o.WarningCount, "warning")})";

    /// <summary>One line per code (its severity and sites) for diagnostics about sites; the message for the others.</summary>
    private static IEnumerable<string> DiagnosticSummaries(SessionOverlay o)
    {
        foreach (var group in o.Diagnostics.GroupBy(d => (d.Code, d.Severity)))
        {
            var sites = group.Where(d => d.Site is not null).Select(d => d.Site!.Value.Value).Distinct().ToList();
            if (sites.Count > 0)
            {
                var shown = sites.Count > MaxSitesPerCode ? $"{string.Join(", ", sites.Take(MaxSitesPerCode))} and {sites.Count - MaxSitesPerCode} more" : string.Join(", ", sites);
                yield return $"{SeverityText.Format(group.Key.Severity)} {group.Key.Code}: {shown}";
            }

            foreach (var d in group.Where(d => d.Site is null))
            {
                yield return d.ToString();
            }
        }
    }

    private string Colour(MuscleId muscle)
    {
        var index = 0;
        foreach (var m in protocol.Anatomy.Muscles)
        {
            if (m.Id == muscle)
            {
                return Palette[index % Palette.Length];
            }

            index++;
        }

        return Palette[^1];
    }

    private static string ViewText(MapView view) => view switch
    {
        MapView.Front => "front",
        MapView.Back => "back",
        MapView.Left => "left",
        MapView.Right => "right",
        _ => "all",
    };

    private static string ViewText(AnatomicalView view) => ViewText((MapView)(int)view);

    private static string ViewName(MapView view) => view switch
    {
        MapView.Front => "the front view",
        MapView.Back => "the back view",
        MapView.Left => "the left side view",
        MapView.Right => "the right side view",
        _ => "the front, back, left and right views",
    };

    private static string ViewCaption(AnatomicalView view) => view switch
    {
        AnatomicalView.Front => "Front view: forehead and glabella",
        AnatomicalView.Back => "Back view: head, neck and shoulders",
        AnatomicalView.Left => "Left side view",
        _ => "Right side view",
    };

    private static (string Left, string Right) Hints(AnatomicalView view) => view switch
    {
        AnatomicalView.Front => ("patient's right", "patient's left"),
        AnatomicalView.Back => ("patient's left", "patient's right"),
        AnatomicalView.Left => ("face", "back"),
        _ => ("back", "face"),
    };

    private static IEnumerable<string> Wrap(string text, int columns)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > columns)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun + "s");

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..].Replace('-', ' ');

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static void Attr(XmlWriter w, string name, double value) => w.WriteAttributeString(name, N(value));

    private static void Element(XmlWriter w, string name, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement(name, Ns);
        foreach (var (n, v) in attributes)
        {
            w.WriteAttributeString(n, v);
        }

        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, string text, double x, double y, string cssClass, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement("text", Ns);
        if (cssClass.Length > 0)
        {
            w.WriteAttributeString("class", cssClass);
        }

        Attr(w, "x", x);
        Attr(w, "y", y);
        foreach (var (n, v) in attributes)
        {
            w.WriteAttributeString(n, v);
        }

        w.WriteString(text);
        w.WriteEndElement();
    }
}
