using BenchmarkDotNet.Attributes;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Benchmarks.Rules;

/// <summary>
/// Validates sessions against PREEMPT with the 13 built-in rules. Goal: a valid 31-site session in
/// under 1 microsecond with 0 bytes allocated. The baseline totals the same session (the least any
/// validation must do).
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private TreatmentSession full = null!;
    private TreatmentSession shuffled = null!;
    private TreatmentSession followThePain = null!;
    private TreatmentSession invalid = null!;
    private TreatmentHistory history = null!;
    private SessionValidator validator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var day = new DateOnly(2026, 3, 2);
        full = TreatmentSession.FromProtocol(KnownProtocols.Preempt, day).WithProduct("BOTOX");
        shuffled = full.WithInjections(full.Injections.Reverse());
        var five = ToxinUnits.FromUnits(5);
        followThePain = full.WithInjections(full.Injections.Concat(
            new[] { "temporalis-left-ftp", "temporalis-right-ftp", "occipitalis-left-ftp", "occipitalis-left-ftp", "trapezius-left-ftp", "trapezius-left-ftp", "trapezius-right-ftp", "trapezius-right-ftp" }
                .Select(s => new Injection(SiteId.From(s), five))));
        invalid = full.WithInjections(full.Injections.Skip(1).Append(new Injection(SiteId.From("frontalis-left-ftp"), five)));
        history = new TreatmentHistory([
            new Administration(day.AddDays(-91), ToxinUnits.FromUnits(155), Administration.ChronicMigraine),
            new Administration(day.AddDays(-40), ToxinUnits.FromUnits(100), "cervical-dystonia"),
        ]);
        validator = RuleSet.Default.Compile(KnownProtocols.Preempt);
    }

    [Benchmark(Baseline = true)]
    public ToxinUnits TotalOnly()
    {
        var total = ToxinUnits.Zero;
        foreach (var i in full.Injections)
        {
            total += i.Units;
        }

        return total;
    }

    [Benchmark]
    public ValidationReport Valid31Sites() => validator.Validate(full);

    [Benchmark]
    public ValidationReport Valid31SitesViaRuleSet() => RuleSet.Default.Validate(KnownProtocols.Preempt, full);

    [Benchmark]
    public ValidationReport Valid31SitesReversedOrder() => validator.Validate(shuffled);

    [Benchmark]
    public ValidationReport Valid39SitesFollowThePainWithHistory() => validator.Validate(followThePain, history);

    [Benchmark]
    public ValidationReport Invalid31Sites() => validator.Validate(invalid);
}
