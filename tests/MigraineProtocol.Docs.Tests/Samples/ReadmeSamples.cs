using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Docs.Tests.Samples;

/// <summary>The README's example; MarkdownSnippetTests holds the README's copy equal to this region.</summary>
public sealed class ReadmeSamples
{
    [Fact]
    public void Example()
    {
        #region readme-example
        TreatmentProtocol preempt = KnownProtocols.Preempt;
        Console.WriteLine(preempt);                          // preempt (155 U at 31 sites, up to 195 U at 39 sites)

        Volume perSite = Reconstitution.Vial100In2Ml.VolumeFor(ToxinUnits.FromUnits(5));   // 0.1 mL
        VialUsage vials = Reconstitution.Vial100In2Ml.VialsFor(preempt.FixedUnits);         // 2 vials, 45 U discarded

        // Derive a clinic variant; Build() re-checks every invariant and lists every problem at once.
        TreatmentProtocol noFtp = preempt.ToBuilder()
            .WithId(ProtocolId.From("clinic-no-ftp"), "PREEMPT without follow-the-pain")
            .ClearFollowThePain()
            .Build();
        #endregion

        Assert.Equal("preempt (155 U at 31 sites, up to 195 U at 39 sites)", preempt.ToString());
        Assert.Equal(Volume.FromMillilitres(0.1m), perSite);
        Assert.Equal(2, vials.Vials);
        Assert.Equal(ToxinUnits.FromUnits(45), vials.UnitsDiscarded);
        Assert.Equal(preempt.FixedUnits, noFtp.MaximumUnits);
    }
}
