using MigraineProtocol.Definitions;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Rules;

public class RuleSetTests
{
    private static readonly Citation ClinicPolicy = new("clinic", "local policy 12", VerificationLevel.Unverified);

    /// <summary>A clinic rule: no follow-the-pain on a patient's first session.</summary>
    private sealed class NoFollowThePainOnFirstSession : ISessionRule
    {
        public RuleId Id { get; } = RuleId.From("clinic-first-session-ftp");

        public Severity DefaultSeverity => Severity.Warning;

        public Citation Source => ClinicPolicy;

        public string Description => "No follow-the-pain on a first session.";

        public void Evaluate(in RuleContext context)
        {
            if (context.PreviousSessionDate is null && context.Session.Injections.Any(i => i.IsFollowThePain))
            {
                context.Report($"First session with follow-the-pain ({context.TotalUnits}).");
            }
        }
    }

    [Fact]
    public void DefaultHoldsTheRequiredCodesInOrderWithTheirSeverities()
    {
        Assert.Equal(
            ["product", "unknown-site", "duplicate-site", "missing-site", "site-dose", "follow-the-pain-limit", "total-dose-limit", "retreatment-interval", "cumulative-dose-limit", "expired-lot", "reconstitution-concentration", "reconstitution-age", "vial-count", "prior-distant-spread", "prior-local-weakness"],
            RuleSet.Default.Ids.Select(i => i.Value));
        Assert.Equal(Severity.Warning, RuleSet.Default.SeverityOf(RuleId.RetreatmentInterval));
        Assert.Equal(Severity.Error, RuleSet.Default.SeverityOf(RuleId.CumulativeDoseLimit));
        Assert.All(RuleSet.Default.Rules, r => Assert.NotEqual(VerificationLevel.Unverified, r.Source.Verification));
        Assert.True(RuleSet.Default.TryGetRule(RuleId.CumulativeDoseLimit, out var cumulative) && cumulative.Source.IsSecondary);
    }

    [Fact]
    public void AnIntegratorAddsARuleRaisesASeverityAndRemovesARule()
    {
        var rules = RuleSet.Default
            .With(new NoFollowThePainOnFirstSession())
            .WithSeverity(RuleId.RetreatmentInterval, Severity.Error)
            .Without(RuleId.ReconstitutionConcentration);
        Assert.Equal(15, RuleSet.Default.Rules.Length);
        Assert.Equal(RuleSet.Default.Rules.Length, rules.Rules.Length); // one added, one removed
        Assert.False(rules.Contains(RuleId.ReconstitutionConcentration));
        Assert.Equal(Severity.Warning, RuleSet.Default.SeverityOf(RuleId.RetreatmentInterval));

        var session = SessionRulesTests.Plus(SessionRulesTests.Full(), "temporalis-left-ftp");
        var custom = rules.Validate(KnownProtocols.Preempt, session);
        var v = Assert.Single(custom.Violations);
        Assert.Equal("clinic-first-session-ftp", v.Code.Value);
        Assert.Equal(ClinicPolicy, v.Source);
        Assert.Equal("First session with follow-the-pain (160 U).", v.Message);
        Assert.True(custom.IsValid);

        var history = new TreatmentHistory([new Administration(SessionRulesTests.Day.AddDays(-60), MigraineProtocol.Dosing.ToxinUnits.FromUnits(155), Administration.ChronicMigraine)]);
        var early = rules.Validate(KnownProtocols.Preempt, SessionRulesTests.Full(), history);
        Assert.False(early.IsValid);
        Assert.Equal(Severity.Error, Assert.Single(early.Violations).Severity);
        Assert.True(RuleSet.Default.Validate(KnownProtocols.Preempt, SessionRulesTests.Full(), history).IsValid);
    }

    [Fact]
    public void WithReplacesARuleOfTheSameCodeInPlace()
    {
        var replaced = RuleSet.Default.With(new NoFollowThePainOnFirstSession()).With(new NoFollowThePainOnFirstSession(), Severity.Error);
        Assert.Equal(RuleSet.Default.Rules.Length + 1, replaced.Rules.Length);
        Assert.Equal(Severity.Error, replaced.SeverityOf(RuleId.From("clinic-first-session-ftp")));
    }

    [Fact]
    public void UnknownCodesAreNamedInTheError()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => RuleSet.Default.Without(RuleId.From("no-such-rule")));
        Assert.Contains("'no-such-rule'", e.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => RuleSet.Empty.WithSeverity(RuleId.SiteDose, Severity.Warning));
    }

    [Fact]
    public void ACompiledValidatorAgreesWithTheRuleSet()
    {
        var validator = RuleSet.Default.Compile(KnownProtocols.Preempt);
        var session = SessionRulesTests.Plus(SessionRulesTests.Full(), "procerus", "nasalis-left-1");
        Assert.Equal(RuleSet.Default.Validate(KnownProtocols.Preempt, session), validator.Validate(session));
        Assert.Same(KnownProtocols.Preempt, validator.Protocol);
    }

    [Fact]
    public void TheEmptySetFindsNothing() => Assert.True(RuleSet.Empty.Validate(KnownProtocols.Preempt, new TreatmentSession(SessionRulesTests.Day, [])).IsValid);
}
