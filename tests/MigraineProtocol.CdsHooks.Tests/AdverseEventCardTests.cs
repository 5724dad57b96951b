using System.Net;
using Hl7.Fhir.Serialization;
using MigraineProtocol.CdsHooks.Tests.TestSupport;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;
using static MigraineProtocol.CdsHooks.Tests.TestSupport.Fixtures;
using AdverseEvent = MigraineProtocol.Sessions.AdverseEvent;
using MigraineProtocol.Definitions;

namespace MigraineProtocol.CdsHooks.Tests;

/// <summary>Adverse events (issue 18) in the cards: recorded AdverseEvents in the Fhir package's shape, by prefetch and from the FHIR test double.</summary>
public sealed class AdverseEventCardTests
{
    private const string OrderDate = "2026-04-27";
    private const string Last = "2026-02-02";
    private static readonly AdverseEvent Dysphagia = AdverseEvent.Ongoing(AdverseEventTerm.Dysphagia, new DateOnly(2026, 2, 9), AdverseEventSeverity.Severe, serious: true);
    private static readonly AdverseEvent Ptosis = AdverseEvent.Resolved(AdverseEventTerm.EyelidPtosis, new DateOnly(2026, 2, 12), 21, AdverseEventSeverity.Moderate);
    private static readonly AdverseEvent NeckWeakness = AdverseEvent.Resolved(AdverseEventTerm.MuscularWeakness, new DateOnly(2026, 2, 5), 14, AdverseEventSeverity.Mild, muscle: MuscleId.From("trapezius"));
    private static readonly AdverseEvent NeckPain = AdverseEvent.Resolved(AdverseEventTerm.NeckPain, new DateOnly(2026, 2, 3), 4, AdverseEventSeverity.Mild);

    private static Hl7.Fhir.Model.MedicationAdministration[] History() => [Administration("2025-11-10", 155), Administration(Last, 155)];

    /// <summary>The library's own findings for the same order and history, as `migraine-protocol validate` computes them.</summary>
    private static List<RuleViolation> LibraryFindings(RuleId rule, params AdverseEvent[] events)
    {
        var history = new TreatmentHistory(
        [
            new Sessions.Administration(new DateOnly(2025, 11, 10), ToxinUnits.FromUnits(155), Sessions.Administration.ChronicMigraine),
            new Sessions.Administration(new DateOnly(2026, 2, 2), ToxinUnits.FromUnits(155), Sessions.Administration.ChronicMigraine).WithAdverseEvents(events),
        ]);
        var session = TreatmentSession.FromProtocol(KnownProtocols.Preempt, new DateOnly(2026, 4, 27));
        return [.. RuleSet.Default.Compile(KnownProtocols.Preempt, ValidationOptions.Default).Validate(session, history).ViolationsOf(rule)];
    }

    [Fact]
    public async Task Discovery_has_the_adverse_event_prefetch_template()
    {
        await using var host = await CdsHost.StartAsync();
        using var doc = System.Text.Json.JsonDocument.Parse(await host.Client.GetStringAsync("/cds-services"));
        foreach (var s in doc.RootElement.GetProperty("services").EnumerateArray())
        {
            Assert.Equal("AdverseEvent?subject=Patient/{{context.patientId}}", s.GetProperty("prefetch").GetProperty("adverseEvents").GetString());
        }
    }

    [Fact]
    public async Task Prior_distant_spread_is_a_critical_card_with_the_library_findings()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], History(), adverseEvents: AdverseEvents(Last, Dysphagia, NeckPain)));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("critical", card.Indicator);
        Assert.Equal("prior-distant-spread", card.TopicCode);
        Assert.Contains("Dysphagia, 2026-02-09", card.Summary);
        Assert.Contains("Review and acknowledge", card.Summary);
        Assert.True(card.Summary.Length < 140);
        Assert.Contains("S2", card.SourceLabel);
        var finding = Assert.Single(LibraryFindings(RuleId.PriorDistantSpread, Dysphagia, NeckPain));
        Assert.Contains(Plain(finding.Message), Plain(card.Detail));
        Assert.DoesNotContain("neck pain", card.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Distant_spread_after_an_earlier_session_still_counts()
    {
        await using var host = await CdsHost.StartAsync();
        var early = AdverseEvent.Resolved(AdverseEventTerm.Diplopia, new DateOnly(2025, 11, 20), 10, AdverseEventSeverity.Moderate);
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], History(), adverseEvents: AdverseEvents("2025-11-10", early)));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("prior-distant-spread", card.TopicCode);
        Assert.Contains("2025-11-10", card.Detail);
    }

    [Fact]
    public async Task Ptosis_and_neck_weakness_are_a_warning_naming_the_muscles_without_a_dose()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], History(), adverseEvents: AdverseEvents(Last, Ptosis, NeckWeakness)));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("warning", card.Indicator);
        Assert.Equal("prior-local-weakness", card.TopicCode);
        Assert.Equal("Neck weakness, eyelid ptosis after the last session (2026-02-02): review the frontal-region and neck injection sites and technique", card.Summary);
        Assert.Contains("frontalis, corrugator, procerus", card.Detail);
        Assert.Contains("cervical paraspinal, trapezius", card.Detail);
        foreach (var finding in LibraryFindings(RuleId.PriorLocalWeakness, Ptosis, NeckWeakness))
        {
            Assert.Contains(Plain(finding.Message), Plain(card.Detail));
        }

        Assert.DoesNotMatch(@"\d+(\.\d+)? ?(U|units)\b", card.Detail);
        Assert.All(System.Text.RegularExpressions.Regex.Matches(card.Detail, @"[^.]*\bdose\b[^.]*").Select(m => m.Value), sentence => Assert.Contains("suggests no dose", sentence));
    }

    [Fact]
    public async Task Weakness_after_an_earlier_session_only_or_neck_pain_gives_no_card()
    {
        await using var host = await CdsHost.StartAsync();
        var early = AdverseEvent.Resolved(AdverseEventTerm.EyelidPtosis, new DateOnly(2025, 11, 20), 10, AdverseEventSeverity.Mild);
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], History(), adverseEvents: [.. AdverseEvents("2025-11-10", early), .. AdverseEvents(Last, NeckPain)]));
        Assert.Empty(await CardsResult.ReadAsync(response));
    }

    [Fact]
    public async Task An_event_goes_on_the_administration_its_suspect_entity_names()
    {
        // Onset after the last session, but the suspect entity is the earlier one: not after the last session.
        var late = AdverseEvent.Resolved(AdverseEventTerm.EyelidPtosis, new DateOnly(2026, 2, 12), 5, AdverseEventSeverity.Mild);
        var named = AdverseEvents("2025-11-10", late).Single();
        named.SuspectEntity = [new Hl7.Fhir.Model.AdverseEvent.SuspectEntityComponent { Instance = new Hl7.Fhir.Model.ResourceReference("MedicationAdministration/ma-2025-11-10-155") }];
        var dated = AdverseEvents("2025-11-10", late).Single();
        await using var host = await CdsHost.StartAsync();
        Assert.Empty(await CardsResult.ReadAsync(await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], History(), adverseEvents: [named]))));
        var card = Assert.Single(await CardsResult.ReadAsync(await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], History(), adverseEvents: [dated]))));
        Assert.Equal("prior-local-weakness", card.TopicCode);
    }

    [Fact]
    public async Task Patient_view_lists_the_last_session_events_and_flags_the_boxed_warning()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(PatientView, PatientViewRequest(History(), adverseEvents: AdverseEvents(Last, NeckPain, Dysphagia)));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("info", card.Indicator);
        Assert.StartsWith("Boxed-warning event on record.", card.Summary, StringComparison.Ordinal);
        Assert.Contains($"Adverse events after the last session ({Last}):", card.Detail);
        Assert.Contains("  - Neck pain, onset 2026-02-03, resolved after 4 days, mild, not serious\n", card.Detail);
        Assert.Contains("  - **Boxed warning (distant spread):** Dysphagia, onset 2026-02-09, ongoing, severe, serious\n", card.Detail);
        Assert.Contains("S2", card.Detail);
    }

    [Fact]
    public async Task Patient_view_without_adverse_events_says_none_or_cannot_tell()
    {
        await using var host = await CdsHost.StartAsync();
        var none = Assert.Single(await CardsResult.ReadAsync(await host.PostAsync(PatientView, PatientViewRequest(History(), adverseEvents: []))));
        Assert.Contains($"Adverse events after the last session ({Last}): none recorded", none.Detail);
        Assert.DoesNotContain("Boxed", none.Summary);
        var missing = Assert.Single(await CardsResult.ReadAsync(await host.PostAsync(PatientView, PatientViewRequest(History()))));
        Assert.Contains("Adverse events: not provided", missing.Detail);
        Assert.Contains("cannot tell", missing.Detail);
    }

    [Fact]
    public async Task Missing_adverse_event_prefetch_is_fetched_from_the_fhir_server()
    {
        var recorded = new Dictionary<string, string>
        {
            [$"/fhir/AdverseEvent?subject=Patient/{PatientId}"] = SearchSet(AdverseEvents(Last, Dysphagia)).ToJson(),
        };
        await using var fhir = await FhirDouble.StartAsync(recorded);
        fhir.RequiredToken = "token-1";
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], History(), fhirServer: fhir.BaseUrl + "/fhir", accessToken: "token-1"));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("prior-distant-spread", card.TopicCode);
        var request = Assert.Single(fhir.Requests);
        Assert.Equal($"/fhir/AdverseEvent?subject=Patient/{PatientId}", request.PathAndQuery);
        Assert.Equal("Bearer token-1", request.Authorization);
    }

    [Fact]
    public async Task An_event_not_in_the_package_shape_is_counted_not_read()
    {
        var foreign = AdverseEvents(Last, Dysphagia).Single();
        foreign.Event!.Coding.RemoveAll(c => c.System == Fhir.Terminology.FhirTerminology.AdverseEventSystem);
        await using var host = await CdsHost.StartAsync();
        Assert.Empty(await CardsResult.ReadAsync(await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], History(), adverseEvents: [foreign]))));
        var card = Assert.Single(await CardsResult.ReadAsync(await host.PostAsync(PatientView, PatientViewRequest(History(), adverseEvents: [foreign]))));
        Assert.Contains("1 AdverseEvent resource(s) not read", card.Detail);
    }

    [Fact]
    public async Task A_fetch_refused_for_adverse_events_is_412()
    {
        await using var fhir = await FhirDouble.StartAsync(new Dictionary<string, string>());
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(PatientView, PatientViewRequest(History(), fhirServer: fhir.BaseUrl + "/fhir", accessToken: "t"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("$.prefetch.adverseEvents", await response.Content.ReadAsStringAsync());
    }

    /// <summary>The text without markdown escapes.</summary>
    private static string Plain(string markdown) => System.Text.RegularExpressions.Regex.Replace(markdown, @"\\(.)", "$1");
}
