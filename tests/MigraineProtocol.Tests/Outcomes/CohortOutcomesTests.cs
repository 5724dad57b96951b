using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Outcomes;

/// <summary>The cohort outcomes the outcomes command prints, as a library value.</summary>
public sealed class CohortOutcomesTests
{
    private static readonly CohortArm Treated = new("treated", [new(20, 8), new(18, 12), new(16, 4)], ["t1", "t2", "t3"]);
    private static readonly CohortArm Control = new("control", [new(20, 18), new(15, 12)], ["c1", "c2"]);

    [Fact]
    public void EachArmIsItsAccumulatorSummarizedInOrder()
    {
        var outcomes = CohortOutcomes.Summarize([Treated, Control], ResponderThreshold.Percent50, 0.9, IntervalMethod.ClopperPearson);
        Assert.Equal(["treated", "control"], outcomes.Arms.Select(a => a.Arm));
        var expected = new OutcomeAccumulator(ResponderThreshold.Percent50).AddRange(Treated.Patients.AsSpan()).Summarize("treated", 0.9, IntervalMethod.ClopperPearson);
        Assert.Equal(expected.Statistics, outcomes.Arms[0].Statistics);
        Assert.Equal(expected.ResponderRateInterval, outcomes.Arms[0].ResponderRateInterval);
        Assert.Equal(2, outcomes.Arms[0].Responders);
        Assert.Null(outcomes.Comparison);
        Assert.Equal(IntervalMethod.ClopperPearson, outcomes.RateMethod);
        Assert.Equal(0.9, outcomes.ConfidenceLevel);
    }

    [Fact]
    public void CompareAddsTheComparisonOfTheNamedArms()
    {
        var outcomes = CohortOutcomes.Summarize([Treated, Control], ResponderThreshold.Percent30, 0.95);
        var compared = outcomes.Compare("control", "treated");
        Assert.NotNull(compared.Comparison);
        Assert.Same(compared.Arms[1], compared.Comparison.Treatment);
        Assert.Same(compared.Arms[0], compared.Comparison.Control);
        Assert.Equal(ArmComparison.Create(outcomes.Arms[1], outcomes.Arms[0]).RiskDifference, compared.Comparison.RiskDifference);
        Assert.Null(outcomes.Comparison); // the value compared is unchanged
    }

    [Theory]
    [InlineData("treated", "none", "control", "The cohort has no arm 'none'.")]
    [InlineData("none", "control", "treatment", "The cohort has no arm 'none'.")]
    [InlineData("treated", "treated", "control", "both 'treated'")]
    public void CompareRefusesAnUnknownOrRepeatedArm(string treatment, string control, string param, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => CohortOutcomes.Summarize([Treated, Control], ResponderThreshold.Percent50, 0.95).Compare(treatment, control));
        Assert.Equal(param, e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetArmIsOrdinal()
    {
        var outcomes = CohortOutcomes.Summarize([Treated], ResponderThreshold.Percent50, 0.95);
        Assert.True(outcomes.TryGetArm("treated", out var arm));
        Assert.Equal("treated", arm.Arm);
        Assert.False(outcomes.TryGetArm("Treated", out _));
        Assert.False(outcomes.TryGetArm(null, out _));
    }

    [Fact]
    public void NoArmsTwoArmsOfOneNameOrANonProportionMethodAreRefused()
    {
        Assert.Throws<ArgumentException>(() => CohortOutcomes.Summarize([], ResponderThreshold.Percent50, 0.95));
        Assert.Throws<ArgumentException>(() => CohortOutcomes.Summarize([Treated, new CohortArm("treated", [new(10, 1)], ["x"])], ResponderThreshold.Percent50, 0.95));
        Assert.Throws<ArgumentOutOfRangeException>(() => CohortOutcomes.Summarize([Treated], ResponderThreshold.Percent50, 0.95, IntervalMethod.Altman));
        Assert.Throws<ArgumentOutOfRangeException>(() => CohortOutcomes.Summarize([Treated], ResponderThreshold.Percent50, 1.0));
    }

    [Fact]
    public void AnAdverseEventCohortTakesTheOutcomeCohortsPatientsAndThePublishedTerms()
    {
        var cohort = AdverseEventCohort.FromArms([Treated, Control]).AddPublishedTerms();
        Assert.Equal(5, cohort.PatientCount);
        var rates = cohort.Rates(0.95);
        var published = PublishedAdverseEventRates.All.Select(p => p.Term).Where(t => t != AdverseEventCohort.AnyEvent).Distinct().ToList();
        Assert.NotEmpty(published);
        foreach (var arm in new[] { "treated", "control" })
        {
            Assert.Equal([.. published, AdverseEventCohort.AnyEvent], rates.Where(r => r.Arm == arm).Select(r => r.Term));
            Assert.All(rates.Where(r => r.Arm == arm), r => Assert.Equal(0, r.PatientsWithEvent));
        }

        Assert.Throws<ArgumentException>(() => AdverseEventCohort.FromArms([Treated, new CohortArm("other", [new(10, 1)], ["t1"])]));
    }
}

/// <summary>The text forms of the interval methods (one convention with the other enum text helpers).</summary>
public sealed class IntervalMethodsTests
{
    [Fact]
    public void EveryMethodHasATokenThatParsesBackAndANameForPeople()
    {
        Assert.Equal(Enum.GetValues<IntervalMethod>(), IntervalMethods.All);
        foreach (var m in IntervalMethods.All)
        {
            Assert.True(IntervalMethods.TryParse(IntervalMethods.Format(m), out var back));
            Assert.Equal(m, back);
            Assert.False(string.IsNullOrWhiteSpace(IntervalMethods.Describe(m)));
        }

        Assert.Equal(IntervalMethods.All.Length, IntervalMethods.All.Select(IntervalMethods.Describe).Distinct().Count());
        Assert.Equal(["wilson", "clopper-pearson", "t", "welch", "newcombe", "altman"], IntervalMethods.All.Select(IntervalMethods.Format));
        Assert.Equal("Clopper-Pearson", IntervalMethods.Describe(IntervalMethod.ClopperPearson));
    }

    [Theory]
    [InlineData("Wilson")]
    [InlineData(" wilson")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("exact")]
    public void ParsingIsOrdinalAndExact(string? text) => Assert.False(IntervalMethods.TryParse(text, out _));

    [Fact]
    public void UndefinedValuesThrowAndAltmanIsNotAConfidenceIntervalMethod()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IntervalMethods.Format((IntervalMethod)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => IntervalMethods.Describe((IntervalMethod)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfidenceInterval(0, 1, 0.95, IntervalMethod.Altman));
        Assert.Equal([IntervalMethod.Wilson, IntervalMethod.ClopperPearson], IntervalMethods.ForProportions);
        var rd = ProportionIntervals.NewcombeDifference(18, 30, 6, 30, 0.95);
        Assert.Equal(IntervalMethod.Altman, NumberNeededToTreatInterval.FromRiskDifference(rd).Method);
    }
}
