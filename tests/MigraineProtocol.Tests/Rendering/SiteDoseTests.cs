using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rendering;

namespace MigraineProtocol.Tests.Rendering;

public class SiteDoseTests
{
    private static readonly SiteId Procerus = SiteId.From("procerus");

    private static SiteDose Dose(decimal planned, decimal given, SiteDoseStatus status) => new(Procerus, ToxinUnits.FromUnits(planned), ToxinUnits.FromUnits(given), status);

    [Fact]
    public void FollowThePainIdsAndBadStatusesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new SiteDose(SiteId.From("temporalis-left-ftp"), ToxinUnits.Zero, ToxinUnits.Zero, SiteDoseStatus.Missed));
        Assert.Throws<ArgumentException>(() => new SiteDose(default, ToxinUnits.Zero, ToxinUnits.Zero, SiteDoseStatus.Missed));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SiteDose(Procerus, ToxinUnits.Zero, ToxinUnits.Zero, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SiteDoseStatusText.Format(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FollowThePainDose(MuscleId.From("temporalis"), Laterality.Midline, 1, ToxinUnits.Zero, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FollowThePainDose(MuscleId.From("temporalis"), Laterality.Left, 0, ToxinUnits.Zero, true));
    }

    [Fact]
    public void TextAndEquality()
    {
        var dose = Dose(5, 10, SiteDoseStatus.OverDosed);
        Assert.Equal("procerus: 10 U of 5 U (over-dosed)", dose.ToString());
        Assert.Equal(dose, Dose(5, 10, SiteDoseStatus.OverDosed));
        Assert.NotEqual(dose, Dose(5, 5, SiteDoseStatus.AsPlanned));
        Assert.NotEqual(dose, Dose(5, 10, SiteDoseStatus.UnderDosed));
        Assert.Equal(["as-planned", "missed", "under-dosed", "over-dosed", "unplanned"], Enum.GetValues<SiteDoseStatus>().Select(SiteDoseStatusText.Format));
    }
}
