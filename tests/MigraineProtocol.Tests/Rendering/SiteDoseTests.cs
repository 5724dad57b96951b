using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rendering;

namespace MigraineProtocol.Tests.Rendering;

public class SiteDoseTests
{
    private static readonly SiteId Procerus = SiteId.From("procerus");

    [Theory]
    [InlineData(5, 5, SiteDoseStatus.AsPlanned)]
    [InlineData(5, 0, SiteDoseStatus.Missed)]
    [InlineData(5, 2.5, SiteDoseStatus.UnderDosed)]
    [InlineData(5, 10, SiteDoseStatus.OverDosed)]
    [InlineData(0, 5, SiteDoseStatus.Unplanned)]
    public void CompareClassifies(decimal planned, decimal given, SiteDoseStatus expected) =>
        Assert.Equal(expected, SiteDose.Compare(Procerus, ToxinUnits.FromUnits(planned), ToxinUnits.FromUnits(given)).Status);

    [Fact]
    public void FollowThePainIdsAndBadStatusesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => SiteDose.Compare(SiteId.From("temporalis-left-ftp"), ToxinUnits.Zero, ToxinUnits.Zero));
        Assert.Throws<ArgumentException>(() => SiteDose.Compare(default, ToxinUnits.Zero, ToxinUnits.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SiteDose(Procerus, ToxinUnits.Zero, ToxinUnits.Zero, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SiteDoseStatusText.Format(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FollowThePainDose(MuscleId.From("temporalis"), Laterality.Midline, 1, ToxinUnits.Zero, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FollowThePainDose(MuscleId.From("temporalis"), Laterality.Left, 0, ToxinUnits.Zero, true));
    }

    [Fact]
    public void TextAndEquality()
    {
        var dose = SiteDose.Compare(Procerus, ToxinUnits.FromUnits(5), ToxinUnits.FromUnits(10));
        Assert.Equal("procerus: 10 U of 5 U (over-dosed)", dose.ToString());
        Assert.Equal(dose, SiteDose.Compare(Procerus, ToxinUnits.FromUnits(5), ToxinUnits.FromUnits(10)));
        Assert.NotEqual(dose, SiteDose.Compare(Procerus, ToxinUnits.FromUnits(5), ToxinUnits.FromUnits(5)));
        Assert.Equal(["as-planned", "missed", "under-dosed", "over-dosed", "unplanned"], Enum.GetValues<SiteDoseStatus>().Select(SiteDoseStatusText.Format));
    }
}
