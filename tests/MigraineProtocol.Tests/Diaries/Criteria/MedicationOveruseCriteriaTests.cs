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
    public void UnverifiedThresholdsHaveNoDefaultAndAreReportedNotAssessed()
    {
        Assert.Null(MedicationOveruseThresholds.Verified.For(AcuteMedicationClass.CombinationAnalgesic));
        Assert.Null(MedicationOveruseThresholds.Verified.MultipleClasses);
        var v = Evaluate(28, AcuteMedicationClass.CombinationAnalgesic);
        Assert.False(v.Suspected);
        Assert.Equal(CriterionOutcome.Indeterminate, v.Verdict.Outcome);
        Assert.Equal(AcuteMedicationSet.Of(AcuteMedicationClass.CombinationAnalgesic), v.ClassesNotAssessed);
        Assert.True(v.MultipleClassesNotAssessed);
        var c = v.Criteria.Single(x => x.Id == "ichd3-8.2-combination-analgesic");
        Assert.Equal(CriterionOutcome.NotAssessed, c.Outcome);
        Assert.Equal(VerificationLevel.Unverified, c.Source.Verification);
        Assert.Contains("UNVERIFIED", c.Note, StringComparison.Ordinal);
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
        var t = MedicationOveruseThresholds.Verified.WithMultipleClasses(12);
        var v = MedicationOveruseCriteria.Evaluate(diary, t);
        Assert.True(v.Suspected);
        Assert.True(v.MultipleClassesOverused);
        Assert.True(v.OverusedClasses.IsEmpty);
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
        Assert.Equal(CriterionOutcome.Met, v.Criteria.Single(c => c.Id == "ichd3-8.2-headache-days").Outcome);
    }
}
