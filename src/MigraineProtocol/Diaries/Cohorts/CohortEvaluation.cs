using System.Collections.Immutable;

namespace MigraineProtocol.Diaries.Cohorts;

/// <summary>The cohort counts of <see cref="CohortDiaryStore.Evaluate"/>.</summary>
/// <remarks>Equality is by value.</remarks>
public sealed class CohortEvaluation : IEquatable<CohortEvaluation>
{
    internal CohortEvaluation(long patients, long chronicMigraineMet, long chronicMigraineNotMet, long overuseSuspected, ImmutableArray<long> overuseByClass, long multipleClassesOveruse, ImmutableArray<CohortPeriodTotals> periods)
    {
        Patients = patients;
        ChronicMigraineMet = chronicMigraineMet;
        ChronicMigraineNotMet = chronicMigraineNotMet;
        MedicationOveruseSuspected = overuseSuspected;
        OveruseByClass = overuseByClass;
        MultipleClassesOveruse = multipleClassesOveruse;
        Periods = periods;
    }

    /// <summary>Gets the number of patients.</summary>
    public long Patients { get; }

    /// <summary>Gets the patients meeting ICHD-3 1.3 (diary criteria A and C) whatever their unrecorded days held.</summary>
    public long ChronicMigraineMet { get; }

    /// <summary>Gets the patients not meeting ICHD-3 1.3 whatever their unrecorded days held.</summary>
    public long ChronicMigraineNotMet { get; }

    /// <summary>Gets the patients whose chronic-migraine outcome depends on unrecorded days.</summary>
    public long ChronicMigraineIndeterminate => Patients - ChronicMigraineMet - ChronicMigraineNotMet;

    /// <summary>Gets the patients with suspected medication overuse (any assessed class, or several classes together).</summary>
    public long MedicationOveruseSuspected { get; }

    /// <summary>Gets the patients overusing each class, indexed by <see cref="AcuteMedicationClass"/> (0 for a class not assessed).</summary>
    public ImmutableArray<long> OveruseByClass { get; }

    /// <summary>Gets the patients overusing several classes together, none alone (0 when not assessed).</summary>
    public long MultipleClassesOveruse { get; }

    /// <summary>Gets the cohort totals of each period index.</summary>
    public ImmutableArray<CohortPeriodTotals> Periods { get; }

    /// <inheritdoc />
    public bool Equals(CohortEvaluation? other) =>
        other is not null && Patients == other.Patients && ChronicMigraineMet == other.ChronicMigraineMet && ChronicMigraineNotMet == other.ChronicMigraineNotMet
        && MedicationOveruseSuspected == other.MedicationOveruseSuspected && OveruseByClass.SequenceEqual(other.OveruseByClass)
        && MultipleClassesOveruse == other.MultipleClassesOveruse && Periods.SequenceEqual(other.Periods);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CohortEvaluation);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Patients, ChronicMigraineMet, ChronicMigraineNotMet, MedicationOveruseSuspected, MultipleClassesOveruse);

    /// <summary>Returns a one-line summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Patients} patients: chronic migraine {ChronicMigraineMet} met, {ChronicMigraineNotMet} not met, {ChronicMigraineIndeterminate} indeterminate; medication overuse suspected {MedicationOveruseSuspected}";
}

/// <summary>The cohort totals of one period index: recorded, headache and migraine days summed over patients.</summary>
/// <param name="Period">The period index, from 0.</param>
/// <param name="DaysRecorded">The recorded days.</param>
/// <param name="HeadacheDays">The headache days.</param>
/// <param name="MigraineDays">The migraine days.</param>
public readonly record struct CohortPeriodTotals(int Period, long DaysRecorded, long HeadacheDays, long MigraineDays);
