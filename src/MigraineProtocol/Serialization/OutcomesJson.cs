using System.Text.Json;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Serialization;

/// <summary>
/// Writes cohort outcomes and adverse-event rates as the JSON that <c>migraine-protocol outcomes</c> and
/// <c>adverse-events --format json</c> print (docs/json-formats.md, "Outcomes" and "Adverse-event rates"):
/// camelCase, indented with <c>\n</c>, every statistic rounded by <see cref="Round"/> (ADR 0070 decision 5).
/// </summary>
/// <threadsafety>All members are safe to call from any thread.</threadsafety>
public static class OutcomesJson
{
    /// <summary>Gets the decimal places a statistic is rounded to in JSON: 6 (ADR 0070).</summary>
    public static int Decimals => 6;

    /// <summary>
    /// Rounds a statistic for JSON (ADR 0070 decision 5): the double is converted to decimal, rounded to
    /// <see cref="Decimals"/> places half away from zero, and trailing zeros are dropped (0.5, not
    /// 0.500000; -12.928541). Fixed places rather than round-trip text keep the bytes identical across
    /// platforms whose <c>Math.Log</c> or <c>Math.Exp</c> differ in the last bit.
    /// </summary>
    /// <remarks>The conversion to decimal keeps 15 significant digits of the double (as <c>(decimal)value</c> does), so
    /// values of 10⁹ and more keep fewer than 6 decimals. A number needed to treat of 10¹⁵ or more (a bound within
    /// rounding of a risk difference of 0) is written as a round-trip double instead, by <see cref="Write(CohortOutcomes)"/>.</remarks>
    /// <param name="value">The statistic; finite, and below 7.9 × 10²⁸ (the decimal range) in magnitude.</param>
    /// <returns>The rounded value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN, infinite or beyond the decimal range.</exception>
    public static decimal Round(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= 7.9e28)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A statistic written with 6 decimals must be a finite number below 7.9e28 in magnitude.");
        }

        return JsonReading.Normalize(Math.Round((decimal)value, Decimals, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// Returns cohort outcomes as JSON: <c>threshold</c>, <c>confidenceLevel</c>, <c>arms</c> (each <c>arm</c>,
    /// <c>n</c>, <c>responders</c>, <c>responderRate</c>, <c>responderRateCi</c>, <c>meanChange</c>,
    /// <c>meanChangeCi</c>) and, when compared, <c>comparison</c> (risk difference with the Newcombe interval,
    /// number needed to treat with Altman's interval, difference in mean change with the Welch interval).
    /// </summary>
    /// <param name="outcomes">The outcomes.</param>
    /// <returns>The JSON text, without a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="outcomes"/> is <see langword="null"/>.</exception>
    public static string Write(CohortOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return VerdictJson.Compose(w =>
        {
            w.WriteStartObject();
            Statistic(w, "threshold", outcomes.Threshold.Fraction);
            Statistic(w, "confidenceLevel", outcomes.ConfidenceLevel);
            w.WriteStartArray("arms");
            foreach (var arm in outcomes.Arms)
            {
                w.WriteStartObject();
                w.WriteString("arm", arm.Arm);
                w.WriteNumber("n", arm.Count);
                w.WriteNumber("responders", arm.Responders);
                Statistic(w, "responderRate", arm.ResponderRate);
                Interval(w, "responderRateCi", arm.ResponderRateInterval);
                Statistic(w, "meanChange", arm.MeanChange);
                Interval(w, "meanChangeCi", arm.MeanChangeInterval);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (outcomes.Comparison is { } c)
            {
                WriteComparison(w, c);
            }

            w.WriteEndObject();
        });
    }

    /// <summary>
    /// Returns adverse-event rates as JSON: <c>confidenceLevel</c>, <c>rates</c> (each <c>arm</c>, <c>term</c>,
    /// <c>n</c>, <c>patientsWithEvent</c>, <c>rate</c>, <c>rateCi</c>) and <c>published</c>, every row of
    /// <see cref="PublishedAdverseEventRates.All"/> with its source and verification.
    /// </summary>
    /// <param name="confidenceLevel">The confidence level the rates were computed at.</param>
    /// <param name="rates">The rates (<see cref="AdverseEventCohort.Rates"/>).</param>
    /// <returns>The JSON text, without a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rates"/> is <see langword="null"/>.</exception>
    public static string WriteAdverseEvents(double confidenceLevel, IEnumerable<AdverseEventRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return VerdictJson.Compose(w =>
        {
            w.WriteStartObject();
            Statistic(w, "confidenceLevel", confidenceLevel);
            w.WriteStartArray("rates");
            foreach (var r in rates)
            {
                w.WriteStartObject();
                w.WriteString("arm", r.Arm);
                w.WriteString("term", r.Term);
                w.WriteNumber("n", r.Patients);
                w.WriteNumber("patientsWithEvent", r.PatientsWithEvent);
                Statistic(w, "rate", r.Rate);
                Interval(w, "rateCi", r.Interval);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("published");
            foreach (var p in PublishedAdverseEventRates.All)
            {
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteString("study", p.Study);
                w.WriteString("term", p.Term);
                w.WriteString("measure", p.Measure);
                w.WriteBoolean("treatmentRelated", p.IsTreatmentRelated);
                Statistic(w, "rate", p.Value);
                if (p.ComparatorValue is { } cv)
                {
                    Statistic(w, "placeboRate", cv);
                }
                else
                {
                    w.WriteNull("placeboRate");
                }

                w.WriteString("source", p.Source.Source);
                w.WriteString("verification", Citation.FormatLevel(p.Source.Verification));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteComparison(Utf8JsonWriter w, ArmComparison c)
    {
        w.WriteStartObject("comparison");
        w.WriteString("treatment", c.Treatment.Arm);
        w.WriteString("control", c.Control.Arm);
        Statistic(w, "riskDifference", c.RiskDifference);
        Interval(w, "riskDifferenceCi", c.RiskDifferenceInterval);
        if (c.NumberNeededToTreat is { } nnt)
        {
            Unbounded(w, "numberNeededToTreat", nnt.SignedValue);
            w.WriteString("numberNeededToTreatLabel", nnt.Label);
        }
        else
        {
            w.WriteNull("numberNeededToTreat");
            w.WriteNull("numberNeededToTreatLabel");
        }

        var ci = c.NumberNeededToTreatInterval;
        w.WriteStartObject("numberNeededToTreatCi");
        w.WriteString("method", IntervalMethods.Format(ci.Method));
        w.WriteBoolean("crossesZero", ci.CrossesZero);
        if (!ci.CrossesZero)
        {
            Unbounded(w, "lower", ci.Lower!.Value);
            Unbounded(w, "upper", ci.Upper!.Value);
        }
        else
        {
            Unbounded(w, "benefitFrom", ci.BenefitFrom);
            Unbounded(w, "harmFrom", ci.HarmFrom);
        }

        w.WriteEndObject();
        Statistic(w, "meanChangeDifference", c.MeanChangeDifference);
        Interval(w, "meanChangeDifferenceCi", c.MeanChangeDifferenceInterval);
        w.WriteEndObject();
    }

    private static void Interval(Utf8JsonWriter w, string name, ConfidenceInterval? interval)
    {
        if (interval is not { } ci)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("method", IntervalMethods.Format(ci.Method));
        Statistic(w, "lower", ci.Lower);
        Statistic(w, "upper", ci.Upper);
        w.WriteEndObject();
    }

    /// <summary>A reciprocal of a risk difference: rounded like every statistic, or null; from 1e15 (a bound within rounding of 0) a round-trip double.</summary>
    private static void Unbounded(Utf8JsonWriter w, string name, double? value)
    {
        if (value is not { } v)
        {
            w.WriteNull(name);
        }
        else if (Math.Abs(v) < 1e15)
        {
            Statistic(w, name, v);
        }
        else
        {
            w.WriteNumber(name, v);
        }
    }

    private static void Statistic(Utf8JsonWriter w, string name, double value) => w.WriteNumber(name, Round(value));
}
