using System.Net.Http.Json;
using System.Text.Json;
using Bundle = Hl7.Fhir.Model.Bundle;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MigraineProtocol.CdsHooks;
using MigraineProtocol.Definitions;
using MigraineProtocol.Diaries;
using MigraineProtocol.Dosing;
using MigraineProtocol.Fhir.Diaries;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Fhir.Terminology;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Docs.Tests.Samples;

/// <summary>
/// The C# of the reference pages (docs/*.md, which GitHub also shows): each page's copy is held equal
/// to a region here by MarkdownSnippetTests, and each region runs.
/// </summary>
public sealed class ReferencePageSamples
{
    private static TreatmentSession Session() => SessionJson.Read(Examples.Read("session-valid.json"), "session-valid.json");

    [Fact]
    public void ContributingDefinitionsBuilder()
    {
        #region contributing-builder
        var variant = KnownProtocols.Preempt.ToBuilder()
            .WithId(ProtocolId.From("clinic-175"), "PREEMPT capped at 175 U")
            .WithMaximumUnits(ToxinUnits.FromUnits(175))
            .AddSource(new Citation("clinic", "policy 2026-11", VerificationLevel.Unverified))
            .Build();
        #endregion

        Assert.Equal(ToxinUnits.FromUnits(175), variant.MaximumUnits);
    }

    [Fact]
    public void FhirRoundTrip()
    {
        TreatmentSession session = Session();
        HeadacheDiary diary = HeadacheDiaryCsv.Read(Examples.Read("diary.csv"), "diary.csv");
        #region fhir-round-trip
        var options = new FhirExportOptions(new FhirReference("Patient/123"), performer: new FhirReference("Practitioner/7"));
        var diaryPeriods = DiaryPeriodCounts.FromDiary(diary, PeriodKind.TwentyEightDays); // or DiaryPeriodCounts.From(periodSummary)
        Bundle bundle = SessionFhirMapper.ToBundle(session, options, diaryPeriods);   // diary periods are optional
        string json = FhirJson.Serialize(bundle);                                      // indented, LF, same input -> same bytes

        FhirSessionRecord back = SessionFhirMapper.Read(json, "bundle.json");   // InputException lists every problem with its place (ADR 0100)
        // back.Session, back.DiaryPeriods, back.Patient, back.Performer, back.Kind; back.ToExportOptions() exports the same Bundle again
        #endregion

        Assert.Equal(SessionJson.Write(session), SessionJson.Write(back.Session));
        Assert.Equal(json, FhirJson.Serialize(SessionFhirMapper.ToBundle(back.Session, back.ToExportOptions(), back.DiaryPeriods)));
    }

    [Fact]
    public void FhirCodeMapOfYourOwn()
    {
        var patient = new FhirReference("Patient/123");
        #region fhir-code-map
        var map = FhirCodeMap.Verified
            .WithMuscle(MuscleId.From("trapezius"), new FhirCoding("http://snomed.info/sct", "<code>", "<display>"))
            .WithProcedure(new FhirCoding("http://snomed.info/sct", "<code>"))
            .WithMedication(new FhirCoding("http://www.nlm.nih.gov/research/umls/rxnorm", "<rxcui>"));
        var options = new FhirExportOptions(patient, codeMap: map);
        #endregion

        Assert.Same(map, options.CodeMap);
    }

    [Fact]
    public void OutcomeAccumulators()
    {
        PatientOutcome[] morePatients = [new(18, 14), new(22, 8)];
        var otherSite = new OutcomeAccumulator(ResponderThreshold.Percent50).Add(new PatientOutcome(16, 6));
        ArmSummary placeboSummary = new OutcomeAccumulator(ResponderThreshold.Percent50).Add(20, 18).Add(19, 15).Add(21, 9).Summarize("placebo", 0.95);
        #region outcomes-accumulator
        var botox = new OutcomeAccumulator(ResponderThreshold.Percent50)
            .Add(new PatientOutcome(baselineHeadacheDays: 20, followUpHeadacheDays: 9))
            .AddRange(morePatients);                       // ReadOnlySpan<PatientOutcome>, allocation-free
        var merged = botox.Merge(otherSite);               // parts summed on threads or machines
        ArmSummary t = merged.Summarize("botox", 0.95);    // Wilson by default; IntervalMethod.ClopperPearson
        ArmComparison c = ArmComparison.Create(t, placeboSummary);
        // c.RiskDifference, c.RiskDifferenceInterval (Newcombe), c.NumberNeededToTreat ("NNTB 2.5"),
        // c.NumberNeededToTreatInterval (Altman: "NNTB 1.7 to 6.6" or "NNTB 36.0 to ∞ to NNTH 23.3"),
        // c.MeanChangeDifference, c.MeanChangeDifferenceInterval (Welch)
        #endregion

        Assert.Equal(4, t.Count);
        Assert.Equal(3, t.Responders);
        Assert.Equal(0.75 - (1.0 / 3), c.RiskDifference, 12);
    }

    /// <summary>A clinic rule: no follow-the-pain on a patient's first session.</summary>
    private sealed class NoFollowThePainOnFirstSession : ISessionRule
    {
        public RuleId Id { get; } = RuleId.From("clinic-first-session-ftp");

        public Severity DefaultSeverity => Severity.Warning;

        public Citation Source { get; } = new("clinic", "local policy 12", VerificationLevel.Unverified);

        public string Description => "No follow-the-pain on a first session.";

        public void Evaluate(in RuleContext context)
        {
            if (context.PreviousSessionDate is null && context.Session.Injections.Any(i => i.IsFollowThePain))
            {
                context.Report($"First session with follow-the-pain ({context.TotalUnits}).");
            }
        }
    }

    [Fact]
    public void ComposingRuleSets()
    {
        TreatmentSession session = Session();
        TreatmentHistory history = HistoryJson.Read(Examples.Read("history.json"), "history.json");
        #region rules-compose
        RuleSet clinic = RuleSet.Default
            .With(new NoFollowThePainOnFirstSession())                  // add your own rule (or replace one with the same code)
            .WithSeverity(RuleId.RetreatmentInterval, Severity.Error)   // make early retreatment an error
            .Without(RuleId.ReconstitutionConcentration);               // drop a rule
        SessionValidator validator = clinic.Compile(KnownProtocols.Preempt, ValidationOptions.Compel);
        ValidationReport report = validator.Validate(session, history);
        #endregion

        Assert.False(clinic.Contains(RuleId.ReconstitutionConcentration));
        Assert.Equal(Severity.Error, clinic.SeverityOf(RuleId.RetreatmentInterval));
        Assert.Equal(RuleSet.Default.Validate(KnownProtocols.Preempt, session, history, ValidationOptions.Compel).CumulativeUnits, report.CumulativeUnits);
    }

    [Fact]
    public async System.Threading.Tasks.Task CdsHooksInYourOwnHost()
    {
        string[] args = ["--urls", "http://127.0.0.1:0"];
        #region cds-hooks-host
        var app = WebApplication.CreateBuilder(args).Build();
        var options = new CdsHooksOptions { PublicBaseUrl = new Uri("https://cds.example.org") };
        options.TrustedIssuers.Add(new TrustedIssuer { Issuer = "https://ehr.example.org/", JwksUrl = new Uri("https://ehr.example.org/.well-known/jwks.json") });
        options.AllowedOrigins.Add("https://ehr.example.org");
        app.MapMigraineCdsHooks(options);   // returns the /cds-services route group (add rate limiting etc. to it)
        #endregion

        await app.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var discovery = await http.GetFromJsonAsync<JsonElement>("/cds-services", TestContext.Current.CancellationToken);
            var ids = discovery.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToArray();
            Assert.NotEmpty(ids);
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
        }
    }

    [Fact]
    public void AdverseEventsOnTheSession()
    {
        TreatmentSession session = Session();
        TreatmentSession nextSession = SessionJson.Read(Examples.Read("session-2026-03-02.json"), "next.json");
        #region adverse-events-model
        var neck = AdverseEvent.Resolved(AdverseEventTerm.NeckPain, onset: new(2026, 3, 4), durationDays: 5,
            AdverseEventSeverity.Moderate, serious: false, muscle: MuscleId.From("trapezius"));
        var swallow = AdverseEvent.Ongoing(AdverseEventTerm.Dysphagia, new(2026, 3, 10), AdverseEventSeverity.Severe, serious: true);
        var rash = AdverseEvent.Other("rash", new(2026, 3, 3), durationDays: 2, AdverseEventSeverity.Mild, site: SiteId.From("frontalis-left-1"));
        session = session.WithAdverseEvents([neck, swallow, rash]);              // events after this session
        var prior = Administration.FromSession(session);                        // the next session's history carries them
        var next = nextSession.WithDistantSpreadAcknowledged(true);            // the clinician's acknowledgement
        #endregion

        Assert.Equal(3, session.AdverseEvents.Length);
        Assert.Equal(3, prior.AdverseEvents.Length);
        Assert.True(next.DistantSpreadAcknowledged);
    }
}
