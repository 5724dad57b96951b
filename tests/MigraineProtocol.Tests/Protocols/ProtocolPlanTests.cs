using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Tests.Protocols;

public class ProtocolPlanTests
{
    [Fact]
    public void GroupsByRegionAndMuscleWithSubtotals()
    {
        var plan = ProtocolPlan.Create(KnownProtocols.Preempt);
        Assert.Equal(["forehead", "side-of-head", "back-of-head", "back-of-scalp", "neck-and-shoulders"], plan.Regions.Select(r => r.Region.Id.Value));
        Assert.Equal([35m, 40m, 30m, 20m, 30m], plan.Regions.Select(r => r.Units.Units));
        Assert.Equal([7, 8, 6, 4, 6], plan.Regions.Select(r => r.SiteCount));
        Assert.Equal(31, plan.Sites.Length);
        Assert.Equal(ToxinUnits.FromUnits(155), plan.TotalUnits);
        Assert.Equal(Volume.FromMillilitres(3.1m), plan.TotalVolume);
        Assert.All(plan.Sites, s => Assert.Equal(Volume.FromMillilitres(0.1m), s.Volume));
    }

    [Fact]
    public void SubtotalsAddUpToTheTotal()
    {
        foreach (var p in Catalogs.Default.Protocols)
        {
            var plan = ProtocolPlan.Create(p, Reconstitution.Vial200In4Ml);
            Assert.Equal(p.FixedUnits, ToxinUnits.Sum(plan.Regions.Select(r => r.Units)));
            Assert.Equal(p.FixedUnits, ToxinUnits.Sum(plan.Regions.SelectMany(r => r.Muscles).Select(m => m.Units)));
            Assert.Equal(plan.TotalVolume, plan.Regions.SelectMany(r => r.Muscles).Aggregate(Volume.Zero, (v, m) => v + m.Volume));
        }
    }

    [Fact]
    public void VialsForTheTotalAndTheMaximum()
    {
        var plan = ProtocolPlan.Create(KnownProtocols.Preempt, Reconstitution.Vial200In4Ml);
        Assert.Equal(1, plan.FixedVials.Vials);
        Assert.Equal(ToxinUnits.FromUnits(45), plan.FixedVials.UnitsDiscarded);
        Assert.Equal(ToxinUnits.FromUnits(5), plan.MaximumVials.UnitsDiscarded);
    }

    [Fact]
    public void MusclesCarryTheirFollowThePainAllowance()
    {
        var muscles = ProtocolPlan.Create(KnownProtocols.Preempt).Regions.SelectMany(r => r.Muscles).ToList();
        Assert.Equal(["temporalis", "occipitalis", "trapezius"], muscles.Where(m => m.FollowThePain is not null).Select(m => m.Muscle.Id.Value));
    }
}
