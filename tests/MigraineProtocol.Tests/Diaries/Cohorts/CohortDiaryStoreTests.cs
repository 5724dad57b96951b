using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Cohorts;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Diaries.Cohorts;

public class CohortDiaryStoreTests
{
    private static readonly MedicationOveruseThresholds[] ThresholdChoices =
    [
        MedicationOveruseThresholds.Verified,
        MedicationOveruseThresholds.Verified.WithCombinationAnalgesic(6),
        MedicationOveruseThresholds.Verified.WithMultipleClasses(8),
        MedicationOveruseThresholds.Verified.WithCombinationAnalgesic(3).WithMultipleClasses(4),
    ];

    /// <summary>A cohort of diaries that each span exactly the stored periods, with the evaluation settings.</summary>
    private static Arbitrary<(HeadacheDiary[] Diaries, int Periods, int Evaluated, int Thresholds)> Cohorts() =>
        (from periods in Gen.Choose(1, 6)
         from evaluated in Gen.Choose(1, periods)
         from count in Gen.Choose(0, 15)
         from diaries in DiaryArbitraries.DiaryGen(periods * 28, periods * 28).ArrayOf(count)
         from thresholds in Gen.Choose(0, ThresholdChoices.Length - 1)
         select (diaries, periods, evaluated, thresholds)).ToArbitrary();

    private static CohortDiaryStore Store(IEnumerable<HeadacheDiary> diaries, int periods)
    {
        var builder = new CohortDiaryStoreBuilder(periods, capacity: 2);
        foreach (var d in diaries)
        {
            builder.Add(d);
        }

        return builder.Build();
    }

    [Property(MaxTest = 100)]
    public Property EvaluationAgreesWithThePerDiaryVerdicts() => Prop.ForAll(Cohorts(), c =>
    {
        var store = Store(c.Diaries, c.Periods);
        var t = ThresholdChoices[c.Thresholds];
        var got = store.Evaluate(t, c.Evaluated);
        var scalar = store.EvaluateCore(t, c.Evaluated, -1, vector: false);
        var cm = c.Diaries.Select(d => ChronicMigraineCriteria.Evaluate(d, PeriodKind.TwentyEightDays, c.Evaluated)).ToList();
        var mo = c.Diaries.Select(d => MedicationOveruseCriteria.Evaluate(d, t, PeriodKind.TwentyEightDays, c.Evaluated)).ToList();
        var periods = c.Diaries.Select(d => d.Periods(PeriodKind.TwentyEightDays)).ToList();
        return got.Equals(scalar) && got.Patients == c.Diaries.Length
            && got.ChronicMigraineMet == cm.Count(v => v.Outcome == CriterionOutcome.Met)
            && got.ChronicMigraineNotMet == cm.Count(v => v.Outcome == CriterionOutcome.NotMet)
            && got.MedicationOveruseSuspected == mo.Count(v => v.Suspected)
            && got.MultipleClassesOveruse == mo.Count(v => v.MultipleClassesOverused)
            && AcuteMedicationClasses.All.All(k => got.OveruseByClass[(int)k] == mo.Count(v => v.OverusedClasses.Contains(k)))
            && Enumerable.Range(0, c.Periods).All(p =>
                got.Periods[p] == new CohortPeriodTotals(p, periods.Sum(x => x[p].DaysRecorded), periods.Sum(x => x[p].HeadacheDays), periods.Sum(x => x[p].MigraineDays)));
    });

    [Property(MaxTest = 30)]
    public Property StoredPeriodsEqualTheDiaryPeriods() => Prop.ForAll(Cohorts(), c =>
    {
        var store = Store(c.Diaries, c.Periods);
        return c.Diaries.Select((d, i) => (d, i)).All(x =>
            store.StartOf(x.i) == x.d.Start
            && Enumerable.Range(0, c.Periods).All(p => store.GetPeriod(x.i, p).Equals(x.d.Periods(PeriodKind.TwentyEightDays)[p])));
    });

    [Fact]
    public void ParallelEvaluationEqualsSequential()
    {
        var store = RandomStore(patients: 12_000, periods: 4, seed: 7);
        var t = MedicationOveruseThresholds.Verified.WithMultipleClasses(8);
        var sequential = store.Evaluate(t, maxDegreeOfParallelism: 1);
        Assert.Equal(sequential, store.Evaluate(t));
        Assert.Equal(sequential, store.EvaluateCore(t, 4, 2, vector: false));
        Assert.Equal(sequential, store.EvaluateCore(t, 4, 1, vector: true));
        Assert.True(sequential.ChronicMigraineMet > 0 && sequential.ChronicMigraineNotMet > 0 && sequential.ChronicMigraineIndeterminate > 0);
        Assert.Equal(12_000L * 4 * 8 * 4, store.DataBytes);
    }

    [Fact]
    public void DaysPastTheStoredPeriodsAreLeftOutAndMissingDaysAreUnrecorded()
    {
        var diary = TestDiaries.Periodic(3, 20, 10);
        var store = Store([diary], 2);
        Assert.Equal(diary.Periods(PeriodKind.TwentyEightDays)[1], store.GetPeriod(0, 1));
        var shortStore = Store([TestDiaries.Periodic(1, 20, 10)], 2);
        Assert.Equal(0, shortStore.GetPeriod(0, 1).DaysRecorded);
        Assert.Equal(0, shortStore.Evaluate(MedicationOveruseThresholds.Verified, 2).ChronicMigraineMet);
    }

    [Fact]
    public void BuilderChecksItsArgumentsAndIsSpentAfterBuild()
    {
        var b = new CohortDiaryStoreBuilder(2);
        var p = b.AddPatient(TestDiaries.Start);
        Assert.Throws<ArgumentOutOfRangeException>(() => b.SetDay(p, 56, true, false, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.SetDay(1, 0, true, false, default));
        Assert.Throws<ArgumentException>(() => b.SetDay(p, 0, false, true, default));
        b.SetDay(p, 0, true, true, AcuteMedicationSet.Of(AcuteMedicationClass.Opioid));
        b.SetDay(p, 0, true, false, default);
        var store = b.Build();
        var first = store.GetPeriod(0, 0);
        Assert.Equal((1, 1, 0, 0), (first.DaysRecorded, first.HeadacheDays, first.MigraineDays, first.AnyAcuteMedicationDays));
        Assert.Throws<InvalidOperationException>(() => b.AddPatient(TestDiaries.Start));
        Assert.Throws<InvalidOperationException>(() => b.Build());
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Evaluate(MedicationOveruseThresholds.Verified, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.GetPeriod(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CohortDiaryStoreBuilder(0));
    }

    [Fact]
    public void AnEmptyCohortEvaluatesToZeroes()
    {
        var e = new CohortDiaryStoreBuilder(4, 0).Build().Evaluate(MedicationOveruseThresholds.Verified);
        Assert.Equal(0, e.Patients);
        Assert.All(e.Periods, p => Assert.Equal(0, p.DaysRecorded));
    }

    internal static CohortDiaryStore RandomStore(int patients, int periods, int seed)
    {
        var random = new Random(seed);
        var b = new CohortDiaryStoreBuilder(periods, patients);
        for (var i = 0; i < patients; i++)
        {
            var p = b.AddPatient(new DateOnly(2026, 1, 1).AddDays(random.Next(365)));
            var rate = random.Next(30, 90);
            for (var d = 0; d < periods * 28; d++)
            {
                if (random.Next(100) < 3)
                {
                    continue;
                }

                var h = random.Next(100) < rate;
                b.SetDay(p, d, h, h && random.Next(2) == 0, AcuteMedicationSet.FromMask(h ? random.Next(32) & random.Next(32) : 0));
            }
        }

        return b.Build();
    }
}
