using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;
using static MigraineProtocol.Tests.Outcomes.ReferenceData;

namespace MigraineProtocol.Tests.Outcomes;

/// <summary>Adverse-event rates per arm against R (Reference/adverse-events.R) and a naive oracle; the published rates.</summary>
public class AdverseEventRatesTests
{
    internal static AdverseEventCohort ExampleCohort()
    {
        var cohort = new AdverseEventCohort();
        foreach (var line in File.ReadAllLines(PathOf("outcomes-cohort.csv")).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            cohort.AddPatient(f[0], f[1]);
        }

        foreach (var line in File.ReadAllLines(PathOf("adverse-events.csv")).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            cohort.AddEvent(f[0], f[1]);
        }

        foreach (var p in PublishedAdverseEventRates.All.Where(p => p.Term != AdverseEventCohort.AnyEvent))
        {
            cohort.AddTerm(p.Term);
        }

        return cohort;
    }

    [Fact]
    public void RatesAndWilsonIntervalsMatchROnTheExampleCohort()
    {
        var rows = Read("adverse-event-rates.csv");
        Assert.Equal(3 * 2 * 10, rows.Count);   // 8 terms seen, facial paresis (published only), any
        var cohort = ExampleCohort();
        foreach (var level in new[] { 0.9, 0.95, 0.99 })
        {
            var expected = rows.Where(r => r.D("level") == level).ToList();
            var actual = cohort.Rates(level);
            Assert.Equal(expected.Select(r => (r["arm"], r["term"])), actual.Select(a => (a.Arm, a.Term)));
            foreach (var (e, a) in expected.Zip(actual))
            {
                var what = $"{a} at {level}";
                Assert.Equal(e.L("x"), a.PatientsWithEvent);
                Assert.Equal(e.L("n"), a.Patients);
                Close(e.D("rate"), a.Rate, 1e-15, what + " rate");
                Close(e.D("wilson_lower"), a.Interval.Lower, 1e-12, what + " lower");
                Close(e.D("wilson_upper"), a.Interval.Upper, 1e-12, what + " upper");
                Assert.Equal(IntervalMethod.Wilson, a.Interval.Method);
            }
        }
    }

    [Fact]
    public void APatientWithTwoEventsOfATermCountsOnce()
    {
        var rates = ExampleCohort().Rates();
        Assert.Equal(4, rates.Single(r => r.Arm == "onabotulinumtoxinA" && r.Term == "neck-pain").PatientsWithEvent);   // P001 twice
        Assert.Equal(13, rates.Single(r => r.Arm == "onabotulinumtoxinA" && r.Term == AdverseEventCohort.AnyEvent).PatientsWithEvent);
    }

    [Property(MaxTest = 200)]
    public Property RatesAgreeWithANaiveCount() =>
        Prop.ForAll(
            (from arms in Gen.Choose(1, 40).Select(n => Enumerable.Range(0, n).Select(i => i % 3 == 0 ? "a" : i % 3 == 1 ? "b" : "c").ToList())
             from events in Gen.Choose(0, arms.Count - 1).Zip(Gen.Elements("neck-pain", "eyelid-ptosis", "dysphagia")).ListOf()
             select (arms, events.Select(e => (Patient: e.Item1, Term: e.Item2)).ToList())).ToArbitrary(),
            input =>
            {
                var (arms, events) = input;
                var cohort = new AdverseEventCohort();
                for (var i = 0; i < arms.Count; i++)
                {
                    cohort.AddPatient($"p{i}", arms[i]);
                }

                foreach (var (p, t) in events)
                {
                    cohort.AddEvent($"p{p}", t);
                }

                return cohort.Rates(0.95).All(r =>
                {
                    var members = Enumerable.Range(0, arms.Count).Where(i => arms[i] == r.Arm).ToHashSet();
                    var x = events.Where(e => members.Contains(e.Patient) && (r.Term == AdverseEventCohort.AnyEvent || e.Term == r.Term)).Select(e => e.Patient).Distinct().Count();
                    return r.Patients == members.Count && r.PatientsWithEvent == x && r.Interval == ProportionIntervals.Wilson(x, members.Count, 0.95);
                });
            });

    [Fact]
    public void TheCohortRejectsBadInputNamingIt()
    {
        var c = new AdverseEventCohort().AddPatient("p1", "a");
        Assert.Throws<ArgumentException>("patientId", () => c.AddPatient("p1", "b"));
        Assert.Throws<ArgumentException>("patientId", () => c.AddEvent("p2", "neck-pain"));
        Assert.Throws<ArgumentException>("term", () => c.AddEvent("p1", AdverseEventCohort.AnyEvent));
        Assert.Throws<ArgumentException>("term", () => c.AddTerm(AdverseEventCohort.AnyEvent));
        Assert.Throws<ArgumentException>("arm", () => c.AddPatient("p3", " "));
        Assert.Throws<ArgumentOutOfRangeException>("level", () => c.Rates(1));
        Assert.Throws<InvalidOperationException>(() => new AdverseEventCohort().Rates());
        Assert.Equal([("a", "any", 0L)], c.Rates().Select(r => (r.Arm, r.Term, r.PatientsWithEvent)));
    }

    [Fact]
    public void PublishedRatesAreTheVerifiedFiguresOnlyWithTheirTags()
    {
        var all = PublishedAdverseEventRates.All;
        Assert.All(all, p => Assert.True(p.Term == AdverseEventCohort.AnyEvent || AdverseEventTerms.TryParse(p.Term, out _), p.Id));
        Assert.All(all, p => Assert.NotEqual(VerificationLevel.Unverified, p.Source.Verification));
        Assert.Equal(all.Count, all.Select(p => p.Id).Distinct().Count());
        var preempt = all.Single(p => p.Id == "preempt-pooled-neck-pain");
        Assert.Equal((0.087, 0.027, "S5", VerificationLevel.VerifiedSecondary), (preempt.Value, preempt.ComparatorValue!.Value, preempt.Source.Source, preempt.Source.Verification));
        Assert.Equal((0.036, "S5"), (all.Single(p => p.Id == "preempt-pooled-eyelid-ptosis").Value, all.Single(p => p.Id == "preempt-pooled-eyelid-ptosis").Source.Source));
        Assert.Equal((0.067, 0.022, "S11c"), (all.Single(p => p.Id == "preempt-pooled-neck-pain-related").Value, all.Single(p => p.Id == "preempt-pooled-neck-pain-related").ComparatorValue!.Value, all.Single(p => p.Id == "preempt-pooled-neck-pain-related").Source.Source));
        var compel = all.Where(p => p.Study.StartsWith("COMPEL", StringComparison.Ordinal)).ToList();
        Assert.All(compel, p => Assert.Equal(("S12", VerificationLevel.Verified, true), (p.Source.Source, p.Source.Verification, p.IsTreatmentRelated)));
        Assert.Equal(0.183, compel.Single(p => p.Term == AdverseEventCohort.AnyEvent).Value);
        Assert.Equal(0.041, compel.Single(p => p.Term == "neck-pain").Value);
        // The US PI table of §2.2 is unverified except neck pain: its ptosis (4%), facial paresis (2%) and stiffness (4%) rows are not shipped.
        Assert.Single(all, p => p.Source.Source == "S14");
        Assert.DoesNotContain(all, p => p.Value == 0.04 || (p.Term == "facial-paresis" && p.Value == 0.02));
    }
}
