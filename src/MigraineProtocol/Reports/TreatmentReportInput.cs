using MigraineProtocol.Definitions;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Localization;
using MigraineProtocol.Protocols;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Reports;

/// <summary>What a treatment report is made from: the patient's opaque reference, the diary, the prior administrations, optionally the latest session, and the inputs the verdicts need beyond the diary.</summary>
/// <remarks>An invariant-free carrier: <see cref="TreatmentReport.Create"/> checks it. No name or other identifying data is needed: the reference is whatever opaque id the caller uses.</remarks>
public sealed class TreatmentReportInput
{
    /// <summary>Gets the patient reference: an opaque id chosen by the caller (no name needed), printed as given.</summary>
    public required string PatientReference { get; init; }

    /// <summary>Gets the headache diary.</summary>
    public required HeadacheDiary Diary { get; init; }

    /// <summary>Gets the prior administrations (all indications).</summary>
    /// <value>The default value is <see cref="TreatmentHistory.Empty"/>.</value>
    public TreatmentHistory History { get; init; } = TreatmentHistory.Empty;

    /// <summary>Gets the latest session, if any: validated, mapped and billed in the report.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TreatmentSession? Session { get; init; }

    /// <summary>Gets the protocol the session is held against and that sets the retreatment interval.</summary>
    /// <value>The default value is <see cref="KnownProtocols.Preempt"/>.</value>
    public TreatmentProtocol Protocol { get; init; } = KnownProtocols.Preempt;

    /// <summary>Gets what eligibility needs beyond the diary (preventives failed, medication overuse managed, adult).</summary>
    /// <value>The default value leaves every input unknown (its criterion "not assessed").</value>
    public EligibilityInput Eligibility { get; init; } = new(null);

    /// <summary>Gets the medication-overuse thresholds.</summary>
    /// <value>The default value is <see cref="MedicationOveruseThresholds.Verified"/>.</value>
    public MedicationOveruseThresholds Thresholds { get; init; } = MedicationOveruseThresholds.Verified;

    /// <summary>Gets how the diary is cut for the ICHD-3 verdicts and the diary chart.</summary>
    /// <value>The default value is <see cref="PeriodKind.TwentyEightDays"/>.</value>
    public PeriodKind DiaryPeriods { get; init; } = PeriodKind.TwentyEightDays;

    /// <summary>Gets the language of the report.</summary>
    /// <value>The default value is <see cref="ReportText.English"/>.</value>
    public ReportText Text { get; init; } = ReportText.English;

    /// <summary>Gets the date the report is made on (printed; no clock is read).</summary>
    /// <value>The default value is <see langword="null"/>: the later of the diary's last day and the session date.</value>
    public DateOnly? Date { get; init; }
}
