using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// Cohorts as an integrator builds them: arms from code or CSV (a bad number is one problem, never an
/// exception; 366 days is the last accepted value), adverse-event counts whose every argument check names
/// the argument, and the shipped published figures with their fields set.
/// </summary>
public partial class OutcomesEdgeTests
{
    private static readonly PatientOutcome[] TwoPatients = [new PatientOutcome(20, 8), new PatientOutcome(18, 12)];

    [Fact]
    public void ACohortArmChecksItsPatientsAndIds()
    {
        Rejects("patients", "Arm 'A' must have at least one patient", () => _ = new CohortArm("A", [], []));
        Rejects("patientIds", "Arm 'A' needs one non-empty id per patient", () => _ = new CohortArm("A", TwoPatients, ["p1", "p2", "p3"]));
        Rejects("patientIds", "Arm 'A' needs one non-empty id per patient", () => _ = new CohortArm("A", TwoPatients, ["p1", ""]));
        Rejects("patientIds", "Arm 'A' needs one non-empty id per patient", () => _ = new CohortArm("A", TwoPatients, ["p1"]));
        Assert.Equal("patients", Assert.Throws<ArgumentNullException>(() => _ = new CohortArm("A", null!, ["p1"])).ParamName);
        Assert.Equal("patientIds", Assert.Throws<ArgumentNullException>(() => _ = new CohortArm("A", TwoPatients, null!)).ParamName);

        var arm = new CohortArm("A", TwoPatients, ["p1", "p2"]);
        Assert.Equal("A (2 patients)", arm.ToString());
        Assert.Equal("p1,p2", string.Join(",", arm.PatientIds));
    }

    [Fact]
    public void CohortOutcomesCheckTheirArms()
    {
        Assert.Equal("arms", Assert.Throws<ArgumentNullException>(() => CohortOutcomes.Summarize(null!, ResponderThreshold.Percent50, 0.95)).ParamName);
        Rejects("arms", "A cohort needs at least one arm", () => CohortOutcomes.Summarize([], ResponderThreshold.Percent50, 0.95));
        var arm = new CohortArm("A", TwoPatients, ["p1", "p2"]);
        Rejects("arms", "Two arms share a name", () => CohortOutcomes.Summarize([arm, new CohortArm("A", TwoPatients, ["p3", "p4"])], ResponderThreshold.Percent50, 0.95));
    }

    /// <summary>A value that is not a number is one problem (it is not also read as a baseline of 0); 366 days is accepted, 366.5 is not.</summary>
    [Fact]
    public void CohortCsvReportsEachBadNumberOnceAndAcceptsTheLimit()
    {
        const string Header = OutcomeCohortCsv.Header + "\n";
        Assert.False(OutcomeCohortCsv.TryRead(Header + "P1,a,abc,10\nP2,a,20,10\n", "c.csv", out var arms, out var problems));
        Assert.Empty(arms);
        var problem = Assert.Single(problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("is not a number of days", problem.Message, StringComparison.Ordinal);

        Assert.False(OutcomeCohortCsv.TryRead(Header + "P1,a,20,-3\n", "c.csv", out _, out problems));
        Assert.Contains("cannot be negative", Assert.Single(problems).Message, StringComparison.Ordinal);

        Assert.True(OutcomeCohortCsv.TryRead(Header + "P1,a,366,366\nP2,a,30,0\n", "c.csv", out arms, out problems));
        Assert.Empty(problems);
        Assert.Equal(new PatientOutcome(366, 366), Assert.Single(arms).Patients[0]);

        Assert.False(OutcomeCohortCsv.TryRead(Header + "P1,a,366.5,3\n", "c.csv", out _, out problems));
        Assert.Contains("at most 366 headache days", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AdverseEventCohortChecksEachArgument()
    {
        Assert.Equal("arms", Assert.Throws<ArgumentNullException>(() => AdverseEventCohort.FromArms(null!)).ParamName);
        var cohort = new AdverseEventCohort().AddPatient("p1", "BOTOX").AddPatient("p2", "BOTOX").AddPatient("p3", "placebo");
        Rejects("patientId", "must not be", () => cohort.AddPatient(" ", "BOTOX"));
        Rejects("patientId", "Patient 'p1' was already added", () => cohort.AddPatient("p1", "placebo"));
        Rejects("term", "must not be", () => cohort.AddEvent("p1", " "));
        Rejects("term", "'any' is the row of any event, not a term", () => cohort.AddEvent("p1", AdverseEventCohort.AnyEvent));
        Rejects("patientId", "Patient 'p9' is not in the cohort", () => cohort.AddEvent("p9", "ptosis"));
        Rejects("term", "must not be", () => cohort.AddTerm("  "));
        Rejects("term", "'any' is the row of any event, not a term", () => cohort.AddTerm(AdverseEventCohort.AnyEvent));
        Rejects("level", "strictly between 0 and 1", () => new AdverseEventCohort().Rates(1.0));
        Assert.Contains("The cohort has no patients", Assert.Throws<InvalidOperationException>(() => new AdverseEventCohort().Rates()).Message, StringComparison.Ordinal);

        var rates = cohort.AddEvent("p1", "ptosis").AddEvent("p1", "ptosis").AddEvent("p2", "neck pain").Rates();
        var ptosis = rates.Single(r => r.Arm == "BOTOX" && r.Term == "ptosis");
        Assert.Equal("BOTOX ptosis: 1/2", ptosis.ToString());
        Assert.Equal("BOTOX any: 2/2", rates.Single(r => r.Arm == "BOTOX" && r.Term == AdverseEventCohort.AnyEvent).ToString());
        Assert.Equal("placebo any: 0/1", rates.Single(r => r.Arm == "placebo" && r.Term == AdverseEventCohort.AnyEvent).ToString());
    }

    [Fact]
    public void PublishedOutcomesCarryEveryField()
    {
        Assert.Equal(8, PublishedOutcomes.All.Count);
        foreach (var p in PublishedOutcomes.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Id));
            Assert.False(string.IsNullOrWhiteSpace(p.Study));
            Assert.False(string.IsNullOrWhiteSpace(p.TimePoint));
            Assert.True(double.IsFinite(p.Value) && p.Value != 0, p.Id);
            Assert.NotNull(p.Source);
            Assert.Equal(VerificationLevel.Verified, p.Source.Verification);
        }

        Assert.Equal("COMPEL", PublishedOutcomes.CompelWeek108.Study);
        Assert.Equal(-10.7, PublishedOutcomes.CompelWeek108.Value);
    }

    [Fact]
    public void PublishedAdverseEventRatesCarryEveryField()
    {
        Assert.Equal(PublishedAdverseEventRates.All.Count, PublishedAdverseEventRates.All.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var p in PublishedAdverseEventRates.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Id));
            Assert.False(string.IsNullOrWhiteSpace(p.Study));
            Assert.False(string.IsNullOrWhiteSpace(p.Term));
            Assert.False(string.IsNullOrWhiteSpace(p.Measure));
            Assert.True(p.Value is > 0 and < 1, p.Id);
            Assert.NotNull(p.Source);
        }

        var neck = PublishedAdverseEventRates.All.Single(p => p.Id == "preempt-pooled-neck-pain");
        Assert.Equal((0.087, 0.027, false, "neck-pain"), (neck.Value, neck.ComparatorValue!.Value, neck.IsTreatmentRelated, neck.Term));
        Assert.Contains(PublishedAdverseEventRates.All, p => p.IsTreatmentRelated);
    }

    [Fact]
    public void ArmSummariesDescribeThemselvesAndCheckTheLevelFirst()
    {
        var empty = new OutcomeAccumulator(ResponderThreshold.Percent50).Summarize("E", 0.95);
        Assert.Equal("E: n=0 (no patients)", empty.ToString());
        var two = new OutcomeAccumulator(ResponderThreshold.Percent50).AddRange(TwoPatients).Summarize("T", 0.95);
        Assert.StartsWith("T: n=2, responders 1 (", two.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("no patients", two.ToString(), StringComparison.Ordinal);

        // The level is checked before the method, for an empty arm too.
        Rejects("level", "strictly between 0 and 1", () => new OutcomeAccumulator(ResponderThreshold.Percent50).Summarize("E", 1.0, IntervalMethod.Welch));
        Rejects("method", "A responder-rate interval is Wilson or ClopperPearson", () => new OutcomeAccumulator(ResponderThreshold.Percent50).Summarize("E", 0.95, IntervalMethod.StudentT));
    }

    [Fact]
    public void PatientOutcomesCompareByValue()
    {
        Assert.False(new PatientOutcome(20, 8) != new PatientOutcome(20, 8));
        Assert.True(new PatientOutcome(20, 8) != new PatientOutcome(20, 9));
        Assert.True(new PatientOutcome(20, 8) != new PatientOutcome(21, 8));
    }
}
