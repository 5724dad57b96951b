using MigraineProtocol.Definitions;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Rules;

public class ValidationReportDefaultTests
{
    [Fact]
    public void TheDefaultValueIsNotAValidReport()
    {
        var report = default(ValidationReport);
        Assert.False(report.IsValid);
        Assert.Empty(report.Violations);
        Assert.Equal("not a validation report (the default value)", report.ToString());
    }

    [Fact]
    public void AReportOfAValidSessionIsValidAndUnlikeTheDefault()
    {
        var session = TreatmentSession.FromProtocol(KnownProtocols.Preempt, new DateOnly(2026, 3, 2));
        var report = RuleSet.Default.Validate(KnownProtocols.Preempt, session);
        Assert.True(report.IsValid);
        Assert.NotEqual(default, report);
        Assert.StartsWith("valid: 0 errors", report.ToString(), StringComparison.Ordinal);
    }
}

public class ValidationReportWeakSourceTests
{
    [Fact]
    public void ErrorsOnUnverifiedSourcesCountsTheErrorsWhoseSourceIsNotVerified()
    {
        Assert.Equal(0, default(ValidationReport).ErrorsOnUnverifiedSources);
        var session = SessionJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "examples", "session-invalid.json")), "s.json");
        var report = RuleSet.Default.Validate(KnownProtocols.Preempt, session);
        var expected = report.Violations.Count(v => v.Severity == Severity.Error && v.Source.Verification != MigraineProtocol.Primitives.VerificationLevel.Verified);
        Assert.Equal(expected, report.ErrorsOnUnverifiedSources);
        Assert.InRange(report.ErrorsOnUnverifiedSources, 0, report.ErrorCount);
        Assert.Contains(report.Violations, v => v.Severity == Severity.Error && v.Source.Verification == MigraineProtocol.Primitives.VerificationLevel.Verified); // not every error counts
    }
}
