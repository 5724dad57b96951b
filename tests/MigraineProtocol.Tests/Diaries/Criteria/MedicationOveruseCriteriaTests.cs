using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Diaries.Criteria;

public class MedicationOveruseCriteriaTests
{
    private static MedicationOveruseVerdict Evaluate(int days, AcuteMedicationClass c, MedicationOveruseThresholds? t = null) =>
        MedicationOveruseCriteria.Evaluate(TestDiaries.Periodic(4, 20, 10, days, AcuteMedicationSet.Of(c)), t ?? MedicationOveruseThresholds.Verified);

    [Theory]
    [InlineData(AcuteMedicationClass.Triptan, 10)]
    [InlineData(AcuteMedicationClass.Ergot, 10)]
    [InlineData(AcuteMedicationClass.Opioid, 10)]
    [InlineData(AcuteMedicationClass.SimpleAnalgesic, 15)]
    public void VerifiedThresholdsAreBoundaries(AcuteMedicationClass c, int threshold)
    {
        Assert.Equal(threshold, MedicationOveruseThresholds.Verified.For(c));
        var at = Evaluate(threshold, c);
        Assert.True(at.Suspected);
        Assert.Equal(AcuteMedicationSet.Of(c), at.OverusedClasses);
        var below = Evaluate(threshold - 1, c);
        Assert.False(below.Suspected);
        Assert.True(below.OverusedClasses.IsEmpty);
        Assert.Equal(VerificationLevel.Verified, MedicationOveruseThresholds.SourceFor(c).Verification);
    }

    [Fact]
    public void CombinationAnalgesicsAndMultipleClassesHaveTheVerifiedIchd3Thresholds()
    {
        Assert.Equal(10, MedicationOveruseThresholds.Verified.For(AcuteMedicationClass.CombinationAnalgesic));
        Assert.Equal(10, MedicationOveruseThresholds.Verified.MultipleClasses);
        Assert.Equal(("S8b", VerificationLevel.Verified), (MedicationOveruseThresholds.SourceFor(AcuteMedicationClass.CombinationAnalgesic).Source, MedicationOveruseThresholds.SourceFor(AcuteMedicationClass.CombinationAnalgesic).Verification));
        Assert.Equal(VerificationLevel.Verified, MedicationOveruseThresholds.MultipleClassesSource.Verification);
        Assert.Equal(VerificationLevel.Unverified, MedicationOveruseThresholds.Verified.WithCombinationAnalgesic(12).SourceOf(AcuteMedicationClass.CombinationAnalgesic).Verification);
        Assert.True(Evaluate(10, AcuteMedicationClass.CombinationAnalgesic).Suspected);
        Assert.False(Evaluate(9, AcuteMedicationClass.CombinationAnalgesic).Suspected);
    }

    [Fact]
    public void CriterionAGatesEverySubtype()
    {
        // 12 headache days and 10 triptan days a month: the triptan days reach 8.2.2's threshold, but
        // criterion A (>= 15 headache days) is not met, so 8.2 is not met.
        var diary = TestDiaries.Periodic(6, 12, 8, 10, AcuteMedicationSet.Of(AcuteMedicationClass.Triptan));
        var v = MedicationOveruseCriteria.Evaluate(diary, MedicationOveruseThresholds.Verified);
        Assert.False(v.Suspected);
        Assert.Equal(CriterionOutcome.NotMet, v.Verdict.Outcome);
        Assert.Equal(CriterionOutcome.NotMet, v.HeadacheDays);
        Assert.Equal(CriterionOutcome.Met, v.MedicationDays);
        Assert.StartsWith("no: criterion A not met", v.Summarize(), StringComparison.Ordinal);
    }

    [Fact]
    public void CombinationAnalgesicOveruseForSixMonthsIsSuspected()
    {
        // 18 headache days and 12 combination-analgesic days a month for 6 months.
        var diary = TestDiaries.Periodic(6, 18, 10, 12, AcuteMedicationSet.Of(AcuteMedicationClass.CombinationAnalgesic));
        var v = MedicationOveruseCriteria.Evaluate(diary, MedicationOveruseThresholds.Verified);
        Assert.True(v.Suspected);
        Assert.Equal(AcuteMedicationSet.Of(AcuteMedicationClass.CombinationAnalgesic), v.OverusedClasses);
        Assert.Equal(["combination-analgesic"], v.OverusedClasses.Select(AcuteMedicationClasses.Format));
        Assert.Equal("yes: headache on >= 15 days a month and overuse of combination analgesic", v.Summarize());
    }

    [Fact]
    public void AMissingThresholdIsCannotTellNeverNo()
    {
        var diary = TestDiaries.Periodic(4, 20, 10, 0);
        var v = MedicationOveruseCriteria.Evaluate(diary, MedicationOveruseThresholds.Verified);
        Assert.Equal(CriterionOutcome.NotMet, v.Verdict.Outcome);

        // Three periods only (not more than 3 months): criterion B cannot be shown either way.
        var shortDiary = TestDiaries.Periodic(3, 20, 10, 12, AcuteMedicationSet.Of(AcuteMedicationClass.Triptan));
        var s = MedicationOveruseCriteria.Evaluate(shortDiary, MedicationOveruseThresholds.Verified);
        Assert.Equal(CriterionOutcome.Indeterminate, s.Verdict.Outcome);
        Assert.StartsWith("cannot tell: ", s.Summarize(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheTextUsesIchd3sCurrentTermAndTheCsvAcceptsBothNames()
    {
        Assert.Equal("non-opioid analgesic", AcuteMedicationClasses.Describe(AcuteMedicationClass.SimpleAnalgesic));
        Assert.True(AcuteMedicationClasses.TryParse("non-opioid-analgesic", out var a) && a == AcuteMedicationClass.SimpleAnalgesic);
        Assert.True(AcuteMedicationClasses.TryParse("simple-analgesic", out var b) && b == AcuteMedicationClass.SimpleAnalgesic);
        var v = Evaluate(15, AcuteMedicationClass.SimpleAnalgesic);
        Assert.Contains("non-opioid analgesic on >= 15 days", v.Criteria.Single(c => c.Id.Value == "ichd3-8.2-simple-analgesic").Description, StringComparison.Ordinal);
    }

    [Fact]
    public void CallerSuppliedCombinationThresholdIsUsed()
    {
        var t = MedicationOveruseThresholds.Verified.WithCombinationAnalgesic(12);
        Assert.True(Evaluate(12, AcuteMedicationClass.CombinationAnalgesic, t).Suspected);
        Assert.False(Evaluate(11, AcuteMedicationClass.CombinationAnalgesic, t).Suspected);
        Assert.Throws<ArgumentOutOfRangeException>(() => MedicationOveruseThresholds.Verified.WithCombinationAnalgesic(0));
    }

    [Fact]
    public void MultipleClassesCountOnlyWhenNoClassIsOverusedAlone()
    {
        // 6 triptan days and 6 other simple-analgesic days per period: 12 days with acute medication, no class at its threshold.
        var diary = TestDiaries.Make(4 * 28, (i, d) =>
        {
            var k = i % 28;
            var meds = k < 6 ? AcuteMedicationSet.Of(AcuteMedicationClass.Triptan) : k < 12 ? AcuteMedicationSet.Of(AcuteMedicationClass.SimpleAnalgesic) : default;
            return new DiaryDay(d, k < 20, k < 10, meds);
        });
        var v = MedicationOveruseCriteria.Evaluate(diary, MedicationOveruseThresholds.Verified);
        Assert.True(v.Suspected);
        Assert.True(v.MultipleClassesOverused);
        Assert.True(v.OverusedClasses.IsEmpty);
        Assert.True(MedicationOveruseCriteria.Evaluate(diary, MedicationOveruseThresholds.Verified.WithMultipleClasses(12)).Suspected);
        Assert.False(MedicationOveruseCriteria.Evaluate(diary, MedicationOveruseThresholds.Verified.WithMultipleClasses(13)).Suspected);
    }

    [Fact]
    public void OveruseMustLastMoreThanThreeMonths()
    {
        var diary = TestDiaries.Periodic(3, 20, 10, 12, AcuteMedicationSet.Of(AcuteMedicationClass.Triptan));
        var v = MedicationOveruseCriteria.Evaluate(diary, MedicationOveruseThresholds.Verified);
        Assert.False(v.Suspected);
        Assert.Equal(CriterionOutcome.Indeterminate, v.Criteria[0].Outcome);
    }

    [Fact]
    public void HeadacheDaysCriterionAIsReported()
    {
        var v = Evaluate(10, AcuteMedicationClass.Triptan);
        Assert.Equal(CriterionOutcome.Met, v.Criteria.Single(c => c.Id.Value == "ichd3-8.2-headache-days").Outcome);
    }
}
