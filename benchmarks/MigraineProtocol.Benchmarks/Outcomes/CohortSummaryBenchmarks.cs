using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Benchmarks.Outcomes;

/// <summary>
/// Summarizes a cohort (responders at 50% with a Wilson interval, mean change with a t interval):
/// with MathNet.Numerics (the baseline: its descriptive statistics over an array of changes, plus the
/// interval formulas written over them with its normal and t quantiles); with the library, on one core
/// and as two halves merged across both cores; and a raw scan that only reads the same input.
/// </summary>
[MemoryDiagnoser]
public class CohortSummaryBenchmarks
{
    private const double Level = 0.95;
    private PatientOutcome[] patients = [];

    [Params(1_000_000)]
    public int Patients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        patients = new PatientOutcome[Patients];
        for (var i = 0; i < patients.Length; i++)
        {
            var baseline = 15 + random.Next(14) + (random.Next(2) * 0.5);
            var followUp = Math.Max(0, Math.Round(baseline * (1 - (random.NextDouble() * 1.2 - 0.2)) * 2) / 2);
            patients[i] = new PatientOutcome(baseline, followUp);
        }
    }

    [Benchmark(Baseline = true)]
    public (double Rate, double Lower, double Upper, double Mean, double TLower, double TUpper) MathNetNumerics()
    {
        var changes = new double[patients.Length];
        var responders = 0;
        for (var i = 0; i < patients.Length; i++)
        {
            var p = patients[i];
            changes[i] = p.FollowUp - p.Baseline;
            if (p.Baseline - p.FollowUp >= 0.5 * p.Baseline)
            {
                responders++;
            }
        }

        var (mean, variance) = changes.MeanVariance();
        double n = changes.Length;
        var rate = responders / n;
        var z = Normal.InvCDF(0, 1, 0.975);
        var centre = (rate + (z * z / (2 * n))) / (1 + (z * z / n));
        var half = z / (1 + (z * z / n)) * Math.Sqrt((rate * (1 - rate) / n) + (z * z / (4 * n * n)));
        var t = StudentT.InvCDF(0, 1, n - 1, 0.975) * Math.Sqrt(variance / n);
        return (rate, centre - half, centre + half, mean, mean - t, mean + t);
    }

    [Benchmark]
    public ArmSummary Library() =>
        new OutcomeAccumulator(ResponderThreshold.Percent50).AddRange(patients).Summarize("all", Level);

    [Benchmark]
    public ArmSummary LibraryAddOneByOne()
    {
        // The per-patient path (OutcomeAccumulator.Add), as a caller streaming records would use it.
        var accumulator = new OutcomeAccumulator(ResponderThreshold.Percent50);
        foreach (var p in patients)
        {
            accumulator = accumulator.Add(p);
        }

        return accumulator.Summarize("all", Level);
    }

    [Benchmark]
    public ArmSummary LibraryParallelMerge()
    {
        var half = patients.Length / 2;
        var left = Task.Run(() => new OutcomeAccumulator(ResponderThreshold.Percent50).AddRange(patients.AsSpan(0, half)));
        var right = new OutcomeAccumulator(ResponderThreshold.Percent50).AddRange(patients.AsSpan(half));
        return left.Result.Merge(right).Summarize("all", Level);
    }

    [Benchmark]
    public double RawScan()
    {
        // Reads every baseline and follow-up once, with four independent sums: the memory-bound floor.
        var values = MemoryMarshal.Cast<PatientOutcome, double>(patients.AsSpan());
        double a = 0, b = 0, c = 0, d = 0;
        var i = 0;
        for (; i + 3 < values.Length; i += 4)
        {
            a += values[i];
            b += values[i + 1];
            c += values[i + 2];
            d += values[i + 3];
        }

        for (; i < values.Length; i++)
        {
            a += values[i];
        }

        return a + b + c + d;
    }
}
