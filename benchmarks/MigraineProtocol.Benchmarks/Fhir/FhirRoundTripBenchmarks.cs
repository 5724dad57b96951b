using System.Text;
using BenchmarkDotNet.Attributes;
using Hl7.Fhir.Serialization;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Benchmarks.Fhir;

/// <summary>
/// Session -> JSON text -> session: the library's own session JSON (the baseline) against a FHIR R4
/// transaction Bundle (<see cref="SessionFhirMapper"/> + <see cref="FhirJson"/>), for a 31-site PREEMPT
/// session and a 39-site one (PREEMPT + 8 follow-the-pain), with product, lot, expiry and reconstitution.
/// The JSON sizes are printed by <see cref="Setup"/> and recorded in docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class FhirRoundTripBenchmarks
{
    private static readonly FhirExportOptions Options = new(new FhirReference("Patient/123"), new FhirReference("Practitioner/7"));
    private TreatmentSession session = null!;

    /// <summary>Gets or sets the number of injections: 31 (PREEMPT fixed sites) or 39 (with 8 follow-the-pain).</summary>
    [Params(31, 39)]
    public int Injections { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var day = new DateOnly(2026, 3, 2);
        var fixedSites = TreatmentSession.FromProtocol(KnownProtocols.Preempt, day).Injections;
        var ftp = new[] { "temporalis", "occipitalis", "trapezius" }
            .SelectMany(m => new[] { Laterality.Left, Laterality.Right }.Select(s => Injection.FollowThePain(MuscleId.From(m), s, ToxinUnits.FromUnits(5))))
            .Concat([Injection.FollowThePain(MuscleId.From("trapezius"), Laterality.Left, ToxinUnits.FromUnits(5)), Injection.FollowThePain(MuscleId.From("trapezius"), Laterality.Right, ToxinUnits.FromUnits(5))]);
        session = new TreatmentSession(day, [.. fixedSites, .. ftp.Take(Injections - 31)], "BOTOX", "C1234", new DateOnly(2027, 1, 31), Reconstitution.Vial200In4Ml);
        var own = SessionJsonBaseline.Write(session);
        var bundle = SessionFhirMapper.ToBundle(session, Options);
        var fhir = FhirJson.Serialize(bundle);
        var compact = bundle.ToJson();
        Console.WriteLine($"// JSON size, {Injections} injections: library {Encoding.UTF8.GetByteCount(own)} B, FHIR Bundle {Encoding.UTF8.GetByteCount(fhir)} B indented, {Encoding.UTF8.GetByteCount(compact)} B compact");
    }

    [Benchmark(Baseline = true)]
    public TreatmentSession LibraryJsonRoundTrip() => SessionJsonBaseline.Read(SessionJsonBaseline.Write(session));

    [Benchmark]
    public TreatmentSession FhirJsonRoundTrip() => SessionFhirMapper.Read(FhirJson.Serialize(SessionFhirMapper.ToBundle(session, Options)), "bundle.json").Session;

    [Benchmark]
    public string FhirExportToJson() => FhirJson.Serialize(SessionFhirMapper.ToBundle(session, Options));
}
