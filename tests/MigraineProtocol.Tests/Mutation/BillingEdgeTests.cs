using MigraineProtocol.Billing;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The billing reconciliation's edges that mutation testing showed unpinned: the line texts a biller
/// reads, the limits of the constructor, equality, and the session total's cap.
/// </summary>
public class BillingEdgeTests
{
    [Fact]
    public void EveryLineSaysWhatItBills()
    {
        var none = BillingReconciliation.Create(ToxinUnits.FromUnits(155), Reconstitution.Vial100In2Ml, null);
        Assert.Equal(("CPT", "64615", null, 1m), (none.Lines[0].System, none.Lines[0].Code, none.Lines[0].Modifier, none.Lines[0].Quantity));
        Assert.StartsWith("Chemodenervation of muscles innervated by facial, trigeminal, cervical spinal and accessory nerves, bilateral", none.Lines[0].Description, StringComparison.Ordinal);
        Assert.EndsWith("once per session, no modifier 50", none.Lines[0].Description, StringComparison.Ordinal);
        Assert.Equal(("HCPCS", "J0585", null, 155m), (none.Lines[1].System, none.Lines[1].Code, none.Lines[1].Modifier, none.Lines[1].Quantity));
        Assert.Equal("Injection, onabotulinumtoxinA, 1 unit: units administered; JW/JZ not determined: the vials opened are not recorded", none.Lines[1].Description);

        var wasted = BillingReconciliation.Create(ToxinUnits.FromUnits(155), Reconstitution.Vial100In2Ml, 2);
        Assert.Equal("Injection, onabotulinumtoxinA, 1 unit: units administered", wasted.Lines[1].Description);
        Assert.Equal(("HCPCS", "J0585", "JW", 45m), (wasted.Lines[2].System, wasted.Lines[2].Code, wasted.Lines[2].Modifier, wasted.Lines[2].Quantity));
        Assert.Equal("Injection, onabotulinumtoxinA, 1 unit: JW, units discarded from the opened vials", wasted.Lines[2].Description);

        var exact = BillingReconciliation.Create(ToxinUnits.FromUnits(200), Reconstitution.Vial100In2Ml, 2);
        Assert.Equal(2, exact.Lines.Length);
        Assert.Equal("JZ", exact.Lines[1].Modifier);
        Assert.Equal("Injection, onabotulinumtoxinA, 1 unit: units administered; JZ: no drug discarded", exact.Lines[1].Description);
        Assert.Equal("2 x 100 U vials: 155 U given, 45 U discarded", wasted.ToString());
    }

    [Fact]
    public void TooFewVialsAreInconsistentAndDiscardNothing()
    {
        var r = BillingReconciliation.Create(ToxinUnits.FromUnits(155), Reconstitution.Vial100In2Ml, 1);
        Assert.False(r.IsConsistent);
        Assert.Equal(ToxinUnits.Zero, r.UnitsDiscarded);
        Assert.Equal(ToxinUnits.FromUnits(100), r.UnitsOpened);
        Assert.Equal(2, r.Lines.Length);
        Assert.Equal("JZ", r.Lines[1].Modifier);
        Assert.False(r.HasFractionalUnits);
        // Exactly enough is consistent.
        Assert.True(BillingReconciliation.Create(ToxinUnits.FromUnits(100), Reconstitution.Vial100In2Ml, 1).IsConsistent);
    }

    [Fact]
    public void OnlyFractionalDiscardsAreFlaggedToo()
    {
        // A fractional dose is flagged; a whole dose from a whole vial is not.
        Assert.True(BillingReconciliation.Create(ToxinUnits.FromUnits(99.5m), Reconstitution.Vial100In2Ml, 1).HasFractionalUnits);
        Assert.False(BillingReconciliation.Create(ToxinUnits.FromUnits(99), Reconstitution.Vial100In2Ml, 1).HasFractionalUnits);
        // A whole dose with a fractional vial size leaves a fractional discard.
        var r = new BillingReconciliation(ToxinUnits.FromUnits(100.5m), 1, true, ToxinUnits.FromUnits(100));
        Assert.True(r.UnitsAdministered.IsWholeUnits);
        Assert.True(r.HasFractionalUnits);
    }

    [Fact]
    public void TheConstructorNamesEachBadValue()
    {
        Assert.Equal("vialUnits", Assert.Throws<ArgumentOutOfRangeException>(() => new BillingReconciliation(ToxinUnits.Zero, 1, true, ToxinUnits.FromUnits(1))).ParamName);
        Assert.Equal("vials", Assert.Throws<ArgumentOutOfRangeException>(() => new BillingReconciliation(ToxinUnits.FromUnits(100), -1, true, ToxinUnits.FromUnits(1))).ParamName);
        var tooMany = Assert.Throws<ArgumentOutOfRangeException>(() => new BillingReconciliation(ToxinUnits.FromUnits(100), 10_001, true, ToxinUnits.FromUnits(1)));
        Assert.Equal("vials", tooMany.ParamName);
        Assert.Contains("10001 vials of 100 U hold more than 1000000 U", tooMany.Message, StringComparison.Ordinal);
        // 10,000 vials of 100 U is exactly the maximum and accepted; zero vials too.
        Assert.Equal(ToxinUnits.MaxValue, new BillingReconciliation(ToxinUnits.FromUnits(100), 10_000, true, ToxinUnits.FromUnits(1)).UnitsOpened);
        Assert.Equal(ToxinUnits.Zero, new BillingReconciliation(ToxinUnits.FromUnits(100), 0, true, ToxinUnits.Zero).UnitsOpened);
        Assert.Throws<ArgumentNullException>(() => BillingReconciliation.Create(ToxinUnits.FromUnits(1), null!, 1));
        Assert.Throws<ArgumentNullException>(() => BillingReconciliation.Create(null!));
    }

    [Fact]
    public void ReconciliationsAreEqualByTheirInputs()
    {
        var a = BillingReconciliation.Create(ToxinUnits.FromUnits(155), Reconstitution.Vial100In2Ml, 2);
        var b = new BillingReconciliation(ToxinUnits.FromUnits(100), 2, true, ToxinUnits.FromUnits(155));
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals(null));
        Assert.False(a.Equals(new BillingReconciliation(ToxinUnits.FromUnits(200), 2, true, ToxinUnits.FromUnits(155))));
        Assert.False(a.Equals(new BillingReconciliation(ToxinUnits.FromUnits(100), 3, true, ToxinUnits.FromUnits(155))));
        Assert.False(a.Equals(new BillingReconciliation(ToxinUnits.FromUnits(100), 2, false, ToxinUnits.FromUnits(155))));
        Assert.False(a.Equals(new BillingReconciliation(ToxinUnits.FromUnits(100), 2, true, ToxinUnits.FromUnits(154))));
    }

    [Fact]
    public void BillingLinesValidateAndCompareEveryField()
    {
        var line = new BillingLine("HCPCS", "J0585", "JW", 45m, "discarded");
        Assert.Equal(line, new BillingLine("HCPCS", "J0585", "JW", 45m, "discarded"));
        Assert.True(line.Equals((object)new BillingLine("HCPCS", "J0585", "JW", 45m, "discarded")));
        Assert.Equal(line.GetHashCode(), new BillingLine("HCPCS", "J0585", "JW", 45m, "discarded").GetHashCode());
        Assert.False(line.Equals(null));
        Assert.NotEqual(line, new BillingLine("CPT", "J0585", "JW", 45m, "discarded"));
        Assert.NotEqual(line, new BillingLine("HCPCS", "J0586", "JW", 45m, "discarded"));
        Assert.NotEqual(line, new BillingLine("HCPCS", "J0585", "JZ", 45m, "discarded"));
        Assert.NotEqual(line, new BillingLine("HCPCS", "J0585", null, 45m, "discarded"));
        Assert.NotEqual(line, new BillingLine("HCPCS", "J0585", "JW", 46m, "discarded"));
        Assert.NotEqual(line, new BillingLine("HCPCS", "J0585", "JW", 45m, "other"));
        Assert.Equal("J0585-JW x 45", line.ToString());
        Assert.Equal("J0585 x 0.5", new BillingLine("HCPCS", "J0585", null, 0.5m, "d").ToString());
        Assert.Equal(0m, new BillingLine("HCPCS", "J0585", null, 0m, "d").Quantity);
        Assert.Equal("quantity", Assert.Throws<ArgumentOutOfRangeException>(() => new BillingLine("HCPCS", "J0585", null, -0.01m, "d")).ParamName);
        Assert.Throws<ArgumentException>(() => new BillingLine(" ", "J0585", null, 1m, "d"));
        Assert.Throws<ArgumentException>(() => new BillingLine("HCPCS", "", null, 1m, "d"));
        Assert.Throws<ArgumentException>(() => new BillingLine("HCPCS", "J0585", " ", 1m, "d"));
        Assert.Throws<ArgumentException>(() => new BillingLine("HCPCS", "J0585", null, 1m, ""));
    }

    [Fact]
    public void ASessionIsReconciledFromTheTotalOfItsInjections()
    {
        var date = new DateOnly(2026, 3, 2);
        var session = TreatmentSession.FromProtocol(MigraineProtocol.Definitions.KnownProtocols.Preempt, date);
        var r = BillingReconciliation.Create(new TreatmentSession(date, session.Injections, reconstitution: Reconstitution.Vial200In4Ml));
        Assert.Equal(ToxinUnits.FromUnits(155), r.UnitsAdministered);
        Assert.Equal(1, r.Vials);
        Assert.Equal(ToxinUnits.FromUnits(45), r.UnitsDiscarded);
    }

    /// <summary>Every refusal of the billing types, by case: its exception type, the parameter it names and the rule its message states.</summary>
    [Theory]
    [InlineData("negative-quantity", typeof(ArgumentOutOfRangeException), "quantity", "A billing quantity must not be negative.")]
    [InlineData("blank-system", typeof(ArgumentException), "system", "The value of 'system' must not be empty or white space.")]
    [InlineData("empty-vial", typeof(ArgumentOutOfRangeException), "vialUnits", "A vial must hold more than 0 U.")]
    [InlineData("negative-vials", typeof(ArgumentOutOfRangeException), "vials", "The number of vials opened must not be negative.")]
    [InlineData("explain-null-session", typeof(ArgumentNullException), "session", "Value cannot be null.")]
    [InlineData("create-null-session", typeof(ArgumentNullException), "session", "Value cannot be null.")]
    [InlineData("no-reconstitution", typeof(ArgumentException), "session", "The session does not record its reconstitution, so the vial size is unknown.")]
    [InlineData("other-product", typeof(ArgumentException), "session", "The session records the product 'Dysport', not onabotulinumtoxinA: J0585 is onabotulinumtoxinA only, and units of other toxins are not interchangeable.")]
    public void EachRefusalNamesItsParameterAndItsRule(string change, Type type, string parameter, string rule)
    {
        var session = new TreatmentSession(new DateOnly(2026, 3, 2), [new Injection(SiteId.From("procerus"), ToxinUnits.FromUnits(5))]);
        Action act = change switch
        {
            "negative-quantity" => () => _ = new BillingLine("HCPCS", "J0585", null, -0.01m, "d"),
            "blank-system" => () => _ = new BillingLine(" ", "J0585", null, 1m, "d"),
            "empty-vial" => () => _ = new BillingReconciliation(ToxinUnits.Zero, 1, true, ToxinUnits.FromUnits(1)),
            "negative-vials" => () => _ = new BillingReconciliation(ToxinUnits.FromUnits(100), -1, true, ToxinUnits.FromUnits(1)),
            "explain-null-session" => () => BillingReconciliation.ExplainAbsence(null!),
            "create-null-session" => () => BillingReconciliation.Create(null!),
            "no-reconstitution" => () => BillingReconciliation.Create(session),
            "other-product" => () => BillingReconciliation.Create(new TreatmentSession(session.Date, session.Injections, product: "Dysport", reconstitution: Reconstitution.Vial100In2Ml)),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Not a test case."),
        };

        var e = Record.Exception(act);
        Assert.IsType(type, e);
        Assert.Equal(parameter, ((ArgumentException)e).ParamName);
        Assert.StartsWith(rule, e.Message, StringComparison.Ordinal);
    }
}
