using MigraineProtocol.Definitions;
using MigraineProtocol.Rules;
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
