using System.Collections.Immutable;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// What a headache diary shows on its own: its periods, the ICHD-3 1.3 chronic-migraine verdict and the
/// ICHD-3 8.2 medication-overuse verdict, all cut into the same kind of period. What
/// <c>migraine-protocol diary</c> prints, as a value (its JSON is <c>VerdictJson.Write(DiaryAssessment)</c>).
/// It informs; a clinician decides.
/// </summary>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class DiaryAssessment
{
    private DiaryAssessment(HeadacheDiary diary, PeriodKind periodKind, ImmutableArray<PeriodSummary> periods, Verdict chronicMigraine, MedicationOveruseVerdict medicationOveruse)
    {
        Diary = diary;
        PeriodKind = periodKind;
        Periods = periods;
        ChronicMigraine = chronicMigraine;
        MedicationOveruse = medicationOveruse;
    }

    /// <summary>Gets the diary.</summary>
    public HeadacheDiary Diary { get; }

    /// <summary>Gets the period kind of the periods and both verdicts.</summary>
    public PeriodKind PeriodKind { get; }

    /// <summary>Gets the diary's periods (<see cref="HeadacheDiary.Periods"/>).</summary>
    public ImmutableArray<PeriodSummary> Periods { get; }

    /// <summary>Gets the ICHD-3 1.3 chronic-migraine verdict (<c>ChronicMigraineCriteria.Evaluate</c>).</summary>
    public Verdict ChronicMigraine { get; }

    /// <summary>Gets the ICHD-3 8.2 medication-overuse verdict (<c>MedicationOveruseCriteria.Evaluate</c>).</summary>
    public MedicationOveruseVerdict MedicationOveruse { get; }

    /// <summary>Assesses a diary.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="periodKind">How to cut it into months.</param>
    /// <param name="thresholds">The medication-overuse thresholds (<see cref="MedicationOveruseThresholds.Verified"/> unless the caller chooses others).</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodKind"/> is not defined.</exception>
    public static DiaryAssessment Assess(HeadacheDiary diary, PeriodKind periodKind, MedicationOveruseThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(thresholds);
        return new DiaryAssessment(diary, periodKind, diary.Periods(periodKind), ChronicMigraineCriteria.Evaluate(diary, periodKind), MedicationOveruseCriteria.Evaluate(diary, thresholds, periodKind));
    }
}
