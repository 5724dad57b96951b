using MigraineProtocol.Charts;
using MigraineProtocol.Definitions;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Diaries;
using MigraineProtocol.Dosing;
using MigraineProtocol.Input;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rendering;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Docs.Tests.Samples;

/// <summary>The snippets of docs/guides/developer.md, each run as a test; the assertions below a region check what its comments claim.</summary>
public sealed class DeveloperGuideSamples
{
    [Fact]
    public void Plan()
    {
        #region plan
        TreatmentProtocol preempt = KnownProtocols.Preempt;
        Console.WriteLine(preempt);   // preempt (155 U at 31 sites, up to 195 U at 39 sites)
        foreach (ProtocolSite site in preempt.Sites.Take(3))
        {
            Console.WriteLine($"{site.Site.Id} {site.Units}");   // procerus 5 U, ...
        }
        #endregion

        Assert.Equal("preempt (155 U at 31 sites, up to 195 U at 39 sites)", preempt.ToString());
        Assert.Equal(31, preempt.Sites.Length);
        Assert.Equal(ToxinUnits.FromUnits(155), preempt.FixedUnits);
    }

    [Fact]
    public void Doses()
    {
        #region doses
        Reconstitution vial = Reconstitution.Vial100In2Ml;                      // 100 U in 2 mL: 5 U per 0.1 mL
        Volume perSite = vial.VolumeFor(ToxinUnits.FromUnits(5));               // 0.1 mL
        VialUsage usage = vial.VialsFor(KnownProtocols.Preempt.FixedUnits);     // 2 vials, 45 U discarded
        ToxinUnits parsed = ToxinUnits.Parse("2.5 U", null);                    // exact: 0.01 U steps, never a double
        #endregion

        Assert.Equal(Volume.FromMillilitres(0.1m), perSite);
        Assert.Equal(2, usage.Vials);
        Assert.Equal(ToxinUnits.FromUnits(2.5m), parsed);
    }

    [Fact]
    public void Validate()
    {
        #region validate
        TreatmentSession session = new(
            new DateOnly(2026, 3, 2),
            KnownProtocols.Preempt.Sites.Select(s => new Injection(s.Site.Id, s.Units)),
            product: "BOTOX");
        ValidationReport report = RuleSet.Default.Validate(KnownProtocols.Preempt, session);
        Console.WriteLine(report.IsValid);   // True: every fixed site at its dose, 155 U
        foreach (RuleViolation v in report.Violations)
        {
            Console.WriteLine($"{v.Severity} {v.Code}: {v.Message} ({v.Source})");
        }
        #endregion

        Assert.True(report.IsValid);
        Assert.Equal(ToxinUnits.FromUnits(155), session.TotalUnits);
    }

    [Fact]
    public void ReadASessionFile()
    {
        var path = Examples.PathOf("session-invalid.json");
        #region read-session
        // Strict reading: every problem names the file, the line and column or the JSON path.
        if (!SessionJson.TryRead(File.ReadAllText(path), path, out TreatmentSession? read, out var problems))
        {
            foreach (InputProblem problem in problems) Console.Error.WriteLine(problem);   // file:line:column or JSON path, message, code
            return;
        }
        ValidationReport fromFile = RuleSet.Default.Validate(KnownProtocols.Preempt, read);
        Console.WriteLine(ReportJson.Write(fromFile));   // the report as JSON (docs/json-formats.md)
        #endregion

        Assert.False(fromFile.IsValid);
        Assert.Equal(fromFile, ReportJson.Read(ReportJson.Write(fromFile), "report.json"));
    }

    [Fact]
    public void Diary()
    {
        var path = Examples.PathOf("diary.csv");
        #region diary
        HeadacheDiary diary = HeadacheDiaryCsv.Read(File.ReadAllText(path), path);   // InputException (every problem) if unreadable
        foreach (PeriodSummary period in diary.Periods(PeriodKind.TwentyEightDays))
        {
            Console.WriteLine($"{period.Start:yyyy-MM-dd}..{period.End:yyyy-MM-dd}: {period.HeadacheDays} headache days, {period.MigraineDays} migraine days, {period.DaysUnrecorded} unrecorded");
        }
        Verdict chronic = ChronicMigraineCriteria.Evaluate(diary);
        Console.WriteLine(chronic.Outcome);   // Met, NotMet or Indeterminate ("cannot tell"), never a guess
        foreach (CriterionResult criterion in chronic.Criteria)
        {
            Console.WriteLine(criterion);     // each criterion with its numbers and its cited source
        }
        #endregion

        #region diary-chart
        string chart = DiaryChart.Render(diary);   // calendar strip, days per period, medication: deterministic SVG
        #endregion

        Assert.StartsWith("<svg", chart.TrimStart(), StringComparison.Ordinal);
        Assert.NotEmpty(diary.Periods(PeriodKind.TwentyEightDays));
        Assert.NotEqual(CriterionOutcome.NotAssessed, chronic.Outcome);
        Assert.All(chronic.Criteria, c => Assert.False(string.IsNullOrEmpty(c.Source.Source)));
    }

    #region payer-rule
    /// <summary>
    /// EXAMPLE ONLY, not a clinical or real payer number: "insurer X" (made up) wants 4 weeks (28 days)
    /// of recorded diary before it pays for a start.
    /// </summary>
    private sealed class InsurerXDiaryWeeks : IDiaryRule
    {
        private const int RequiredDays = 28;   // the made-up policy's number

        public CriterionId Id { get; } = CriterionId.From("insurer-x-diary-weeks");

        public string Title => "Insurer X (example): 4 weeks of diary";

        public Citation Source { get; } = new("insurer-x", "Example policy, not a real payer's", VerificationLevel.Unverified);

        public Verdict Evaluate(DiaryRuleContext context)
        {
            int recorded = context.Diary.DaysRecorded;
            CriterionOutcome outcome = recorded >= RequiredDays ? CriterionOutcome.Met : CriterionOutcome.NotMet;
            var figure = new CriterionFigure("days recorded", recorded, $">= {RequiredDays}", context.Diary.Start, context.Diary.End, recorded, context.Diary.SpanDays, outcome);
            var criterion = new CriterionResult(Id, "At least 4 weeks of recorded diary.", outcome, [figure], Source,
                outcome == CriterionOutcome.Met ? null : $"{recorded} of {RequiredDays} days recorded.");
            return new Verdict(Id, Title, outcome, [criterion], periodKind: null);
        }
    }

    [Fact]
    public void PayerRule()
    {
        HeadacheDiary diary = HeadacheDiaryCsv.Read(Examples.Read("diary.csv"), "diary.csv");
        var context = new DiaryRuleContext(diary, new EligibilityInput(preventivesFailed: 3, medicationOveruseManaged: true, adult: true));
        EligibilityAssessment assessment = EligibilityAssessment.Assess(
            context,
            [DiaryCriteria.NiceTa260Start, new InsurerXDiaryWeeks()]);   // the built-in rule and yours, through one extension point
        foreach (Verdict verdict in assessment.Verdicts)
        {
            Console.WriteLine(verdict);   // nice-ta260-start: met | not-met | indeterminate, then insurer-x-diary-weeks: ...
        }
        Console.WriteLine(assessment.Summary);   // "criteria met" only when every rule's are
        #endregion

        Assert.Equal(["nice-ta260-start", "insurer-x-diary-weeks"], assessment.Verdicts.Select(v => v.Id.Value));
        Assert.Equal(CriterionOutcome.Met, assessment.Verdicts[1].Outcome);
        Assert.Equal(NiceTa260.Start(diary, context.Input).Outcome, assessment.Verdicts[0].Outcome);
    }

    [Fact]
    public void Outcomes()
    {
        #region outcomes
        OutcomeAccumulator botox = new OutcomeAccumulator(ResponderThreshold.Percent50)
            .Add(baselineHeadacheDays: 20, followUpHeadacheDays: 9)    // a responder: 55 % fewer days
            .Add(baselineHeadacheDays: 18, followUpHeadacheDays: 14)
            .Add(baselineHeadacheDays: 22, followUpHeadacheDays: 8);
        ArmSummary arm = botox.Summarize("botox", 0.95);              // Wilson interval by default
        Console.WriteLine(arm);
        #endregion

        Assert.Equal(3, arm.Count);
        Assert.Equal(2, arm.Responders);
    }

    [Fact]
    public void Map()
    {
        var output = Path.Combine(Path.GetTempPath(), $"preempt-front-{Guid.NewGuid():N}.svg");
        #region map
        string svg = SiteMap.Render(KnownProtocols.Preempt, MapView.Front);   // deterministic SVG, same bytes in every culture
        File.WriteAllText(output, svg);
        #endregion

        try
        {
            Assert.StartsWith("<svg", File.ReadAllText(output).TrimStart(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
