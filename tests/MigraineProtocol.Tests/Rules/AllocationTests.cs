using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Rules;

/// <summary>
/// Validating a valid session allocates nothing (the 0 B goal, guarded here; the timing is
/// measured by BenchmarkDotNet, never in a test). Counting bytes is deterministic on one thread.
/// </summary>
public class AllocationTests
{
    private static long AllocatedBy(Action action)
    {
        action(); // warm up: JIT, static constructors, the compiled-protocol cache
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void ValidatingValidSessionsAllocatesNothing()
    {
        var day = new DateOnly(2026, 3, 2);
        var full = TreatmentSession.FromProtocol(KnownProtocols.Preempt, day).WithProduct("BOTOX");
        var reversed = full.WithInjections(full.Injections.Reverse());
        var ftp = full.WithInjections(full.Injections.Concat(new[] { "temporalis-left-ftp", "trapezius-right-ftp", "trapezius-right-ftp" }.Select(s => new Injection(SiteId.From(s), ToxinUnits.FromUnits(5)))));
        var history = new TreatmentHistory([new Administration(day.AddDays(-90), ToxinUnits.FromUnits(155), Administration.ChronicMigraine), new Administration(day.AddDays(-30), ToxinUnits.FromUnits(50), "spasticity")]);
        var validator = RuleSet.Default.Compile(KnownProtocols.Preempt);
        Assert.Equal(0, AllocatedBy(() => validator.Validate(full)));
        Assert.Equal(0, AllocatedBy(() => validator.Validate(reversed)));
        Assert.Equal(0, AllocatedBy(() => validator.Validate(ftp, history)));
        Assert.Equal(0, AllocatedBy(() => RuleSet.Default.Validate(KnownProtocols.Preempt, full, history)));

        // Prior events that need no finding (neck pain, headache) cost nothing either.
        var withEvents = new TreatmentHistory([new Administration(day.AddDays(-90), ToxinUnits.FromUnits(155), Administration.ChronicMigraine)
            .WithAdverseEvents([AdverseEvent.Resolved(AdverseEventTerm.NeckPain, day.AddDays(-88), 4, AdverseEventSeverity.Mild), AdverseEvent.Ongoing(AdverseEventTerm.Headache, day.AddDays(-85), AdverseEventSeverity.Mild)])]);
        Assert.Equal(0, AllocatedBy(() => validator.Validate(full, withEvents)));
    }
}
