using System.Globalization;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Outcomes;

/// <summary>
/// The outcome of one arm (or a whole cohort): patients, responders, the responder rate with a
/// Wilson or Clopper-Pearson interval, and the mean change in headache days with a Student t interval.
/// </summary>
/// <remarks>
/// <para>Immutable; create with <see cref="OutcomeAccumulator.Summarize"/>. Equality is by reference.</para>
/// <para>An arm with no patients has a summary (ADR 0071) rather than an exception: <see cref="Count"/> 0,
/// <see cref="IsEmpty"/> true, <see cref="ResponderRate"/> and <see cref="MeanChange"/> NaN (there is no
/// number to give), the responder-rate interval [0, 1] (every rate is compatible with no data; it is also
/// the Clopper-Pearson interval at n = 0) and no mean-change interval. <see cref="ArmComparison.Create"/>
/// refuses an empty arm.</para>
/// </remarks>
public sealed class ArmSummary
{
    internal ArmSummary(string arm, OutcomeAccumulator statistics, double level, IntervalMethod method)
    {
        Arm = Preconditions.CheckNotBlank(arm);
        ConfidenceLevels.Check(level, nameof(level));
        Preconditions.CheckRange(method is IntervalMethod.Wilson or IntervalMethod.ClopperPearson, nameof(method), method, "A responder-rate interval is Wilson or ClopperPearson.");
        Statistics = statistics;
        ConfidenceLevel = level;
        ResponderRateInterval = statistics.IsEmpty
            ? new ConfidenceInterval(0.0, 1.0, level, method)
            : ProportionIntervals.For(statistics.Responders, statistics.Count, level, method);
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

    /// <summary>Gets a value indicating whether the arm has no patients.</summary>
    public bool IsEmpty => Statistics.IsEmpty;

    /// <summary>Gets the number of patients; 0 for an empty arm.</summary>
    public long Count => Statistics.Count;

    /// <summary>Gets the number of responders.</summary>
    public long Responders => Statistics.Responders;

    /// <summary>Gets the responder rate, responders / patients; NaN for an empty arm.</summary>
    public double ResponderRate => IsEmpty ? double.NaN : Statistics.ResponderRate;

    /// <summary>Gets the interval of the responder rate, within [0, 1]; [0, 1] for an empty arm.</summary>
    public ConfidenceInterval ResponderRateInterval { get; }

    /// <summary>Gets the mean change in headache days (follow-up minus baseline); NaN for an empty arm.</summary>
    public double MeanChange => IsEmpty ? double.NaN : Statistics.MeanChange;

    /// <summary>Gets the standard deviation of the change; NaN for fewer than 2 patients.</summary>
    public double ChangeStandardDeviation => Statistics.ChangeStandardDeviation;

    /// <summary>Gets the Student t interval of the mean change, or <see langword="null"/> for fewer than 2 patients.</summary>
    public ConfidenceInterval? MeanChangeInterval { get; }

    /// <summary>Returns a one-line description.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsEmpty
        ? $"{Arm}: n=0 (no patients)"
        : string.Create(CultureInfo.InvariantCulture, $"{Arm}: n={Count}, responders {Responders} ({ResponderRate:P1}), mean change {MeanChange:0.##}");
}
