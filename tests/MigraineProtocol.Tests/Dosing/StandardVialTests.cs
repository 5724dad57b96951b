using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Dosing;

namespace MigraineProtocol.Tests.Dosing;

/// <summary>Vial size to reconstitution, a decision of the library (S7, S7b), not of the command line.</summary>
public sealed class StandardVialTests
{
    [Theory]
    [InlineData(50, 1)]
    [InlineData(100, 2)]
    [InlineData(200, 4)]
    public void EachStandardVialIsReconstitutedAtFiveUnitsPerTenthMillilitre(int units, int millilitres)
    {
        var r = Reconstitution.ForVial(ToxinUnits.FromUnits(units));
        Assert.Equal(ToxinUnits.FromUnits(units), r.VialUnits);
        Assert.Equal(Volume.FromMillilitres(millilitres), r.Diluent);
        Assert.Equal(ToxinUnits.FromUnits(5), r.UnitsPerTenthMillilitre);
        Assert.Equal(r, Reconstitution.StandardVialSizes.Select(Reconstitution.ForVial).Single(x => x.VialUnits == r.VialUnits));
    }

    [Fact]
    public void TheStandardSizesAreTheNamedReconstitutions()
    {
        Assert.Equal([ToxinUnits.FromUnits(50), ToxinUnits.FromUnits(100), ToxinUnits.FromUnits(200)], Reconstitution.StandardVialSizes);
        Assert.Same(Reconstitution.Vial50In1Ml, Reconstitution.ForVial(ToxinUnits.FromUnits(50)));
        Assert.Same(Reconstitution.Vial100In2Ml, Reconstitution.ForVial(ToxinUnits.FromUnits(100)));
        Assert.Same(Reconstitution.Vial200In4Ml, Reconstitution.ForVial(ToxinUnits.FromUnits(200)));
    }

    [Fact]
    public void AnotherSizeIsRefusedNamingTheValueAndTheRule()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Reconstitution.ForVial(ToxinUnits.FromUnits(75)));
        Assert.Equal("vialUnits", e.ParamName);
        Assert.Contains("75 U", e.Message, StringComparison.Ordinal);
        Assert.Contains("50, 100 and 200 U", e.Message, StringComparison.Ordinal);
        Assert.False(Reconstitution.TryForVial(ToxinUnits.FromHundredths(10_001), out var none));
        Assert.Null(none);
    }

    [Property]
    public Property TryForVialSucceedsExactlyForTheStandardSizes(uint hundredths)
    {
        var units = ToxinUnits.FromHundredths(hundredths % 30_000);
        return (Reconstitution.TryForVial(units, out var r) == Reconstitution.StandardVialSizes.Contains(units) && (r is null || r.VialUnits == units))
            .Label(units.ToString());
    }
}
