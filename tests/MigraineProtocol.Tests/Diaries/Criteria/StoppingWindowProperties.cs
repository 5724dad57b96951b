using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;

namespace MigraineProtocol.Tests.Diaries.Criteria;

/// <summary>The stopping rule compares like with like: no verdict rests on a window shorter than the baseline (ADR 0093).</summary>
public class StoppingWindowProperties
{
    private static readonly HeadacheDiary Diary = TestDiaries.Make(400, (i, d) => new DiaryDay(d, i % 28 < (i < 28 ? 22 : 8 + (i % 11)), i % 28 < 6));

    /// <summary>Random session dates: 1 to 5 sessions, the first after a 28-day baseline, gaps of 1 to 120 days.</summary>
    private static Arbitrary<DateOnly[]> Sessions() =>
        (from first in Gen.Choose(28, 60)
         from gaps in Gen.Choose(1, 120).ArrayOf().Select(a => a.Take(4).ToArray())
         select gaps.Aggregate(new List<DateOnly> { TestDiaries.Start.AddDays(first) }, (l, g) => { l.Add(l[^1].AddDays(g)); return l; }).ToArray())
        .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property TheVerdictOnlyUsesWindowsOfEqualLength() => Prop.ForAll(Sessions(), dates =>
    {
        var course = new TreatmentCourse(Diary, dates);
        var verdict = NiceTa260.Stopping(course);
        var cyclesOk = course.Cycles.All(c =>
            (c.Reduction is null && c.Responder is CriterionOutcome.NotAssessed or CriterionOutcome.Indeterminate)
            || (c.Window.LengthDays == course.Baseline.LengthDays && c.Window.LengthDays == TreatmentCourse.WindowDays));
        var shortOnes = course.Cycles.Where(c => c.LengthDays < TreatmentCourse.WindowDays).All(c => !c.IsComparable && c.Reduction is null && c.Responder == CriterionOutcome.NotAssessed && c.NotAssessableReason is not null);
        var nonResponse = verdict.Verdict.Criteria[0];
        var decidedOnResponse = nonResponse.Outcome is CriterionOutcome.Met or CriterionOutcome.NotMet;
        var responseOk = !decidedOnResponse || course.Cycles[NiceTa260.CyclesBeforeResponseReview - 1].Window.LengthDays == TreatmentCourse.WindowDays;
        var decisionOk = verdict.Decision is not (StoppingDecision.Continue or StoppingDecision.StopForNonResponse) || (course.Cycles.Length >= 2 && course.Cycles[1].IsComparable);
        return cyclesOk.Label("cycles compare 28 with 28 days or say why not")
            .And(shortOnes.Label("a cycle shorter than 28 days is not assessable"))
            .And(responseOk.Label("the response criterion uses a 28-day window"))
            .And(decisionOk.Label("continue and stop-for-non-response rest on a comparable cycle 2"));
    });

    [Fact]
    public void TheIssuesShortCyclesDecideNothing()
    {
        // Cycle 2 of 4 days with headache on every day: not assessable, so the decision is indeterminate (today: continue).
        var diary = TestDiaries.Make(200, (i, d) => new DiaryDay(d, i < 28 ? i % 28 < 22 : i % 28 < 18 || (i >= 112 && i < 116), i % 28 < 4));
        var s1 = TestDiaries.Start.AddDays(28);
        var course = new TreatmentCourse(diary, [s1, s1.AddDays(84), s1.AddDays(88)]);
        Assert.False(course.Cycles[1].IsComparable);
        Assert.True(course.Cycles[1].IsShorterThanInterval);
        Assert.Null(course.Cycles[1].Reduction);
        Assert.Equal(CriterionOutcome.NotAssessed, course.Cycles[1].Responder);
        Assert.Contains("4 days, shorter than the 28-day window", course.Cycles[1].NotAssessableReason, StringComparison.Ordinal);
        Assert.Equal(StoppingDecision.Indeterminate, NiceTa260.Stopping(course).Decision);

        // A 14-day cycle is no responder.
        var fortnight = new TreatmentCourse(diary, [s1, s1.AddDays(14)]);
        Assert.Equal(CriterionOutcome.NotAssessed, fortnight.Cycles[0].Responder);

        // A window with no recorded day prints no number: indeterminate and why.
        var beyond = new TreatmentCourse(TestDiaries.Windows(20, 10), [TestDiaries.Start.AddDays(28)]);
        Assert.Equal(CriterionOutcome.Indeterminate, beyond.Cycles[0].Responder);
        Assert.Contains("0 of 28 days recorded", beyond.Cycles[0].NotAssessableReason, StringComparison.Ordinal);
    }
}
