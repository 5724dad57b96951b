using BenchmarkDotNet.Attributes;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Benchmarks.Dosing;

/// <summary>
/// Totals the doses of a 31-site session: exact <see cref="ToxinUnits"/> (checked long arithmetic)
/// against a plain <see cref="decimal"/> sum of the same doses (the baseline), and the volume and vial
/// conversions of a reconstitution.
/// </summary>
[MemoryDiagnoser]
public class SessionTotalBenchmarks
{
    private ToxinUnits[] doses = [];
    private decimal[] decimals = [];
    private TreatmentSession session = null!;

    [GlobalSetup]
    public void Setup()
    {
        session = TreatmentSession.FromProtocol(KnownProtocols.Preempt, new DateOnly(2026, 3, 2));
        doses = [.. session.Injections.Select(i => i.Units)];
        decimals = [.. doses.Select(d => d.Units)];
    }

    [Benchmark(Baseline = true)]
    public decimal DecimalSum()
    {
        var total = 0m;
        foreach (var d in decimals)
        {
            total += d;
        }

        return total;
    }

    [Benchmark]
    public ToxinUnits ToxinUnitsSum()
    {
        var total = ToxinUnits.Zero;
        foreach (var d in doses)
        {
            total += d;
        }

        return total;
    }

    [Benchmark]
    public Volume VolumeOfSession() => Reconstitution.Vial100In2Ml.VolumeFor(ToxinUnitsSum());

    [Benchmark]
    public VialUsage VialsForSession() => Reconstitution.Vial100In2Ml.VialsFor(ToxinUnitsSum());
}
