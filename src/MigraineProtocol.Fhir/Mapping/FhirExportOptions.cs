using MigraineProtocol.Anatomy;
using MigraineProtocol.Definitions;
using MigraineProtocol.Fhir.Terminology;

namespace MigraineProtocol.Fhir.Mapping;

/// <summary>
/// What an export needs besides the session: the patient and performer references the caller supplies,
/// the code map, the anatomy used for muscle names and lateralities, and the kind of Bundle.
/// </summary>
/// <threadsafety>This type is immutable and safe to share between threads (given an immutable code map).</threadsafety>
public sealed class FhirExportOptions
{
    /// <summary>Initializes the options.</summary>
    /// <param name="patient">The patient (Procedure.subject, MedicationAdministration.subject, BodyStructure.patient, Observation.subject).</param>
    /// <param name="performer">The clinician who gave the injections, if to be recorded.</param>
    /// <param name="codeMap">The integrator's standard codes; <see cref="FhirCodeMap.Verified"/> when <see langword="null"/>.</param>
    /// <param name="kind">The kind of Bundle.</param>
    /// <param name="anatomy">The anatomy for site muscles, sides and names; <see cref="Catalogs.DefaultAnatomy"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public FhirExportOptions(FhirReference patient, FhirReference? performer = null, IFhirCodeMap? codeMap = null, FhirBundleKind kind = FhirBundleKind.Transaction, AnatomyCatalog? anatomy = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A bundle kind is Transaction or Collection.");
        }

        Patient = patient;
        Performer = performer;
        CodeMap = codeMap ?? FhirCodeMap.Verified;
        Kind = kind;
        Anatomy = anatomy ?? Catalogs.DefaultAnatomy;
    }

    /// <summary>Gets the patient reference.</summary>
    public FhirReference Patient { get; }

    /// <summary>Gets the performer reference, if any.</summary>
    public FhirReference? Performer { get; }

    /// <summary>Gets the code map.</summary>
    /// <value>The default is <see cref="FhirCodeMap.Verified"/>.</value>
    public IFhirCodeMap CodeMap { get; }

    /// <summary>Gets the kind of Bundle.</summary>
    /// <value>The default is <see cref="FhirBundleKind.Transaction"/>.</value>
    public FhirBundleKind Kind { get; }

    /// <summary>Gets the anatomy used for muscle names and lateralities.</summary>
    /// <value>The default is <see cref="Catalogs.DefaultAnatomy"/>.</value>
    public AnatomyCatalog Anatomy { get; }
}
