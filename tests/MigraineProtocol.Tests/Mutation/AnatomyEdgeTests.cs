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
    public void TheSideAndDrawingChecksNameTheSiteTheRuleAndTheParameter()
    {
        var side = Assert.Throws<ArgumentOutOfRangeException>(() => Site(side: (Laterality)9));
        Assert.StartsWith("The side of site 'frontalis-left' must be left, right or midline.", side.Message, StringComparison.Ordinal);
        Assert.Equal("drawing", Assert.Throws<ArgumentNullException>(() => new InjectionSite(SiteId.From("a-site"), MuscleId.From("frontalis"), Laterality.Left, 1, Mark, null!)).ParamName);
        Assert.Equal("landmark", Assert.Throws<ArgumentNullException>(() => new InjectionSite(SiteId.From("a-site"), MuscleId.From("frontalis"), Laterality.Left, 1, null!, [])).ParamName);
        Assert.StartsWith("A view is Front, Back, Left or Right.", Assert.Throws<ArgumentOutOfRangeException>(() => new DrawingPoint((AnatomicalView)7, 0.5, 0.5)).Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A small consistent catalog (one region with a left-and-right muscle and a midline muscle), then
    /// each inconsistency alone: the catalog refuses it with exactly that one problem, in full, and the
    /// exception's message carries it.
    /// </summary>
    [Theory]
    [InlineData("region-twice", "The region id 'forehead' is defined more than once.")]
    [InlineData("muscle-twice", "The muscle id 'frontalis' is defined more than once.")]
    [InlineData("site-twice", "The site id 'frontalis-left-1' is defined more than once.")]
    [InlineData("muscle-in-unknown-region", "Muscle 'nasalis' names region 'nose', which is not defined.")]
    [InlineData("muscle-not-listed", "Muscle 'nasalis' names region 'forehead', but that region does not list it.")]
    [InlineData("region-lists-unknown-muscle", "Region 'forehead' lists muscle 'nasalis', which is not defined.")]
    [InlineData("region-lists-foreign-muscle", "Region 'forehead' lists muscle 'corrugator', but that muscle belongs to region 'brow'.")]
    [InlineData("site-on-unknown-muscle", "Site 'nasalis-left-1' names muscle 'nasalis', which is not defined.")]
    [InlineData("sided-site-on-midline-muscle", "Site 'procerus-left' is on the left side, but muscle 'procerus' is injected at the midline only.")]
    [InlineData("midline-site-on-sided-muscle", "Site 'frontalis-midline' is at the midline, but muscle 'frontalis' is injected on the left and right sides.")]
    [InlineData("ordinal-twice", "Site 'frontalis-left-1b' repeats ordinal 1 of muscle 'frontalis' on the left side.")]
    public void ACatalogNamesEachInconsistencyInFull(string change, string problem)
    {
        var (regions, muscles, sites) = CatalogParts();
        switch (change)
        {
            case "region-twice": regions.Add(regions[0]); break;
            case "muscle-twice": muscles.Add(muscles[0]); break;
            case "site-twice": sites.Add(Site("frontalis-left-1", ordinal: 2)); break;
            case "muscle-in-unknown-region": muscles.Add(MuscleIn("nasalis", "nose")); break;
            case "muscle-not-listed": muscles.Add(MuscleIn("nasalis", "forehead")); break;
            case "region-lists-unknown-muscle": regions[0] = Region("forehead", "frontalis", "procerus", "nasalis"); break;
            case "region-lists-foreign-muscle":
                regions[0] = Region("forehead", "frontalis", "procerus", "corrugator");
                regions.Add(Region("brow", "corrugator"));
                muscles.Add(MuscleIn("corrugator", "brow"));
                break;
            case "site-on-unknown-muscle": sites.Add(Site("nasalis-left-1", muscle: "nasalis")); break;
            case "sided-site-on-midline-muscle": sites.Add(Site("procerus-left", muscle: "procerus")); break;
            case "midline-site-on-sided-muscle": sites.Add(Site("frontalis-midline", side: Laterality.Midline)); break;
            case "ordinal-twice": sites.Add(Site("frontalis-left-1b")); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, "Not a test case.");
        }

        var e = Assert.Throws<DefinitionException>(() => new AnatomyCatalog(regions, muscles, sites));
        Assert.Equal([problem], e.Problems);
        Assert.Equal("The anatomy definitions are inconsistent: " + problem, e.Message);
    }

    [Fact]
    public void ACatalogRefusesNullsNamingWhatIsNull()
    {
        var (regions, muscles, sites) = CatalogParts();
        Assert.Equal("regions", Assert.Throws<ArgumentNullException>(() => new AnatomyCatalog(null!, muscles, sites)).ParamName);
        Assert.Equal("muscles", Assert.Throws<ArgumentNullException>(() => new AnatomyCatalog(regions, null!, sites)).ParamName);
        Assert.Equal("sites", Assert.Throws<ArgumentNullException>(() => new AnatomyCatalog(regions, muscles, null!)).ParamName);

        // A null element of any one of the three lists, beside valid elements, is refused on its own.
        foreach (var catalog in new Func<AnatomyCatalog>[]
        {
            () => new AnatomyCatalog([.. regions, null!], muscles, sites),
            () => new AnatomyCatalog(regions, [.. muscles, null!], sites),
            () => new AnatomyCatalog(regions, muscles, [.. sites, null!]),
        })
        {
            var e = Assert.Throws<ArgumentNullException>(catalog);
            Assert.Equal("regions", e.ParamName);
            Assert.StartsWith("A catalog must not contain null regions, muscles or sites.", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AConsistentCatalogFindsWhatItHoldsAndNamesWhatItLacks()
    {
        var (regions, muscles, sites) = CatalogParts();
        var catalog = new AnatomyCatalog(regions, muscles, sites);
        Assert.Equal(regions, catalog.Regions);
        Assert.Equal(muscles, catalog.Muscles);
        Assert.Equal(sites, catalog.Sites);
        Assert.Same(regions[0], catalog.RegionOf(MuscleId.From("procerus")));
        Assert.Same(muscles[0], catalog.GetMuscle(MuscleId.From("frontalis")));
        Assert.True(catalog.TryGetRegion(RegionId.From("forehead"), out var region));
        Assert.Same(regions[0], region);
        Assert.False(catalog.TryGetMuscle(MuscleId.From("nasalis"), out _));
        Assert.Equal("No lay region has the id 'nose'.", Assert.Throws<KeyNotFoundException>(() => catalog.GetRegion(RegionId.From("nose"))).Message);
        Assert.Equal("No muscle has the id 'nasalis'.", Assert.Throws<KeyNotFoundException>(() => catalog.GetMuscle(MuscleId.From("nasalis"))).Message);
        Assert.Equal("No muscle has the id 'nasalis'.", Assert.Throws<KeyNotFoundException>(() => catalog.RegionOf(MuscleId.From("nasalis"))).Message);
        Assert.Equal("No fixed injection site has the id 'nasalis-left-1'.", Assert.Throws<KeyNotFoundException>(() => catalog.GetSite(SiteId.From("nasalis-left-1"))).Message);

        // Muscles and regions without any fixed site (all follow-the-pain, say) are a consistent catalog.
        Assert.Empty(new AnatomyCatalog(regions, muscles, []).Sites);
    }

    private static (List<LayRegion> Regions, List<Muscle> Muscles, List<InjectionSite> Sites) CatalogParts() =>
        (
            [Region("forehead", "frontalis", "procerus")],
            [MuscleIn("frontalis", "forehead"), new Muscle(MuscleId.From("procerus"), "Procerus", RegionId.From("forehead"), true, Source)],
            [Site("frontalis-left-1"), Site("frontalis-right-1", side: Laterality.Right), Site("procerus", muscle: "procerus", side: Laterality.Midline)]);

    private static LayRegion Region(string id, params string[] muscles) => new(RegionId.From(id), id, [.. muscles.Select(MuscleId.From)]);

    private static Muscle MuscleIn(string id, string region) => new(MuscleId.From(id), id, RegionId.From(region), false, Source);

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
