using System.Globalization;
using System.Text;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Rendering;

/// <summary>
/// Draws a protocol's injection sites as a standalone SVG picture: a schematic head-and-shoulders
/// outline per view, each site a marker coloured by muscle with its label, the follow-the-pain zones
/// shaded, a legend, a title and a description for screen readers, and optionally a session overlay.
/// </summary>
/// <remarks>
/// <para>Everything is drawn from data: each site's normalised drawing coordinates
/// (<see cref="InjectionSite.Drawing"/>), its muscle, and the protocol's doses and follow-the-pain
/// allowances. A site contributed in a definition file appears without drawing code changes; a site
/// with no point in a view is not drawn in that view (the description says so).</para>
/// <para>The SVG is deterministic: the same protocol, view and options give the same text, byte for
/// byte, whatever the culture (numbers have one fixed decimal, invariant). Each site marker is a
/// <c>&lt;g class="site" data-site="&lt;site id&gt;"&gt;</c> with a <c>&lt;title&gt;</c>, a
/// <c>circle.marker</c> and a <c>text.site-label</c>; each view is a <c>g.view[data-view]</c> whose
/// <c>path.outline</c> is the head-and-shoulders silhouette.</para>
/// <para>The drawing is schematic, not an anatomical guide: it informs, a clinician decides.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class SiteMap
{
    /// <summary>Renders a map as SVG text (UTF-8 when written to a file; LF line ends; ends with a line feed).</summary>
    /// <param name="protocol">The protocol whose sites are drawn.</param>
    /// <param name="view">The view, or <see cref="MapView.All"/>.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="SiteMapOptions.Default"/>.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="protocol"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="view"/> is not a defined value.</exception>
    public static string Render(TreatmentProtocol protocol, MapView view, SiteMapOptions? options = null)
    {
        var builder = new StringBuilder(32 * 1024);
        using (var writer = new StringWriter(builder, CultureInfo.InvariantCulture))
        {
            Write(writer, protocol, view, options);
        }

        return builder.ToString();
    }

    /// <summary>Writes a map as SVG to a text writer.</summary>
    /// <param name="output">The writer.</param>
    /// <param name="protocol">The protocol whose sites are drawn.</param>
    /// <param name="view">The view, or <see cref="MapView.All"/>.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="SiteMapOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or <paramref name="protocol"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="view"/> is not a defined value.</exception>
    public static void Write(TextWriter output, TreatmentProtocol protocol, MapView view, SiteMapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(protocol);
        if (!Enum.IsDefined(view))
        {
            throw new ArgumentOutOfRangeException(nameof(view), view, "A map view is Front, Back, Left, Right or All.");
        }

        new SvgMapWriter(protocol, view, options ?? SiteMapOptions.Default).Write(output);
    }

    /// <summary>Returns the views a map shows.</summary>
    /// <param name="view">The map view.</param>
    /// <returns>One view, or the four views for <see cref="MapView.All"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="view"/> is not a defined value.</exception>
    public static IReadOnlyList<AnatomicalView> ViewsOf(MapView view) => view switch
    {
        MapView.Front => [AnatomicalView.Front],
        MapView.Back => [AnatomicalView.Back],
        MapView.Left => [AnatomicalView.Left],
        MapView.Right => [AnatomicalView.Right],
        MapView.All => [AnatomicalView.Front, AnatomicalView.Back, AnatomicalView.Left, AnatomicalView.Right],
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, "A map view is Front, Back, Left, Right or All."),
    };

    /// <summary>Returns how many site markers a map draws: in each of its views, every fixed site of the protocol and every
    /// unplanned site of the overlay (a site of the anatomy the session injected outside the protocol) that has a drawing point there.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="view">The map view.</param>
    /// <param name="overlay">The session overlay, or <see langword="null"/>.</param>
    /// <returns>The number of markers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="protocol"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="view"/> is not a defined value.</exception>
    public static int MarkerCount(TreatmentProtocol protocol, MapView view, SessionOverlay? overlay = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var unplanned = overlay is null
            ? []
            : overlay.Sites.Where(d => d.Status == SiteDoseStatus.Unplanned).Select(d => protocol.Anatomy.TryGetSite(d.Site, out var site) ? site : null).OfType<InjectionSite>().ToList();
        return ViewsOf(view).Sum(x => protocol.Sites.Count(s => s.Site.TryGetDrawingPoint(x, out _)) + unplanned.Count(s => s.TryGetDrawingPoint(x, out _)));
    }

    /// <summary>Returns the short code that labels a muscle's markers: the shortest prefix of its name that no other muscle of the anatomy shares (for example <c>Te</c> for temporalis and <c>Tr</c> for trapezius).</summary>
    /// <param name="anatomy">The anatomy.</param>
    /// <param name="muscle">The muscle.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="anatomy"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The muscle is not in the anatomy.</exception>
    public static string MuscleCode(AnatomyCatalog anatomy, MuscleId muscle)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        var name = Letters(anatomy.GetMuscle(muscle).Name);
        var others = anatomy.Muscles.Where(m => m.Id != muscle).Select(m => Letters(m.Name)).ToList();
        for (var length = 1; length <= Math.Min(4, name.Length); length++)
        {
            var prefix = name[..length];
            if (!others.Any(o => o.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return Capitalise(prefix);
            }
        }

        var index = anatomy.Muscles.IndexOf(anatomy.GetMuscle(muscle)) + 1;
        return Capitalise(name[..Math.Min(4, name.Length)]) + index.ToString(CultureInfo.InvariantCulture);

        static string Letters(string s) => new([.. s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
        static string Capitalise(string s) => s.Length == 0 ? "M" : char.ToUpperInvariant(s[0]) + s[1..];
    }
}
