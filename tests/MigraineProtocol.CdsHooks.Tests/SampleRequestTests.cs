using System.Globalization;
using MigraineProtocol.CdsHooks.Tests.TestSupport;
using MigraineProtocol.Fhir.Diaries;
using static MigraineProtocol.CdsHooks.Tests.TestSupport.Fixtures;

namespace MigraineProtocol.CdsHooks.Tests;

/// <summary>The sample requests in docs/examples/cds-hooks (README, docs/cds-hooks.md, the load test) give the cards the docs show.</summary>
public sealed class SampleRequestTests
{
    public static IEnumerable<(string File, string Json, string[] Topics)> Samples()
    {
        var tenSessions = Enumerable.Range(0, 10).Select(i => Administration(new DateOnly(2023, 11, 27).AddDays(84 * i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 155)).ToList();
        var diary = DiaryObservations(
            new DiaryPeriodCounts(new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 28), 28, 20, 12),
            new DiaryPeriodCounts(new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 1), 28, 18, 10)).ToList();
        yield return ("order-sign-60-days.json", OrderSignRequest([Amoxicillin(), ToxinOrder("2026-03-30")], [Administration("2025-11-03", 155), Administration("2026-01-29", 155)]), ["retreatment-interval"]);
        yield return ("order-sign-on-schedule.json", OrderSignRequest([ToxinOrder("2026-03-30")], [Administration("2025-10-13", 155), Administration("2026-01-05", 155)]), []);
        yield return ("order-sign-cumulative.json", OrderSignRequest([ToxinOrder("2026-03-30")], [Administration("2026-01-05", 155), Administration("2026-03-09", 300, reason: "Cervical dystonia")]), ["cumulative-dose-limit"]);
        yield return ("order-sign-other-toxin.json", OrderSignRequest([ToxinOrder("2026-03-30", 500, "Dysport", "J0586")], [Administration("2026-01-05", 155)]), ["product"]);
        yield return ("order-sign-stopping.json", OrderSignRequest([ToxinOrder("2026-03-30")], [Administration("2025-10-13", 155), Administration("2026-01-05", 155)], diary), ["nice-ta260-stopping"]);
        yield return ("order-sign-load.json", OrderSignRequest([ToxinOrder(new DateOnly(2023, 11, 27).AddDays(84 * 9 + 60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))], tenSessions, diary), ["retreatment-interval", "nice-ta260-stopping"]);
        var last = Administration("2026-01-05", 155);
        var dysphagia = AdverseEvents("2026-01-05", MigraineProtocol.Sessions.AdverseEvent.Resolved(MigraineProtocol.Sessions.AdverseEventTerm.NeckPain, new DateOnly(2026, 1, 7), 5, MigraineProtocol.Sessions.AdverseEventSeverity.Mild), MigraineProtocol.Sessions.AdverseEvent.Ongoing(MigraineProtocol.Sessions.AdverseEventTerm.Dysphagia, new DateOnly(2026, 1, 12), MigraineProtocol.Sessions.AdverseEventSeverity.Severe, serious: true)).ToList();
        var weakness = AdverseEvents("2026-01-05", MigraineProtocol.Sessions.AdverseEvent.Resolved(MigraineProtocol.Sessions.AdverseEventTerm.EyelidPtosis, new DateOnly(2026, 1, 14), 21, MigraineProtocol.Sessions.AdverseEventSeverity.Moderate), MigraineProtocol.Sessions.AdverseEvent.Resolved(MigraineProtocol.Sessions.AdverseEventTerm.MuscularWeakness, new DateOnly(2026, 1, 9), 14, MigraineProtocol.Sessions.AdverseEventSeverity.Mild, muscle: MigraineProtocol.Primitives.MuscleId.From("trapezius"))).ToList();
        yield return ("order-sign-distant-spread.json", OrderSignRequest([ToxinOrder("2026-03-30")], [Administration("2025-10-13", 155), last], adverseEvents: dysphagia), ["prior-distant-spread"]);
        yield return ("order-sign-local-weakness.json", OrderSignRequest([ToxinOrder("2026-03-30")], [Administration("2025-10-13", 155), last], adverseEvents: weakness), ["prior-local-weakness"]);
        yield return ("patient-view-adverse-events.json", PatientViewRequest([Administration("2025-10-13", 155), last], adverseEvents: dysphagia), ["summary"]);
        yield return ("patient-view.json", PatientViewRequest([Administration("2025-10-13", 155), Administration("2026-01-05", 155), Administration("2026-03-09", 100, reason: "Cervical dystonia")], diary), ["summary"]);
    }

    public static TheoryData<string> Files() => [.. Samples().Select(s => s.File)];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_sample_request_is_current_and_gives_its_cards(string file)
    {
        var sample = Samples().Single(s => s.File == file);
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "cds-hooks", file);
        if (Environment.GetEnvironmentVariable("CDS_WRITE_SAMPLES") is { } target)
        {
            File.WriteAllText(Path.Combine(target, file), sample.Json + "\n");
            path = Path.Combine(target, file);
        }

        var json = File.ReadAllText(path).TrimEnd('\n');
        Assert.Equal(sample.Json, json);
        await using var host = await CdsHost.StartAsync();
        var service = file.StartsWith("patient-view", StringComparison.Ordinal) ? PatientView : OrderSign;
        var cards = await CardsResult.ReadAsync(await host.PostAsync(service, json));
        Assert.Equal(sample.Topics, cards.Select(c => c.TopicCode));
    }
}
