using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Primitives;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Serialization;

/// <summary>Adverse events in the session and history JSON: the documented shape, round-trips and strict errors.</summary>
public class AdverseEventJsonTests
{
    private const string Documented = """
        {"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}],
         "adverseEvents": [
           {"term": "neck-pain", "onset": "2026-03-04", "durationDays": 5, "severity": "moderate", "serious": false, "muscle": "trapezius"},
           {"term": "dysphagia", "onset": "2026-03-10", "ongoing": true, "severity": "severe", "serious": true},
           {"term": "other", "text": "rash", "onset": "2026-03-03", "durationDays": 2, "severity": "mild", "serious": false, "site": "frontalis-left-1"}
         ],
         "distantSpreadAcknowledged": true}
        """;

    [Fact]
    public void ReadsTheDocumentedShape()
    {
        var s = SessionJson.Read(Documented, "s.json");
        Assert.True(s.DistantSpreadAcknowledged);
        Assert.Equal(3, s.AdverseEvents.Length);
        Assert.Equal(AdverseEvent.Resolved(AdverseEventTerm.NeckPain, new DateOnly(2026, 3, 4), 5, AdverseEventSeverity.Moderate, muscle: MuscleId.From("trapezius")), s.AdverseEvents[0]);
        Assert.Equal(AdverseEvent.Ongoing(AdverseEventTerm.Dysphagia, new DateOnly(2026, 3, 10), AdverseEventSeverity.Severe, serious: true), s.AdverseEvents[1]);
        Assert.Equal(AdverseEvent.Other("rash", new DateOnly(2026, 3, 3), 2, AdverseEventSeverity.Mild, site: SiteId.From("frontalis-left-1")), s.AdverseEvents[2]);
        Assert.Equal(s, SessionJson.Read(SessionJson.Write(s), "again.json"));
    }

    [Fact]
    public void WritesOngoingAsTrueAndLeavesOutEmptyEventsAndNoAcknowledgement()
    {
        var s = SessionJson.Read(Documented, "s.json");
        var json = SessionJson.Write(s);
        Assert.Contains("\"ongoing\": true", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ongoing\": false", json, StringComparison.Ordinal);
        var plain = SessionJson.Write(s.WithAdverseEvents([]).WithDistantSpreadAcknowledged(false));
        Assert.DoesNotContain("adverseEvents", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("distantSpreadAcknowledged", plain, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public Property EventsRoundTripThroughTheHistory() =>
        Prop.ForAll(SessionArbitraries.AdverseEvents(new DateOnly(2026, 1, 5)).ListOf().ToArbitrary(), events =>
        {
            var h = new TreatmentHistory([new Administration(new DateOnly(2026, 1, 5), MigraineProtocol.Dosing.ToxinUnits.FromUnits(155), "chronic-migraine").WithAdverseEvents(events)]);
            return HistoryJson.Read(HistoryJson.Write(h), "h.json").Equals(h);
        });

    [Theory]
    [InlineData("""{"term": "inflammation", "onset": "2026-03-04", "durationDays": 1, "severity": "mild", "serious": false}""", "h.json:1:", "$.adverseEvents[0].term: 'inflammation' is not an adverse-event term")]
    [InlineData("""{"term": "other", "onset": "2026-03-04", "durationDays": 1, "severity": "mild", "serious": false}""", "", "$.adverseEvents[0]: an 'other' adverse event needs \"text\"")]
    [InlineData("""{"term": "headache", "text": "x", "onset": "2026-03-04", "durationDays": 1, "severity": "mild", "serious": false}""", "", "$.adverseEvents[0].text: \"text\" is only for term 'other'")]
    [InlineData("""{"term": "headache", "onset": "2026-03-04", "severity": "mild", "serious": false}""", "", "needs \"durationDays\" (whole days, 0 for the same day) or \"ongoing\": true")]
    [InlineData("""{"term": "headache", "onset": "2026-03-04", "durationDays": 2, "ongoing": true, "severity": "mild", "serious": false}""", "", "either \"durationDays\" (resolved) or \"ongoing\": true, not both")]
    [InlineData("""{"term": "headache", "onset": "2026-03-04", "durationDays": -2, "severity": "mild", "serious": false}""", "", "$.adverseEvents[0].durationDays: -2 days")]
    [InlineData("""{"term": "headache", "onset": "04/03/2026", "durationDays": 2, "severity": "mild", "serious": false}""", "", "$.adverseEvents[0].onset: '04/03/2026' is not a date")]
    [InlineData("""{"term": "headache", "onset": "2026-03-04", "durationDays": 2, "severity": "grave", "serious": false}""", "", "$.adverseEvents[0].severity: 'grave' is not a severity")]
    [InlineData("""{"term": "headache", "onset": "2026-03-04", "durationDays": 2, "severity": "mild", "serious": false, "muscle": "Trapezius"}""", "", "$.adverseEvents[0].muscle: 'Trapezius' is not a muscle id")]
    [InlineData("""{"term": "headache", "onset": "2026-03-04", "durationDays": 2, "severity": "mild", "serious": false, "site": "a b"}""", "", "$.adverseEvents[0].site: 'a b' is not a site id")]
    [InlineData("""{"term": "headache", "onset": "2026-03-04", "durationDays": 2, "severity": "mild"}""", "", "serious")]
    [InlineData("""{"term": "headache", "onset": "2026-03-04", "durationDays": 2, "severity": "mild", "serious": false, "grade": 3}""", "", "grade")]
    [InlineData("null", "", "$.adverseEvents[0]: null is not allowed here; expected an object.")]
    [InlineData("""{"term": "headache", "onset": "2026-03-01", "durationDays": 2, "severity": "mild", "serious": false}""", "", "$.adverseEvents[0].onset: '2026-03-01' is before the date it follows, 2026-03-02")]
    public void BadEventsAreProblemsNamingTheJsonPath(string item, string prefix, string expected)
    {
        var json = "{\"date\": \"2026-03-02\", \"injections\": [], \"adverseEvents\": [" + item + "]}";
        Assert.False(SessionJson.TryRead(json, "h.json", out var s, out var problems));
        Assert.Null(s);
        var p = Assert.Single(problems).ToString();
        Assert.StartsWith("h.json", p, StringComparison.Ordinal);
        Assert.Contains(prefix, p, StringComparison.Ordinal);
        Assert.Contains(expected, p, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", p, StringComparison.Ordinal);
    }

    [Fact]
    public void AHistoryAdministrationCarriesItsEventsWithTheirPath()
    {
        var h = HistoryJson.Read("""
            {"administrations": [{"date": "2026-01-05", "units": 155, "indication": "chronic-migraine",
              "adverseEvents": [{"term": "eyelid-ptosis", "onset": "2026-01-12", "durationDays": 21, "severity": "mild", "serious": false}]}]}
            """, "h.json");
        Assert.Equal(AdverseEventTerm.EyelidPtosis, Assert.Single(Assert.Single(h.Administrations).AdverseEvents).Term);
        Assert.False(HistoryJson.TryRead("""{"administrations": [{"date": "2026-01-05", "units": 155, "indication": "chronic-migraine", "adverseEvents": [{"term": "x", "onset": "2026-01-12", "durationDays": 1, "severity": "mild", "serious": false}]}]}""", "h.json", out _, out var problems));
        Assert.Contains("$.administrations[0].adverseEvents[0].term", Assert.Single(problems).ToString(), StringComparison.Ordinal);
    }
}
