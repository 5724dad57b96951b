using MigraineProtocol.Utility;

namespace MigraineProtocol.Outcomes;

/// <summary>
/// A treatment arm compared with a control arm: the risk difference of the responder rates with the
/// Newcombe hybrid score interval, the number needed to treat (NNTB or NNTH) with Altman's interval, and the
/// difference in mean change in headache days with the Welch interval.
/// </summary>
/// <remarks>Immutable; equality is by reference.</remarks>
public sealed class ArmComparison
{
    private ArmComparison(ArmSummary treatment, ArmSummary control)
    {
        Treatment = treatment;
        Control = control;
        RiskDifference = treatment.ResponderRate - control.ResponderRate;
        RiskDifferenceInterval = ProportionIntervals.NewcombeDifference(treatment.Responders, treatment.Count, control.Responders, control.Count, treatment.ConfidenceLevel);
        NumberNeededToTreat = RiskDifference == 0 ? null : Outcomes.NumberNeededToTreat.FromRiskDifference(RiskDifference);
        NumberNeededToTreatInterval = Outcomes.NumberNeededToTreatInterval.FromRiskDifference(RiskDifferenceInterval);
        MeanChangeDifference = treatment.MeanChange - control.MeanChange;
        if (treatment.Count >= 2 && control.Count >= 2)
        {
            MeanChangeDifferenceInterval = MeanIntervals.Welch(
                treatment.MeanChange, treatment.ChangeStandardDeviation, treatment.Count, control.MeanChange, control.ChangeStandardDeviation, control.Count, treatment.ConfidenceLevel);
            var v1 = treatment.Statistics.ChangeVariance / treatment.Count;
            var v2 = control.Statistics.ChangeVariance / control.Count;
            WelchDegreesOfFreedom = v1 + v2 == 0 ? null : MeanIntervals.WelchDegreesOfFreedom(v1, treatment.Count, v2, control.Count);
        }
    }

    /// <summary>Gets the treatment arm.</summary>
    public ArmSummary Treatment { get; }

    /// <summary>Gets the control arm.</summary>
    public ArmSummary Control { get; }

    /// <summary>Gets the difference of the responder rates, treatment minus control.</summary>
    public double RiskDifference { get; }

    /// <summary>Gets the Newcombe hybrid score interval of the risk difference (Newcombe 1998, method 10).</summary>
    public ConfidenceInterval RiskDifferenceInterval { get; }

    /// <summary>Gets the number needed to treat, 1 / |risk difference| labelled NNTB (benefit) or NNTH (harm), or <see langword="null"/> when the difference is 0.</summary>
    public NumberNeededToTreat? NumberNeededToTreat { get; }

    /// <summary>Gets Altman's interval of the number needed to treat (BMJ 1998;317:1309): the reciprocals of the Newcombe bounds, "NNTB x to ∞ to NNTH y" when they include 0.</summary>
    public NumberNeededToTreatInterval NumberNeededToTreatInterval { get; }

    /// <summary>Gets the difference in mean change in headache days, treatment minus control (negative favours treatment).</summary>
    public double MeanChangeDifference { get; }

    /// <summary>Gets the Welch interval of the difference in mean change, or <see langword="null"/> when an arm has fewer than 2 patients.</summary>
    public ConfidenceInterval? MeanChangeDifferenceInterval { get; }

    /// <summary>Gets the Welch-Satterthwaite degrees of freedom, or <see langword="null"/> when undefined (an arm below 2 patients, or no spread in either arm).</summary>
    public double? WelchDegreesOfFreedom { get; }

    /// <summary>Compares a treatment arm with a control arm.</summary>
    /// <param name="treatment">The treatment arm.</param>
    /// <param name="control">The control arm, at the same threshold and confidence level.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The arms differ in threshold or confidence level, or an arm has no patients.</exception>
    public static ArmComparison Create(ArmSummary treatment, ArmSummary control)
    {
        Preconditions.CheckNotNull(treatment);
        Preconditions.CheckNotNull(control);
        Preconditions.CheckArgument(treatment.Threshold == control.Threshold, nameof(control), $"The arms use different responder thresholds ({treatment.Threshold} and {control.Threshold}).");
        Preconditions.CheckArgument(treatment.ConfidenceLevel.Equals(control.ConfidenceLevel), nameof(control), "The arms use different confidence levels.");
        Preconditions.CheckArgument(!treatment.IsEmpty, nameof(treatment), $"The treatment arm '{treatment.Arm}' has no patients: a comparison needs at least one in each arm.");
        Preconditions.CheckArgument(!control.IsEmpty, nameof(control), $"The control arm '{control.Arm}' has no patients: a comparison needs at least one in each arm.");
        return new ArmComparison(treatment, control);
    }
}
