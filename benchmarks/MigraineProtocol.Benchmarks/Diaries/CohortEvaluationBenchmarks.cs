using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Cohorts;
using MigraineProtocol.Diaries.Criteria;

namespace MigraineProtocol.Benchmarks.Diaries;

/// <summary>
/// Evaluates a cohort of 1,000,000 patients × 6 periods of 28 days (ICHD-3 chronic migraine and
/// medication overuse on the latest 4 periods, plus per-period totals): the compact
/// <see cref="CohortDiaryStore"/> on all cores and on one core; a plain baseline (a list of day
/// records per patient, counted with LINQ); and a raw scan that only reads the bytes the store reads
/// (the memory-bandwidth limit).
/// </summary>
[MemoryDiagnoser]
public class CohortEvaluationBenchmarks
{
    private const int Periods = 6;
    private static readonly Dictionary<int, (CohortDiaryStore Store, PatientRecord[] Records)> Cache = [];
    private static readonly MedicationOveruseThresholds Thresholds = MedicationOveruseThresholds.Verified;

    private CohortDiaryStore store = null!;
    private PatientRecord[] records = [];

    /// <summary>Gets or sets the number of patients: 1,000,000, or 10,000 in a dry run (<c>--job dry</c>), or the value of
    /// the environment variable <c>MIGRAINEPROTOCOL_BENCH_PATIENTS</c>.</summary>
    [ParamsSource(nameof(PatientCounts))]
    public int Patients { get; set; }

    /// <summary>Gets the patient counts to run: the full cohort, except in a dry (smoke) run, which must stay quick.</summary>
    public static IEnumerable<int> PatientCounts()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("MIGRAINEPROTOCOL_BENCH_PATIENTS"), out var n) && n > 0)
        {
            return [n];
        }

        var args = Environment.GetCommandLineArgs();
        var dry = args.Select((a, i) => (a, i)).Any(x => x.a == "--job" && x.i + 1 < args.Length && args[x.i + 1].Equals("dry", StringComparison.OrdinalIgnoreCase));
        return [dry ? 10_000 : 1_000_000];
    }

    [GlobalSetup]
    public void Setup()
    {
        // Built once per process (an in-process dry run shares it between the benchmarks).
        lock (Cache)
        {
            if (!Cache.TryGetValue(Patients, out var data))
            {
                data = Generate(Patients, seed: 42);
                Cache[Patients] = data;
            }

            (store, records) = data;
        }
    }

    [Benchmark(Baseline = true)]
    public long LinqListOfRecords()
    {
        // The plain way: group each patient's day records into periods and count with LINQ.
        long chronic = 0, overuse = 0, headacheDays = 0;
        foreach (var patient in records)
        {
            var periods = patient.Days
                .GroupBy(d => (d.Date.DayNumber - patient.Start.DayNumber) / 28)
                .Select(g => new
                {
                    Period = g.Key,
                    Recorded = g.Count(),
                    Headache = g.Count(d => d.Headache),
                    Migraine = g.Count(d => d.Migraine),
                    Classes = AcuteMedicationClasses.All.Select(c => g.Count(d => d.Medication.Contains(c))).ToArray(),
                })
                .ToList();
            headacheDays += periods.Sum(p => p.Headache);
            var latest = periods.Where(p => p.Period >= Periods - 4).ToList();
            if (latest.Count == 4 && latest.All(p => p.Headache >= 15 && p.Migraine >= 8))
            {
                chronic++;
            }

            if (latest.Count == 4 && AcuteMedicationClasses.All.Any(c => Thresholds.For(c) is { } t && latest.All(p => p.Classes[(int)c] >= t)))
            {
                overuse++;
            }
        }

        return chronic + overuse + headacheDays;
    }

    [Benchmark]
    public long Library()
    {
        var e = store.Evaluate(Thresholds);
        return e.ChronicMigraineMet + e.MedicationOveruseSuspected + e.Periods.Sum(p => p.HeadacheDays);
    }

    [Benchmark]
    public long LibraryOneCore()
    {
        var e = store.Evaluate(Thresholds, maxDegreeOfParallelism: 1);
        return e.ChronicMigraineMet + e.MedicationOveruseSuspected + e.Periods.Sum(p => p.HeadacheDays);
    }

    [Benchmark]
    public long RawScan()
    {
        // Reads every stored word once, on every core, doing as little as possible with it.
        var length = store.Words.Length;
        var parts = Environment.ProcessorCount;
        var sums = new long[parts];
        Parallel.For(0, parts, part =>
        {
            var from = (int)((long)length * part / parts);
            var to = (int)((long)length * (part + 1) / parts);
            var span = store.Words[from..to];
            var words = MemoryMarshal.Cast<uint, Vector<uint>>(span);
            var acc = Vector<uint>.Zero;
            foreach (var v in words)
            {
                acc ^= v;
            }

            long sum = Vector.Sum(acc);
            foreach (var w in span[(words.Length * Vector<uint>.Count)..])
            {
                sum += w;
            }

            sums[part] = sum;
        });
        return sums.Sum();
    }

    private static (CohortDiaryStore, PatientRecord[]) Generate(int patients, int seed)
    {
        var rng = new XorShift((ulong)seed + 1);
        var builder = new CohortDiaryStoreBuilder(Periods, patients);
        var list = new PatientRecord[patients];
        var start0 = new DateOnly(2025, 1, 1);
        for (var i = 0; i < patients; i++)
        {
            var start = start0.AddDays((int)rng.Below(365));
            var p = builder.AddPatient(start);
            var headacheRate = 30 + (int)rng.Below(60);
            var days = new List<DayRecord>(Periods * 28);
            for (var d = 0; d < Periods * 28; d++)
            {
                if (rng.Below(100) < 3)
                {
                    continue;
                }

                var headache = rng.Below(100) < (ulong)headacheRate;
                var migraine = headache && rng.Below(100) < 55;
                var mask = 0;
                mask |= migraine && rng.Below(100) < 70 ? 1 << (int)AcuteMedicationClass.Triptan : 0;
                mask |= headache && rng.Below(100) < 40 ? 1 << (int)AcuteMedicationClass.SimpleAnalgesic : 0;
                mask |= headache && rng.Below(100) < 5 ? 1 << (int)AcuteMedicationClass.Opioid : 0;
                var meds = AcuteMedicationSet.FromMask(mask);
                builder.SetDay(p, d, headache, migraine, meds);
                days.Add(new DayRecord(start.AddDays(d), headache, migraine, meds));
            }

            list[i] = new PatientRecord(start, days);
        }

        return (builder.Build(), list);
    }

    /// <summary>One diary day, the plain way.</summary>
    public readonly record struct DayRecord(DateOnly Date, bool Headache, bool Migraine, AcuteMedicationSet Medication);

    /// <summary>One patient, the plain way: a start date and a list of day records.</summary>
    public sealed record PatientRecord(DateOnly Start, List<DayRecord> Days);

    private struct XorShift(ulong state)
    {
        private ulong state = state;

        public ulong Below(int n) => Below((ulong)n);

        public ulong Below(ulong n)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return state % n;
        }
    }
}
