namespace MigraineProtocol.Rendering;

/// <summary>An axis-aligned box in SVG user units.</summary>
internal readonly record struct Box(double X, double Y, double W, double H)
{
    internal double Right => X + W;

    internal double Bottom => Y + H;

    internal bool Intersects(Box other, double margin) =>
        X < other.Right + margin && other.X < Right + margin && Y < other.Bottom + margin && other.Y < Bottom + margin;
}

/// <summary>
/// Places labels beside markers without overlaps, deterministically: each label in turn tries eight
/// positions around its marker (its outer side first, then above and below, then the inner side) at
/// growing distances, and takes the first that stays in the drawing box and clears every marker and
/// every label already placed (or, on a crowded map, the first that overlaps fewest, counting up to 12).
/// Text widths are conservative estimates for DejaVu Sans / Verdana.
/// </summary>
internal static class LabelPlacer
{
    internal const double FontSize = 11;
    internal const double Ascent = 10.5;
    internal const double Descent = 3;
    private const double Margin = 2;
    private const int Crowded = 12;
    private static readonly double[] Distances = [3, 8, 14, 22, 32];

    internal readonly record struct Item(double X, double Y, double Radius, string Text);

    /// <summary>
    /// Returns the box of each label (the text's baseline is at <c>Y + Ascent</c>). Markers and placed labels
    /// are kept in uniform grids, so a candidate is checked against its neighbours only, and counting stops
    /// once a candidate cannot beat the best so far: the result is the same as checking every pair, in time
    /// that grows with the number of labels times their local crowding, not with its square.
    /// </summary>
    internal static Box[] Place(IReadOnlyList<Item> items, double size)
    {
        var markers = new Grid(size);
        foreach (var i in items)
        {
            markers.Add(new Box(i.X - i.Radius, i.Y - i.Radius, 2 * i.Radius, 2 * i.Radius));
        }

        var placed = new Grid(size);
        var result = new Box[items.Count];
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            var w = TextWidth(item.Text, FontSize);
            var h = Ascent + Descent;
            Box? best = null;
            var bestCost = int.MaxValue;
            foreach (var d in Distances)
            {
                foreach (var candidate in Candidates(item, w, h, d, size))
                {
                    var cost = candidate.X < Margin || candidate.Y < Margin || candidate.Right > size - Margin || candidate.Bottom > size - Margin ? 100 : 0;
                    if (cost < bestCost)
                    {
                        // Overlaps are counted up to Crowded: past it every candidate is as bad, and a crowded map stays linear.
                        var limit = Math.Min(bestCost - cost, Crowded);
                        var hits = markers.Count(candidate, Margin, limit);
                        if (hits < limit)
                        {
                            hits += placed.Count(candidate, Margin, limit - hits);
                        }

                        cost += hits;
                    }

                    if (cost < bestCost)
                    {
                        best = candidate;
                        bestCost = cost;
                    }

                    if (cost == 0)
                    {
                        break;
                    }
                }

                if (bestCost == 0)
                {
                    break;
                }
            }

            result[n] = best!.Value;
            placed.Add(best.Value);
        }

        return result;
    }

    /// <summary>Boxes bucketed by a uniform grid over the drawing (boxes outside it fall in the border cells).</summary>
    private sealed class Grid
    {
        private const double Cell = 24;
        private readonly int cells;
        private readonly List<int>[] buckets;
        private readonly List<Box> boxes = [];
        private readonly List<int> stamps = [];
        private int stamp;

        internal Grid(double size)
        {
            cells = Math.Clamp((int)Math.Ceiling(size / Cell), 1, 4096) + 2;
            buckets = new List<int>[cells * cells];
        }

        internal void Add(Box box)
        {
            var id = boxes.Count;
            boxes.Add(box);
            stamps.Add(0);
            var (x0, x1, y0, y1) = Range(box, 0);
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    (buckets[(y * cells) + x] ??= []).Add(id);
                }
            }
        }

        /// <summary>Counts the boxes that come within <paramref name="margin"/> of <paramref name="query"/>, stopping at <paramref name="enough"/>.</summary>
        internal int Count(Box query, double margin, int enough)
        {
            stamp++;
            var count = 0;
            var (x0, x1, y0, y1) = Range(query, margin);
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    if (buckets[(y * cells) + x] is not { } bucket)
                    {
                        continue;
                    }

                    foreach (var id in bucket)
                    {
                        if (stamps[id] == stamp)
                        {
                            continue;
                        }

                        stamps[id] = stamp;
                        if (boxes[id].Intersects(query, margin) && ++count >= enough)
                        {
                            return count;
                        }
                    }
                }
            }

            return count;
        }

        private (int X0, int X1, int Y0, int Y1) Range(Box box, double margin) =>
            (Index(box.X - margin), Index(box.Right + margin), Index(box.Y - margin), Index(box.Bottom + margin));

        private int Index(double v) => double.IsNaN(v) ? 0 : (int)Math.Clamp(Math.Floor(v / Cell) + 1, 0, cells - 1);
    }

    private static IEnumerable<Box> Candidates(Item i, double w, double h, double d, double size)
    {
        var reach = i.Radius + d;
        var diagonal = reach * 0.72;
        var east = i.X >= size / 2;
        Box Side(bool toEast, int vertical) => vertical switch
        {
            0 => new Box(toEast ? i.X + reach : i.X - reach - w, i.Y - (h / 2), w, h),
            < 0 => new Box(toEast ? i.X + diagonal : i.X - diagonal - w, i.Y - diagonal - h, w, h),
            _ => new Box(toEast ? i.X + diagonal : i.X - diagonal - w, i.Y + diagonal, w, h),
        };

        yield return Side(east, 0);
        yield return Side(east, -1);
        yield return Side(east, 1);
        yield return new Box(i.X - (w / 2), i.Y - reach - h, w, h);
        yield return new Box(i.X - (w / 2), i.Y + reach, w, h);
        yield return Side(!east, 0);
        yield return Side(!east, -1);
        yield return Side(!east, 1);
    }

    /// <summary>A conservative estimate of the advance width of a text in DejaVu Sans (Verdana is close).</summary>
    internal static double TextWidth(string text, double fontSize)
    {
        double em = 0;
        foreach (var c in text)
        {
            em += c switch
            {
                'i' or 'l' or 'j' or 'I' or '.' or ',' or ':' or ';' or '!' or '|' or '\'' => 0.32,
                'f' or 't' or 'r' => 0.45,
                ' ' => 0.34,
                '(' or ')' or '[' or ']' => 0.42,
                'm' or 'w' or 'M' or 'W' => 1.0,
                >= 'a' and <= 'z' => 0.64,
                >= 'A' and <= 'Z' => 0.78,
                >= '0' and <= '9' => 0.66,
                '+' or '=' or '<' or '>' or '×' => 0.86,
                _ => 0.8,
            };
        }

        return em * fontSize;
    }
}
