namespace MigraineProtocol.Rendering;

/// <summary>What a site map shows: one <see cref="Anatomy.AnatomicalView"/>, or all four side by side.</summary>
public enum MapView
{
    /// <summary>From the front: forehead and glabella (corrugator, procerus, frontalis). The patient's right is on the picture's left.</summary>
    Front = 1,

    /// <summary>From behind: back of the head, neck and shoulders (occipitalis, cervical paraspinal, trapezius). The patient's left is on the picture's left.</summary>
    Back = 2,

    /// <summary>The patient's left side, face towards the picture's left (temporalis, occipitalis, trapezius).</summary>
    Left = 3,

    /// <summary>The patient's right side, face towards the picture's right (temporalis, occipitalis, trapezius).</summary>
    Right = 4,

    /// <summary>The four views in a two-by-two grid (front, back; left, right) with one legend.</summary>
    All = 5,
}

/// <summary>Text forms of <see cref="MapView"/>: <c>all</c>, <c>front</c>, <c>back</c>, <c>left</c> and <c>right</c> (the <c>map --view</c> values).</summary>
public static class MapViews
{
    /// <summary>Gets every view, <see cref="MapView.All"/> first (the default of the command line).</summary>
    public static System.Collections.Immutable.ImmutableArray<MapView> All { get; } = [MapView.All, MapView.Front, MapView.Back, MapView.Left, MapView.Right];

    /// <summary>Returns the text form of a view.</summary>
    /// <param name="view">The view.</param>
    /// <returns><c>all</c>, <c>front</c>, <c>back</c>, <c>left</c> or <c>right</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static string Format(MapView view) => view switch
    {
        MapView.All => "all",
        MapView.Front => "front",
        MapView.Back => "back",
        MapView.Left => "left",
        MapView.Right => "right",
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, "A map view is Front, Back, Left, Right or All."),
    };

    /// <summary>Parses the text form of a view (ordinal, exact); never throws.</summary>
    /// <param name="text">The text.</param>
    /// <param name="view">The view when recognized.</param>
    /// <returns><see langword="true"/> when recognized.</returns>
    public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text, out MapView view)
    {
        foreach (var v in All)
        {
            if (string.Equals(text, Format(v), StringComparison.Ordinal))
            {
                view = v;
                return true;
            }
        }

        view = default;
        return false;
    }
}
