namespace MigraineProtocol.Primitives;

/// <summary>The side of the head and neck an injection site lies on.</summary>
/// <remarks>
/// The PREEMPT paradigm injects every muscle bilaterally, half the sites on each side, except the
/// procerus, which takes a single midline site (EU/UK SmPC §4.2, clinical-facts.md §1.2, source S1,
/// VERIFIED). The value <c>0</c> is deliberately undefined so that a forgotten laterality is caught.
/// </remarks>
public enum Laterality
{
    /// <summary>The patient's left side.</summary>
    Left = 1,

    /// <summary>The patient's right side.</summary>
    Right = 2,

    /// <summary>The midline (only the procerus in the PREEMPT paradigm).</summary>
    Midline = 3,
}

/// <summary>The invariant text forms of <see cref="Laterality"/>: <c>left</c>, <c>right</c>, <c>midline</c>.</summary>
public static class LateralityText
{
    /// <summary>Returns the invariant lower-case text of a laterality, as used in ids and JSON.</summary>
    /// <param name="side">The laterality.</param>
    /// <returns><c>left</c>, <c>right</c> or <c>midline</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="side"/> is not a defined value.</exception>
    public static string Format(Laterality side) => side switch
    {
        Laterality.Left => "left",
        Laterality.Right => "right",
        Laterality.Midline => "midline",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "A laterality is left, right or midline."),
    };

    /// <summary>Tries to read <c>left</c>, <c>right</c> or <c>midline</c> (ordinal, lower case); never throws.</summary>
    /// <param name="text">The text.</param>
    /// <param name="side">The laterality when the text was recognised.</param>
    /// <returns><see langword="true"/> when the text was recognised.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Laterality side)
    {
        if (TryParseSide(text, out side))
        {
            return true;
        }

        if (text.SequenceEqual("midline"))
        {
            side = Laterality.Midline;
            return true;
        }

        side = default;
        return false;
    }

    internal static bool TryParseSide(ReadOnlySpan<char> text, out Laterality side)
    {
        side = text switch
        {
            "left" => Laterality.Left,
            "right" => Laterality.Right,
            _ => default,
        };
        return side != default;
    }
}
