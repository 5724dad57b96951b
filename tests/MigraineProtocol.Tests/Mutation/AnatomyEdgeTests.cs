using MigraineProtocol.Anatomy;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The anatomy types' constructor checks (each names its parameter), the drawing coordinate range at
/// both ends, the lookup of a drawing point, and equality field by field.
/// </summary>
public class AnatomyEdgeTests
{
    private static readonly Citation Source = new("S1", "clinical-facts.md §3", VerificationLevel.Verified);
    private static readonly Landmark Mark = new("2 cm above the brow", Source);

    private static InjectionSite Site(string id = "frontalis-left", string muscle = "frontalis", Laterality side = Laterality.Left, int ordinal = 1, Landmark? landmark = null, params DrawingPoint[] drawing) =>
        new(SiteId.From(id), MuscleId.From(muscle), side, ordinal, landmark ?? Mark, drawing);

    [Fact]
    public void DrawingCoordinatesAreTheClosedUnitInterval()
    {
        var corner = new DrawingPoint(AnatomicalView.Back, 0, 1);
        Assert.Equal((AnatomicalView.Back, 0d, 1d), (corner.View, corner.X, corner.Y));
        Assert.Equal(1d, new DrawingPoint(AnatomicalView.Left, 1, 0).X);
        foreach (var bad in new[] { -0.0001, 1.0001, double.NaN, double.PositiveInfinity })
        {
            Assert.Equal("x", Assert.Throws<ArgumentOutOfRangeException>(() => new DrawingPoint(AnatomicalView.Front, bad, 0.5)).ParamName);
            Assert.Equal("y", Assert.Throws<ArgumentOutOfRangeException>(() => new DrawingPoint(AnatomicalView.Front, 0.5, bad)).ParamName);
        }

        Assert.Contains("[0, 1]", Assert.Throws<ArgumentOutOfRangeException>(() => new DrawingPoint(AnatomicalView.Front, 2, 0.5)).Message, StringComparison.Ordinal);
        Assert.Equal("view", Assert.Throws<ArgumentOutOfRangeException>(() => new DrawingPoint((AnatomicalView)0, 0.5, 0.5)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DrawingPoint((AnatomicalView)5, 0.5, 0.5));
        Assert.Equal(AnatomicalView.Right, new DrawingPoint(AnatomicalView.Right, 0.5, 0.5).View);
    }

    [Fact]
    public void ASiteChecksEachPartAndFindsItsDrawingPointPerView()
    {
        var front = new DrawingPoint(AnatomicalView.Front, 0.4, 0.2);
        var left = new DrawingPoint(AnatomicalView.Left, 0.6, 0.3);
        var site = Site(ordinal: 1, drawing: [front, left]);
        Assert.Equal(1, site.Ordinal);
        Assert.Equal("frontalis-left", site.ToString());
        Assert.True(site.TryGetDrawingPoint(AnatomicalView.Left, out var found));
        Assert.Equal(left, found);
        Assert.True(site.TryGetDrawingPoint(AnatomicalView.Front, out found));
        Assert.Equal(front, found);
        Assert.False(site.TryGetDrawingPoint(AnatomicalView.Back, out var none));
        Assert.Equal(default, none);

        Assert.Equal("ordinal", Assert.Throws<ArgumentOutOfRangeException>(() => Site(ordinal: 0)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new InjectionSite(default, MuscleId.From("frontalis"), Laterality.Left, 1, Mark, [])).ParamName);
        var ftp = Assert.Throws<ArgumentException>(() => new InjectionSite(SiteId.FollowThePain(MuscleId.From("trapezius"), Laterality.Left), MuscleId.From("trapezius"), Laterality.Left, 1, Mark, []));
        Assert.Equal("id", ftp.ParamName);
        Assert.Contains("follow-the-pain", ftp.Message, StringComparison.Ordinal);
        Assert.Equal("muscle", Assert.Throws<ArgumentException>(() => new InjectionSite(SiteId.From("a-site"), default, Laterality.Left, 1, Mark, [])).ParamName);
        Assert.Equal("side", Assert.Throws<ArgumentOutOfRangeException>(() => Site(side: (Laterality)9)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new InjectionSite(SiteId.From("a-site"), MuscleId.From("frontalis"), Laterality.Left, 1, null!, []));
        Assert.Throws<ArgumentNullException>(() => new InjectionSite(SiteId.From("a-site"), MuscleId.From("frontalis"), Laterality.Left, 1, Mark, null!));
        var twice = Assert.Throws<ArgumentException>(() => Site(drawing: [front, new DrawingPoint(AnatomicalView.Front, 0.1, 0.1)]));
        Assert.Equal("drawing", twice.ParamName);
        Assert.Contains("more than one drawing point in a view", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SitesAreEqualInEveryField()
    {
        var point = new DrawingPoint(AnatomicalView.Front, 0.4, 0.2);
        var a = Site(drawing: [point]);
        Assert.True(a.Equals(Site(drawing: [point])));
        Assert.True(a.Equals((object)Site(drawing: [point])));
        Assert.Equal(a.GetHashCode(), Site(drawing: [point]).GetHashCode());
        Assert.False(a.Equals(null));
        Assert.False(a.Equals(Site(id: "frontalis-left-2", drawing: [point])));
        Assert.False(a.Equals(Site(muscle: "corrugator", drawing: [point])));
        Assert.False(a.Equals(Site(side: Laterality.Right, drawing: [point])));
        Assert.False(a.Equals(Site(ordinal: 2, drawing: [point])));
        Assert.False(a.Equals(Site(landmark: new Landmark("elsewhere", Source), drawing: [point])));
        Assert.False(a.Equals(Site(drawing: [new DrawingPoint(AnatomicalView.Front, 0.5, 0.2)])));
    }

    [Fact]
    public void MusclesRegionsAndLandmarksCheckAndCompareEveryField()
    {
        var m = new Muscle(MuscleId.From("frontalis"), "Frontalis", RegionId.From("forehead"), true, Source);
        Assert.Equal("Frontalis", m.ToString());
        Assert.True(m.IsMidline);
        Assert.True(m.Equals((object)new Muscle(MuscleId.From("frontalis"), "Frontalis", RegionId.From("forehead"), true, Source)));
        Assert.Equal(m.GetHashCode(), new Muscle(MuscleId.From("frontalis"), "Frontalis", RegionId.From("forehead"), true, Source).GetHashCode());
        Assert.False(m.Equals(null));
        Assert.False(m.Equals(new Muscle(MuscleId.From("procerus"), "Frontalis", RegionId.From("forehead"), true, Source)));
        Assert.False(m.Equals(new Muscle(MuscleId.From("frontalis"), "Frontal", RegionId.From("forehead"), true, Source)));
        Assert.False(m.Equals(new Muscle(MuscleId.From("frontalis"), "Frontalis", RegionId.From("brow"), true, Source)));
        Assert.False(m.Equals(new Muscle(MuscleId.From("frontalis"), "Frontalis", RegionId.From("forehead"), false, Source)));
        Assert.False(m.Equals(new Muscle(MuscleId.From("frontalis"), "Frontalis", RegionId.From("forehead"), true, new Citation("S2", "x", VerificationLevel.Verified))));
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new Muscle(default, "Frontalis", RegionId.From("forehead"), true, Source)).ParamName);
        Assert.Equal("region", Assert.Throws<ArgumentException>(() => new Muscle(MuscleId.From("frontalis"), "Frontalis", default, true, Source)).ParamName);
        Assert.Throws<ArgumentException>(() => new Muscle(MuscleId.From("frontalis"), " ", RegionId.From("forehead"), true, Source));
        Assert.Throws<ArgumentNullException>(() => new Muscle(MuscleId.From("frontalis"), "Frontalis", RegionId.From("forehead"), true, null!));

        var r = new LayRegion(RegionId.From("forehead"), "Forehead", [MuscleId.From("frontalis"), MuscleId.From("procerus")]);
        Assert.Equal("Forehead", r.ToString());
        Assert.True(r.Equals((object)new LayRegion(RegionId.From("forehead"), "Forehead", [MuscleId.From("frontalis"), MuscleId.From("procerus")])));
        Assert.Equal(r.GetHashCode(), new LayRegion(RegionId.From("forehead"), "Forehead", [MuscleId.From("frontalis"), MuscleId.From("procerus")]).GetHashCode());
        Assert.False(r.Equals(null));
        Assert.False(r.Equals(new LayRegion(RegionId.From("brow"), "Forehead", [MuscleId.From("frontalis"), MuscleId.From("procerus")])));
        Assert.False(r.Equals(new LayRegion(RegionId.From("forehead"), "Brow", [MuscleId.From("frontalis"), MuscleId.From("procerus")])));
        Assert.False(r.Equals(new LayRegion(RegionId.From("forehead"), "Forehead", [MuscleId.From("procerus"), MuscleId.From("frontalis")])));
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new LayRegion(default, "Forehead", [MuscleId.From("frontalis")])).ParamName);
        Assert.Equal("muscles", Assert.Throws<ArgumentException>(() => new LayRegion(RegionId.From("forehead"), "Forehead", [])).ParamName);
        var twice = Assert.Throws<ArgumentException>(() => new LayRegion(RegionId.From("forehead"), "Forehead", [MuscleId.From("frontalis"), MuscleId.From("frontalis")]));
        Assert.Equal("muscles", twice.ParamName);
        Assert.Contains("more than once", twice.Message, StringComparison.Ordinal);
        Assert.Single(new LayRegion(RegionId.From("forehead"), "Forehead", [MuscleId.From("frontalis")]).Muscles);

        Assert.Equal("2 cm above the brow", Mark.ToString());
        Assert.Equal(VerificationLevel.Verified, Mark.Verification);
        Assert.True(Mark.Equals((object)new Landmark("2 cm above the brow", Source)));
        Assert.Equal(Mark.GetHashCode(), new Landmark("2 cm above the brow", Source).GetHashCode());
        Assert.False(Mark.Equals(null));
        Assert.False(Mark.Equals(new Landmark("3 cm above the brow", Source)));
        Assert.False(Mark.Equals(new Landmark("2 cm above the brow", new Citation("S2", "x", VerificationLevel.Verified))));
        Assert.Throws<ArgumentException>(() => new Landmark("", Source));
        Assert.Throws<ArgumentNullException>(() => new Landmark("x", null!));
    }
}
