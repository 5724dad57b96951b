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
