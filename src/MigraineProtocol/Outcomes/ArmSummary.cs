using System.Globalization;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Outcomes;

/// <summary>
/// The outcome of one arm (or a whole cohort): patients, responders, the responder rate with a
/// Wilson or Clopper-Pearson interval, and the mean change in headache days with a Student t interval.
/// </summary>
/// <remarks>Immutable; create with <see cref="OutcomeAccumulator.Summarize"/>. Equality is by reference.</remarks>
public sealed class ArmSummary
{
    internal ArmSummary(string arm, OutcomeAccumulator statistics, double level, IntervalMethod method)
    {
        Arm = Preconditions.CheckNotBlank(arm);
        Preconditions.CheckArgument(!statistics.IsEmpty, nameof(statistics), $"The arm '{arm}' has no patients: a responder rate needs at least one.");
        ConfidenceLevels.Check(level, nameof(level));
        Preconditions.CheckRange(method is IntervalMethod.Wilson or IntervalMethod.ClopperPearson, nameof(method), method, "A responder-rate interval is Wilson or ClopperPearson.");
        Statistics = statistics;
        ConfidenceLevel = level;
        ResponderRateInterval = ProportionIntervals.For(statistics.Responders, statistics.Count, level, method);
        MeanChangeInterval = statistics.Count >= 2
            ? MeanIntervals.StudentT(statistics.MeanChange, statistics.ChangeStandardDeviation, statistics.Count, level)
            : null;
    }

    /// <summary>Gets the arm's name.</summary>
    public string Arm { get; }

    /// <summary>Gets the accumulated statistics the summary is computed from.</summary>
    public OutcomeAccumulator Statistics { get; }

    /// <summary>Gets the responder threshold.</summary>
    public ResponderThreshold Threshold => Statistics.Threshold;

    /// <summary>Gets the confidence level of the intervals.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Gets the number of patients, at least 1.</summary>
    public long Count => Statistics.Count;

    /// <summary>Gets the number of responders.</summary>
    public long Responders => Statistics.Responders;

    /// <summary>Gets the responder rate, responders / patients.</summary>
    public double ResponderRate => Statistics.ResponderRate;

    /// <summary>Gets the interval of the responder rate, within [0, 1].</summary>
    public ConfidenceInterval ResponderRateInterval { get; }

    /// <summary>Gets the mean change in headache days (follow-up minus baseline).</summary>
    public double MeanChange => Statistics.MeanChange;

    /// <summary>Gets the standard deviation of the change; NaN for a single patient.</summary>
    public double ChangeStandardDeviation => Statistics.ChangeStandardDeviation;

    /// <summary>Gets the Student t interval of the mean change, or <see langword="null"/> for a single patient.</summary>
    public ConfidenceInterval? MeanChangeInterval { get; }

    /// <summary>Returns a one-line description.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Arm}: n={Count}, responders {Responders} ({ResponderRate:P1}), mean change {MeanChange:0.##}");
}
