using MigraineProtocol.Primitives;

namespace MigraineProtocol.Outcomes;

/// <summary>What a published outcome figure measures.</summary>
public enum PublishedMeasure
{
    /// <summary>Mean change from baseline in headache days per 28 days.</summary>
    MeanChangeInHeadacheDays = 0,

    /// <summary>Mean change from baseline in headache episodes per 28 days.</summary>
    MeanChangeInHeadacheEpisodes = 1,

    /// <summary>The proportion of patients with at least a given reduction in headache days.</summary>
    ResponderRate = 2,

    /// <summary>Mean headache days per 28 days at baseline.</summary>
    BaselineHeadacheDays = 3,
}

/// <summary>
/// A published outcome figure that a clinic can compare itself with: the study, the time point, the
/// value for onabotulinumtoxinA (and the comparator where there is one) and its source.
/// </summary>
/// <remarks>Immutable; equality is by reference. Only figures that clinical-facts.md marks VERIFIED are shipped (see <see cref="PublishedOutcomes"/>).</remarks>
public sealed class PublishedOutcome
{
    internal PublishedOutcome(string id, string study, string timePoint, PublishedMeasure measure, double value, double? comparatorValue, string? comparator, ResponderThreshold? threshold, Citation source)
    {
        Id = id;
        Study = study;
        TimePoint = timePoint;
        Measure = measure;
        Value = value;
        ComparatorValue = comparatorValue;
        Comparator = comparator;
        Threshold = threshold;
        Source = source;
    }

    /// <summary>Gets a stable identifier, for example <c>preempt2-headache-days-wk24</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the study, for example <c>PREEMPT 2</c>.</summary>
    public string Study { get; }

    /// <summary>Gets the time point, for example <c>week 24</c>.</summary>
    public string TimePoint { get; }

    /// <summary>Gets what the figure measures.</summary>
    public PublishedMeasure Measure { get; }

    /// <summary>Gets the onabotulinumtoxinA value: days or episodes per 28 days, or a rate as a fraction (0.493).</summary>
    public double Value { get; }

    /// <summary>Gets the comparator's value, or <see langword="null"/> for a single-arm figure.</summary>
    public double? ComparatorValue { get; }

    /// <summary>Gets the comparator, for example <c>placebo</c>, or <see langword="null"/>.</summary>
    public string? Comparator { get; }

    /// <summary>Gets the responder threshold of a responder rate, or <see langword="null"/>.</summary>
    public ResponderThreshold? Threshold { get; }

    /// <summary>Gets the source.</summary>
    public Citation Source { get; }
}

/// <summary>
/// Published onabotulinumtoxinA outcome figures for chronic migraine, each VERIFIED in clinical-facts.md §5
/// with its source. Figures marked UNVERIFIED there (for example the pooled headache-day change
/// -8.4 vs -6.6, or 47.1% vs 35.1% responders) are deliberately absent.
/// </summary>
public static class PublishedOutcomes
{
    /// <summary>Gets PREEMPT 2, primary endpoint: headache days per 28 days, -9.0 (BOTOX, n=347) vs -6.7 (placebo, n=358) at week 24, p&lt;.001 (clinical-facts.md §5.1, S10b, VERIFIED).</summary>
    public static PublishedOutcome Preempt2HeadacheDays { get; } = new(
        "preempt2-headache-days-wk24", "PREEMPT 2", "week 24", PublishedMeasure.MeanChangeInHeadacheDays, -9.0, -6.7, "placebo", null,
        new Citation("S10b", "Diener, Cephalalgia 2010;30:804 (PREEMPT 2 primary endpoint)", VerificationLevel.Verified));

    /// <summary>Gets PREEMPT 1, primary endpoint: headache episodes per 28 days, -5.2 vs -5.3 at week 24, not significant (clinical-facts.md §5.1, S10a, VERIFIED).</summary>
    public static PublishedOutcome Preempt1HeadacheEpisodes { get; } = new(
        "preempt1-headache-episodes-wk24", "PREEMPT 1", "week 24", PublishedMeasure.MeanChangeInHeadacheEpisodes, -5.2, -5.3, "placebo", null,
        new Citation("S10a", "Aurora, Cephalalgia 2010;30:793 (PREEMPT 1 primary endpoint, p=0.344)", VerificationLevel.Verified));

    /// <summary>Gets PREEMPT pooled baseline: 19.9 (BOTOX) vs 19.8 (placebo) headache days per 28 days (clinical-facts.md §5.1, S11a, VERIFIED).</summary>
    public static PublishedOutcome PreemptPooledBaseline { get; } = new(
        "preempt-pooled-baseline-headache-days", "PREEMPT pooled", "baseline", PublishedMeasure.BaselineHeadacheDays, 19.9, 19.8, "placebo", null,
        new Citation("S11a", "Dodick, Headache 2010;50:921 (pooled baseline table)", VerificationLevel.Verified));

    /// <summary>Gets PREEMPT pooled ≥50% headache-day responders, 44.8% vs 34.2% (2020 post-hoc analysis; clinical-facts.md §5.1, S11e, VERIFIED).</summary>
    public static PublishedOutcome PreemptPooledResponders50 { get; } = new(
        "preempt-pooled-responders50-wk24", "PREEMPT pooled (post-hoc)", "week 24", PublishedMeasure.ResponderRate, 0.448, 0.342, "placebo", ResponderThreshold.Percent50,
        new Citation("S11e", "Diener, Pain Ther 2020 (PMID 33026631)", VerificationLevel.Verified));

    /// <summary>Gets PREEMPT ≥50% headache-day responders after the first cycle, 49.3% (clinical-facts.md §5.2, S11h, VERIFIED).</summary>
    public static PublishedOutcome PreemptRespondersAfterCycle1 { get; } = new(
        "preempt-responders50-cycle1", "PREEMPT (Silberstein 2015)", "after cycle 1", PublishedMeasure.ResponderRate, 0.493, null, null, ResponderThreshold.Percent50,
        new Citation("S11h", "Silberstein, JNNP 2015;86:996", VerificationLevel.Verified));

    /// <summary>Gets PREEMPT five-cycle completers (n=1005): headache days -12.0 (BOTOX/BOTOX) vs -11.1 (placebo/BOTOX) at week 56 (clinical-facts.md §5.2, S11g, VERIFIED).</summary>
    public static PublishedOutcome PreemptCompletersWeek56 { get; } = new(
        "preempt-completers-headache-days-wk56", "PREEMPT five-cycle completers", "week 56", PublishedMeasure.MeanChangeInHeadacheDays, -12.0, -11.1, "placebo then BOTOX", null,
        new Citation("S11g", "Aurora, Acta Neurol Scand 2014 (p=0.035)", VerificationLevel.Verified));

    /// <summary>Gets COMPEL (N=716, 155 U every 12 weeks): headache days -9.2 at week 60 from a baseline of 22.0 (clinical-facts.md §5.2, S12, VERIFIED).</summary>
    public static PublishedOutcome CompelWeek60 { get; } = new(
        "compel-headache-days-wk60", "COMPEL", "week 60", PublishedMeasure.MeanChangeInHeadacheDays, -9.2, null, null, null,
        new Citation("S12", "Blumenfeld, J Headache Pain 2018;19:13 (COMPEL)", VerificationLevel.Verified));

    /// <summary>Gets COMPEL: headache days -10.7 at week 108 from a baseline of 22.0, p&lt;0.0001 (clinical-facts.md §5.2, S12, VERIFIED).</summary>
    public static PublishedOutcome CompelWeek108 { get; } = new(
        "compel-headache-days-wk108", "COMPEL", "week 108", PublishedMeasure.MeanChangeInHeadacheDays, -10.7, null, null, null,
        new Citation("S12", "Blumenfeld, J Headache Pain 2018;19:13 (COMPEL)", VerificationLevel.Verified));

    /// <summary>Gets every shipped figure, in the order above.</summary>
    public static IReadOnlyList<PublishedOutcome> All { get; } =
    [
        Preempt2HeadacheDays,
        Preempt1HeadacheEpisodes,
        PreemptPooledBaseline,
        PreemptPooledResponders50,
        PreemptRespondersAfterCycle1,
        PreemptCompletersWeek56,
        CompelWeek60,
        CompelWeek108,
    ];

    /// <summary>
    /// Gets the shipped figures that give context to a cohort analysed at <paramref name="threshold"/>: every
    /// mean change in headache days, and the responder rates published at that same threshold (a rate at
    /// another threshold measures something else and is left out). Order as in <see cref="All"/>.
    /// </summary>
    /// <param name="threshold">The responder threshold the cohort was analysed at.</param>
    /// <returns>The figures, possibly none at that threshold beyond the headache-day changes.</returns>
    public static IReadOnlyList<PublishedOutcome> ComparableTo(ResponderThreshold threshold) =>
        [.. All.Where(p => p.Measure == PublishedMeasure.MeanChangeInHeadacheDays || (p.Measure == PublishedMeasure.ResponderRate && p.Threshold == threshold))];
}
