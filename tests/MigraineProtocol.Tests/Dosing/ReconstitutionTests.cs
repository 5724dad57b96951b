using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Dosing;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Dosing;

[Properties(Arbitrary = [typeof(DomainArbitraries)])]
public class ReconstitutionTests
{
    public static TheoryData<int, decimal> StandardDilutions => new() { { 50, 1m }, { 100, 2m }, { 200, 4m } };

    [Theory]
    [MemberData(nameof(StandardDilutions))]
    public void StandardDilutionsGiveFiveUnitsPerTenthMillilitre(int vial, decimal diluent)
    {
        var r = new Reconstitution(ToxinUnits.FromUnits(vial), Volume.FromMillilitres(diluent));
        Assert.Equal(ToxinUnits.FromUnits(5), r.UnitsPerTenthMillilitre);
        Assert.Equal(50m, r.UnitsPerMillilitre);
        Assert.Equal(Volume.FromMillilitres(0.1m), r.VolumeFor(ToxinUnits.FromUnits(5)));
        Assert.Equal(Volume.FromMillilitres(3.1m), r.VolumeFor(ToxinUnits.FromUnits(155)));
    }

    [Fact]
    public void NamedStandardsMatch()
    {
        Assert.Equal(new Reconstitution(ToxinUnits.FromUnits(100), Volume.FromMillilitres(2)), Reconstitution.Vial100In2Ml);
        Assert.Equal(new Reconstitution(ToxinUnits.FromUnits(200), Volume.FromMillilitres(4)), Reconstitution.Vial200In4Ml);
        Assert.Equal("100 U in 2 mL", Reconstitution.Vial100In2Ml.ToString());
    }

    [Property]
    public bool VolumeToUnitsRoundTripsAtStandardDilution(Volume v) =>
        Reconstitution.Vial100In2Ml.VolumeFor(Reconstitution.Vial100In2Ml.UnitsIn(v)) == v;

    [Property]
    public bool UnitsInAgreesWithDecimalOracle(Reconstitution r, Volume v) =>
        r.UnitsIn(v).Units == Math.Round(v.Millilitres * r.VialUnits.Units / r.Diluent.Millilitres, 2, MidpointRounding.AwayFromZero);

    [Property]
    public bool VolumeForAgreesWithDecimalOracle(Reconstitution r, ToxinUnits dose) =>
        r.VolumeFor(dose).Millilitres == Math.Round(dose.Units * r.Diluent.Millilitres / r.VialUnits.Units, 3, MidpointRounding.AwayFromZero);

    [Property]
    public Property ExactVolumeIsExact(Reconstitution r, ToxinUnits dose) =>
        r.TryGetExactVolume(dose, out var v).When(() => v.Millilitres * r.VialUnits.Units == dose.Units * r.Diluent.Millilitres);

    [Property]
    public bool VialsAreTheSmallestThatHoldTheDose(Reconstitution r, ToxinUnits dose)
    {
        var usage = r.VialsFor(dose);
        var oracle = (int)Math.Ceiling(dose.Units / r.VialUnits.Units);
        return usage.Vials == oracle
            && usage.UnitsOpened == r.VialUnits * usage.Vials
            && usage.UnitsDiscarded == usage.UnitsOpened - dose
            && usage.UnitsDiscarded < r.VialUnits;
    }

    [Fact]
    public void PreemptDoseNeedsTwoHundredUnitVialsWithFortyFiveDiscarded()
    {
        var usage = Reconstitution.Vial100In2Ml.VialsFor(ToxinUnits.FromUnits(155));
        Assert.Equal(new VialUsage(2, ToxinUnits.FromUnits(200), ToxinUnits.FromUnits(45)), usage);
        Assert.Equal(ToxinUnits.FromUnits(5), Reconstitution.Vial200In4Ml.VialsFor(ToxinUnits.FromUnits(195)).UnitsDiscarded);
    }

    [Fact]
    public void VolumeBeyondTheRangeIsAnOverflowNamingTheDose()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Reconstitution(ToxinUnits.FromUnits(50), Volume.FromMillilitres(10)).VolumeFor(ToxinUnits.MaxValue));
        Assert.Contains("microlitres", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsEmptyVialOrDiluent()
    {
        Assert.Equal("vialUnits", Assert.Throws<ArgumentOutOfRangeException>(() => new Reconstitution(ToxinUnits.Zero, Volume.FromMillilitres(2))).ParamName);
        Assert.Equal("diluent", Assert.Throws<ArgumentOutOfRangeException>(() => new Reconstitution(ToxinUnits.FromUnits(100), Volume.Zero)).ParamName);
    }
}
