using System.Globalization;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using MigraineProtocol.Definitions;
using MigraineProtocol.Fhir.Diaries;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Fhir.Terminology;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.CdsHooks.Tests.TestSupport;

/// <summary>Requests shaped like the CDS Hooks spec's own examples (docs/hooks/order-sign.md, patient-view.md), with a BOTOX order added.</summary>
public static class Fixtures
{
    public const string PatientId = "1288992";
    public const string OrderSign = "/cds-services/migraine-botox-order-sign";
    public const string PatientView = "/cds-services/migraine-botox-patient-view";

    /// <summary>An administration as an EHR records it: one MedicationAdministration per session, HCPCS J0585, units as "U", the reason in text.</summary>
    public static MedicationAdministration Administration(string date, decimal units, string reason = "Chronic migraine", string product = "BOTOX", string? hcpcs = "J0585") => new()
    {
        Id = "ma-" + date + "-" + units.ToString(CultureInfo.InvariantCulture),
        Status = MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
        Medication = hcpcs is null ? new CodeableConcept { Text = product } : new CodeableConcept(FhirTerminology.HcpcsSystem, hcpcs, product, product),
        Subject = new ResourceReference("Patient/" + PatientId),
        Effective = new FhirDateTime(date),
        ReasonCode = [new CodeableConcept { Text = reason }],
        Dosage = new MedicationAdministration.DosageComponent { Dose = new Quantity { Value = units, Unit = "U" } },
    };

    public static Bundle SearchSet(IEnumerable<Resource> resources)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
        foreach (var r in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"http://ehr.example.org/fhir/{r.TypeName}/{r.Id}", Resource = r });
        }

        bundle.Total = bundle.Entry.Count;
        return bundle;
    }

    /// <summary>The diary Observations the Fhir package writes for these periods.</summary>
    public static IEnumerable<Observation> DiaryObservations(params DiaryPeriodCounts[] periods)
    {
        var session = TreatmentSession.FromProtocol(KnownProtocols.Preempt, new DateOnly(2020, 1, 1));
        var bundle = SessionFhirMapper.ToBundle(session, new FhirExportOptions(new FhirReference("Patient/" + PatientId)), periods);
        var k = 0;
        foreach (var o in bundle.Entry.Select(e => e.Resource).OfType<Observation>())
        {
            o.Id = "diary-" + (k++).ToString(CultureInfo.InvariantCulture);
            yield return o;
        }
    }

    /// <summary>The spec's R4 MedicationRequest example shape, for a toxin product.</summary>
    public static MedicationRequest ToxinOrder(string date, decimal? units = 155, string product = "BOTOX", string? hcpcs = "J0585") => new()
    {
        Id = "botox-order-1",
        Status = MedicationRequest.MedicationrequestStatus.Draft,
        Intent = MedicationRequest.MedicationRequestIntent.Order,
        Medication = hcpcs is null ? new CodeableConcept { Text = product } : new CodeableConcept(FhirTerminology.HcpcsSystem, hcpcs, product, product),
        Subject = new ResourceReference("Patient/" + PatientId),
        AuthoredOn = date,
        DosageInstruction =
        [
            new Dosage
            {
                Text = "PREEMPT paradigm, 31 sites",
                Timing = new Timing { EventElement = [new FhirDateTime(date)] },
                DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = units is { } u ? new Quantity { Value = u, Unit = "U" } : null }],
            },
        ],
    };

    /// <summary>The spec's amoxicillin MedicationRequest (docs/hooks/order-sign.md, R4 example).</summary>
    public static MedicationRequest Amoxicillin() => new()
    {
        Id = "smart-MedicationRequest-103",
        Status = MedicationRequest.MedicationrequestStatus.Draft,
        Intent = MedicationRequest.MedicationRequestIntent.Order,
        Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", "617993", "Amoxicillin 120 MG/ML / clavulanate potassium 8.58 MG/ML Oral Suspension", "Amoxicillin 120 MG/ML / clavulanate potassium 8.58 MG/ML Oral Suspension"),
        Subject = new ResourceReference("Patient/" + PatientId),
        DosageInstruction = [new Dosage { Text = "5 mL bid x 10 days", DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = new Quantity(5, "mL", "http://unitsofmeasure.org") }] }],
    };

    public static Patient Patient() => new() { Id = PatientId, Gender = AdministrativeGender.Male, BirthDate = "1974-12-25", Active = true };

    /// <summary>An order-sign request (the spec's example context) with the draft orders and the prefetch given.</summary>
    public static string OrderSignRequest(IEnumerable<Resource> draftOrders, IEnumerable<Resource>? administrations = null, IEnumerable<Resource>? diary = null, bool prefetch = true, string? fhirServer = null, string? accessToken = null, IEnumerable<Resource>? adverseEvents = null)
    {
        var draft = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var r in draftOrders)
        {
            draft.Entry.Add(new Bundle.EntryComponent { Resource = r });
        }

        var context = new JsonObject
        {
            ["userId"] = "PractitionerRole/123",
            ["patientId"] = PatientId,
            ["encounterId"] = "89284",
            ["draftOrders"] = Node(draft),
        };
        return Request("order-sign", context, administrations, diary, prefetch, fhirServer, accessToken, adverseEvents);
    }

    public static string PatientViewRequest(IEnumerable<Resource>? administrations = null, IEnumerable<Resource>? diary = null, bool prefetch = true, string? fhirServer = null, string? accessToken = null, IEnumerable<Resource>? adverseEvents = null)
    {
        var context = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = PatientId, ["encounterId"] = "89284" };
        return Request("patient-view", context, administrations, diary, prefetch, fhirServer, accessToken, adverseEvents);
    }

    public static JsonNode Node(Resource resource) => JsonNode.Parse(resource.ToJson())!;

    /// <summary>The R4 AdverseEvents the Fhir package writes for a chronic-migraine session on <paramref name="sessionDate"/> with these events.</summary>
    public static IEnumerable<Hl7.Fhir.Model.AdverseEvent> AdverseEvents(string sessionDate, params MigraineProtocol.Sessions.AdverseEvent[] events)
    {
        var session = TreatmentSession.FromProtocol(KnownProtocols.Preempt, DateOnly.Parse(sessionDate, CultureInfo.InvariantCulture)).WithAdverseEvents(events);
        var bundle = SessionFhirMapper.ToBundle(session, new FhirExportOptions(new FhirReference("Patient/" + PatientId)));
        var k = 0;
        foreach (var a in bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.AdverseEvent>())
        {
            a.Id = "ae-" + sessionDate + "-" + (k++).ToString(CultureInfo.InvariantCulture);
            yield return a;
        }
    }

    private static string Request(string hook, JsonObject context, IEnumerable<Resource>? administrations, IEnumerable<Resource>? diary, bool prefetch, string? fhirServer, string? accessToken, IEnumerable<Resource>? adverseEvents = null)
    {
        var root = new JsonObject
        {
            ["hookInstance"] = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
            ["hook"] = hook,
            ["context"] = context,
        };
        if (fhirServer is not null)
        {
            root["fhirServer"] = fhirServer;
        }

        if (accessToken is not null)
        {
            root["fhirAuthorization"] = new JsonObject
            {
                ["access_token"] = accessToken,
                ["token_type"] = "Bearer",
                ["expires_in"] = 300,
                ["scope"] = "patient/Patient.read patient/MedicationAdministration.read patient/Observation.read",
                ["subject"] = "cds-service4",
            };
        }

        if (prefetch)
        {
            root["prefetch"] = new JsonObject
            {
                ["patient"] = Node(Patient()),
                ["toxinAdministrations"] = Node(SearchSet(administrations ?? [])),
                ["diaryObservations"] = Node(SearchSet(diary ?? [])),
            };
            if (adverseEvents is not null)
            {
                root["prefetch"]!["adverseEvents"] = Node(SearchSet(adverseEvents));
            }
        }

        return root.ToJsonString();
    }
}
