using BenchmarkDotNet.Attributes;
using MigraineProtocol.Definitions;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Benchmarks.Protocols;

/// <summary>Derives and re-checks a protocol (builder round trip) and builds its printable plan.</summary>
[MemoryDiagnoser]
public class ProtocolBenchmarks
{
    private TreatmentProtocol preempt = null!;

    [GlobalSetup]
    public void Setup() => preempt = KnownProtocols.Preempt;

    [Benchmark(Baseline = true)]
    public TreatmentProtocol RebuildWithInvariants() => preempt.ToBuilder().Build();

    [Benchmark]
    public ProtocolPlan CreatePlan() => ProtocolPlan.Create(preempt);
}
