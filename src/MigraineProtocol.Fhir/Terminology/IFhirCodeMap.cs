using MigraineProtocol.Primitives;

namespace MigraineProtocol.Fhir.Terminology;

/// <summary>
/// Supplies the standard codes an integrator wants on exported resources (for example its SNOMED CT
/// body structure codes for each muscle, or a SNOMED CT procedure code), in addition to the library's
/// own codes and text, which are always sent.
/// </summary>
/// <remarks>
/// The import reads only the library's own codes, so a code map never changes what a bundle imports to.
/// <see cref="FhirCodeMap"/> is the ready-made, immutable implementation.
/// </remarks>
public interface IFhirCodeMap
{
    /// <summary>Returns the extra codings of the session's Procedure.code.</summary>
    /// <returns>The codings, possibly none.</returns>
    IEnumerable<FhirCoding> ForProcedure();

    /// <summary>Returns the extra codings of the Medication.code (for example an RxNorm code the integrator verified).</summary>
    /// <returns>The codings, possibly none.</returns>
    IEnumerable<FhirCoding> ForMedication();

    /// <summary>Returns the extra codings of a muscle's BodyStructure.location.</summary>
    /// <param name="muscle">The muscle.</param>
    /// <returns>The codings, possibly none.</returns>
    IEnumerable<FhirCoding> ForMuscle(MuscleId muscle);

    /// <summary>Returns the extra codings of an injection's MedicationAdministration.dosage.site.</summary>
    /// <param name="site">The site id.</param>
    /// <returns>The codings, possibly none.</returns>
    IEnumerable<FhirCoding> ForSite(SiteId site);

    /// <summary>Returns the extra codings of an adverse event's AdverseEvent.event (for example the integrator's MedDRA or SNOMED CT code for the term).</summary>
    /// <param name="term">The term.</param>
    /// <returns>The codings, possibly none; none unless an implementation overrides it.</returns>
    IEnumerable<FhirCoding> ForAdverseEvent(Sessions.AdverseEventTerm term) => [];
}
