using MigraineProtocol.Billing;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
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
        // The vials were not recorded: the 45 U waste is an assumption, so neither JW nor JZ is billed (ADR 0091).
        Assert.Equal(["64615 x 1", "J0585 x 155"], Lines(r));
        Assert.Contains("JW/JZ not determined", r.Lines[1].Description, StringComparison.Ordinal);
        Assert.True(r.IsConsistent);
        var recorded = BillingReconciliation.Create(new TreatmentSession(session.Date, session.Injections, reconstitution: Reconstitution.Vial100In2Ml).WithVialsOpened(2));
        Assert.Equal(["64615 x 1", "J0585 x 155", "J0585-JW x 45"], Lines(recorded));
        Assert.Equal(VerificationLevel.VerifiedSecondary, BillingReconciliation.Source.Verification);
    }

    [Theory]
    [InlineData(200, null, 200, new[] { "64615 x 1", "J0585 x 200" })]
    [InlineData(200, 1, 200, new[] { "64615 x 1", "J0585-JZ x 200" })]
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
        Assert.Equal(["64615 x 1", "J0585 x 152.5"], Lines(r));
        Assert.Equal(["64615 x 1", "J0585 x 152.5", "J0585-JW x 47.5"], Lines(BillingReconciliation.Create(ToxinUnits.FromUnits(152.5m), Reconstitution.Vial100In2Ml, 2)));
    }

    [Theory]
    [InlineData("Dysport")]
    [InlineData("Xeomin")]
    [InlineData("abobotulinumtoxinA")]
    public void AnotherToxinIsNeitherReconciledNorBilledAsJ0585(string product)
    {
        var session = new TreatmentSession(new DateOnly(2026, 3, 2), TreatmentSession.FromProtocol(KnownProtocols.Preempt, new DateOnly(2026, 3, 2)).Injections, product, reconstitution: Reconstitution.Vial100In2Ml).WithVialsOpened(2);
        Assert.Throws<ArgumentException>(() => BillingReconciliation.Create(session));
        var report = MigraineProtocol.Rules.RuleSet.Default.Validate(KnownProtocols.Preempt, session);
        Assert.Null(report.Reconciliation);
        Assert.False(report.IsValid);
        var v = Assert.Single(report.ViolationsOf(MigraineProtocol.Rules.RuleId.Product));
        Assert.True(v.IsError);
        Assert.Contains("not interchangeable", v.Message, StringComparison.Ordinal);
        Assert.Equal($"none (the product '{product}' is not onabotulinumtoxinA; J0585 is onabotulinumtoxinA only)", BillingReconciliation.ExplainAbsence(session));
    }

    [Fact]
    public void TheAbsenceOfAReconciliationIsExplainedExactlyWhenTheValidatorGivesNone()
    {
        var date = new DateOnly(2026, 3, 2);
        var injections = TreatmentSession.FromProtocol(KnownProtocols.Preempt, date).Injections;
        foreach (var product in new string?[] { null, "BOTOX", "onabotulinumtoxinA", "Xeomin" })
        {
            foreach (var reconstitution in new Reconstitution?[] { null, Reconstitution.Vial100In2Ml })
            {
                var session = new TreatmentSession(date, injections, product, reconstitution: reconstitution);
                var report = MigraineProtocol.Rules.RuleSet.Default.Validate(KnownProtocols.Preempt, session);
                Assert.Equal(report.Reconciliation is null, BillingReconciliation.ExplainAbsence(session) is not null);
            }
        }

        Assert.Equal("not available (the session does not record its reconstitution)", BillingReconciliation.ExplainAbsence(new TreatmentSession(date, injections)));
    }

    [Theory]
    [InlineData("BOTOX", true)]
    [InlineData(" botox ", true)]
    [InlineData("OnabotulinumtoxinA", true)]
    [InlineData("Dysport", false)]
    [InlineData(null, null)]
    public void OnabotulinumtoxinAIsRecognisedCaseInsensitively(string? product, bool? expected) =>
        Assert.Equal(expected, ToxinProducts.IsOnabotulinumtoxinA(product));

    [Fact]
    public void ASessionWithoutReconstitutionCannotBeReconciled() =>
        Assert.Throws<ArgumentException>(() => BillingReconciliation.Create(new TreatmentSession(new DateOnly(2026, 3, 2), [])));
}
