using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using MigraineProtocol.Definitions;
using MigraineProtocol.Diaries;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Protocols;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Benchmarks.Input;

/// <summary>
/// Each reader on a valid input of 1 MB and 10 MB (docs/quality.md, "Linear time"): time per megabyte
/// stays the same when the input grows ten times. The session reader is the baseline.
/// </summary>
[MemoryDiagnoser]
public class ReaderThroughputBenchmarks
{
    private string session = null!;
    private string history = null!;
    private string definitions = null!;
    private string diary = null!;
    private string cohort = null!;
    private string bundle = null!;

    /// <summary>Gets or sets the input size in megabytes (10^6 bytes).</summary>
    [Params(1, 10)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var bytes = Megabytes * 1_000_000;
        session = LargeInputs.Session(bytes);
        history = LargeInputs.History(bytes);
        definitions = LargeInputs.Definitions(bytes);
        diary = LargeInputs.Diary(bytes);
        cohort = LargeInputs.Cohort(bytes);
        var small = SessionJson.Read(LargeInputs.Session(bytes / 12), "s.json");
        bundle = FhirJson.Serialize(SessionFhirMapper.ToBundle(small, new FhirExportOptions(FhirReference.DisplayOnly("bench"))));
    }

    [Benchmark(Baseline = true)]
    public TreatmentSession? Session() => SessionJson.TryRead(session, "s.json", out var s, out _) ? s : throw new InvalidOperationException();

    [Benchmark]
    public TreatmentHistory? History() => HistoryJson.TryRead(history, "h.json", out var h, out _) ? h : throw new InvalidOperationException();

    [Benchmark]
    public ProtocolCatalog? Definitions() => Catalogs.TryLoad([DefinitionFile.FromJson("d.json", definitions)], out var c, out _) ? c : throw new InvalidOperationException();

    [Benchmark]
    public HeadacheDiary? Diary() => HeadacheDiaryCsv.TryRead(diary, "d.csv", out var d, out _) ? d : throw new InvalidOperationException();

    [Benchmark]
    public ImmutableArray<CohortArm> Cohort() => OutcomeCohortCsv.TryRead(cohort, "c.csv", out var a, out _) ? a : throw new InvalidOperationException();

    [Benchmark]
    public FhirSessionRecord? FhirBundle() => SessionFhirMapper.TryRead(bundle, "b.json", out var r, out _) ? r : throw new InvalidOperationException();

    /// <summary>Gets the sizes in bytes of the generated inputs (UTF-8), for MB/s.</summary>
    /// <returns>The sizes by reader.</returns>
    public IReadOnlyDictionary<string, long> Sizes() => new Dictionary<string, long>
    {
        ["session"] = System.Text.Encoding.UTF8.GetByteCount(session),
        ["history"] = System.Text.Encoding.UTF8.GetByteCount(history),
        ["definitions"] = System.Text.Encoding.UTF8.GetByteCount(definitions),
        ["diary"] = System.Text.Encoding.UTF8.GetByteCount(diary),
        ["cohort"] = System.Text.Encoding.UTF8.GetByteCount(cohort),
        ["fhir"] = System.Text.Encoding.UTF8.GetByteCount(bundle),
    };
}

/// <summary>Site maps of generated protocols with 1,000 and 10,000 sites: label placement must not grow with the square of the sites.</summary>
[MemoryDiagnoser]
public class LargeMapBenchmarks
{
    private TreatmentProtocol protocol = null!;

    /// <summary>Gets or sets the number of sites.</summary>
    [Params(1_000, 10_000)]
    public int Sites { get; set; }

    [GlobalSetup]
    public void Setup() => protocol = ProtocolJson.Read(LargeInputs.DefinitionsWithSites(Sites), "d.json")[0];

    [Benchmark(Baseline = true)]
    public string RenderFront() => MigraineProtocol.Rendering.SiteMap.Render(protocol, MigraineProtocol.Rendering.MapView.Front);
}
