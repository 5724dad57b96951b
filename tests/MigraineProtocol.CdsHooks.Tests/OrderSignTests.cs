using System.Net;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using MigraineProtocol.CdsHooks.Tests.TestSupport;
using MigraineProtocol.Definitions;
using MigraineProtocol.Fhir.Diaries;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Sessions;
using static MigraineProtocol.CdsHooks.Tests.TestSupport.Fixtures;

namespace MigraineProtocol.CdsHooks.Tests;

public sealed class OrderSignTests
{
    private const string OrderDate = "2026-03-30";

    [Fact]
    public async Task On_schedule_order_gets_an_empty_cards_array()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], [Administration("2025-10-13", 155), Administration("2026-01-05", 155)]));
        Assert.Empty(await CardsResult.ReadAsync(response));
        Assert.Equal("{\"cards\":[]}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Retreatment_after_60_days_is_a_warning_with_the_earliest_date()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], [Administration("2026-01-29", 155)]));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("warning", card.Indicator);
        Assert.Equal("retreatment-interval", card.TopicCode);
        Assert.Contains("60 days", card.Summary);
        Assert.Contains("2026-04-23", card.Summary); // 2026-01-29 + 84 days
        Assert.Contains("S1, S3", card.SourceLabel);
        Assert.Contains("2026-01-29", card.Detail);
    }

    [Fact]
    public async Task Cumulative_excess_across_indications_is_critical_with_the_headroom()
    {
        await using var host = await CdsHost.StartAsync();
        var history = new[] { Administration("2026-01-05", 155), Administration("2026-03-09", 300, reason: "Cervical dystonia") };
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], history));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("critical", card.Indicator);
        Assert.Equal("cumulative-dose-limit", card.TopicCode);
        Assert.Contains("300 U already given in this cycle; headroom 100 U", card.Summary);
        Assert.Contains("S18", card.SourceLabel);
        Assert.Contains("Headroom on 2026-03-30: 100 U", card.Detail);
        Assert.Contains("within the interval and the limit: 2026-06-01", card.Detail); // the 300 U leaves the 84-day cycle
    }

    [Fact]
    public async Task Another_indication_every_cycle_on_label_stays_within_the_per_cycle_limit()
    {
        // Issue 11: 155 U for chronic migraine with 200 U for cervical dystonia 84 days earlier and again the day before.
        await using var host = await CdsHost.StartAsync();
        var history = new[] { Administration("2026-01-05", 155), Administration("2026-01-05", 200, reason: "Cervical dystonia"), Administration("2026-03-29", 200, reason: "Cervical dystonia") };
        Assert.Empty(await CardsResult.ReadAsync(await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], history))));
    }

    [Theory]
    [InlineData("Dysport", "J0586")]
    [InlineData("Xeomin (incobotulinumtoxinA)", "J0588")]
    [InlineData("abobotulinumtoxinA", null)]
    public async Task Another_toxin_is_critical_and_gets_no_botox_cards(string product, string? hcpcs)
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate, 500, product, hcpcs)], [Administration("2026-03-01", 155)]));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("critical", card.Indicator);
        Assert.Equal("product", card.TopicCode);
        Assert.Contains("not interchangeable", card.Summary);
        Assert.Contains("S7", card.SourceLabel);
    }

    [Fact]
    public async Task The_spec_example_with_only_an_amoxicillin_order_needs_no_prefetch_and_gets_no_card()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([Amoxicillin()], prefetch: false));
        Assert.Empty(await CardsResult.ReadAsync(response));
    }

    [Fact]
    public async Task The_spec_example_with_a_botox_order_added_is_judged_on_the_botox_order_only()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([Amoxicillin(), ToxinOrder(OrderDate)], [Administration("2026-01-29", 155)]));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("retreatment-interval", card.TopicCode);
    }

    [Fact]
    public async Task Administrations_exported_by_the_Fhir_package_count_as_chronic_migraine_sessions()
    {
        var session = TreatmentSession.FromProtocol(KnownProtocols.Preempt, new DateOnly(2026, 1, 29));
        var bundle = SessionFhirMapper.ToBundle(session, new FhirExportOptions(new FhirReference("Patient/" + PatientId)));
        var administrations = bundle.Entry.Select(e => e.Resource).OfType<MedicationAdministration>().ToList();
        Assert.Equal(31, administrations.Count);
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], administrations));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("retreatment-interval", card.TopicCode);
        Assert.Contains("60 days", card.Summary);
    }

    [Fact]
    public async Task Another_indication_does_not_start_the_retreatment_interval()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], [Administration("2026-01-05", 155), Administration("2026-02-20", 50, reason: "Cervical dystonia")]));
        Assert.Empty(await CardsResult.ReadAsync(response));
    }

    [Fact]
    public async Task An_order_without_a_dose_in_units_says_cannot_tell()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate, units: null)], [Administration("2026-01-05", 155)]));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("cumulative-dose-limit", card.TopicCode);
        Assert.Contains("cannot tell", card.Summary);
    }

    [Fact]
    public async Task Nice_stopping_rule_met_after_two_cycles_is_a_warning()
    {
        var diary = DiaryObservations(
            new DiaryPeriodCounts(new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 28), 28, 20, 12),
            new DiaryPeriodCounts(new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 1), 28, 18, 10));
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], [Administration("2025-10-13", 155), Administration("2026-01-05", 155)], diary));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("warning", card.Indicator);
        Assert.Equal("nice-ta260-stopping", card.TopicCode);
        Assert.Contains("30%", card.Summary);
        Assert.Contains("10% reduction", card.Detail);
        Assert.Contains("S9", card.SourceLabel);
    }

    [Fact]
    public async Task Nice_stopping_rule_not_met_gives_no_card()
    {
        var diary = DiaryObservations(
            new DiaryPeriodCounts(new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 28), 28, 20, 12),
            new DiaryPeriodCounts(new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 1), 28, 12, 7));
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], [Administration("2025-10-13", 155), Administration("2026-01-05", 155)], diary));
        Assert.Empty(await CardsResult.ReadAsync(response));
    }

    [Fact]
    public async Task First_order_with_a_diary_under_the_start_criteria_is_a_warning()
    {
        var diary = DiaryObservations(new DiaryPeriodCounts(new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 1), 28, 10, 6));
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], [], diary));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("warning", card.Indicator);
        Assert.Equal("nice-ta260-start", card.TopicCode);
        Assert.Contains("not met", card.Summary);
    }

    [Fact]
    public async Task Unrecorded_days_that_could_change_the_start_verdict_say_cannot_tell()
    {
        var diary = DiaryObservations(new DiaryPeriodCounts(new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 1), 20, 12, 8));
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], [], diary));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("info", card.Indicator);
        Assert.Contains("cannot tell", card.Summary);
    }

    [Fact]
    public async Task Card_ids_are_derived_from_the_hook_instance()
    {
        await using var host = await CdsHost.StartAsync();
        var request = OrderSignRequest([ToxinOrder(OrderDate)], [Administration("2026-01-29", 155)]);
        var first = Assert.Single(await CardsResult.ReadAsync(await host.PostAsync(OrderSign, request)));
        var second = Assert.Single(await CardsResult.ReadAsync(await host.PostAsync(OrderSign, request)));
        Assert.Equal(first.Uuid, second.Uuid);
        var other = Assert.Single(await CardsResult.ReadAsync(await host.PostAsync(OrderSign, request.Replace("d1577c69", "e1577c69", StringComparison.Ordinal))));
        Assert.NotEqual(first.Uuid, other.Uuid);
    }

    [Fact]
    public async Task Logs_carry_no_patient_data()
    {
        await using var host = await CdsHost.StartAsync();
        await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate, 155, "Dysport", "J0586")], [Administration("2026-01-29", 155)]));
        await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], [Administration("2026-01-29", 155)]));
        await host.PostAsync(PatientView, PatientViewRequest([Administration("2026-01-29", 155)]));
        await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], [Administration("2026-01-29", 155)]).Replace("\"1288992\"", "\"1288992!\"", StringComparison.Ordinal));
        var events = AdverseEvents("2026-01-29", MigraineProtocol.Sessions.AdverseEvent.Ongoing(AdverseEventTerm.Dysphagia, new DateOnly(2026, 2, 11), AdverseEventSeverity.Severe, serious: true), MigraineProtocol.Sessions.AdverseEvent.Resolved(AdverseEventTerm.EyelidPtosis, new DateOnly(2026, 2, 13), 9, AdverseEventSeverity.Mild)).ToList();
        await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder(OrderDate)], [Administration("2026-01-29", 155)], adverseEvents: events));
        await host.PostAsync(PatientView, PatientViewRequest([Administration("2026-01-29", 155)], adverseEvents: events));
        var logs = string.Join("\n", host.Logs.Messages);
        Assert.Contains("order-sign", logs);
        foreach (var secret in new[] { PatientId, "Dysport", "2026-01-29", "1974-12-25", "PractitionerRole/123", "89284", "2026-02-11", "2026-02-13", "ysphagia", "tosis", "serious" })
        {
            Assert.DoesNotContain(secret, logs);
        }
    }

    [Fact]
    public async Task Discovery_lists_both_services_with_their_prefetch_templates()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.Client.GetAsync("/cds-services");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var services = doc.RootElement.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(["order-sign", "patient-view"], services.Select(s => s.GetProperty("hook").GetString()));
        foreach (var s in services)
        {
            Assert.False(string.IsNullOrEmpty(s.GetProperty("description").GetString()));
            Assert.Equal("Patient/{{context.patientId}}", s.GetProperty("prefetch").GetProperty("patient").GetString());
            Assert.StartsWith("MedicationAdministration?patient={{context.patientId}}", s.GetProperty("prefetch").GetProperty("toxinAdministrations").GetString(), StringComparison.Ordinal);
        }
    }
}
