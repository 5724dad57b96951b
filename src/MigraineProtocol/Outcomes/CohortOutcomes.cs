using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Outcomes;

/// <summary>
/// The outcomes of a cohort: one <see cref="ArmSummary"/> per arm (responders at a threshold with a Wilson or
/// Clopper-Pearson interval, mean change with a t interval) and, after <see cref="Compare"/>, a
/// treatment-control <see cref="ArmComparison"/>. What <c>migraine-protocol outcomes</c> prints, as a value
/// (its JSON is <c>OutcomesJson</c>, docs/json-formats.md).
/// </summary>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class CohortOutcomes
{
    private CohortOutcomes(ResponderThreshold threshold, double confidenceLevel, IntervalMethod rateMethod, ImmutableArray<ArmSummary> arms, ArmComparison? comparison)
    {
        Threshold = threshold;
        ConfidenceLevel = confidenceLevel;
        RateMethod = rateMethod;
        Arms = arms;
        Comparison = comparison;
    }

    /// <summary>Gets the responder threshold.</summary>
    public ResponderThreshold Threshold { get; }

    /// <summary>Gets the confidence level of every interval.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Gets the method of the responder-rate intervals (<see cref="IntervalMethods.ForProportions"/>).</summary>
    public IntervalMethod RateMethod { get; }

    /// <summary>Gets the arm summaries, in the order the arms were given (a cohort file's order of first appearance).</summary>
    public ImmutableArray<ArmSummary> Arms { get; }

    /// <summary>Gets the treatment-control comparison, or <see langword="null"/> before <see cref="Compare"/>.</summary>
    public ArmComparison? Comparison { get; }

    /// <summary>Summarizes each arm of a cohort.</summary>
    /// <param name="arms">The arms, for example from <see cref="OutcomeCohortCsv"/>; at least one, names unique.</param>
    /// <param name="threshold">The responder threshold.</param>
    /// <param name="confidenceLevel">The confidence level, in (0, <see cref="ConfidenceInterval.MaxLevel"/>].</param>
    /// <param name="rateMethod">The responder-rate interval: <see cref="IntervalMethod.Wilson"/> or <see cref="IntervalMethod.ClopperPearson"/>.</param>
    /// <returns>The outcomes, without a comparison.</returns>
    /// <exception cref="ArgumentException">There is no arm, two arms share a name, the level is out of range or the method is not a proportion interval.</exception>
    public static CohortOutcomes Summarize(IEnumerable<CohortArm> arms, ResponderThreshold threshold, double confidenceLevel, IntervalMethod rateMethod = IntervalMethod.Wilson)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var list = arms.ToList();
        Preconditions.CheckArgument(list.Count > 0, nameof(arms), "A cohort needs at least one arm.");
        Preconditions.CheckArgument(list.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count() == list.Count, nameof(arms), "Two arms share a name.");
        var summaries = list.Select(a => new OutcomeAccumulator(threshold).AddRange(a.Patients.AsSpan()).Summarize(a.Name, confidenceLevel, rateMethod));
        return new CohortOutcomes(threshold, confidenceLevel, rateMethod, [.. summaries], null);
    }

    /// <summary>Returns the summary of an arm by its name (ordinal).</summary>
    /// <param name="name">The arm's name.</param>
    /// <param name="arm">The summary when found.</param>
    /// <returns><see langword="true"/> when the cohort has that arm.</returns>
    public bool TryGetArm([NotNullWhen(true)] string? name, [NotNullWhen(true)] out ArmSummary? arm)
    {
        foreach (var a in Arms)
        {
            if (string.Equals(a.Arm, name, StringComparison.Ordinal))
            {
                arm = a;
                return true;
            }
        }

        arm = null;
        return false;
    }

    /// <summary>Returns these outcomes with a comparison of two arms (<see cref="ArmComparison.Create"/>).</summary>
    /// <param name="treatment">The treatment arm's name.</param>
    /// <param name="control">The control arm's name; another arm.</param>
    /// <returns>The outcomes with <see cref="Comparison"/> set.</returns>
    /// <exception cref="ArgumentException">An arm is not in the cohort, or both names are the same.</exception>
    public CohortOutcomes Compare(string treatment, string control)
    {
        Preconditions.CheckArgument(TryGetArm(treatment, out var t), nameof(treatment), $"The cohort has no arm '{treatment}'.");
        Preconditions.CheckArgument(TryGetArm(control, out var c), nameof(control), $"The cohort has no arm '{control}'.");
        Preconditions.CheckArgument(!ReferenceEquals(t, c), nameof(control), $"The treatment and control arms are both '{treatment}': compare two different arms.");
        return new CohortOutcomes(Threshold, ConfidenceLevel, RateMethod, Arms, ArmComparison.Create(t!, c!));
    }
}
