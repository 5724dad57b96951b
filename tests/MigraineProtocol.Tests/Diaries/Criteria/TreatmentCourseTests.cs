using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Diaries.Criteria;

public class TreatmentCourseTests
{
    [Fact]
    public void CyclesRunFromSessionToSessionAndTheLastOneTwelveWeeks()
    {
        var diary = TestDiaries.Windows(20, 16, 16, 12, 10, 10, 8);
        var first = TestDiaries.Start.AddDays(28);
        var course = new TreatmentCourse(diary, [first, first.AddDays(84)]);
        Assert.Equal((TestDiaries.Start, first.AddDays(-1)), (course.Baseline.Start, course.Baseline.End));
        Assert.Equal(20, course.Baseline.HeadacheDays);
        Assert.Equal(2, course.Cycles.Length);
        Assert.Equal((first, first.AddDays(83)), (course.Cycles[0].Start, course.Cycles[0].End));
        Assert.Equal((first.AddDays(84), first.AddDays(167)), (course.Cycles[1].Start, course.Cycles[1].End));
        Assert.Equal(12, course.Cycles[0].Window.HeadacheDays);
        Assert.Equal((-8, 0.4m), (course.Cycles[0].HeadacheDaysChange, course.Cycles[0].Reduction!.Value));
        Assert.Equal(CriterionOutcome.NotMet, course.Cycles[0].Responder);
        Assert.Equal((-12, 0.6m), (course.Cycles[1].HeadacheDaysChange, course.Cycles[1].Reduction!.Value));
        Assert.Equal(CriterionOutcome.Met, course.Cycles[1].Responder);
    }

    [Fact]
    public void FiftyPercentIsAResponder()
    {
        var diary = TestDiaries.Windows(20, 10, 10, 10);
        var course = new TreatmentCourse(diary, [TestDiaries.Start.AddDays(28)]);
        Assert.Equal(CriterionOutcome.Met, course.Cycles[0].Responder);
        Assert.Equal(CriterionOutcome.NotMet, new TreatmentCourse(diary, [TestDiaries.Start.AddDays(28)], responderThreshold: ResponderThreshold.FromFraction(0.51)).Cycles[0].Responder);
    }

    /// <summary>One threshold type, one comparison (ADR 0173): on a fully recorded course, a cycle responds
    /// exactly when the outcome statistics count the same baseline and end-of-cycle days as a responder.</summary>
    [Property(MaxTest = 300)]
    public Property ADiaryCycleRespondsExactlyWhenTheOutcomeStatisticsSaySo() =>
        Prop.ForAll(
            Gen.Choose(1, 28).ToArbitrary(),
            Gen.Choose(0, 28).ToArbitrary(),
            Gen.Elements(0.0, 0.3, 0.5, 0.75, 1.0, 0.25, 0.51, 1.0 / 3).ToArbitrary(),
            (baseline, after, fraction) =>
            {
                var threshold = ResponderThreshold.FromFraction(fraction);
                var course = new TreatmentCourse(TestDiaries.Windows(baseline, after), [TestDiaries.Start.AddDays(28)], cycleLengthDays: 28, responderThreshold: threshold);
                var cycle = course.Cycles[0];
                var statistics = new PatientOutcome(baseline, after).IsResponder(threshold);
                return cycle.Responder == (statistics ? CriterionOutcome.Met : CriterionOutcome.NotMet)
                    && cycle.ReductionBelow(threshold) == (statistics ? CriterionOutcome.NotMet : CriterionOutcome.Met);
            });

    [Fact]
    public void TheDefaultThresholdIsTheCitedFiftyPercent()
    {
        var course = new TreatmentCourse(TestDiaries.Windows(20, 10, 10, 10), [TestDiaries.Start.AddDays(28)]);
        Assert.Equal(ResponderThreshold.Percent50, course.ResponderThreshold);
        Assert.Equal("S11h", course.ResponderThreshold.Source!.Source);
        Assert.Equal(ResponderThreshold.Percent30, NiceTa260.NonResponseReduction);
    }

    [Fact]
    public void ACycleBeyondTheDiaryIsIndeterminate()
    {
        var diary = TestDiaries.Windows(20, 10);
        var course = new TreatmentCourse(diary, [TestDiaries.Start.AddDays(28)]);
        Assert.Equal(CriterionOutcome.Indeterminate, course.Cycles[0].Responder);
        Assert.Equal(0, course.Cycles[0].Window.DaysRecorded);
    }

    [Fact]
    public void NoBaselineHeadacheIsNotAssessed()
    {
        var diary = TestDiaries.Windows(0, 0, 0, 0);
        Assert.Equal(CriterionOutcome.NotAssessed, new TreatmentCourse(diary, [TestDiaries.Start.AddDays(28)]).Cycles[0].Responder);
    }

    [Fact]
    public void SessionsAreCheckedWhenTheCourseIsMade()
    {
        var diary = TestDiaries.Windows(20, 10, 10, 10);
        Assert.Throws<ArgumentException>(() => new TreatmentCourse(diary, []));
        Assert.Throws<ArgumentException>(() => new TreatmentCourse(diary, [TestDiaries.Start]));
        Assert.Throws<ArgumentException>(() => new TreatmentCourse(diary, [TestDiaries.Start.AddDays(40), TestDiaries.Start.AddDays(30)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TreatmentCourse(diary, [TestDiaries.Start.AddDays(28)], cycleLengthDays: 7));
    }

    [Fact]
    public void TryCreateSaysWhyTheDatesCannotMakeACourseAndAgreesWithTheConstructor()
    {
        var diary = TestDiaries.Windows(20, 10, 10, 10);
        DateOnly[][] bad = [[], [TestDiaries.Start], [TestDiaries.Start.AddDays(40), TestDiaries.Start.AddDays(30)], [TestDiaries.Start.AddDays(30), TestDiaries.Start.AddDays(30)]];
        foreach (var dates in bad)
        {
            Assert.False(TreatmentCourse.TryCreate(diary, dates, out var none, out var problem));
            Assert.Null(none);
            Assert.Equal(problem, Assert.Throws<ArgumentException>(() => new TreatmentCourse(diary, dates)).Message.Split(" (Parameter", 2)[0]);
        }

        Assert.False(TreatmentCourse.TryCreate(diary, [TestDiaries.Start], out _, out var why));
        Assert.Equal("The first session (2026-01-05) must come after the diary start (2026-01-05) so that there is a baseline.", why);
        Assert.True(TreatmentCourse.TryCreate(diary, [TestDiaries.Start.AddDays(28)], out var course, out var nothing));
        Assert.Null(nothing);
        Assert.Equal(new TreatmentCourse(diary, [TestDiaries.Start.AddDays(28)]).Cycles.Length, course.Cycles.Length);
    }
}
