using MigraineProtocol.Billing;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Billing;

public class BillingReconciliationTests
{
    private static string[] Lines(BillingReconciliation r) => [.. r.Lines.Select(l => l.ToString())];

    [Fact]
    public void A155USessionFromTwo100UVialsBillsJ0585And45UnitsJW()
    {
        var session = TreatmentSession.FromProtocol(KnownProtocols.Preempt, new DateOnly(2026, 3, 2));
        var r = BillingReconciliation.Create(new TreatmentSession(session.Date, session.Injections, reconstitution: Reconstitution.Vial100In2Ml));
        Assert.Equal(2, r.Vials);
        Assert.False(r.VialsRecorded);
        Assert.Equal(ToxinUnits.FromUnits(200), r.UnitsOpened);
        Assert.Equal(ToxinUnits.FromUnits(45), r.UnitsDiscarded);
        Assert.Equal(["64615 x 1", "J0585 x 155", "J0585-JW x 45"], Lines(r));
        Assert.True(r.IsConsistent);
        Assert.Equal(VerificationLevel.VerifiedSecondary, BillingReconciliation.Source.Verification);
    }

    [Theory]
    [InlineData(200, null, 200, new[] { "64615 x 1", "J0585-JZ x 200" })]
    [InlineData(195, 2, 100, new[] { "64615 x 1", "J0585 x 195", "J0585-JW x 5" })]
    [InlineData(155, 1, 200, new[] { "64615 x 1", "J0585 x 155", "J0585-JW x 45" })]
    [InlineData(155, 3, 100, new[] { "64615 x 1", "J0585 x 155", "J0585-JW x 145" })]
    [InlineData(155, 1, 100, new[] { "64615 x 1", "J0585-JZ x 155" })]
    public void LinesFollowFromUnitsAndVials(int given, int? vials, int vialUnits, string[] expected)
    {
        var r = BillingReconciliation.Create(ToxinUnits.FromUnits(given), new Reconstitution(ToxinUnits.FromUnits(vialUnits), Volume.FromMillilitres(vialUnits / 50m)), vials);
        Assert.Equal(expected, Lines(r));
        Assert.Equal(given <= vialUnits * (vials ?? int.MaxValue / vialUnits), r.IsConsistent);
    }

    [Fact]
    public void FractionalUnitsAreKeptExactAndFlagged()
    {
        var r = BillingReconciliation.Create(ToxinUnits.FromUnits(152.5m), Reconstitution.Vial100In2Ml, null);
        Assert.True(r.HasFractionalUnits);
        Assert.Equal(["64615 x 1", "J0585 x 152.5", "J0585-JW x 47.5"], Lines(r));
    }

    [Fact]
    public void ASessionWithoutReconstitutionCannotBeReconciled() =>
        Assert.Throws<ArgumentException>(() => BillingReconciliation.Create(new TreatmentSession(new DateOnly(2026, 3, 2), [])));
}
