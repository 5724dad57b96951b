using MigraineProtocol.Anatomy;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Tests.Protocols;

public class FollowThePainAllowanceTests
{
    private static readonly Citation S1 = new("S1", "SmPC §4.2", VerificationLevel.Verified);

    [Fact]
    public void EqualityIsByValue() =>
        Assert.Equal(
            new FollowThePainAllowance(MuscleId.From("temporalis"), ToxinUnits.FromUnits(10), 2, ToxinUnits.FromUnits(5), S1),
            new FollowThePainAllowance(MuscleId.From("temporalis"), ToxinUnits.FromUnits(10), 2, ToxinUnits.FromUnits(5), S1));

    [Theory]
    [InlineData(0, 2, 5, "maxExtraUnits")]
    [InlineData(10, 0, 5, "maxExtraSites")]
    [InlineData(10, 2, 0, "unitsPerSite")]
    [InlineData(10, 2, 15, "unitsPerSite")]
    public void RejectsOutOfRangeNumbers(int units, int sites, int perSite, string param)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FollowThePainAllowance(MuscleId.From("temporalis"), ToxinUnits.FromUnits(units), sites, ToxinUnits.FromUnits(perSite), S1));
        Assert.Equal(param, e.ParamName);
        Assert.Contains("temporalis", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStringSummarises() =>
        Assert.Equal("trapezius: +20 U at up to 4 sites", new FollowThePainAllowance(MuscleId.From("trapezius"), ToxinUnits.FromUnits(20), 4, ToxinUnits.FromUnits(5), S1).ToString());
}

public class ProtocolSiteTests
{
    [Fact]
    public void RejectsAZeroDoseNamingTheSite()
    {
        var site = Catalogs.DefaultAnatomy.GetSite(SiteId.From("procerus"));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ProtocolSite(site, ToxinUnits.Zero));
        Assert.Contains("'procerus'", e.Message, StringComparison.Ordinal);
        Assert.Equal("procerus: 5 U", new ProtocolSite(site, ToxinUnits.FromUnits(5)).ToString());
    }
}

public class DefinitionExceptionTests
{
    [Fact]
    public void ListsEveryProblemInTheMessage()
    {
        var e = new DefinitionException("Protocol 'x' is invalid", ["first", "second"]);
        Assert.Equal(["first", "second"], e.Problems);
        Assert.Contains("2 problems", e.Message, StringComparison.Ordinal);
        Assert.Contains("  - second", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(e);
        Assert.Equal("Protocol 'x' is invalid: only", new DefinitionException("Protocol 'x' is invalid", ["only"]).Message);
    }
}

public class AnatomyPartsTests
{
    private static readonly Citation Cite = new("S1", "x", VerificationLevel.Verified);

    [Fact]
    public void RegionsRejectEmptyOrRepeatedMuscles()
    {
        Assert.Throws<ArgumentException>(() => new LayRegion(RegionId.From("jaw"), "Jaw", []));
        Assert.Throws<ArgumentException>(() => new LayRegion(RegionId.From("jaw"), "Jaw", [MuscleId.From("m"), MuscleId.From("m")]));
        Assert.Throws<ArgumentException>(() => new LayRegion(default, "Jaw", [MuscleId.From("m")]));
    }

    [Fact]
    public void MusclesAndLandmarksRejectBlanks()
    {
        Assert.ThrowsAny<ArgumentException>(() => new Muscle(MuscleId.From("m"), " ", RegionId.From("r"), false, Cite));
        Assert.ThrowsAny<ArgumentException>(() => new Muscle(default, "M", RegionId.From("r"), false, Cite));
        Assert.ThrowsAny<ArgumentException>(() => new Landmark("", Cite));
        Assert.Throws<ArgumentNullException>(() => new Landmark("x", null!));
    }

    [Fact]
    public void SitesFindTheirDrawingPointPerView()
    {
        var site = Catalogs.DefaultAnatomy.GetSite(SiteId.From("procerus"));
        Assert.True(site.TryGetDrawingPoint(AnatomicalView.Front, out var p));
        Assert.Equal(AnatomicalView.Front, p.View);
        Assert.False(site.TryGetDrawingPoint(AnatomicalView.Back, out _));
    }
}
