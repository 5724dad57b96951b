using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Diaries.Criteria;

/// <summary>The extension point for diary criteria (ADR 0172): the built-ins and a payer's own rule go through one interface.</summary>
public class DiaryRuleTests
{
    private static readonly EligibilityInput Full = new(preventivesFailed: 3, medicationOveruseManaged: true, adult: true);

    /// <summary>
    /// EXAMPLE ONLY, not a clinical or real payer number: a made-up "insurer X" wants 4 weeks (28 days)
    /// of recorded diary. It cannot tell when the diary ends before it would have 28 days.
    /// </summary>
    private sealed class InsurerXDiaryWeeks : IDiaryRule
    {
        public CriterionId Id { get; } = CriterionId.From("insurer-x-diary-weeks");

        public string Title => "Insurer X (example): 4 weeks of diary";

        public Citation Source { get; } = new("insurer-x", "Example policy, not a real payer's", VerificationLevel.Unverified);

        public Verdict Evaluate(DiaryRuleContext context)
        {
            var d = context.Diary;
            var outcome = d.DaysRecorded >= 28 ? CriterionOutcome.Met : d.SpanDays < 28 ? CriterionOutcome.Indeterminate : CriterionOutcome.NotMet;
            var note = outcome switch
            {
                CriterionOutcome.Indeterminate => $"Cannot tell: the diary spans {d.SpanDays} days so far.",
                CriterionOutcome.NotMet => $"{d.DaysUnrecorded} of {d.SpanDays} days unrecorded.",
                _ => null,
            };
            var figure = new CriterionFigure("days recorded", d.DaysRecorded, ">= 28", d.Start, d.End, d.DaysRecorded, d.SpanDays, outcome);
            return new Verdict(Id, Title, outcome, [new CriterionResult(Id, "At least 4 weeks of recorded diary.", outcome, [figure], Source, note)], null);
        }
    }

    private sealed class WrongId : IDiaryRule
    {
        public CriterionId Id { get; } = CriterionId.From("says-one-thing");

        public string Title => "Broken";

        public Citation Source { get; } = new("test", "test", VerificationLevel.Unverified);

        public Verdict Evaluate(DiaryRuleContext context) => DiaryCriteria.NiceTa260Start.Evaluate(context);
    }

    [Fact]
    public void TheBuiltInsThroughTheExtensionPointGiveTheSameVerdictsAsTheStaticCalls()
    {
        var diary = TestDiaries.Periodic(4, 16, 9);
        var course = new TreatmentCourse(diary, [TestDiaries.Start.AddDays(28)]);
        var context = new DiaryRuleContext(diary, Full, course: course);
        var expected = new[]
        {
            ChronicMigraineCriteria.Evaluate(diary),
            NiceTa260.Start(diary, Full),
            UsLabel.Indication(diary, Full),
            NiceTa260.Stopping(course).Verdict,
        };
        var got = DiaryCriteria.Evaluate(context, DiaryCriteria.All);
        Assert.Equal(expected.Select(v => (v.Id, v.Outcome, v.PeriodKind)), got.Select(v => (v.Id, v.Outcome, v.PeriodKind)));
        Assert.Equal(expected.Select(v => string.Join(",", v.Criteria.Select(c => $"{c.Id}={c.Outcome}"))), got.Select(v => string.Join(",", v.Criteria.Select(c => $"{c.Id}={c.Outcome}"))));
        Assert.Equal(DiaryCriteria.All.Select(r => r.Id), got.Select(v => v.Id));
    }

    [Fact]
    public void APayerRuleSitsBesideTheBuiltInsAndCanMakeTheCompositeNotMet()
    {
        var diary = TestDiaries.Periodic(2, 16, 9);
        var built = EligibilityAssessment.Assess(new DiaryRuleContext(diary, Full, PeriodKind.TwentyEightDays), [DiaryCriteria.NiceTa260Start]);
        Assert.True(built.CriteriaMet);

        var gapped = TestDiaries.Make(56, (i, date) => i % 4 != 0 ? null : new DiaryDay(date, headache: true, migraine: true));
        var withPayer = EligibilityAssessment.Assess(new DiaryRuleContext(gapped, Full, PeriodKind.TwentyEightDays), [DiaryCriteria.NiceTa260Start, new InsurerXDiaryWeeks()]);
        Assert.Equal(["nice-ta260-start", "insurer-x-diary-weeks"], withPayer.Verdicts.Select(v => v.Id.Value));
        Assert.Equal(CriterionOutcome.NotMet, withPayer.Verdicts[1].Outcome);
        Assert.Equal("39 of 53 days unrecorded.", withPayer.Verdicts[1].Criteria[0].Note);
        Assert.False(withPayer.CriteriaMet);
        Assert.Equal(VerificationLevel.Unverified, withPayer.Verdicts[1].Sources[0].Verification);
    }

    [Fact]
    public void APayerRuleSaysCannotTellAndWhy()
    {
        var shortDiary = TestDiaries.Make(20, (_, date) => new DiaryDay(date, headache: false, migraine: false));
        var v = DiaryCriteria.Evaluate(new DiaryRuleContext(shortDiary), [new InsurerXDiaryWeeks()]).Single();
        Assert.Equal(CriterionOutcome.Indeterminate, v.Outcome);
        Assert.Equal("Cannot tell: the diary spans 20 days so far.", v.Criteria[0].Note);
    }

    [Fact]
    public void TheStoppingRuleWithoutACourseIsNotAssessedAndSaysWhy()
    {
        var v = DiaryCriteria.NiceTa260Stopping.Evaluate(new DiaryRuleContext(TestDiaries.Periodic(2, 16, 9)));
        Assert.Equal((CriterionOutcome.NotAssessed, "nice-ta260-stop"), (v.Outcome, v.Id.Value));
        Assert.Contains("no treatment course", v.Criteria[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleThatBreaksTheContractIsAProgrammerError()
    {
        var e = Assert.Throws<InvalidOperationException>(() => DiaryCriteria.Evaluate(new DiaryRuleContext(TestDiaries.Periodic(2, 16, 9)), [new WrongId()]));
        Assert.Contains("'says-one-thing'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => EligibilityAssessment.Assess(new DiaryRuleContext(TestDiaries.Periodic(2, 16, 9)), []));
        Assert.Throws<ArgumentException>(() => new DiaryRuleContext(TestDiaries.Periodic(2, 16, 9), course: new TreatmentCourse(TestDiaries.Periodic(3, 16, 9), [TestDiaries.Start.AddDays(28)])));
    }
}
