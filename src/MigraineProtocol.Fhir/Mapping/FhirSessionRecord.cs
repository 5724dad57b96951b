using System.Collections.Immutable;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Definitions;
using MigraineProtocol.Fhir.Diaries;
using MigraineProtocol.Fhir.Terminology;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Fhir.Mapping;

/// <summary>
/// What a Bundle imports to: the session, the diary periods, the patient and performer references, and
/// the kind of Bundle. <see cref="ToExportOptions"/> gives the options that export it back to the same Bundle.
/// </summary>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class FhirSessionRecord
{
    /// <summary>Initializes a record.</summary>
    /// <param name="session">The session.</param>
    /// <param name="diaryPeriods">The diary periods, in order.</param>
    /// <param name="patient">The patient reference.</param>
    /// <param name="performer">The performer reference, if any.</param>
    /// <param name="kind">The kind of Bundle.</param>
    /// <exception cref="ArgumentNullException"><paramref name="session"/>, <paramref name="diaryPeriods"/>, an element of it, or <paramref name="patient"/> is <see langword="null"/>.</exception>
    public FhirSessionRecord(TreatmentSession session, IEnumerable<DiaryPeriodCounts> diaryPeriods, FhirReference patient, FhirReference? performer, FhirBundleKind kind)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(diaryPeriods);
        ArgumentNullException.ThrowIfNull(patient);
        Session = session;
        DiaryPeriods = [.. diaryPeriods];
        if (DiaryPeriods.Any(p => p is null))
        {
            throw new ArgumentNullException(nameof(diaryPeriods), "The diary periods must not contain null.");
        }

        Patient = patient;
        Performer = performer;
        Kind = kind;
    }

    /// <summary>Gets the session.</summary>
    public TreatmentSession Session { get; }

    /// <summary>Gets the diary periods, in order.</summary>
    public ImmutableArray<DiaryPeriodCounts> DiaryPeriods { get; }

    /// <summary>Gets the patient reference.</summary>
    public FhirReference Patient { get; }

    /// <summary>Gets the performer reference, if any.</summary>
    public FhirReference? Performer { get; }

    /// <summary>Gets the kind of Bundle.</summary>
    public FhirBundleKind Kind { get; }

    /// <summary>Returns export options with this record's patient, performer and Bundle kind.</summary>
    /// <param name="codeMap">The code map; <see cref="FhirCodeMap.Verified"/> when <see langword="null"/>.</param>
    /// <param name="anatomy">The anatomy; <see cref="Catalogs.DefaultAnatomy"/> when <see langword="null"/>.</param>
    /// <returns>The options.</returns>
    public FhirExportOptions ToExportOptions(IFhirCodeMap? codeMap = null, AnatomyCatalog? anatomy = null) => new(Patient, Performer, codeMap, Kind, anatomy);
}
