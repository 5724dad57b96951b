namespace MigraineProtocol.Rendering;

/// <summary>Options of <see cref="SiteMap.Render"/>. Every property has a sensible default; <see cref="Default"/> uses them all.</summary>
/// <remarks>An invariant-free carrier: set properties with an object initializer (<c>new SiteMapOptions { Overlay = o }</c>).</remarks>
public sealed class SiteMapOptions
{
    /// <summary>Gets the options with every default: the protocol's name as the title, labels, follow-the-pain zones, no overlay.</summary>
    public static SiteMapOptions Default { get; } = new();

    /// <summary>Gets the title drawn at the top and read by screen readers.</summary>
    /// <value>The default value is <see langword="null"/>: "&lt;protocol name&gt;: injection sites".</value>
    public string? Title { get; init; }

    /// <summary>Gets the session overlay: the dose given at each site, missed, under- and over-dosed sites highlighted, follow-the-pain injections counted.</summary>
    /// <value>The default value is <see langword="null"/>: the protocol alone.</value>
    public SessionOverlay? Overlay { get; init; }

    /// <summary>Gets a value indicating whether each marker carries its label (muscle code and site number, plus the dose given with an overlay).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ShowLabels { get; init; } = true;

    /// <summary>Gets a value indicating whether the follow-the-pain zones of the protocol are shaded.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ShadeFollowThePain { get; init; } = true;
}
