using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;
using MigraineProtocol.Tests.Rules;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The edges of the rules namespace that mutation testing (docs/quality.md, "Mutation testing") showed
/// no other test pinned: each rule's metadata, each message in full, each comparison at equality (the
/// cumulative limit, the reconstitution age at 0 h and 24 h, the vial count, the window ends), the
/// follow-the-pain slots of every muscle, the argument checks of the rule set and the value semantics of
/// the options, the cumulative summary, the report and the rule id.
/// </summary>
public class RulesEdgeTests
{
    private static readonly DateOnly Day = SessionRulesTests.Day; // 2026-03-02

    private static ToxinUnits U(decimal units) => ToxinUnits.FromUnits(units);

    private static TreatmentSession Full() => SessionRulesTests.Full();

    private static ValidationReport Validate(TreatmentSession s, TreatmentProtocol? protocol = null, TreatmentHistory? history = null, ValidationOptions? options = null) =>
        RuleSet.Default.Validate(protocol ?? KnownProtocols.Preempt, s, history, options);

    /// <summary>A new protocol instance equal to PREEMPT: its lookup tables are built afresh, not taken from the cache.</summary>
    private static TreatmentProtocol FreshPreempt() => KnownProtocols.Preempt.ToBuilder().Build();

    private static TreatmentProtocol WithInterval(int days) =>
        KnownProtocols.Preempt.ToBuilder().WithId(ProtocolId.From($"clinic-{days.ToString(CultureInfo.InvariantCulture)}-days"), $"PREEMPT every {days.ToString(CultureInfo.InvariantCulture)} days").WithRetreatmentIntervalDays(days).Build();

    private static readonly Dictionary<string, Citation> ExpectedSources = new(StringComparer.Ordinal)
    {
        ["product"] = ToxinProducts.Source,
        ["unknown-site"] = RuleSources.FixedSites,
        ["duplicate-site"] = RuleSources.FixedSites,
        ["missing-site"] = RuleSources.FixedSites,
        ["site-dose"] = RuleSources.DosePerSite,
        ["follow-the-pain-limit"] = RuleSources.FollowThePain,
        ["total-dose-limit"] = RuleSources.TotalDose,
        ["retreatment-interval"] = RuleSources.RetreatmentInterval,
        ["cumulative-dose-limit"] = RuleSources.CumulativeDose,
        ["expired-lot"] = RuleSources.SessionRecord,
        ["reconstitution-concentration"] = RuleSources.Dilution,
        ["reconstitution-age"] = RuleSources.ReconstitutionAge,
        ["vial-count"] = RuleSources.SessionRecord,
        ["prior-distant-spread"] = RuleSources.DistantSpread,
        ["prior-local-weakness"] = RuleSources.LocalWeakness,
    };

    // ---- Rule metadata: what docs/rules.md and `migraine-protocol rules` print ----

    [Theory]
    [InlineData("product", Severity.Error, "is not onabotulinumtoxinA (BOTOX)")]
    [InlineData("unknown-site", Severity.Error, "neither a fixed site of the protocol nor a follow-the-pain id")]
    [InlineData("duplicate-site", Severity.Error, "injected more than once")]
    [InlineData("missing-site", Severity.Error, "that the session does not inject")]
    [InlineData("site-dose", Severity.Error, "other than the protocol's (5 U)")]
    [InlineData("follow-the-pain-limit", Severity.Error, "beyond a muscle's allowance")]
    [InlineData("total-dose-limit", Severity.Error, "195 U for PREEMPT")]
    [InlineData("retreatment-interval", Severity.Warning, "retreatment interval (84 days, 12 weeks)")]
    [InlineData("cumulative-dose-limit", Severity.Error, "More than 400 U of onabotulinumtoxinA")]
    [InlineData("expired-lot", Severity.Error, "expiry date is before the session date")]
    [InlineData("reconstitution-concentration", Severity.Warning, "does not give 5 U per 0.1 mL")]
    [InlineData("reconstitution-age", Severity.Warning, "more than 24 hours before the session")]
    [InlineData("vial-count", Severity.Error, "vials recorded as opened hold fewer units")]
    [InlineData("prior-distant-spread", Severity.Error, "distant-spread event of the boxed warning")]
    [InlineData("prior-local-weakness", Severity.Warning, "Eyelid ptosis or neck weakness")]
    public void EveryBuiltInRuleDescribesWhatItChecksAndCitesItsSource(string code, Severity severity, string described)
    {
        var id = RuleId.Parse(code);
        Assert.True(RuleSet.Default.TryGetRule(id, out var rule));
        Assert.Equal(id, rule.Id);
        Assert.Equal(severity, rule.DefaultSeverity);
        Assert.Equal(severity, RuleSet.Default.SeverityOf(id));
        Assert.Equal(ExpectedSources[code], rule.Source);
        Assert.Contains(described, rule.Description, StringComparison.Ordinal);
        Assert.EndsWith(".", rule.Description, StringComparison.Ordinal);
    }

    // ---- Messages in full ----

    [Theory]
    [InlineData(84, 0, 83, "83 days since the last chronic-migraine session on 2025-12-09; protocol 'preempt' retreats every 84 days (12 weeks), 2026-03-03.")]
    [InlineData(84, 1, 82, "82 days since the last chronic-migraine session on 2025-12-10; protocol 'preempt' retreats every 84 days (12 weeks), 2026-03-04; with the tolerance of 1 day in the options, 83 days after it is 2026-03-03.")]
    [InlineData(90, 0, 89, "89 days since the last chronic-migraine session on 2025-12-03; protocol 'clinic-90-days' retreats every 90 days, 2026-03-03.")]
    [InlineData(90, 7, 80, "80 days since the last chronic-migraine session on 2025-12-12; protocol 'clinic-90-days' retreats every 90 days, 2026-03-12; with the tolerance of 7 days in the options, 83 days after it is 2026-03-05.")]
    [InlineData(91, 0, 1, "1 day since the last chronic-migraine session on 2026-03-01; protocol 'clinic-91-days' retreats every 91 days (13 weeks), 2026-05-31.")]
    public void TheRetreatmentMessageNamesTheIntervalItsWeeksAndTheTolerance(int interval, int tolerance, int daysBefore, string expected)
    {
        var protocol = interval == 84 ? KnownProtocols.Preempt : WithInterval(interval);
        var options = new ValidationOptions(tolerance, U(400), 3);
        var history = new TreatmentHistory([new Administration(Day.AddDays(-daysBefore), U(155), Administration.ChronicMigraine)]);
        var v = Assert.Single(Validate(SessionRulesTests.Full(protocol), protocol, history, options).Violations);
        Assert.Equal(RuleId.RetreatmentInterval, v.Code);
        Assert.Equal(expected, v.Message);
        Assert.Equal(tolerance > 0 ? ValidationOptions.CompelSource : protocol == KnownProtocols.Preempt ? RuleSources.RetreatmentInterval : RuleSources.ForProtocol(protocol), v.Source);
    }

    [Theory]
    [InlineData("2026-03-03T00:00", "The reconstitution time 2026-03-03 00:00 is after the session day 2026-03-02; check the record.")]
    [InlineData("2026-03-02T23:59", null)]
    [InlineData("2026-03-02T00:00", null)]
    [InlineData("2026-03-01T00:01", "The vials were reconstituted at 2026-03-01 00:01; by the end of the session day 2026-03-02 that is more than 24 hours, and the session time is not recorded: cannot tell whether it was given within 24 hours (S19, secondary source).")]
    [InlineData("2026-03-01T00:00", "The vials were reconstituted at 2026-03-01 00:00; by the end of the session day 2026-03-02 that is more than 24 hours, and the session time is not recorded: cannot tell whether it was given within 24 hours (S19, secondary source).")]
    [InlineData("2026-02-28T23:59", "The vials were reconstituted at 2026-02-28 23:59, more than 24 hours before the session on 2026-03-02: the manufacturer says to administer within 24 hours of reconstitution (S19, secondary source).")]
    public void ReconstitutionAgeAtExactly0And24HoursFromTheSessionDay(string at, string? expected)
    {
        // The session day runs from 00:00 to 24:00: reconstituted at its end (0 h left) is after it; 24 h
        // before its start may or may not be within 24 hours of the (unrecorded) session time.
        var r = Validate(Full().WithReconstitutedAt(DateTime.Parse(at, CultureInfo.InvariantCulture)));
        if (expected is null)
        {
            Assert.Empty(r.ViolationsOf(RuleId.ReconstitutionAge));
        }
        else
        {
            Assert.Equal(expected, Assert.Single(r.ViolationsOf(RuleId.ReconstitutionAge)).Message);
        }
    }

    [Fact]
    public void AnExpiredLotWithNoLotNumberIsCalledTheLot()
    {
        var r = Validate(new TreatmentSession(Day, Full().Injections, "BOTOX", lot: null, expiry: Day.AddDays(-1)));
        Assert.Equal("The lot expired on 2026-03-01, before the session on 2026-03-02.", Assert.Single(r.Violations).Message);
    }

    [Fact]
    public void VialsHoldingExactlyTheUnitsGivenAreEnough()
    {
        var threeVials = new TreatmentSession(Day, Full().Injections.Where(i => i.Site.Value != "procerus"), "BOTOX", reconstitution: Reconstitution.Vial50In1Ml).WithVialsOpened(3);
        var exact = Validate(threeVials);
        Assert.Equal(U(150), exact.TotalUnits);
        Assert.Empty(exact.ViolationsOf(RuleId.VialCount));

        var short5 = Validate(threeVials.WithInjections(Full().Injections));
        Assert.Equal("3 vials of 50 U hold 150 U, less than the 155 U given.", Assert.Single(short5.ViolationsOf(RuleId.VialCount)).Message);
    }

    [Fact]
    public void FollowThePainOverItsAllowanceSaysWhatWasGiven()
    {
        var r = Validate(SessionRulesTests.Plus(Full(), "temporalis-left-ftp", "temporalis-left-ftp", "temporalis-right-ftp"));
        var v = Assert.Single(r.ViolationsOf(RuleId.FollowThePainLimit));
        Assert.Equal("Follow-the-pain into temporalis (3 injections, 15 U) is over its allowance in protocol 'preempt' of up to 2 injections and 10 U.", v.Message);
        Assert.Equal("temporalis-left-ftp", v.Site?.Value);
    }

    [Fact]
    public void ASiteOfTheAnatomyThatTheProtocolLeavesOutIsNamedAsSuch()
    {
        var noProcerus = KnownProtocols.Preempt.ToBuilder().WithId(ProtocolId.From("clinic-no-procerus"), "PREEMPT without procerus").RemoveSite(SiteId.From("procerus")).Build();
        var v = Assert.Single(Validate(Full(), noProcerus).Violations);
        Assert.Equal(RuleId.UnknownSite, v.Code);
        Assert.Equal("'procerus' is a site of the anatomy but not of protocol 'clinic-no-procerus'.", v.Message);
        Assert.Equal("procerus", v.Site?.Value);
    }

    // ---- Follow-the-pain slots of every muscle, on both sides ----

    public static TheoryData<string, string> EveryMuscleAndSide()
    {
        var data = new TheoryData<string, string>();
        foreach (var m in KnownProtocols.Preempt.Anatomy.Muscles)
        {
            data.Add(m.Id.Value, "left");
            data.Add(m.Id.Value, "right");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMuscleAndSide))]
    public void FollowThePainIntoEachMuscleOnEachSideIsCountedForThatMuscle(string muscle, string side)
    {
        // A fresh protocol instance: its lookup tables (one slot per muscle and side) are built for this test.
        var protocol = FreshPreempt();
        var site = $"{muscle}-{side}-ftp";
        var r = Validate(SessionRulesTests.Plus(SessionRulesTests.Full(protocol), site), protocol);
        Assert.Equal(U(160), r.TotalUnits);
        if (protocol.TryGetFollowThePain(MuscleId.From(muscle), out _))
        {
            Assert.Empty(r.Violations);
            return;
        }

        var v = Assert.Single(r.Violations);
        Assert.Equal(RuleId.FollowThePainLimit, v.Code);
        Assert.Equal($"Follow-the-pain into {muscle} (1 injection, 5 U): {muscle} has no follow-the-pain allowance in protocol 'preempt' (only temporalis, occipitalis, trapezius).", v.Message);
        Assert.Equal(site, v.Site?.Value);
    }

    [Fact]
    public void APreemptEqualToTheBuiltInOneCitesEachRulesOwnSourceAndACustomOneItsOwn()
    {
        var copy = FreshPreempt();
        Assert.NotSame(KnownProtocols.Preempt, copy);
        Assert.Equal(KnownProtocols.Preempt, copy);
        var s = Full();
        var overdosed = s.WithInjections(s.Injections.Select(i => i.Site.Value == "procerus" ? new Injection(i.Site, U(10)) : i));
        Assert.Equal(RuleSources.DosePerSite, Assert.Single(Validate(overdosed, copy).Violations).Source);

        var custom = WithInterval(90);
        Assert.Equal(RuleSources.ForProtocol(custom), Assert.Single(Validate(overdosed, custom).Violations).Source);
        Assert.NotEqual(RuleSources.DosePerSite, RuleSources.ForProtocol(custom));
    }

    [Fact]
    public void ADistantSpreadEventOnTheSessionDateCountsAndOneAfterItDoesNot()
    {
        Administration On(DateOnly d) => new Administration(d, U(100), "cervical-dystonia").WithAdverseEvents([AdverseEvent.Resolved(AdverseEventTerm.Dysphagia, d, 1, AdverseEventSeverity.Moderate)]);
        var sameDay = Validate(Full(), history: new TreatmentHistory([On(Day)]));
        Assert.Equal(RuleId.PriorDistantSpread, Assert.Single(sameDay.Violations).Code);
        Assert.Contains("after the cervical-dystonia administration on 2026-03-02", sameDay.Violations[0].Message, StringComparison.Ordinal);
        Assert.Empty(Validate(Full(), history: new TreatmentHistory([On(Day.AddDays(1))])).Violations);
    }

    // ---- The cumulative limit at equality ----

    [Theory]
    [InlineData("245", false)]
    [InlineData("245.01", true)]
    public void ExactlyTheCumulativeLimitIsWithinIt(string before, bool over)
    {
        var history = new TreatmentHistory([new Administration(Day.AddDays(-10), U(decimal.Parse(before, CultureInfo.InvariantCulture)), "spasticity")]);
        var r = Validate(Full(), history: history);
        Assert.Equal(over, r.ViolationsOf(RuleId.CumulativeDoseLimit).Any());
        Assert.Equal(over, r.Cumulative.IsOverLimit);
        Assert.Equal(ToxinUnits.Zero, r.CumulativeHeadroom);
        Assert.Equal(over ? Day.AddDays(74) : Day, CumulativeDose.EarliestDate(history, U(155), Day));
    }

    [Fact]
    public void TheNextEligibleDateWaitsForThisSessionToLeaveTheWindow()
    {
        // Rolling 3 calendar months and a 300 U limit: on 2026-06-02 the window (from 2026-03-02) still holds
        // this session's 155 U, and a repeat would make 310 U; from 2026-06-03 it does not.
        var options = new ValidationOptions(0, U(300), 3, CumulativeWindowPolicy.RollingCalendarMonths);
        var r = Validate(Full(), options: options);
        Assert.Equal(new DateOnly(2026, 6, 3), r.NextEligibleDate);
        Assert.Equal(Day.AddDays(84), Validate(Full()).NextEligibleDate);
    }

    [Fact]
    public void TheNextEligibleDateIsNeverBeforeTheSession()
    {
        // A tolerance as long as the interval (30 days on a 28-day protocol) leaves the cumulative limit to
        // decide: with 300 U, a repeat of 155 U fits only once this session has left its treatment cycle.
        var monthly = WithInterval(28);
        var options = new ValidationOptions(30, U(300), 3);
        var r = Validate(SessionRulesTests.Full(monthly), monthly, options: options);
        Assert.Equal(Day.AddDays(84), r.NextEligibleDate);
        Assert.Equal(Day, Validate(SessionRulesTests.Full(monthly), monthly, options: options.WithCumulativeLimit(U(400))).NextEligibleDate);
        Assert.Equal(Day.AddDays(1), Validate(SessionRulesTests.Full(WithInterval(31)), WithInterval(31), options: options.WithCumulativeLimit(U(400))).NextEligibleDate);
    }

    [Fact]
    public void CumulativeDoseCountsBothEndsOfTheWindowAndNothingAfterIt()
    {
        // Treatment cycle of 2026-03-02: 2025-12-09 (83 days before) to 2026-03-02, both inclusive.
        var history = new TreatmentHistory([
            new Administration(Day.AddDays(-84), U(1), "spasticity"),
            new Administration(Day.AddDays(-83), U(2), "spasticity"),
            new Administration(Day, U(4), "spasticity"),
            new Administration(Day.AddDays(1), U(8), "spasticity"),
        ]);
        Assert.Equal(U(6), CumulativeDose.UnitsInWindow(history, Day));
        Assert.Equal(U(394), CumulativeDose.Headroom(history, Day));

        // The options are honoured, not replaced by the default.
        var rolling = ValidationOptions.Default.WithCumulativePolicy(CumulativeWindowPolicy.RollingCalendarMonths);
        Assert.Equal(U(7), CumulativeDose.UnitsInWindow(history, Day, rolling));
        Assert.Equal(U(294), CumulativeDose.Headroom(history, Day, ValidationOptions.Default.WithCumulativeLimit(U(300))));
    }

    [Fact]
    public void HeadroomIsZeroAtAndOverTheLimit()
    {
        var at = new TreatmentHistory([new Administration(Day, U(400), "spasticity")]);
        var over = new TreatmentHistory([new Administration(Day, U(500), "spasticity")]);
        Assert.Equal(ToxinUnits.Zero, CumulativeDose.Headroom(at, Day));
        Assert.Equal(ToxinUnits.Zero, CumulativeDose.Headroom(over, Day));
        Assert.Equal(U(500), CumulativeDose.UnitsInWindow(over, Day));
    }

    [Fact]
    public void TheEarliestDateFitsExactlyAndHonoursTheOptions()
    {
        var history = new TreatmentHistory([new Administration(Day.AddDays(-10), U(200), "spasticity")]);
        Assert.Equal(Day, CumulativeDose.EarliestDate(history, U(200), Day)); // 200 + 200 = 400: fits exactly
        Assert.Equal(Day.AddDays(74), CumulativeDose.EarliestDate(history, U(200.01m), Day)); // once the 200 U leave the cycle
        Assert.Equal(Day.AddDays(74), CumulativeDose.EarliestDate(history, U(155), Day, ValidationOptions.Default.WithCumulativeLimit(U(300))));
        Assert.Null(CumulativeDose.EarliestDate(history, U(301), Day, ValidationOptions.Default.WithCumulativeLimit(U(300))));
    }

    [Fact]
    public void CumulativeDoseQueriesNameTheMissingHistory()
    {
        Assert.Equal("history", Assert.Throws<ArgumentNullException>(() => CumulativeDose.UnitsInWindow(null!, Day)).ParamName);
        Assert.Equal("history", Assert.Throws<ArgumentNullException>(() => CumulativeDose.Headroom(null!, Day)).ParamName);
        Assert.Equal("history", Assert.Throws<ArgumentNullException>(() => CumulativeDose.EarliestDate(null!, U(155), Day)).ParamName);
    }

    private static readonly Gen<(int Offset, int Units)> Doses =
        from offset in Gen.Choose(-130, 12)
        from units in Gen.Choose(0, 6)
        select (offset, units * 50);

    private static readonly Arbitrary<(List<(int Offset, int Units)> Given, int DateOffset, int NotBefore, int Limit, int Dose, bool Rolling)> Scenarios =
        (from given in Doses.ListOf().Select(l => l.Take(8).ToList())
         from dateOffset in Gen.Choose(-20, 20)
         from notBefore in Gen.Choose(-5, 5)
         from limit in Gen.Choose(2, 8)
         from dose in Gen.Choose(0, 9)
         from rolling in Gen.Elements(false, true)
         select (given, dateOffset, notBefore, limit * 50, dose * 50, rolling)).ToArbitrary();

    /// <summary>The cumulative queries agree with a naive oracle: a sum over the inclusive window, the headroom, and a day-by-day scan.</summary>
    [Property(MaxTest = 300)]
    public Property CumulativeQueriesAgreeWithANaiveOracle() =>
        Prop.ForAll(Scenarios, s =>
        {
            var history = new TreatmentHistory(s.Given.Select(g => new Administration(Day.AddDays(g.Offset), U(g.Units), "spasticity")));
            var options = new ValidationOptions(0, U(s.Limit), 3, s.Rolling ? CumulativeWindowPolicy.RollingCalendarMonths : CumulativeWindowPolicy.TreatmentCycle);
            int Oracle(DateOnly date)
            {
                var from = s.Rolling ? date.AddMonths(-3) : date.AddDays(-83);
                return s.Given.Where(g => Day.AddDays(g.Offset) >= from && Day.AddDays(g.Offset) <= date).Sum(g => g.Units);
            }

            var date = Day.AddDays(s.DateOffset);
            var notBefore = date.AddDays(s.NotBefore);
            DateOnly? earliest = s.Dose > s.Limit ? null : Enumerable.Range(0, 400).Select(notBefore.AddDays).First(d => Oracle(d) + s.Dose <= s.Limit);
            return (CumulativeDose.UnitsInWindow(history, date, options) == U(Oracle(date))).Label("units")
                .And((CumulativeDose.Headroom(history, date, options) == U(Math.Max(0, s.Limit - Oracle(date)))).Label("headroom"))
                .And((CumulativeDose.EarliestDate(history, U(s.Dose), notBefore, options) == earliest).Label("earliest"));
        });

    // ---- The cumulative summary's value semantics ----

    private static readonly CumulativeDoseSummary Summary = new(CumulativeWindowPolicy.TreatmentCycle, U(400), new DateOnly(2025, 12, 9), U(155), new DateOnly(2025, 12, 2), U(200));

    [Fact]
    public void ASummaryEqualsOnlyASummaryWithEveryFieldEqual()
    {
        CumulativeDoseSummary[] differing =
        [
            new(CumulativeWindowPolicy.RollingCalendarMonths, U(400), new DateOnly(2025, 12, 9), U(155), new DateOnly(2025, 12, 2), U(200)),
            new(CumulativeWindowPolicy.TreatmentCycle, U(300), new DateOnly(2025, 12, 9), U(155), new DateOnly(2025, 12, 2), U(200)),
            new(CumulativeWindowPolicy.TreatmentCycle, U(400), new DateOnly(2025, 12, 10), U(155), new DateOnly(2025, 12, 2), U(200)),
            new(CumulativeWindowPolicy.TreatmentCycle, U(400), new DateOnly(2025, 12, 9), U(160), new DateOnly(2025, 12, 2), U(200)),
            new(CumulativeWindowPolicy.TreatmentCycle, U(400), new DateOnly(2025, 12, 9), U(155), new DateOnly(2025, 12, 3), U(200)),
            new(CumulativeWindowPolicy.TreatmentCycle, U(400), new DateOnly(2025, 12, 9), U(155), new DateOnly(2025, 12, 2), U(205)),
        ];
        Assert.All(differing, other =>
        {
            Assert.False(Summary.Equals(other));
            Assert.False(Summary == other);
            Assert.True(Summary != other);
        });
        var same = new CumulativeDoseSummary(CumulativeWindowPolicy.TreatmentCycle, U(400), new DateOnly(2025, 12, 9), U(155), new DateOnly(2025, 12, 2), U(200));
        Assert.True(Summary == same);
        Assert.False(Summary != same);
        Assert.True(Summary.Equals((object)same));
        Assert.False(Summary.Equals((object)"155 U"));
        Assert.Equal(Summary.GetHashCode(), same.GetHashCode());
    }

    [Theory]
    [InlineData("399.99", false, "0.01")]
    [InlineData("400", false, "0")]
    [InlineData("400.01", true, "0")]
    public void TheSummaryIsOverTheLimitOnlyAboveIt(string units, bool over, string headroom)
    {
        var s = new CumulativeDoseSummary(CumulativeWindowPolicy.TreatmentCycle, U(400), Day.AddDays(-83), U(decimal.Parse(units, CultureInfo.InvariantCulture)), Day.AddDays(-90), U(0));
        Assert.Equal(over, s.IsOverLimit);
        Assert.Equal(U(decimal.Parse(headroom, CultureInfo.InvariantCulture)), s.Headroom);
    }

    [Theory]
    [InlineData(CumulativeWindowPolicy.TreatmentCycle, "155 U of 400 U from 2025-12-09 (treatment cycle)")]
    [InlineData(CumulativeWindowPolicy.RollingCalendarMonths, "155 U of 400 U from 2025-12-09 (rolling calendar months)")]
    public void TheSummaryPrintsUnitsLimitWindowAndPolicy(CumulativeWindowPolicy policy, string expected) =>
        Assert.Equal(expected, new CumulativeDoseSummary(policy, U(400), new DateOnly(2025, 12, 9), U(155), new DateOnly(2025, 12, 2), U(200)).ToString());

    // ---- Options ----

    [Fact]
    public void OptionsEqualOnlyOptionsWithEveryValueEqual()
    {
        var d = ValidationOptions.Default;
        ValidationOptions[] differing =
        [
            d.WithRetreatmentToleranceDays(1),
            d.WithCumulativeLimit(U(300)),
            new(0, U(400), 4),
            d.WithCumulativePolicy(CumulativeWindowPolicy.RollingCalendarMonths),
        ];
        Assert.All(differing, other =>
        {
            Assert.False(d.Equals(other));
            Assert.False(other.Equals(d));
        });
        Assert.True(d.Equals(new ValidationOptions(0, U(400), 3)));
        Assert.True(d.Equals((object)new ValidationOptions(0, U(400), 3, CumulativeWindowPolicy.TreatmentCycle)));
        Assert.Equal(d.GetHashCode(), new ValidationOptions(0, U(400), 3).GetHashCode());
        Assert.False(d.Equals(null));
        Assert.False(d.Equals((object?)null));
        Assert.False(d.Equals((object)"default"));
        Assert.Equal(ValidationOptions.Compel, d.WithRetreatmentToleranceDays(7));
    }

    [Theory]
    [InlineData("0001-01-01", 3, "0001-01-01")]
    [InlineData("0001-03-15", 3, "0001-01-01")]
    [InlineData("0001-04-15", 3, "0001-01-15")]
    [InlineData("0001-12-31", 12, "0001-01-01")]
    [InlineData("0001-12-31", 11, "0001-01-31")]
    [InlineData("0002-01-31", 1, "0001-12-31")]
    [InlineData("2026-05-31", 3, "2026-02-28")]
    public void TheRollingWindowStartsAtTheCalendarsFirstDayAtTheLatest(string session, int months, string expected)
    {
        var options = new ValidationOptions(0, U(400), months, CumulativeWindowPolicy.RollingCalendarMonths);
        var date = DateOnly.Parse(session, CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), options.RollingWindowStart(date));
        Assert.Equal(options.RollingWindowStart(date), options.CumulativeWindowStart(date));
    }

    // ---- The rule set: the rule at index 0, argument checks ----

    private sealed class StubRule(RuleId id, Citation? source) : ISessionRule
    {
        public RuleId Id { get; } = id;

        public Severity DefaultSeverity => Severity.Warning;

        public Citation Source { get; } = source!;

        public string Description => "A stub.";

        public void Evaluate(in RuleContext context) => context.Report("Stub.");
    }

    private static readonly Citation Clinic = new("clinic", "local policy", VerificationLevel.Unverified);

    [Fact]
    public void TheFirstRuleOfASetIsFoundLikeAnyOther()
    {
        var first = RuleSet.Default.Rules[0];
        Assert.Equal(RuleId.Product, first.Id);
        Assert.True(RuleSet.Default.Contains(RuleId.Product));
        Assert.True(RuleSet.Default.TryGetRule(RuleId.Product, out var found));
        Assert.Same(first, found);
        Assert.Equal(Severity.Error, RuleSet.Default.SeverityOf(RuleId.Product));
        Assert.Equal(Severity.Warning, RuleSet.Default.WithSeverity(RuleId.Product, Severity.Warning).SeverityOf(RuleId.Product));
        Assert.Equal(RuleId.UnknownSite, RuleSet.Default.Without(RuleId.Product).Ids.First());

        // Replacing the first rule keeps it first and the count unchanged.
        var replaced = RuleSet.Default.With(new StubRule(RuleId.Product, Clinic));
        Assert.Equal(RuleSet.Default.Rules.Length, replaced.Rules.Length);
        Assert.Equal(RuleSet.Default.Ids, replaced.Ids);
        Assert.IsType<StubRule>(replaced.Rules[0]);
        Assert.Equal(Severity.Warning, replaced.SeverityOf(RuleId.Product));
    }

    [Fact]
    public void AnAbsentRuleIsNotFoundAndNamedWithTheRulesThereAre()
    {
        Assert.False(RuleSet.Default.TryGetRule(RuleId.From("no-such-rule"), out var none));
        Assert.Null(none);
        Assert.False(RuleSet.Empty.TryGetRule(RuleId.Product, out _));
        Assert.False(RuleSet.Empty.Contains(RuleId.Product));
        var e = Assert.Throws<KeyNotFoundException>(() => RuleSet.Default.Without(RuleSet.Default.Ids.First()).SeverityOf(RuleId.Product));
        Assert.Equal(
            "The rule set holds no rule 'product'. Rules: unknown-site, duplicate-site, missing-site, site-dose, follow-the-pain-limit, total-dose-limit, retreatment-interval, cumulative-dose-limit, expired-lot, reconstitution-concentration, reconstitution-age, vial-count, prior-distant-spread, prior-local-weakness.",
            e.Message);
    }

    [Fact]
    public void ARuleSetRefusesARuleItCannotUseAndNamesTheArgument()
    {
        Assert.Equal("rule", Assert.Throws<ArgumentNullException>(() => RuleSet.Default.With(null!)).ParamName);
        Assert.Equal("rule", Assert.Throws<ArgumentNullException>(() => RuleSet.Default.With(null!, Severity.Error)).ParamName);

        var noCode = Assert.Throws<ArgumentException>(() => RuleSet.Empty.With(new StubRule(default, Clinic)));
        Assert.Equal("rule", noCode.ParamName);
        Assert.Contains("A rule's code must not be the default (empty) rule id.", noCode.Message, StringComparison.Ordinal);

        var noSource = Assert.Throws<ArgumentException>(() => RuleSet.Empty.With(new StubRule(RuleId.From("clinic-stub"), null)));
        Assert.Equal("rule", noSource.ParamName);
        Assert.Contains("Rule 'clinic-stub' must cite a source.", noSource.Message, StringComparison.Ordinal);

        var badSeverity = Assert.Throws<ArgumentOutOfRangeException>(() => RuleSet.Empty.With(new StubRule(RuleId.From("clinic-stub"), Clinic), (Severity)3));
        Assert.Equal("severity", badSeverity.ParamName);
        Assert.Contains("A severity is Warning or Error.", badSeverity.Message, StringComparison.Ordinal);
        Assert.True(RuleSet.Empty.With(new StubRule(RuleId.From("clinic-stub"), Clinic)).Contains(RuleId.From("clinic-stub")));
    }

    [Fact]
    public void CompilingNeedsAProtocolAndKeepsTheOptionsGiven()
    {
        Assert.Equal("protocol", Assert.Throws<ArgumentNullException>(() => RuleSet.Default.Compile(null!)).ParamName);
        Assert.Equal("protocol", Assert.Throws<ArgumentNullException>(() => RuleSet.Default.Validate(null!, Full())).ParamName);
        Assert.Same(ValidationOptions.Compel, RuleSet.Default.Compile(KnownProtocols.Preempt, ValidationOptions.Compel).Options);
        Assert.Same(ValidationOptions.Default, RuleSet.Default.Compile(KnownProtocols.Preempt).Options);
    }

    [Fact]
    public void AnUndefinedSeverityHasNoTextAndIsNamed()
    {
        Assert.Equal("warning", SeverityText.Format(Severity.Warning));
        Assert.Equal("error", SeverityText.Format(Severity.Error));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SeverityText.Format((Severity)0));
        Assert.Equal("severity", e.ParamName);
        Assert.Equal((Severity)0, e.ActualValue);
        Assert.StartsWith("A severity is Warning or Error.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProtocolWithoutSourcesIsCitedAsUnverified()
    {
        // Only the library can build one (the builder and the definitions loader require a source); the
        // citation still never prints an unsourced limit as verified.
        var p = KnownProtocols.Preempt;
        var unsourced = new TreatmentProtocol(ProtocolId.From("clinic-unsourced"), "Unsourced", "Unsourced", p.Anatomy, p.Sites, p.FollowThePain, p.MaximumUnits, 84, []);
        Assert.Equal(new Citation("none", "protocol 'clinic-unsourced' cites no source", VerificationLevel.Unverified), RuleSources.ForProtocol(unsourced));
    }

    // ---- The report and the rule id ----

    [Fact]
    public void AReportRefusesANegativeInjectionCountAndComparesByValue()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ValidationReport(ProtocolId.From("preempt"), Day, [], U(155), -1, Summary, null, Day.AddDays(84), null));
        Assert.Equal("injectionCount", e.ParamName);
        Assert.Equal(-1, e.ActualValue);
        Assert.StartsWith("The number of injections must not be negative.", e.Message, StringComparison.Ordinal);

        var r = Validate(Full());
        Assert.False(r != Validate(Full()));
        Assert.True(r != default);
        Assert.True(r != Validate(Full().WithDate(Day.AddDays(1))));
    }

    [Fact]
    public void TheDefaultRuleIdIsEmptyAndUnequalToEveryCode()
    {
        Assert.Equal(string.Empty, default(RuleId).Value);
        Assert.Equal(string.Empty, default(RuleId).ToString());
        Assert.True(default(RuleId) != RuleId.Product);
        Assert.False(RuleId.Product != RuleId.Parse("product"));
        Assert.True(RuleId.Product != RuleId.SiteDose);

        Span<char> room = stackalloc char[7];
        Assert.True(RuleId.Product.TryFormat(room, out var written, default, null));
        Assert.Equal("product", room[..written].ToString());
        Assert.False(RuleId.SiteDose.TryFormat(room, out written, default, null));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData("12", "a JSON number")]
    [InlineData("true", "a JSON true")]
    [InlineData("null", "a JSON null")]
    [InlineData("[]", "a JSON startarray")]
    [InlineData("\"Missing Site\"", "'Missing Site'")]
    public void ARuleIdInJsonIsALowerCaseStringAndAnythingElseIsNamed(string json, string described)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RuleId>(json));
        Assert.StartsWith($"Expected a rule id (a string of lower-case letters, digits and single hyphens), not {described}.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleIdsKeyJsonObjects()
    {
        var counts = new Dictionary<RuleId, int> { [RuleId.MissingSite] = 2, [RuleId.Product] = 1 };
        var json = JsonSerializer.Serialize(counts);
        Assert.Equal("{\"missing-site\":2,\"product\":1}", json);
        Assert.Equal(counts, JsonSerializer.Deserialize<Dictionary<RuleId, int>>(json));
        Assert.Equal("\"site-dose\"", JsonSerializer.Serialize(RuleId.SiteDose));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<RuleId, int>>("{\"Product\":1}"));

        var converter = (JsonConverter<RuleId>)JsonSerializerOptions.Default.GetConverter(typeof(RuleId));
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => converter.Write(null!, RuleId.Product, JsonSerializerOptions.Default)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => converter.WriteAsPropertyName(null!, RuleId.Product, JsonSerializerOptions.Default)).ParamName);
    }

    [Fact]
    public void ParsingARuleIdNamesWhatIsWrong()
    {
        Assert.Equal("s", Assert.Throws<ArgumentNullException>(() => RuleId.Parse((string)null!, null)).ParamName);
        Assert.StartsWith("'Product' is not a valid rule id.", Assert.Throws<FormatException>(() => RuleId.Parse("Product", null)).Message, StringComparison.Ordinal);
        Assert.Equal(RuleId.Product, RuleId.Parse("product".AsSpan(), null));
    }
}
