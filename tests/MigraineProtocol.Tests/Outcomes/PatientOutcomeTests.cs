using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Outcomes;

public class PatientOutcomeTests
{
    [Fact]
    public void ChangeAndReductionFollowTheDefinitions()
    {
        var p = new PatientOutcome(20, 9);
        Assert.Equal(-11.0, p.Change);
        Assert.Equal(0.55, p.Reduction, 15);
        Assert.Equal(55.0, p.PercentReduction, 12);
        Assert.True(p.IsResponder(ResponderThreshold.Percent50));
        Assert.False(p.IsResponder(ResponderThreshold.Percent75));
        Assert.Equal(-0.25, new PatientOutcome(20, 25).Reduction);
    }

    [Theory]
    [InlineData(10, 7, 30)]
    [InlineData(20.1, 14.07, 30)]
    [InlineData(16, 8, 50)]
    [InlineData(17.5, 8.75, 50)]
    [InlineData(28, 7, 75)]
    public void AReductionExactlyAtTheThresholdResponds(double baseline, double followUp, double percent) =>
        Assert.True(new PatientOutcome(baseline, followUp).IsResponder(ResponderThreshold.FromPercent(percent)));

    [Theory]
    [InlineData(10, 7.01, 30)]
    [InlineData(16, 8.01, 50)]
    public void AReductionJustBelowTheThresholdDoesNot(double baseline, double followUp, double percent) =>
        Assert.False(new PatientOutcome(baseline, followUp).IsResponder(ResponderThreshold.FromPercent(percent)));

    [Fact]
    public void AZeroBaselineIsAnErrorThatSaysWhy()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PatientOutcome(0, 3));
        Assert.Equal("baselineHeadacheDays", e.ParamName);
        Assert.Contains("no percent reduction", e.Message, StringComparison.Ordinal);
        Assert.False(PatientOutcome.TryCreate(0, 3, out _, out var error));
        Assert.Contains("no percent reduction", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 3, "baselineHeadacheDays")]
    [InlineData(double.NaN, 3, "baselineHeadacheDays")]
    [InlineData(double.PositiveInfinity, 3, "baselineHeadacheDays")]
    [InlineData(10, -0.5, "followUpHeadacheDays")]
    [InlineData(10, double.NaN, "followUpHeadacheDays")]
    public void OutOfRangeValuesAreRejected(double b, double f, string param)
    {
        Assert.Equal(param, Assert.Throws<ArgumentOutOfRangeException>(() => new PatientOutcome(b, f)).ParamName);
        Assert.False(PatientOutcome.TryCreate(b, f, out _, out _));
    }

    [Fact]
    public void TryCreateAcceptsValidValuesAndEqualityIsByValue()
    {
        Assert.True(PatientOutcome.TryCreate(18, 0, out var p, out var error));
        Assert.Null(error);
        Assert.Equal(new PatientOutcome(18, 0), p);
        Assert.NotEqual(new PatientOutcome(18, 1), p);
        Assert.Equal("18 → 0 days", p.ToString());
    }
}
