using FsCheck;
using FsCheck.Fluent;
using MigraineProtocol.Rendering;

namespace MigraineProtocol.Tests.Rendering;

public class LabelPlacerTests
{
    [Fact]
    public void LabelsOfMarkersThatAreNotCrowdedNeverOverlapAndStayInTheBox() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Zip(Gen.Choose(30, 370), Gen.Choose(30, 370))).ToArbitrary(),
            points =>
            {
                var items = new List<LabelPlacer.Item>();
                foreach (var (x, y) in points)
                {
                    // Keep markers at least 48 units apart, as the site definitions do.
                    if (items.All(i => Math.Pow(i.X - x, 2) + Math.Pow(i.Y - y, 2) >= 48 * 48) && items.Count < 12)
                    {
                        items.Add(new LabelPlacer.Item(x, y, 7, "Te4: 5 U"));
                    }
                }

                var boxes = LabelPlacer.Place(items, 400);
                var markers = items.Select(i => new Box(i.X - i.Radius, i.Y - i.Radius, 2 * i.Radius, 2 * i.Radius)).ToList();
                return boxes.All(b => b.X >= 0 && b.Y >= 0 && b.Right <= 400 && b.Bottom <= 400)
                    && boxes.Select((b, n) => boxes.Skip(n + 1).All(o => !b.Intersects(o, 0))).All(ok => ok)
                    && boxes.All(b => markers.All(m => !b.Intersects(m, 0)));
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void PlacementIsDeterministicAndPrefersTheOuterSide()
    {
        LabelPlacer.Item[] items = [new(100, 100, 7, "F2"), new(300, 100, 7, "F2")];
        var first = LabelPlacer.Place(items, 400);
        Assert.Equal(first, LabelPlacer.Place(items, 400));
        Assert.True(first[0].Right < 100, "a marker left of centre gets its label on the left");
        Assert.True(first[1].X > 300, "a marker right of centre gets its label on the right");
    }

    [Fact]
    public void WidthsAreConservative() =>
        Assert.True(LabelPlacer.TextWidth("Te4", 11) > 20 && LabelPlacer.TextWidth("Te4", 11) < 30);
}
