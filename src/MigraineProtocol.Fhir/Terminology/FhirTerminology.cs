using System.Collections.Immutable;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Fhir.Terminology;

/// <summary>
/// The code systems and the few standard codes the FHIR mapping uses, each standard code with the
/// public source it was seen in (docs/fhir.md has the same table).
/// </summary>
/// <remarks>
/// <para>Policy: a SNOMED CT, CPT or HCPCS code is shipped only where it was seen in a public source
/// that can be named (a published FHIR implementation guide or terminology file in a public repository,
/// or the project's clinical reference). Everything else (most muscles, the procedure's SNOMED CT code,
/// RxNorm) is sent as text plus a code of the library's own code systems
/// (<see cref="InjectionSiteSystem"/>, <see cref="MuscleSystem"/>, ...), and the integrator adds its
/// own codes through an <see cref="IFhirCodeMap"/>.</para>
/// <para>SNOMED CT codes seen in an HL7 implementation guide rather than in the SNOMED CT release are
/// cited as <see cref="VerificationLevel.VerifiedSecondary"/>: re-check them in the SNOMED CT browser
/// before release.</para>
/// </remarks>
public static class FhirTerminology
{
    /// <summary>The base of the library's own FHIR URIs.</summary>
    public const string BaseUri = "https://migraineprotocol.org/fhir/";

    /// <summary>The library's code system of injection site ids (the fixed sites and <c>&lt;muscle&gt;-&lt;side&gt;-ftp</c>).</summary>
    public const string InjectionSiteSystem = BaseUri + "CodeSystem/injection-site";

    /// <summary>The library's code system of muscle ids (for example <c>temporalis</c>).</summary>
    public const string MuscleSystem = BaseUri + "CodeSystem/muscle";

    /// <summary>The library's code system of lateralities: <c>left</c>, <c>right</c>, <c>midline</c>.</summary>
    public const string LateralitySystem = BaseUri + "CodeSystem/laterality";

    /// <summary>The library's code system of procedures; its one code is <see cref="ChemodenervationCode"/>.</summary>
    public const string ProcedureSystem = BaseUri + "CodeSystem/procedure";

    /// <summary>The code of a chronic-migraine onabotulinumtoxinA injection session in <see cref="ProcedureSystem"/>.</summary>
    public const string ChemodenervationCode = "onabotulinumtoxina-chronic-migraine";

    /// <summary>The library's code system for the product units of onabotulinumtoxinA (ADR 0040); its one code is <see cref="ToxinUnitCode"/>.</summary>
    public const string ToxinUnitSystem = BaseUri + "CodeSystem/toxin-unit";

    /// <summary>The code of one onabotulinumtoxinA product unit in <see cref="ToxinUnitSystem"/>; the human unit text is <c>U</c>.</summary>
    public const string ToxinUnitCode = "onabotulinumtoxina-unit";

    /// <summary>The library's code system of headache diary measures (<see cref="HeadacheDaysCode"/>, ...).</summary>
    public const string DiaryMeasureSystem = BaseUri + "CodeSystem/diary-measure";

    /// <summary>Headache days in a diary period.</summary>
    public const string HeadacheDaysCode = "headache-days";

    /// <summary>Migraine days in a diary period.</summary>
    public const string MigraineDaysCode = "migraine-days";

    /// <summary>Days with a diary record in a period.</summary>
    public const string DaysRecordedCode = "days-recorded";

    /// <summary>A day count scaled to 28 recorded days (count x 28 / days recorded, to 0.1 day).</summary>
    public const string PerTwentyEightDaysCode = "per-28-days";

    /// <summary>
    /// The library's extension on the session's Procedure that carries the number of vials opened
    /// (<c>valueUnsignedInt</c>, 0 or more; left out when not recorded). ADR 0041 says why it is an
    /// extension of the Procedure rather than a Medication or batch element.
    /// </summary>
    public const string VialsOpenedExtension = BaseUri + "StructureDefinition/vials-opened";

    /// <summary>The library's code system of adverse-event terms: the wire codes of <see cref="Sessions.AdverseEventTerms.Code"/> (for example <c>dysphagia</c>, <c>other</c>).</summary>
    public const string AdverseEventSystem = BaseUri + "CodeSystem/adverse-event";

    /// <summary>
    /// The library's extension on an AdverseEvent that carries the duration of a resolved event
    /// (<c>valueDuration</c> in whole UCUM days, <c>d</c>); left out when the event is ongoing (R4 has no
    /// duration element; the outcome says resolved or ongoing).
    /// </summary>
    public const string AdverseEventDurationExtension = BaseUri + "StructureDefinition/adverse-event-duration";

    /// <summary>
    /// The library's extension on an AdverseEvent that carries the injection site or muscle concerned
    /// (<c>valueCodeableConcept</c> coded in <see cref="InjectionSiteSystem"/> or <see cref="MuscleSystem"/>;
    /// R4 AdverseEvent has no body-site element). One per recorded site or muscle.
    /// </summary>
    public const string AdverseEventLocationExtension = BaseUri + "StructureDefinition/adverse-event-location";

    /// <summary>
    /// The library's extension on the session's Procedure that records the clinician's acknowledgement of prior
    /// distant-spread events (<c>valueBoolean</c> true; left out when not acknowledged): rule <c>prior-distant-spread</c>.
    /// </summary>
    public const string DistantSpreadAcknowledgedExtension = BaseUri + "StructureDefinition/distant-spread-acknowledged";

    /// <summary>The R4 code system of AdverseEvent.seriousness (codes <c>Serious</c> and <c>Non-serious</c>; specification.zip valuesets.xml).</summary>
    public const string AdverseEventSeriousnessSystem = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";

    /// <summary>The R4 code system of AdverseEvent.severity (<c>mild</c>, <c>moderate</c>, <c>severe</c>; required binding; specification.zip valuesets.xml).</summary>
    public const string AdverseEventSeveritySystem = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";

    /// <summary>The R4 code system of AdverseEvent.outcome (<c>resolved</c>, <c>ongoing</c>, ...; required binding; specification.zip valuesets.xml).</summary>
    public const string AdverseEventOutcomeSystem = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";

    /// <summary>SNOMED CT.</summary>
    public const string SnomedSystem = "http://snomed.info/sct";

    /// <summary>UCUM, for millilitres (<c>mL</c>) and days (<c>d</c>); never for toxin units (ADR 0040).</summary>
    public const string UcumSystem = "http://unitsofmeasure.org";

    /// <summary>CPT (seen in the FHIR R4 specification, ValueSet <c>cpt-all</c>, specification.zip valuesets.xml).</summary>
    public const string CptSystem = "http://www.ama-assn.org/go/cpt";

    /// <summary>HCPCS Level II (seen in yy-dto/IDCore input/_excludes/codesystems/HCPCSLevelII.fsh, <c>^url</c>).</summary>
    public const string HcpcsSystem = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";

    /// <summary>The R4 core extension that points an element at a BodyStructure (specification.zip extension-definitions.xml).</summary>
    public const string BodySiteExtension = "http://hl7.org/fhir/StructureDefinition/bodySite";

    /// <summary>The R4 core observation category code system (specification.zip).</summary>
    public const string ObservationCategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";

    /// <summary>Gets SNOMED CT 7771000 |Left (qualifier value)|.</summary>
    /// <remarks>Seen in HL7/fhir-mCODE-ig input/fsh/CM_TG263.fsh (laterality qualifier of every <c>_L</c> structure) and
    /// bvdh/dicom-terminology-in-fhir input/fsh/ValueSet-dicom-cid-247-LateralityLeftRightOnly.fsh.</remarks>
    public static FhirCoding SnomedLeft { get; } = new(SnomedSystem, "7771000", "Left",
        new Citation("HL7/fhir-mCODE-ig", "input/fsh/CM_TG263.fsh; bvdh/dicom-terminology-in-fhir input/fsh/ValueSet-dicom-cid-247-LateralityLeftRightOnly.fsh", VerificationLevel.VerifiedSecondary));

    /// <summary>Gets SNOMED CT 24028007 |Right (qualifier value)|.</summary>
    /// <remarks>Seen in HL7/fhir-mCODE-ig input/fsh/CM_TG263.fsh (laterality qualifier of every <c>_R</c> structure) and
    /// bvdh/dicom-terminology-in-fhir input/fsh/ValueSet-dicom-cid-247-LateralityLeftRightOnly.fsh.</remarks>
    public static FhirCoding SnomedRight { get; } = new(SnomedSystem, "24028007", "Right",
        new Citation("HL7/fhir-mCODE-ig", "input/fsh/CM_TG263.fsh; bvdh/dicom-terminology-in-fhir input/fsh/ValueSet-dicom-cid-247-LateralityLeftRightOnly.fsh", VerificationLevel.VerifiedSecondary));

    /// <summary>Gets SNOMED CT 399488007 |Midline (qualifier value)|.</summary>
    /// <remarks>Seen in HL7/fhir-breast-radiology-ig input/FSH/Terminology/Laterality.fsh (LateralityVS).</remarks>
    public static FhirCoding SnomedMidline { get; } = new(SnomedSystem, "399488007", "Midline",
        new Citation("HL7/fhir-breast-radiology-ig", "input/FSH/Terminology/Laterality.fsh (LateralityVS)", VerificationLevel.VerifiedSecondary));

    /// <summary>Gets SNOMED CT 52927003 |Structure of temporalis muscle (body structure)|.</summary>
    /// <remarks>Seen in HL7/fhir-mCODE-ig input/fsh/CM_TG263.fsh (TG263 Musc_Temporal_L and Musc_Temporal_R).</remarks>
    public static FhirCoding SnomedTemporalis { get; } = new(SnomedSystem, "52927003", "Structure of temporalis muscle (body structure)",
        new Citation("HL7/fhir-mCODE-ig", "input/fsh/CM_TG263.fsh (Musc_Temporal_L, Musc_Temporal_R)", VerificationLevel.VerifiedSecondary));

    /// <summary>Gets CPT 64615, chemodenervation of muscles innervated by the facial, trigeminal, cervical spinal and accessory nerves, bilateral (for example for chronic migraine).</summary>
    /// <remarks>clinical-facts.md §6, source S17, VERIFIED-2nd. No display is sent: CPT descriptors are AMA copyright.</remarks>
    public static FhirCoding Cpt64615 { get; } = new(CptSystem, "64615", null,
        new Citation("S17", "clinical-facts.md §6 Codes: CPT 64615", VerificationLevel.VerifiedSecondary));

    /// <summary>Gets HCPCS J0585, injection, onabotulinumtoxinA, 1 unit.</summary>
    /// <remarks>clinical-facts.md §6, source S17, VERIFIED-2nd.</remarks>
    public static FhirCoding HcpcsJ0585 { get; } = new(HcpcsSystem, "J0585", "Injection, onabotulinumtoxinA, 1 unit",
        new Citation("S17", "clinical-facts.md §6 Codes: HCPCS J0585", VerificationLevel.VerifiedSecondary));

    /// <summary>Gets every standard code the library ships, for documentation and review.</summary>
    public static ImmutableArray<FhirCoding> ShippedCodes { get; } = [SnomedLeft, SnomedRight, SnomedMidline, SnomedTemporalis, Cpt64615, HcpcsJ0585];

    /// <summary>Returns the SNOMED CT qualifier of a laterality.</summary>
    /// <param name="side">The laterality.</param>
    /// <returns>7771000, 24028007 or 399488007.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="side"/> is not a defined value.</exception>
    public static FhirCoding SnomedLaterality(Laterality side) => side switch
    {
        Laterality.Left => SnomedLeft,
        Laterality.Right => SnomedRight,
        Laterality.Midline => SnomedMidline,
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "A laterality is left, right or midline."),
    };
}
