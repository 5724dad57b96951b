using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;
using MigraineProtocol.Tests.Definitions;

namespace MigraineProtocol.Tests.Rules;

/// <summary>A violation of a protocol-derived limit cites the protocol's own sources and verification (ADR 0092).</summary>
public class ProtocolCitationTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static TreatmentSession Full(TreatmentProtocol p) => TreatmentSession.FromProtocol(p, Day).WithProduct("BOTOX");

    [Fact]
    public void UsLabelViolationsCarryTheUsLabelsSecondarySources()
    {
        var p = KnownProtocols.UsLabel;
        var s = Full(p);
        var session = s.WithInjections(s.Injections.Skip(1).Append(new Injection(SiteId.From("temporalis-left-ftp"), ToxinUnits.FromUnits(5))).Append(new Injection(s.Injections[1].Site, ToxinUnits.FromUnits(5))));
        var history = new TreatmentHistory([new Administration(Day.AddDays(-60), ToxinUnits.FromUnits(155), Administration.ChronicMigraine)]);
        var r = RuleSet.Default.Validate(p, session, history);
        var codes = new[] { RuleId.MissingSite, RuleId.DuplicateSite, RuleId.FollowThePainLimit, RuleId.RetreatmentInterval };
        foreach (var code in codes)
        {
            var v = Assert.Single(r.ViolationsOf(code));
            Assert.Equal("S3, S1", v.Source.Source);
            Assert.Equal(VerificationLevel.VerifiedSecondary, v.Source.Verification);
            Assert.Contains("protocol 'us-label'", v.Source.Locator, StringComparison.Ordinal);
        }

        Assert.Equal(RuleSources.ForProtocol(p), r.ViolationsOf(RuleId.MissingSite).Single().Source);
    }

    [Fact]
    public void AClinicProtocolsViolationsAreUnverified()
    {
        var catalog = Catalogs.Load([DefinitionFile.FromPath(TestData.Path("examples", "clinic-definitions.json"))]);
        var p = catalog.Get(ProtocolId.From("example-clinic-variant"));
        var s = Full(p);
        var r = RuleSet.Default.Validate(p, s.WithInjections(s.Injections.Skip(1).Append(new Injection(SiteId.From("temporalis-left-ftp"), ToxinUnits.FromUnits(5)))));
        Assert.NotEmpty(r.Violations);
        Assert.All(r.Violations.Where(v => v.Code != RuleId.Product), v => Assert.Equal(VerificationLevel.Unverified, v.Source.Verification));
        Assert.All(r.Violations, v => Assert.NotEqual("S1", v.Source.Source));
    }

    [Fact]
    public void ThePreemptProtocolCitesTheFirstHandManufacturerPage()
    {
        var s = Full(KnownProtocols.Preempt);
        var r = RuleSet.Default.Validate(KnownProtocols.Preempt, s.WithInjections(s.Injections.Skip(1)));
        var v = Assert.Single(r.Violations);
        Assert.Equal(("S1b", VerificationLevel.Verified), (v.Source.Source, v.Source.Verification));
        Assert.Equal(VerificationLevel.VerifiedSecondary, RuleSources.RetreatmentInterval.Verification);
    }
}
