using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Rules;

/// <summary>The optimised validator agrees with a naive LINQ oracle on random sessions.</summary>
[Properties(Arbitrary = [typeof(SessionArbitraries)])]
public class RuleOracleTests
{
    private static readonly TreatmentProtocol P = KnownProtocols.Preempt;

    [Property(MaxTest = 500)]
    public Property StructuralRulesAgreeWithANaiveOracle(TreatmentSession session, TreatmentHistory history)
    {
        var report = RuleSet.Default.Validate(P, session, history);
        var fixedIds = P.Sites.Select(s => s.Site.Id).ToHashSet();
        var muscles = P.Anatomy.Muscles.Select(m => m.Id).ToHashSet();
        bool Known(Injection i) => fixedIds.Contains(i.Site) || (i.Site.TryGetFollowThePain(out var m, out _) && muscles.Contains(m));
        var counts = P.Sites.ToDictionary(s => s.Site.Id, s => session.Injections.Count(i => i.Site == s.Site.Id));
        var total = session.Injections.Aggregate(0L, (t, i) => Math.Min(t + i.Units.Hundredths, ToxinUnits.MaxValue.Hundredths));
        // The default policy counts one treatment cycle: administrations fewer than 84 days before the session (ADR 0090).
        var cumulative = Math.Min(total + history.Administrations.Where(a => session.Date.DayNumber - a.Date.DayNumber is >= 0 and < 84).Sum(a => a.Units.Hundredths), ToxinUnits.MaxValue.Hundredths);
        var rolling = Math.Min(total + history.Administrations.Where(a => a.Date >= session.Date.AddMonths(-3) && a.Date <= session.Date).Sum(a => a.Units.Hundredths), ToxinUnits.MaxValue.Hundredths);
        int Of(RuleId id) => report.ViolationsOf(id).Count();
        return (Of(RuleId.UnknownSite) == session.Injections.Count(i => !Known(i))).Label("unknown-site")
            .And((Of(RuleId.DuplicateSite) == counts.Count(c => c.Value > 1)).Label("duplicate-site"))
            .And((Of(RuleId.MissingSite) == counts.Count(c => c.Value == 0)).Label("missing-site"))
            .And((Of(RuleId.SiteDose) == session.Injections.Count(i => fixedIds.Contains(i.Site) && i.Units != ToxinUnits.FromUnits(5))
                + session.Injections.Count(i => i.Site.TryGetFollowThePain(out var m, out _) && P.TryGetFollowThePain(m, out _) && i.Units != ToxinUnits.FromUnits(5))).Label("site-dose"))
            .And((Of(RuleId.TotalDoseLimit) == (total > 19_500 ? 1 : 0)).Label("total-dose-limit"))
            .And((Of(RuleId.CumulativeDoseLimit) == (cumulative > 40_000 ? 1 : 0)).Label("cumulative-dose-limit"))
            .And((report.Cumulative.RollingUnits.Hundredths == rolling).Label("rolling cumulative"))
            .And((report.CumulativeHeadroom.Hundredths == Math.Max(0, 40_000 - cumulative)).Label("headroom"))
            .And((Of(RuleId.Product) == 1 && report.ViolationsOf(RuleId.Product).Single().IsError == (session.Product is not null && !session.Product.Trim().Equals("BOTOX", StringComparison.OrdinalIgnoreCase) && !session.Product.Trim().Equals("onabotulinumtoxinA", StringComparison.OrdinalIgnoreCase))
                || (Of(RuleId.Product) == 0 && session.Product is not null)).Label("product"))
            .And((report.TotalUnits.Hundredths == total).Label("total"))
            .And((report.ViolationsOf(RuleId.PriorDistantSpread).Select(v => v.IsError).SequenceEqual(history.Administrations.Where(a => a.Date <= session.Date)
                .SelectMany(a => a.AdverseEvents).Where(e => AdverseEventTerms.IsDistantSpread(e.Term)).Select(_ => !session.DistantSpreadAcknowledged))).Label("prior-distant-spread"))
            .And((report.IsValid == report.Violations.All(v => v.Severity == Severity.Warning)).Label("valid"));
    }
}
