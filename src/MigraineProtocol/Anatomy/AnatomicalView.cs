namespace MigraineProtocol.Anatomy;

/// <summary>A view of the schematic head-and-shoulders drawing on which injection sites are placed.</summary>
public enum AnatomicalView
{
    /// <summary>From the front: forehead and glabella.</summary>
    Front = 1,

    /// <summary>From behind: occiput, neck and shoulders.</summary>
    Back = 2,

    /// <summary>From the patient's left side.</summary>
    Left = 3,

    /// <summary>From the patient's right side.</summary>
    Right = 4,
}

/// <summary>
/// Where a site is drawn on one <see cref="AnatomicalView"/>: normalised coordinates in [0, 1], with
/// (0, 0) the top left of the view's drawing box and (1, 1) its bottom right.
/// </summary>
/// <remarks>Drawing coordinates are schematic, for pictures only: they are not anatomical measurements.</remarks>
public readonly record struct DrawingPoint
{
    /// <summary>Initializes a drawing point.</summary>
    /// <param name="view">The view.</param>
    /// <param name="x">The horizontal position, 0 (left of the picture) to 1 (right).</param>
    /// <param name="y">The vertical position, 0 (top) to 1 (bottom).</param>
    /// <exception cref="ArgumentOutOfRangeException">The view is undefined, or a coordinate is outside [0, 1] or not a finite number.</exception>
    public DrawingPoint(AnatomicalView view, double x, double y)
    {
        if (!Enum.IsDefined(view))
        {
            throw new ArgumentOutOfRangeException(nameof(view), view, "A view is Front, Back, Left or Right.");
        }

        View = view;
        X = CheckUnit(x, nameof(x));
        Y = CheckUnit(y, nameof(y));
    }

    /// <summary>Gets the view.</summary>
    public AnatomicalView View { get; }

    /// <summary>Gets the horizontal position in [0, 1].</summary>
    public double X { get; }

    /// <summary>Gets the vertical position in [0, 1].</summary>
    public double Y { get; }

    private static double CheckUnit(double value, string name) =>
        double.IsFinite(value) && value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"A normalised drawing coordinate must be a finite number in [0, 1]; got {value}.");
}
