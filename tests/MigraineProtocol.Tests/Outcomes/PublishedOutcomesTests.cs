using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Outcomes;

public class PublishedOutcomesTests
{
    [Fact]
    public void OnlyVerifiedFiguresAreShipped() =>
        Assert.All(PublishedOutcomes.All, p => Assert.Equal(VerificationLevel.Verified, p.Source.Verification));

    [Fact]
    public void FiguresMatchClinicalFacts()
    {
        Assert.Equal((-9.0, -6.7, "S10b"), (PublishedOutcomes.Preempt2HeadacheDays.Value, PublishedOutcomes.Preempt2HeadacheDays.ComparatorValue!.Value, PublishedOutcomes.Preempt2HeadacheDays.Source.Source));
        Assert.Equal((0.493, "S11h"), (PublishedOutcomes.PreemptRespondersAfterCycle1.Value, PublishedOutcomes.PreemptRespondersAfterCycle1.Source.Source));
        Assert.Equal(ResponderThreshold.Percent50, PublishedOutcomes.PreemptRespondersAfterCycle1.Threshold);
        Assert.Equal((-10.7, "S12"), (PublishedOutcomes.CompelWeek108.Value, PublishedOutcomes.CompelWeek108.Source.Source));
        Assert.Equal(-9.2, PublishedOutcomes.CompelWeek60.Value);
        Assert.Equal((0.448, 0.342), (PublishedOutcomes.PreemptPooledResponders50.Value, PublishedOutcomes.PreemptPooledResponders50.ComparatorValue!.Value));
        Assert.Equal(PublishedMeasure.MeanChangeInHeadacheEpisodes, PublishedOutcomes.Preempt1HeadacheEpisodes.Measure);
    }

    [Fact]
    public void UnverifiedFiguresAreAbsent()
    {
        // clinical-facts.md §5.1 marks these UNVERIFIED: pooled -8.4 vs -6.6 days, 47.1% vs 35.1%, PREEMPT 1 -7.8 vs -6.4.
        var values = PublishedOutcomes.All.SelectMany(p => new[] { p.Value, p.ComparatorValue ?? double.NaN }).ToList();
        Assert.DoesNotContain(-8.4, values);
        Assert.DoesNotContain(0.471, values);
        Assert.DoesNotContain(-7.8, values);
        Assert.Equal(PublishedOutcomes.All.Count, PublishedOutcomes.All.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void ComparableFiguresAreTheHeadacheDayChangesAndTheRatesAtTheSameThreshold()
    {
        var at50 = PublishedOutcomes.ComparableTo(ResponderThreshold.Percent50);
        Assert.Equal(
            ["preempt2-headache-days-wk24", "preempt-pooled-responders50-wk24", "preempt-responders50-cycle1", "preempt-completers-headache-days-wk56", "compel-headache-days-wk60", "compel-headache-days-wk108"],
            at50.Select(p => p.Id));
        Assert.All(at50, p => Assert.True(p.Measure == PublishedMeasure.MeanChangeInHeadacheDays || p.Threshold == ResponderThreshold.Percent50));
        Assert.DoesNotContain(PublishedOutcomes.Preempt1HeadacheEpisodes, at50);

        var at30 = PublishedOutcomes.ComparableTo(ResponderThreshold.Percent30);
        Assert.DoesNotContain(at30, p => p.Measure == PublishedMeasure.ResponderRate);
        Assert.Equal(PublishedOutcomes.All.Where(p => p.Measure == PublishedMeasure.MeanChangeInHeadacheDays), at30);
    }
}
