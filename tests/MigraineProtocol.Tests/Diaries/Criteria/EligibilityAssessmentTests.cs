using System.Text.Json;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Tests.Diaries.Criteria;

public class EligibilityAssessmentTests
{
    private static readonly EligibilityInput Full = new(3, medicationOveruseManaged: true, adult: true);

    [Theory]
    [InlineData(15, 8, 3, true)]
    [InlineData(14, 8, 3, false)]
    [InlineData(15, 8, 2, false)]
    public void CriteriaMetOnlyWhenEverySelectedVerdictIsMet(int headache, int migraine, int preventives, bool expected)
    {
        var diary = TestDiaries.Periodic(2, headache, migraine);
        var input = new EligibilityInput(preventives, true, true);
        var a = EligibilityAssessment.Assess(diary, input, PeriodKind.TwentyEightDays, [EligibilityRuleSet.NiceTa260]);
        Assert.Equal(expected, a.CriteriaMet);
        Assert.Equal(a.Verdicts.All(v => v.IsMet), a.CriteriaMet);

        // The diary has no durations, so the US label's 4-hour criterion is not assessed: both together are never met.
        Assert.False(EligibilityAssessment.Assess(diary, input, PeriodKind.TwentyEightDays, EligibilityRuleSets.All).CriteriaMet);
        Assert.StartsWith(expected ? "Criteria met" : "Criteria not all met", a.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("eligible", a.Summary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EachRuleSetIsGivenOnceInTheFixedOrder()
    {
        var a = EligibilityAssessment.Assess(TestDiaries.Periodic(2, 15, 8), Full, PeriodKind.TwentyEightDays, [EligibilityRuleSet.UsLabel, EligibilityRuleSet.NiceTa260, EligibilityRuleSet.UsLabel]);
        Assert.Equal(["nice-ta260-start", "us-label-indication"], a.Verdicts.Select(v => v.Id.Value));
        Assert.Equal(["us-label-indication"], EligibilityAssessment.Assess(TestDiaries.Periodic(2, 15, 8), Full, PeriodKind.TwentyEightDays, [EligibilityRuleSet.UsLabel]).Verdicts.Select(v => v.Id.Value));
    }

    [Fact]
    public void NoRuleSetOrAnUndefinedOneIsRefused()
    {
        var diary = TestDiaries.Periodic(2, 15, 8);
        Assert.Throws<ArgumentException>(() => EligibilityAssessment.Assess(diary, Full, PeriodKind.TwentyEightDays, []));
        Assert.Throws<ArgumentException>(() => EligibilityAssessment.Assess(diary, Full, PeriodKind.TwentyEightDays, [(EligibilityRuleSet)7]));
    }

    [Fact]
    public void RuleSetTextRoundTrips()
    {
        foreach (var r in EligibilityRuleSets.All)
        {
            Assert.True(EligibilityRuleSets.TryParse(EligibilityRuleSets.Format(r), out var back));
            Assert.Equal(r, back);
        }

        Assert.False(EligibilityRuleSets.TryParse("NICE", out _));
        Assert.False(EligibilityRuleSets.TryParse(null, out _));
    }

    [Fact]
    public void JsonKeepsEligibleForCompatibilityNextToCriteriaMet()
    {
        var a = EligibilityAssessment.Assess(TestDiaries.Periodic(2, 15, 8), Full, PeriodKind.TwentyEightDays, EligibilityRuleSets.All);
        using var doc = JsonDocument.Parse(VerdictJson.Write(a));
        Assert.Equal("28-day", doc.RootElement.GetProperty("periodKind").GetString());
        Assert.Equal(a.CriteriaMet, doc.RootElement.GetProperty("criteriaMet").GetBoolean());
        Assert.Equal(a.CriteriaMet, doc.RootElement.GetProperty("eligible").GetBoolean());
        Assert.Equal(2, doc.RootElement.GetProperty("verdicts").GetArrayLength());
    }

    [Theory]
    [InlineData(StoppingDecision.Continue, "continue", "NICE TA260 1.2 stopping criteria not met.")]
    [InlineData(StoppingDecision.StopForNonResponse, "stop-for-non-response", "NICE TA260 1.2 stopping criteria met: less than a 30% reduction in headache days after 2 treatment cycles.")]
    [InlineData(StoppingDecision.StopForEpisodic, "stop-for-episodic", "NICE TA260 1.2 stopping criteria met: fewer than 15 headache days a month for 3 consecutive months.")]
    [InlineData(StoppingDecision.Indeterminate, "indeterminate", "NICE TA260 1.2 stopping criteria: cannot tell from the data (see each criterion for why).")]
    public void StoppingDecisionsInformRatherThanDecide(StoppingDecision decision, string token, string statement)
    {
        Assert.Equal(token, StoppingDecisions.Format(decision));
        Assert.Equal(statement, StoppingDecisions.Describe(decision));
        Assert.DoesNotContain("Decision", statement, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => StoppingDecisions.Format((StoppingDecision)9));
    }
}
