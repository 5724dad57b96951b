using BenchmarkDotNet.Attributes;
using MigraineProtocol.Definitions;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rendering;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Benchmarks.Rendering;

/// <summary>Renders PREEMPT site maps as SVG: one view (baseline), all four views, all four with a session overlay, and the overlay comparison alone.</summary>
[MemoryDiagnoser]
public class SiteMapBenchmarks
{
    private TreatmentProtocol preempt = null!;
    private TreatmentSession session = null!;
    private SiteMapOptions withOverlay = null!;

    [GlobalSetup]
    public void Setup()
    {
        preempt = KnownProtocols.Preempt;
        session = TreatmentSession.FromProtocol(preempt, new DateOnly(2026, 3, 2));
        withOverlay = new SiteMapOptions { Overlay = SessionOverlay.FromSession(preempt, session) };
    }

    [Benchmark(Baseline = true)]
    public string RenderFront() => SiteMap.Render(preempt, MapView.Front);

    [Benchmark]
    public string RenderAll() => SiteMap.Render(preempt, MapView.All);

    [Benchmark]
    public string RenderAllWithOverlay() => SiteMap.Render(preempt, MapView.All, withOverlay);

    [Benchmark]
    public SessionOverlay CompareSession() => SessionOverlay.FromSession(preempt, session);
}
