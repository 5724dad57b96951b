using MigraineProtocol.Anatomy;
using MigraineProtocol.Definitions;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Anatomy;

public class AnatomyCatalogTests
{
    /// <summary>The 31 PREEMPT fixed-site ids: a public contract. This list changes only with a deliberate, documented break; a new built-in site is added beside them (docs/contributing-definitions.md), never in their place.</summary>
    public static readonly string[] ShippedSiteIds =
    [
        "procerus",
        "corrugator-left-1", "corrugator-right-1",
        "frontalis-left-1", "frontalis-left-2", "frontalis-right-1", "frontalis-right-2",
        "temporalis-left-1", "temporalis-left-2", "temporalis-left-3", "temporalis-left-4",
        "temporalis-right-1", "temporalis-right-2", "temporalis-right-3", "temporalis-right-4",
        "occipitalis-left-1", "occipitalis-left-2", "occipitalis-left-3",
        "occipitalis-right-1", "occipitalis-right-2", "occipitalis-right-3",
        "cervical-paraspinal-left-1", "cervical-paraspinal-left-2", "cervical-paraspinal-right-1", "cervical-paraspinal-right-2",
        "trapezius-left-1", "trapezius-left-2", "trapezius-left-3", "trapezius-right-1", "trapezius-right-2", "trapezius-right-3",
    ];

    private static readonly AnatomyCatalog Catalog = Catalogs.DefaultAnatomy;

    [Fact]
    public void ThePreemptSitesAreTheThirtyOneContractIdsAndAllInTheCatalog()
    {
        Assert.Equal(ShippedSiteIds.Order(StringComparer.Ordinal), KnownProtocols.Preempt.Sites.Select(s => s.Site.Id.Value).Order(StringComparer.Ordinal));
        Assert.Empty(ShippedSiteIds.Except(Catalog.Sites.Select(s => s.Id.Value), StringComparer.Ordinal));
    }

    [Fact]
    public void HasTheSevenPreemptMuscles() =>
        Assert.Equal(
            ["corrugator", "procerus", "frontalis", "temporalis", "occipitalis", "cervical-paraspinal", "trapezius"],
            Catalog.Muscles.Select(m => m.Id.Value));

    [Theory]
    [InlineData("forehead", 7, new[] { "corrugator", "procerus", "frontalis" })]
    [InlineData("side-of-head", 8, new[] { "temporalis" })]
    [InlineData("back-of-head", 6, new[] { "occipitalis" })]
    [InlineData("back-of-scalp", 4, new[] { "cervical-paraspinal" })]
    [InlineData("neck-and-shoulders", 6, new[] { "trapezius" })]
    public void LayRegionsMapToMusclesAndSiteCounts(string region, int sites, string[] muscles)
    {
        var r = Catalog.GetRegion(RegionId.From(region));
        Assert.Equal(muscles, r.Muscles.Select(m => m.Value));
        Assert.Equal(sites, KnownProtocols.Preempt.Sites.Count(s => Catalog.RegionOf(s.Site.Muscle).Id == r.Id));
    }

    [Fact]
    public void OnlyTheProcerusIsMidline()
    {
        Assert.Equal(["procerus"], Catalog.Sites.Where(s => s.Side == Laterality.Midline).Select(s => s.Id.Value));
        Assert.Equal(["procerus"], Catalog.Muscles.Where(m => m.IsMidline).Select(m => m.Id.Value));
    }

    [Fact]
    public void SiteIdsFollowMuscleSideOrdinal()
    {
        foreach (var s in Catalog.Sites.Where(s => s.Side != Laterality.Midline))
        {
            Assert.Equal($"{s.Muscle}-{LateralityText.Format(s.Side)}-{s.Ordinal}", s.Id.Value);
        }
    }

    [Fact]
    public void EverySiteIsDrawnAndHasACitedLandmark()
    {
        foreach (var s in Catalog.Sites)
        {
            Assert.NotEmpty(s.Drawing);
            Assert.False(string.IsNullOrWhiteSpace(s.Landmark.Description));
        }

        // Only the trapezius and cervical paraspinal landmarks are verified (secondary) in clinical-facts.md; the rest are not.
        Assert.All(Catalog.Sites.Where(s => s.Muscle.Value is "trapezius" or "cervical-paraspinal"), s => Assert.Equal(VerificationLevel.VerifiedSecondary, s.Landmark.Verification));
        Assert.All(Catalog.Sites.Where(s => s.Muscle.Value is not ("trapezius" or "cervical-paraspinal")), s => Assert.Equal(VerificationLevel.Unverified, s.Landmark.Verification));
    }

    [Fact]
    public void LookupsFindAndMiss()
    {
        Assert.True(Catalog.TryGetSite(SiteId.From("temporalis-left-3"), out var site));
        Assert.Equal(3, site.Ordinal);
        Assert.False(Catalog.TryGetSite(SiteId.From("temporalis-left-5"), out _));
        Assert.Contains("temporalis-left-5", Assert.Throws<KeyNotFoundException>(() => Catalog.GetSite(SiteId.From("temporalis-left-5"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InconsistentDefinitionsAreRejectedWithEveryProblem()
    {
        var cite = new Citation("S1", "test", VerificationLevel.Verified);
        var landmark = new Landmark("somewhere", cite);
        var regions = new[] { new LayRegion(RegionId.From("forehead"), "Forehead", [MuscleId.From("procerus"), MuscleId.From("ghost")]) };
        var muscles = new[] { new Muscle(MuscleId.From("procerus"), "Procerus", RegionId.From("forehead"), true, cite) };
        var sites = new[]
        {
            new InjectionSite(SiteId.From("procerus"), MuscleId.From("procerus"), Laterality.Left, 1, landmark, []),
            new InjectionSite(SiteId.From("procerus"), MuscleId.From("procerus"), Laterality.Midline, 2, landmark, []),
            new InjectionSite(SiteId.From("nasalis-left-1"), MuscleId.From("nasalis"), Laterality.Left, 1, landmark, []),
        };
        var e = Assert.Throws<DefinitionException>(() => new AnatomyCatalog(regions, muscles, sites));
        Assert.Contains(e.Problems, p => p.Contains("'procerus' is defined more than once", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("'ghost', which is not defined", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("midline only", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("'nasalis', which is not defined", StringComparison.Ordinal));
        Assert.Equal(4, e.Problems.Length);
    }

    [Fact]
    public void SitesRejectInvalidParts()
    {
        var landmark = new Landmark("x", new Citation("S1", "x", VerificationLevel.Verified));
        Assert.ThrowsAny<ArgumentException>(() => new InjectionSite(SiteId.From("temporalis-left-ftp"), MuscleId.From("temporalis"), Laterality.Left, 1, landmark, []));
        Assert.ThrowsAny<ArgumentException>(() => new InjectionSite(SiteId.From("temporalis-left-1"), MuscleId.From("temporalis"), Laterality.Left, 0, landmark, []));
        Assert.ThrowsAny<ArgumentException>(() => new InjectionSite(SiteId.From("temporalis-left-1"), MuscleId.From("temporalis"), (Laterality)0, 1, landmark, []));
        Assert.ThrowsAny<ArgumentException>(() => new InjectionSite(
            SiteId.From("temporalis-left-1"), MuscleId.From("temporalis"), Laterality.Left, 1, landmark,
            [new DrawingPoint(AnatomicalView.Left, 0.1, 0.1), new DrawingPoint(AnatomicalView.Left, 0.2, 0.2)]));
    }

    [Theory]
    [InlineData(-0.01, 0.5)]
    [InlineData(0.5, 1.01)]
    [InlineData(double.NaN, 0.5)]
    [InlineData(0.5, double.PositiveInfinity)]
    public void DrawingPointsAreNormalised(double x, double y) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DrawingPoint(AnatomicalView.Front, x, y));
}
