using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Rendering;

namespace MigraineProtocol.Tests.Mutation;

public partial class RenderingEdgeTests
{
    private static readonly double[] Distances = [3, 8, 14, 22, 32];

    /// <summary>Whether two boxes come closer than <paramref name="margin"/> (touching at exactly the margin is clear).</summary>
    private static bool Near(Box a, Box b, double margin) =>
        a.X < b.X + b.W + margin && b.X < a.X + a.W + margin && a.Y < b.Y + b.H + margin && b.Y < a.Y + a.H + margin;

    /// <summary>The eight positions around a marker, as documented: the outer side (level, above, below), straight above,
    /// straight below, then the inner side (level, above, below); outer is east for a marker at or right of the middle.</summary>
    private static IEnumerable<Box> NaiveCandidates(LabelPlacer.Item i, double w, double h, double d, double size)
    {
        var reach = i.Radius + d;
        var diagonal = reach * 0.72;
        var outerEast = i.X >= size / 2;
        foreach (var east in new[] { outerEast, !outerEast })
        {
            var levelX = east ? i.X + reach : i.X - reach - w;
            var diagonalX = east ? i.X + diagonal : i.X - diagonal - w;
            yield return new Box(levelX, i.Y - (h / 2), w, h);
            yield return new Box(diagonalX, i.Y - diagonal - h, w, h);
            yield return new Box(diagonalX, i.Y + diagonal, w, h);
            if (east == outerEast)
            {
                yield return new Box(i.X - (w / 2), i.Y - reach - h, w, h);
                yield return new Box(i.X - (w / 2), i.Y + reach, w, h);
            }
        }
    }

    /// <summary>
    /// The placement rule by brute force: each label in turn takes, over the distances and the eight positions, the first
    /// candidate of least cost, where the cost is 100 for leaving the box (2 units in from each edge) plus the markers and
    /// placed labels it comes within 2 units of, counted up to 12; a candidate of cost 0 ends the search.
    /// </summary>
    private static Box[] NaivePlace(IReadOnlyList<LabelPlacer.Item> items, double size)
    {
        var markers = items.Select(i => new Box(i.X - i.Radius, i.Y - i.Radius, 2 * i.Radius, 2 * i.Radius)).ToList();
        var placed = new List<Box>();
        foreach (var item in items)
        {
            var (w, h) = (LabelPlacer.TextWidth(item.Text, 11), 13.5);
            Box? best = null;
            var bestCost = int.MaxValue;
            foreach (var d in Distances)
            {
                foreach (var c in NaiveCandidates(item, w, h, d, size))
                {
                    var outside = c.X < 2 || c.Y < 2 || c.X + c.W > size - 2 || c.Y + c.H > size - 2;
                    var hits = markers.Count(m => Near(m, c, 2)) + placed.Count(b => Near(b, c, 2));
                    var cost = (outside ? 100 : 0) + Math.Min(hits, 12);
                    if (cost < bestCost)
                    {
                        (best, bestCost) = (c, cost);
                    }

                    if (bestCost == 0)
                    {
                        break;
                    }
                }

                if (bestCost == 0)
                {
                    break;
                }
            }

            placed.Add(best!.Value);
        }

        return [.. placed];
    }

    private static void SamePlaces(Box[] expected, Box[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            var (e, a) = (expected[k], actual[k]);
            Assert.True(
                Math.Abs(e.X - a.X) < 1e-9 && Math.Abs(e.Y - a.Y) < 1e-9 && Math.Abs(e.W - a.W) < 1e-9 && Math.Abs(e.H - a.H) < 1e-9,
                $"label {k}: expected {e}, placed at {a}");
        }
    }

    private static readonly string[] LabelTexts = ["m", "F2", "Te4: 5 U", "Co1: 2.5 U", "P1", "Tr12: 10 U", "il"];

    /// <summary>Clusters of markers, from sparse to piled up, anywhere in or around drawings of several sizes.</summary>
    private static Arbitrary<(double Size, LabelPlacer.Item[] Items)> Layouts() =>
        (from size in Gen.Elements(400.0, 400.0, 400.0, 120.0, 47.0, 20.0)
         from spread in Gen.Elements(8, 30, 90, 250)
         from cx in Gen.Choose(-40, 440)
         from cy in Gen.Choose(-40, 440)
         from count in Gen.Choose(1, 40)
         from items in (from dx in Gen.Choose(-spread * 10, spread * 10)
                        from dy in Gen.Choose(-spread * 10, spread * 10)
                        from r in Gen.Elements(0.5, 1.0, 4.5, 7.0, 12.0)
                        from t in Gen.Elements(LabelTexts)
                        select new LabelPlacer.Item(cx + (dx / 10.0), cy + (dy / 10.0), r, t)).ArrayOf(count)
         select (size, items)).ToArbitrary();

    [Property(MaxTest = 400)]
    public Property LabelsGoWhereTheBruteForceRulePutsThem() =>
        Prop.ForAll(Layouts(), layout =>
        {
            var (size, items) = layout;
            SamePlaces(NaivePlace(items, size), LabelPlacer.Place(items, size));
            return true;
        });

    public static TheoryData<string, double, double, double, double, double> ExactEdges => new()
    {
        // A label exactly 2 units in from an edge is inside; the marker is 5 wide plus 3 away, the "m" 11 wide, 13.5 high.
        { "left edge", 21, 200, 2, 193.25, 0 },
        { "top edge", 100, 8.75, 81, 2, 0 },
        { "right edge", 379, 200, 387, 193.25, 0 },
        { "bottom edge", 100, 391.25, 81, 384.5, 0 },

        // Half a unit further out the level position leaves the box; the diagonal ones at the nearest distance come within
        // the margin of the marker itself, so the label goes straight above it.
        { "past the left edge", 20.5, 200, 20.5 - 5.5, 200 - 8 - 13.5, 1 },
        { "past the right edge", 379.5, 200, 379.5 - 5.5, 200 - 8 - 13.5, 1 },
        { "one past the right edge", 380, 200, 380 - 5.5, 200 - 8 - 13.5, 1 },
        { "past the top edge", 100, 8.5, 100 - 5.5, 8.5 + 8, 1 },
    };

    [Theory]
    [MemberData(nameof(ExactEdges))]
    public void ALabelMayTouchTheInnerMarginOfTheBox(string what, double x, double y, double labelX, double labelY, double moved)
    {
        LabelPlacer.Item[] items = [new(x, y, 5, "m")];
        var box = Assert.Single(LabelPlacer.Place(items, 400));
        Assert.True(Math.Abs(box.X - labelX) < 1e-9 && Math.Abs(box.Y - labelY) < 1e-9, $"{what}: expected ({labelX}, {labelY}), placed at {box}");
        Assert.Equal((11, 13.5), (box.W, box.H));
        Assert.Equal(moved > 0, Math.Abs(box.Y + (box.H / 2) - y) > 1e-9);
        SamePlaces(NaivePlace(items, 400), [box]);
    }

    public static TheoryData<string, double, double, double, double, double, double> AcrossCells => new()
    {
        // The first label's level position ends at 239; a marker starts at 240.5, inside the 2-unit margin but in the next 24-unit cell.
        { "right", 224, 100, 1, 241, 100, 0.5 },

        // The first label's level position starts at y = 240.5; a marker ends at 239, in the cell above.
        { "above", 300, 247.25, 1, 310, 238.5, 0.5 },

        // The first label's level position ends at y = 239; a marker starts at 240.5, in the cell below.
        { "below", 300, 232.25, 1, 310, 241, 0.5 },
    };

    [Theory]
    [MemberData(nameof(AcrossCells))]
    public void AMarkerWithinTheMarginInANeighbouringCellStillCounts(string what, double x, double y, double r, double ox, double oy, double or)
    {
        LabelPlacer.Item[] items = [new(x, y, r, "m"), new(ox, oy, or, "m")];
        var level = new Box(x + r + 3, y - 6.75, 11, 13.5);
        var obstacle = new Box(ox - or, oy - or, 2 * or, 2 * or);
        Assert.True(Near(level, obstacle, 2) && !Near(level, obstacle, 0), $"{what}: the obstacle is within the margin only");
        var placed = LabelPlacer.Place(items, 400);
        Assert.NotEqual(level, placed[0]);
        SamePlaces(NaivePlace(items, 400), placed);
    }

    [Fact]
    public void SmallDrawingsAndMarkersOutsideTheBoxArePlacedByTheSameRule()
    {
        LabelPlacer.Item[] outside = [new(450, 450, 7, "Te4: 5 U"), new(-30, 420, 7, "P1"), new(470, -20, 12, "m"), new(455, 460, 4.5, "F2"), new(200, 200, 7, "Co1")];
        SamePlaces(NaivePlace(outside, 400), LabelPlacer.Place(outside, 400));
        foreach (var size in new[] { 1.0, 20, 24, 47, 48, 49 })
        {
            LabelPlacer.Item[] small = [new(size / 2, size / 2, 1, "m"), new(size / 4, size / 3, 0.5, "il"), new(size, 0, 1, "F2")];
            SamePlaces(NaivePlace(small, size), LabelPlacer.Place(small, size));
        }
    }

    [Fact]
    public void ACrowdedPileIsPlacedByTheSameRule()
    {
        var pile = Enumerable.Range(0, 30).Select(k => new LabelPlacer.Item(200 + (k % 5), 200 + (k / 5), 7, "Te4: 5 U")).ToArray();
        SamePlaces(NaivePlace(pile, 400), LabelPlacer.Place(pile, 400));
        var ring = Enumerable.Range(0, 36).Select(k => new LabelPlacer.Item(200 + (14 * Math.Cos(k / 6.0)), 200 + (14 * Math.Sin(k / 6.0)), 1, "m")).ToArray();
        SamePlaces(NaivePlace(ring, 400), LabelPlacer.Place(ring, 400));
    }

    [Fact]
    public void AMarkerAtNaNNeitherFailsNorMovesTheOthers()
    {
        LabelPlacer.Item[] others = [new(100, 100, 7, "F2"), new(110, 104, 7, "Te4: 5 U"), new(300, 300, 7, "m")];
        LabelPlacer.Item[] with = [others[0], new(double.NaN, double.NaN, 7, "P1"), others[1], others[2]];
        var alone = LabelPlacer.Place(others, 400);
        var placed = LabelPlacer.Place(with, 400);
        Assert.Equal(alone, new[] { placed[0], placed[2], placed[3] });
    }

    [Fact]
    public void BoxesTouchingAtTheMarginAreClear()
    {
        var a = new Box(0, 0, 10, 10);
        foreach (var (b, what) in new[] { (new Box(10, 0, 10, 10), "right"), (new Box(-10, 0, 10, 10), "left"), (new Box(0, 10, 10, 10), "below"), (new Box(0, -10, 10, 10), "above") })
        {
            Assert.False(a.Intersects(b, 0), what);
            Assert.False(b.Intersects(a, 0), what);
            Assert.True(a.Intersects(b, 0.01) && b.Intersects(a, 0.01), what + " within a hundredth");
        }

        Assert.False(a.Intersects(new Box(12, 12, 1, 1), 2));
        Assert.True(a.Intersects(new Box(11.9, 11.9, 1, 1), 2));
        Assert.True(a.Intersects(new Box(2, 2, 1, 1), 0));
    }

    public static TheoryData<char, double> Widths => new()
    {
        { 'i', 0.32 }, { 'l', 0.32 }, { 'j', 0.32 }, { 'I', 0.32 }, { '.', 0.32 }, { ',', 0.32 }, { ':', 0.32 }, { ';', 0.32 }, { '!', 0.32 }, { '|', 0.32 }, { '\'', 0.32 },
        { 'f', 0.45 }, { 't', 0.45 }, { 'r', 0.45 },
        { ' ', 0.34 },
        { '(', 0.42 }, { ')', 0.42 }, { '[', 0.42 }, { ']', 0.42 },
        { 'm', 1.0 }, { 'w', 1.0 }, { 'M', 1.0 }, { 'W', 1.0 },
        { 'a', 0.64 }, { 'b', 0.64 }, { 'y', 0.64 }, { 'z', 0.64 },
        { 'A', 0.78 }, { 'B', 0.78 }, { 'Y', 0.78 }, { 'Z', 0.78 },
        { '0', 0.66 }, { '1', 0.66 }, { '8', 0.66 }, { '9', 0.66 },
        { '+', 0.86 }, { '=', 0.86 }, { '<', 0.86 }, { '>', 0.86 }, { '×', 0.86 },
        { '`', 0.8 }, { '{', 0.8 }, { '@', 0.8 }, { '/', 0.8 }, { '_', 0.8 }, { 'é', 0.8 }, { '-', 0.8 },
    };

    [Theory]
    [MemberData(nameof(Widths))]
    public void EachCharacterHasItsEstimatedWidth(char c, double em)
    {
        Assert.Equal(em * 11, LabelPlacer.TextWidth(c.ToString(), 11), 9);
        Assert.Equal(3 * em * 10, LabelPlacer.TextWidth(new string(c, 3), 10), 9);
    }
}
