using MigraineProtocol.Anatomy;

namespace MigraineProtocol.Rendering;

/// <summary>
/// The schematic head-and-shoulders outline of each view, in the view's 400 × 400 drawing box (the
/// box a site's normalised drawing coordinates are scaled to). Each outline is one closed path, so a
/// point is "inside the outline" when it is inside that path's fill; features (eyes, ears, ...) are
/// decoration drawn over it.
/// </summary>
internal static class Outlines
{
    /// <summary>The side of the square drawing box of one view, in SVG user units.</summary>
    internal const double Box = 400;

    private const string FrontOutline =
        "M 200 25 C 262 25 304 72 304 145 C 304 200 286 244 248 270 L 240 276 L 240 318 "
        + "C 262 330 320 334 360 346 C 382 354 394 374 396 400 L 4 400 C 6 374 18 354 40 346 "
        + "C 80 334 138 330 160 318 L 160 276 L 152 270 C 114 244 96 200 96 145 C 96 72 138 25 200 25 Z";

    private static readonly string[] FrontFeatures =
    [
        "M 124 146 Q 150 134 180 144", // brow (picture left = patient's right)
        "M 220 144 Q 250 134 276 146", // brow
        "M 134 166 Q 150 156 166 166 Q 150 174 134 166 Z", // eye
        "M 234 166 Q 250 156 266 166 Q 250 174 234 166 Z", // eye
        "M 200 164 L 190 208 Q 200 216 210 208", // nose
        "M 178 238 Q 200 250 222 238", // mouth
        "M 152 270 Q 200 300 248 270", // chin and jaw
        "M 97 138 C 80 132 78 178 100 184", // ear
        "M 303 138 C 320 132 322 178 300 184", // ear
    ];

    private const string BackOutline =
        "M 200 22 C 262 22 300 70 300 140 C 300 190 280 225 246 246 L 242 250 L 242 318 "
        + "C 264 330 320 334 360 346 C 382 354 394 374 396 400 L 4 400 C 6 374 18 354 40 346 "
        + "C 80 334 136 330 158 318 L 158 250 L 154 246 C 120 225 100 190 100 140 C 100 70 138 22 200 22 Z";

    private static readonly string[] BackFeatures =
    [
        "M 101 132 C 84 126 82 172 104 178", // ear
        "M 299 132 C 316 126 318 172 296 178", // ear
        "M 188 204 Q 200 196 212 204", // external occipital protuberance
        "M 200 262 L 200 392", // spine
    ];

    // Left view: the patient's left side, face towards the picture's left.
    private const string LeftOutline =
        "M 215 32 C 275 32 323 80 323 140 C 323 185 305 215 282 238 C 272 250 268 262 268 290 "
        + "C 290 318 330 335 350 355 C 362 368 366 384 366 400 L 96 400 C 98 372 112 340 150 326 "
        + "C 162 320 168 300 168 262 C 150 258 128 252 118 240 C 112 232 108 220 110 212 "
        + "C 104 206 106 198 112 194 C 104 190 92 186 90 180 C 96 166 106 152 110 140 "
        + "C 106 120 112 90 130 68 C 150 42 180 32 215 32 Z";

    private static readonly string[] LeftFeatures =
    [
        "M 232 160 C 256 150 262 200 240 204 C 230 200 232 186 236 180", // ear
        "M 114 146 Q 126 138 140 144", // brow
        "M 118 156 Q 126 152 134 156", // eye
        "M 168 262 Q 200 258 226 214", // jaw line
    ];

    /// <summary>Returns the outline path of a view.</summary>
    internal static string Outline(AnatomicalView view) => view switch
    {
        AnatomicalView.Front => FrontOutline,
        AnatomicalView.Back => BackOutline,
        AnatomicalView.Left => LeftOutline,
        _ => Mirror(LeftOutline),
    };

    /// <summary>Returns the decorative feature paths of a view.</summary>
    internal static IEnumerable<string> Features(AnatomicalView view) => view switch
    {
        AnatomicalView.Front => FrontFeatures,
        AnatomicalView.Back => BackFeatures,
        AnatomicalView.Left => LeftFeatures,
        _ => LeftFeatures.Select(Mirror),
    };

    /// <summary>Mirrors a path of absolute M, L, C, Q and Z commands left to right across the box.</summary>
    private static string Mirror(string path)
    {
        var tokens = path.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new string[tokens.Length];
        var coordinate = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (char.IsLetter(tokens[i][0]))
            {
                result[i] = tokens[i];
                coordinate = 0;
                continue;
            }

            result[i] = coordinate % 2 == 0
                ? (Box - double.Parse(tokens[i], System.Globalization.CultureInfo.InvariantCulture)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)
                : tokens[i];
            coordinate++;
        }

        return string.Join(' ', result);
    }
}
