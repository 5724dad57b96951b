using MigraineProtocol.Input;
// FHIR POCOs are nullable throughout; these tests assert on exported Bundles whose shape they check.
#nullable disable warnings

using Hl7.Fhir.Model;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Fhir.Terminology;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;
using static MigraineProtocol.Fhir.Terminology.FhirTerminology;
using FhirAdverseEvent = Hl7.Fhir.Model.AdverseEvent;
using MigraineProtocol.Definitions;

namespace MigraineProtocol.Tests.Fhir;

/// <summary>Adverse events as R4 AdverseEvent resources: shape, validation, code map and import.</summary>
public class AdverseEventFhirTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly FhirReference Patient = new("Patient/123", "Jane Q. Patient");

    private static readonly MigraineProtocol.Sessions.AdverseEvent Dysphagia = MigraineProtocol.Sessions.AdverseEvent.Ongoing(AdverseEventTerm.Dysphagia, new DateOnly(2026, 3, 9), AdverseEventSeverity.Severe, serious: true);
    private static readonly MigraineProtocol.Sessions.AdverseEvent NeckPain = MigraineProtocol.Sessions.AdverseEvent.Resolved(AdverseEventTerm.NeckPain, new DateOnly(2026, 3, 4), 5, AdverseEventSeverity.Moderate, muscle: MuscleId.From("trapezius"));
    private static readonly MigraineProtocol.Sessions.AdverseEvent Rash = MigraineProtocol.Sessions.AdverseEvent.Other("rash", new DateOnly(2026, 3, 3), 2, AdverseEventSeverity.Mild, site: SiteId.From("frontalis-left-1"));

    private static TreatmentSession Session() =>
        TreatmentSession.FromProtocol(KnownProtocols.Preempt, Day).WithProduct("BOTOX").WithAdverseEvents([Dysphagia, NeckPain, Rash]);

    private static Bundle Export(IFhirCodeMap map = null) => SessionFhirMapper.ToBundle(Session(), new FhirExportOptions(Patient, codeMap: map));

    private static List<FhirAdverseEvent> Events(Bundle b) => [.. b.Entry.Select(e => e.Resource).OfType<FhirAdverseEvent>()];

    [Fact]
    public void EachEventIsAnAdverseEventWithSubjectDateCodingSeriousnessSeverityAndOutcome()
    {
        var b = Export();
        var events = Events(b);
        Assert.Equal(3, events.Count);
        var d = events[0];
        Assert.Equal(FhirAdverseEvent.AdverseEventActuality.Actual, d.Actuality);
        Assert.Equal("Patient/123", d.Subject.Reference);
        Assert.Equal("2026-03-09", d.Date);
        Assert.Contains(d.Event.Coding, c => c.System == AdverseEventSystem && c.Code == "dysphagia");
        Assert.Equal("Dysphagia", d.Event.Text);
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/adverse-event-seriousness", "Serious"), (d.Seriousness.Coding[0].System, d.Seriousness.Coding[0].Code));
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/adverse-event-severity", "severe"), (d.Severity.Coding[0].System, d.Severity.Coding[0].Code));
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/adverse-event-outcome", "ongoing"), (d.Outcome.Coding[0].System, d.Outcome.Coding[0].Code));
        Assert.Empty(d.Extension);
        Assert.Equal("Non-serious", events[1].Seriousness.Coding[0].Code);
        Assert.Equal("resolved", events[1].Outcome.Coding[0].Code);
        Assert.Equal(5m, Assert.IsType<Duration>(events[1].GetExtension(AdverseEventDurationExtension).Value).Value);
        Assert.Equal("rash", events[2].Event.Text);
        Assert.Equal("other", events[2].Event.Coding[0].Code);
    }

    [Fact]
    public void SuspectEntitiesAreTheSessionsMedicationAdministrationsNarrowedToTheEventsSiteOrMuscle()
    {
        var b = Export();
        var administrations = b.Entry.Where(e => e.Resource is MedicationAdministration).ToDictionary(e => e.FullUrl, e => (MedicationAdministration)e.Resource);
        var events = Events(b);
        Assert.Equal(31, events[0].SuspectEntity.Count);
        Assert.All(events[0].SuspectEntity, s => Assert.True(administrations.ContainsKey(s.Instance.Reference)));
        var trapezius = events[1].SuspectEntity.Select(s => administrations[s.Instance.Reference].Dosage.Site.Coding[0].Code).ToList();
        Assert.Equal(6, trapezius.Count);
        Assert.All(trapezius, code => Assert.StartsWith("trapezius-", code, StringComparison.Ordinal));
        Assert.Equal("frontalis-left-1", administrations[Assert.Single(events[2].SuspectEntity).Instance.Reference].Dosage.Site.Coding[0].Code);
    }

    [Fact]
    public void TheBundleWithEventsValidatesAgainstBaseR4()
    {
        Assert.Empty(FhirValidation.ErrorsOfBundleAndEntries(Export()));
        Assert.Empty(FhirValidation.ErrorsOfBundleAndEntries(SessionFhirMapper.ToBundle(new TreatmentSession(Day, []).WithAdverseEvents([Rash]), new FhirExportOptions(Patient, kind: FhirBundleKind.Collection))));
    }

    [Fact]
    public void TheIntegratorCodeMapAddsCodingsButNeverChangesTheImport()
    {
        var coding = new FhirCoding("http://example.org/meddra", "10013950", "Dysphagia");
        var map = FhirCodeMap.Verified.WithAdverseEvent(AdverseEventTerm.Dysphagia, coding);
        var b = Export(map);
        Assert.Contains(Events(b)[0].Event.Coding, c => c.System == coding.System && c.Code == coding.Code);
        Assert.DoesNotContain(Events(b)[1].Event.Coding, c => c.System == coding.System);
        Assert.Equal(SessionFhirMapper.FromBundle(Export(), "b").Session, SessionFhirMapper.FromBundle(b, "b").Session);
        Assert.Throws<ArgumentException>("coding", () => map.WithAdverseEvent(AdverseEventTerm.Dysphagia, coding));
        Assert.Throws<ArgumentException>("coding", () => map.WithAdverseEvent(AdverseEventTerm.Headache, new FhirCoding(AdverseEventSystem, "headache")));
        Assert.Throws<ArgumentOutOfRangeException>("term", () => map.WithAdverseEvent((AdverseEventTerm)42, coding));
        Assert.Equal(FhirCodeMap.Verified.ForProcedure(), map.ForProcedure());
    }

    [Fact]
    public void ASessionWithEventsRoundTripsThroughFhirJson()
    {
        var session = Session();
        var json = FhirJson.Serialize(Export());
        var back = SessionFhirMapper.Read(json, "b.json").Session;
        Assert.Equal(session, back);
        Assert.Equal([Dysphagia, NeckPain, Rash], back.AdverseEvents);
    }

    [Fact]
    public void ImportNamesEveryBadElementOfAnAdverseEvent()
    {
        var b = Export();
        var e = Events(b)[1];
        e.Severity.Coding[0].Code = "grave";
        e.Seriousness = null;
        e.Outcome.Coding[0].Code = "ongoing";   // with a duration extension
        e.SuspectEntity[0].Instance.Reference = "urn:uuid:not-in-the-bundle";
        var at = $"Bundle.entry[{b.Entry.FindIndex(x => ReferenceEquals(x.Resource, e))}].resource";
        var problems = Assert.Throws<InputException>(() => SessionFhirMapper.FromBundle(b, "b")).Problems.Select(p => $"{p.Location}: {p.Message}").ToList();
        Assert.Contains(problems, p => p.StartsWith(at + ".severity: expected", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(at + ".seriousness: expected", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(at + ".extension: an ongoing event has no duration extension", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(at + ".suspectEntity: expected references", StringComparison.Ordinal));

        var early = Export();
        Events(early)[0].DateElement = new FhirDateTime("2026-03-01");
        Assert.Contains(".date: the onset 2026-03-01 is before the session date 2026-03-02", Assert.Single(Assert.Throws<InputException>(() => SessionFhirMapper.FromBundle(early, "b")).Problems).ToString(), StringComparison.Ordinal);

        var c = Export();
        Events(c)[2].Event.Coding[0].Code = "inflammation";
        Assert.Contains("event: expected an adverse-event term", Assert.Single(Assert.Throws<InputException>(() => SessionFhirMapper.FromBundle(c, "b")).Problems).ToString(), StringComparison.Ordinal);
    }
}
