using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Rules;

/// <summary>The built-in rules, one behaviour at a time, with their exact codes.</summary>
public class SessionRulesTests
{
    internal static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly ToxinUnits Five = ToxinUnits.FromUnits(5);

    internal static TreatmentSession Full(TreatmentProtocol? protocol = null) => TreatmentSession.FromProtocol(protocol ?? KnownProtocols.Preempt, Day).WithProduct("BOTOX");

    internal static TreatmentSession Plus(TreatmentSession s, params string[] sites) => s.WithInjections(s.Injections.Concat(sites.Select(x => new Injection(SiteId.From(x), Five))));

    private static ValidationReport Validate(TreatmentSession s, TreatmentProtocol? protocol = null, TreatmentHistory? history = null, ValidationOptions? options = null) =>
        RuleSet.Default.Validate(protocol ?? KnownProtocols.Preempt, s, history, options);

    private static string[] Codes(ValidationReport r) => [.. r.Violations.Select(v => v.Code.Value)];

    [Fact]
    public void TheFull31SiteSessionIsValidWithNoDiagnostics()
    {
        var r = Validate(Full());
        Assert.True(r.IsValid);
        Assert.Empty(r.Violations);
        Assert.Equal(ToxinUnits.FromUnits(155), r.TotalUnits);
        Assert.Equal(31, r.InjectionCount);
        Assert.Equal(new DateOnly(2026, 5, 25), r.NextEligibleDate);
        Assert.Null(r.PreviousSessionDate);
        Assert.Null(r.Reconciliation);
        Assert.True(Validate(Full(KnownProtocols.UsLabel), KnownProtocols.UsLabel).IsValid);
    }

    [Fact]
    public void OrderOfInjectionsDoesNotMatter()
    {
        var s = Full();
        Assert.True(Validate(s.WithInjections(s.Injections.Reverse())).IsValid);
    }

    [Fact]
    public void FullFollowThePainIs195UAt39SitesAndValid()
    {
        var s = Plus(Full(), "temporalis-left-ftp", "temporalis-right-ftp", "occipitalis-left-ftp", "occipitalis-left-ftp",
            "trapezius-left-ftp", "trapezius-left-ftp", "trapezius-right-ftp", "trapezius-right-ftp");
        var r = Validate(s);
        Assert.True(r.IsValid, string.Join("\n", r.Violations));
        Assert.Equal(ToxinUnits.FromUnits(195), r.TotalUnits);
    }

    [Theory]
    [InlineData("nasalis-left-1", "'nasalis-left-1' is not a site of protocol 'preempt'")]
    [InlineData("masseter-left-ftp", "'masseter-left-ftp' is follow-the-pain into 'masseter', which is not a muscle")]
    public void UnknownSite(string site, string message)
    {
        var r = Validate(Plus(Full(), site));
        var v = Assert.Single(r.Violations);
        Assert.Equal("unknown-site", v.Code.Value);
        Assert.Equal(Severity.Error, v.Severity);
        Assert.Equal(site, v.Site?.Value);
        Assert.Contains(message, v.Message, StringComparison.Ordinal);
        Assert.Equal("S1b", v.Source.Source);
        Assert.False(r.IsValid);
    }

    [Fact]
    public void DuplicateSiteIsReportedOncePerSiteWithTheCount()
    {
        var r = Validate(Plus(Full(), "procerus", "procerus"));
        Assert.Equal(["duplicate-site"], Codes(r));
        var v = r.Violations[0];
        Assert.Equal("procerus", v.Site?.Value);
        Assert.Contains("injected 3 times", v.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSitesAreReportedInProtocolOrder()
    {
        var s = Full();
        var r = Validate(s.WithInjections(s.Injections.Where(i => i.Site.Value is not ("procerus" or "trapezius-right-3"))));
        Assert.Equal(["missing-site", "missing-site"], Codes(r));
        Assert.Equal(["procerus", "trapezius-right-3"], r.Violations.Select(v => v.Site!.Value.Value));
        Assert.Contains("'procerus' (procerus) is not injected; protocol 'preempt' gives it 5 U", r.Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SiteDoseNamesTheSiteAndBothDoses()
    {
        var s = Full();
        var r = Validate(s.WithInjections(s.Injections.Select(i => i.Site.Value == "frontalis-left-1" ? new Injection(i.Site, ToxinUnits.FromUnits(7.5m)) : i)));
        var v = Assert.Single(r.Violations);
        Assert.Equal("site-dose", v.Code.Value);
        Assert.Equal("'frontalis-left-1' was given 7.5 U; protocol 'preempt' gives 5 U at this site.", v.Message);
        Assert.Equal(VerificationLevel.Verified, v.Source.Verification);
    }

    [Fact]
    public void FollowThePainDoseOtherThan5UIsASiteDose()
    {
        var s = Full();
        var r = Validate(s.WithInjections(s.Injections.Append(new Injection(SiteId.From("temporalis-left-ftp"), ToxinUnits.FromUnits(10)))));
        Assert.Equal(["site-dose"], Codes(r));
    }

    [Theory]
    [InlineData("preempt", new[] { "temporalis-left-ftp", "temporalis-left-ftp", "temporalis-right-ftp" }, "over its allowance in protocol 'preempt' of up to 2 injections and 10 U")]
    [InlineData("preempt", new[] { "frontalis-left-ftp" }, "frontalis has no follow-the-pain allowance in protocol 'preempt' (only temporalis, occipitalis, trapezius)")]
    [InlineData("preempt", new[] { "procerus-left-ftp" }, "procerus has no follow-the-pain allowance")]
    [InlineData("preempt", new[] { "cervical-paraspinal-right-ftp" }, "cervical-paraspinal has no follow-the-pain allowance")]
    [InlineData("us-label", new[] { "temporalis-left-ftp" }, "protocol 'us-label' allows no follow-the-pain injections")]
    public void FollowThePainLimit(string protocol, string[] extra, string message)
    {
        var p = Catalogs.Default.Get(ProtocolId.From(protocol));
        var r = Validate(Plus(Full(p), extra), p);
        var v = r.Violations.First(x => x.Code == RuleId.FollowThePainLimit);
        Assert.Single(r.ViolationsOf(RuleId.FollowThePainLimit));
        Assert.Contains(message, v.Message, StringComparison.Ordinal);
        Assert.Equal(extra[0], v.Site?.Value);
        Assert.False(r.IsValid);
    }

    [Fact]
    public void TotalDoseLimitUnderTheUsLabel()
    {
        var s = Full(KnownProtocols.UsLabel);
        var r = Validate(s.WithInjections(s.Injections.Select(i => i.Site.Value == "procerus" ? new Injection(i.Site, ToxinUnits.FromUnits(10)) : i)), KnownProtocols.UsLabel);
        Assert.Equal(["site-dose", "total-dose-limit"], Codes(r));
        Assert.Equal("The session total of 160 U is over the maximum of 155 U of protocol 'us-label'.", r.Violations[1].Message);
    }

    [Theory]
    [InlineData(83, true)]
    [InlineData(84, false)]
    [InlineData(0, true)]
    public void RetreatmentIntervalIsAWarningBelow84Days(int daysBefore, bool warned)
    {
        var history = new TreatmentHistory([new Administration(Day.AddDays(-daysBefore), ToxinUnits.FromUnits(155), Administration.ChronicMigraine)]);
        var r = Validate(Full(), history: history);
        Assert.True(r.IsValid);
        Assert.Equal(warned, r.ViolationsOf(RuleId.RetreatmentInterval).Any());
        Assert.Equal(Day.AddDays(-daysBefore), r.PreviousSessionDate);
        if (warned)
        {
            var v = r.Violations.Single();
            Assert.Equal(Severity.Warning, v.Severity);
            Assert.Contains($"since the last chronic-migraine session on {Day.AddDays(-daysBefore):yyyy-MM-dd}; protocol 'preempt' retreats every 84 days (12 weeks)", v.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RetreatmentIgnoresOtherIndicationsAndLaterRecordsAndHonoursTheCompelTolerance()
    {
        var history = new TreatmentHistory([
            new Administration(Day.AddDays(-80), ToxinUnits.FromUnits(155), Administration.ChronicMigraine),
            new Administration(Day.AddDays(-10), ToxinUnits.FromUnits(50), "cervical-dystonia"),
            new Administration(Day.AddDays(10), ToxinUnits.FromUnits(155), Administration.ChronicMigraine),
        ]);
        Assert.Single(Validate(Full(), history: history).ViolationsOf(RuleId.RetreatmentInterval));
        var compel = Validate(Full(), history: history, options: ValidationOptions.Compel);
        Assert.Empty(compel.ViolationsOf(RuleId.RetreatmentInterval));
        var early = new TreatmentHistory([new Administration(Day.AddDays(-76), ToxinUnits.FromUnits(155), Administration.ChronicMigraine)]);
        var v = Validate(Full(), history: early, options: ValidationOptions.Compel).Violations.Single();
        Assert.Equal("S12", v.Source.Source);
        Assert.Contains("retreats every 84 days (12 weeks), 2026-03-10; with the tolerance of 7 days in the options, 77 days after it is 2026-03-03", v.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not before", v.Message, StringComparison.Ordinal);
    }

    private static readonly ValidationOptions Rolling = ValidationOptions.Default.WithCumulativePolicy(CumulativeWindowPolicy.RollingCalendarMonths);

    [Fact]
    public void RollingPolicyCountsEveryIndicationInThe3CalendarMonthsUpToTheSessionDay()
    {
        // Opt-in window of 2026-03-02: 2025-12-02 .. 2026-03-02, both inclusive.
        Assert.Equal(new DateOnly(2025, 12, 2), Rolling.CumulativeWindowStart(Day));
        Assert.Equal(new DateOnly(2025, 12, 2), ValidationOptions.Default.RollingWindowStart(Day));
        var inside = new TreatmentHistory([
            new Administration(new DateOnly(2025, 12, 2), ToxinUnits.FromUnits(100), "cervical-dystonia"),
            new Administration(new DateOnly(2026, 2, 1), ToxinUnits.FromUnits(145.01m), "spasticity"),
        ]);
        var r = Validate(Full(), history: inside, options: Rolling);
        var v = Assert.Single(r.Violations);
        Assert.Equal("cumulative-dose-limit", v.Code.Value);
        Assert.Equal(ToxinUnits.FromUnits(400.01m), r.CumulativeUnits);
        Assert.True(v.Source.IsSecondary);
        Assert.Contains("400.01 U from 2025-12-02 to 2026-03-02 (3 calendar months", v.Message, StringComparison.Ordinal);

        var edge = new TreatmentHistory([
            new Administration(new DateOnly(2025, 12, 1), ToxinUnits.FromUnits(100), "cervical-dystonia"),
            new Administration(new DateOnly(2026, 2, 1), ToxinUnits.FromUnits(145.01m), "spasticity"),
        ]);
        Assert.True(Validate(Full(), history: edge, options: Rolling).Violations.IsEmpty);
        Assert.Equal(ToxinUnits.FromUnits(300.01m), Validate(Full(), history: edge, options: Rolling).CumulativeUnits);
    }

    [Fact]
    public void RollingWindowClampsToTheEndOfShorterMonths() =>
        Assert.Equal(new DateOnly(2026, 2, 28), Rolling.CumulativeWindowStart(new DateOnly(2026, 5, 31)));

    [Fact]
    public void TheDefaultCumulativeWindowIsOneTreatmentCycle()
    {
        // The example: 155 U for chronic migraine, 200 U for another indication 84 days before and
        // again the day before. 355 U per 12-week cycle is on label; the rolling reading (the old default) said 710 U.
        Assert.Equal(CumulativeWindowPolicy.TreatmentCycle, ValidationOptions.Default.CumulativePolicy);
        var history = new TreatmentHistory([
            new Administration(Day.AddDays(-84), ToxinUnits.FromUnits(155), Administration.ChronicMigraine),
            new Administration(Day.AddDays(-84), ToxinUnits.FromUnits(200), "cervical-dystonia"),
            new Administration(Day.AddDays(-1), ToxinUnits.FromUnits(200), "cervical-dystonia"),
        ]);
        var r = Validate(Full(), history: history);
        Assert.True(r.IsValid);
        Assert.Empty(r.ViolationsOf(RuleId.CumulativeDoseLimit));
        Assert.Equal(ToxinUnits.FromUnits(355), r.CumulativeUnits);
        Assert.Equal(Day.AddDays(-83), r.CumulativeWindowStart);
        Assert.Equal(ToxinUnits.FromUnits(45), r.CumulativeHeadroom);
        Assert.Equal(ToxinUnits.FromUnits(710), r.Cumulative.RollingUnits);
        Assert.Equal(new DateOnly(2025, 12, 2), r.Cumulative.RollingWindowStart);

        // The rolling reading, opt-in, still counts two cycles.
        var rolling = Validate(Full(), history: history, options: Rolling);
        Assert.Contains("710 U from 2025-12-02", Assert.Single(rolling.ViolationsOf(RuleId.CumulativeDoseLimit)).Message, StringComparison.Ordinal);

        // 300 U three weeks earlier plus this 155 U is over the limit within one cycle.
        var three = new TreatmentHistory([new Administration(Day.AddDays(-21), ToxinUnits.FromUnits(300), "spasticity")]);
        var over = Validate(Full(), history: three);
        Assert.False(over.IsValid);
        var v = Assert.Single(over.ViolationsOf(RuleId.CumulativeDoseLimit));
        Assert.Contains("455 U in the treatment cycle from 2025-12-09 to 2026-03-02 (administrations fewer than 84 days before the session", v.Message, StringComparison.Ordinal);
        Assert.Equal(ToxinUnits.Zero, over.CumulativeHeadroom);

        // An administration 83 days before belongs to this cycle; 84 days before, to the previous one.
        var at83 = new TreatmentHistory([new Administration(Day.AddDays(-83), ToxinUnits.FromUnits(250), "spasticity")]);
        Assert.Single(Validate(Full(), history: at83).ViolationsOf(RuleId.CumulativeDoseLimit));
        var at84 = new TreatmentHistory([new Administration(Day.AddDays(-84), ToxinUnits.FromUnits(250), "spasticity")]);
        Assert.Empty(Validate(Full(), history: at84).ViolationsOf(RuleId.CumulativeDoseLimit));
    }

    [Fact]
    public void TheEarliestNextSessionSatisfiesTheIntervalAndTheLimit()
    {
        // 200 U for another indication 70 days after this session: at the 84-day retreatment date the cycle
        // would hold 200 + 155 = 355 U (fits), so the interval decides.
        var after = new TreatmentHistory([new Administration(Day.AddDays(70), ToxinUnits.FromUnits(200), "cervical-dystonia")]);
        Assert.Equal(Day.AddDays(84), Validate(Full(), history: after).NextEligibleDate);

        // 300 U for another indication 80 days after: 300 + 155 > 400 until that dose leaves the cycle (80 + 84 days).
        var big = new TreatmentHistory([new Administration(Day.AddDays(80), ToxinUnits.FromUnits(300), "spasticity")]);
        var r = Validate(Full(), history: big);
        Assert.Equal(Day.AddDays(164), r.NextEligibleDate);
        Assert.Equal(Day.AddDays(164), CumulativeDose.EarliestDate(new TreatmentHistory([.. big.Administrations, new Administration(Day, ToxinUnits.FromUnits(155), Administration.ChronicMigraine)]), ToxinUnits.FromUnits(155), Day.AddDays(84)));
        Assert.Equal(ToxinUnits.FromUnits(100), CumulativeDose.Headroom(big, Day.AddDays(84)));
        Assert.Equal(ToxinUnits.FromUnits(300), CumulativeDose.UnitsInWindow(big, Day.AddDays(163)));
        Assert.Equal(ToxinUnits.Zero, CumulativeDose.UnitsInWindow(big, Day.AddDays(164)));
        Assert.Null(CumulativeDose.EarliestDate(TreatmentHistory.Empty, ToxinUnits.FromUnits(401), Day));

        // The COMPEL tolerance moves the interval date 7 days earlier.
        Assert.Equal(Day.AddDays(77), Validate(Full(), options: ValidationOptions.Compel).NextEligibleDate);
    }

    [Fact]
    public void RecordChecksExpiredLotConcentrationAndVialCount()
    {
        var s = new TreatmentSession(Day, Full().Injections, "BOTOX", "C1", new DateOnly(2026, 3, 1), new Reconstitution(ToxinUnits.FromUnits(100), Volume.FromMillilitres(4))).WithVialsOpened(1);
        var r = Validate(s);
        Assert.Equal(["expired-lot", "reconstitution-concentration", "vial-count"], Codes(r));
        Assert.Equal("Lot 'C1' expired on 2026-03-01, before the session on 2026-03-02.", r.Violations[0].Message);
        Assert.Equal(Severity.Warning, r.Violations[1].Severity);
        Assert.Equal("1 vial of 100 U hold 100 U, less than the 155 U given.", r.Violations[2].Message);
        var sameDay = new TreatmentSession(Day, Full().Injections, "BOTOX", expiry: Day, reconstitution: Reconstitution.Vial100In2Ml).WithVialsOpened(2);
        Assert.Empty(Validate(sameDay).Violations);
    }

    [Theory]
    [InlineData("2026-02-28T22:00", "more than 24 hours before the session")]
    [InlineData("2026-03-01T12:00", "cannot tell whether it was given within 24 hours")]
    [InlineData("2026-03-03T08:00", "after the session day")]
    [InlineData("2026-03-02T00:00", null)]
    public void ReconstitutionAgeWarnsPast24Hours(string at, string? expected)
    {
        var s = Full().WithReconstitutedAt(DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
        var r = Validate(s);
        if (expected is null)
        {
            Assert.Empty(r.ViolationsOf(RuleId.ReconstitutionAge));
            return;
        }

        var v = Assert.Single(r.ViolationsOf(RuleId.ReconstitutionAge));
        Assert.Equal(Severity.Warning, v.Severity);
        Assert.Contains(expected, v.Message, StringComparison.Ordinal);
        Assert.Equal(("S19", VerificationLevel.VerifiedSecondary), (v.Source.Source, v.Source.Verification));
        Assert.True(r.IsValid);
        Assert.Empty(Validate(Full()).ViolationsOf(RuleId.ReconstitutionAge));
    }

    [Fact]
    public void NoProductRecordedIsAWarningThatSaysOnabotulinumtoxinAIsAssumed()
    {
        var r = Validate(Full().WithProduct(null));
        var v = Assert.Single(r.Violations);
        Assert.Equal((RuleId.Product, Severity.Warning), (v.Code, v.Severity));
        Assert.Contains("onabotulinumtoxinA (BOTOX) is assumed", v.Message, StringComparison.Ordinal);
        Assert.True(r.IsValid);
        var dysport = Validate(Full().WithProduct("Dysport"));
        Assert.False(dysport.IsValid);
        Assert.Equal(Severity.Error, Assert.Single(dysport.Violations).Severity);
    }

    [Fact]
    public void DiagnosticsFollowRuleOrderThenSessionOrder()
    {
        var s = Full();
        var odd = s.WithInjections(s.Injections.Skip(1).Append(new Injection(SiteId.From("zz-top"), Five)).Append(new Injection(SiteId.From("aa-top"), Five)));
        var r = Validate(odd);
        Assert.Equal(["unknown-site", "unknown-site", "missing-site"], Codes(r));
        Assert.Equal(["zz-top", "aa-top", "procerus"], r.Violations.Select(v => v.Site!.Value.Value));
        Assert.Equal(r, Validate(odd));
    }

    [Fact]
    public void AnEmptySessionMissesEverySite()
    {
        var r = Validate(new TreatmentSession(Day, []));
        Assert.Equal(31, r.ViolationsOf(RuleId.MissingSite).Count());
        Assert.Equal(31, r.ErrorCount);
    }

    [Fact]
    public void ALargeSessionStillValidates()
    {
        var s = Plus(Full(), [.. Enumerable.Repeat("procerus", 500)]);
        var r = Validate(s);
        Assert.Contains("injected 501 times", r.Violations[0].Message, StringComparison.Ordinal);
    }
}
