using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The session model's edges that mutation testing showed unpinned: the adverse-event vocabulary (its
/// codes are the file format), the event factories' limits and text, and the history's date windows
/// at their inclusive ends.
/// </summary>
public class SessionsEdgeTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    [Fact]
    public void EveryAdverseEventTermHasItsCodeAndDisplay()
    {
        (AdverseEventTerm, string, string)[] table =
        [
            (AdverseEventTerm.NeckPain, "neck-pain", "Neck pain"),
            (AdverseEventTerm.MusculoskeletalStiffness, "musculoskeletal-stiffness", "Musculoskeletal stiffness"),
            (AdverseEventTerm.MuscularWeakness, "muscular-weakness", "Muscular weakness"),
            (AdverseEventTerm.EyelidPtosis, "eyelid-ptosis", "Eyelid ptosis"),
            (AdverseEventTerm.FacialParesis, "facial-paresis", "Facial paresis"),
            (AdverseEventTerm.InjectionSitePain, "injection-site-pain", "Injection-site pain"),
            (AdverseEventTerm.Headache, "headache", "Headache"),
            (AdverseEventTerm.Dysphagia, "dysphagia", "Dysphagia"),
            (AdverseEventTerm.Dysphonia, "dysphonia", "Dysphonia"),
            (AdverseEventTerm.BreathingDifficulty, "breathing-difficulty", "Breathing difficulty"),
            (AdverseEventTerm.Diplopia, "diplopia", "Diplopia"),
            (AdverseEventTerm.GeneralisedWeakness, "generalised-weakness", "Generalised muscle weakness"),
            (AdverseEventTerm.Other, "other", "Other"),
        ];
        Assert.Equal(table.Select(t => t.Item1), AdverseEventTerms.All);
        foreach (var (term, code, display) in table)
        {
            Assert.Equal(code, AdverseEventTerms.Code(term));
            Assert.Equal(display, AdverseEventTerms.Display(term));
            Assert.True(AdverseEventTerms.TryParse(code, out var parsed));
            Assert.Equal(term, parsed);
        }

        Assert.Equal(string.Join(", ", table.Select(t => t.Item2)), AdverseEventTerms.CodeList);
        Assert.False(AdverseEventTerms.TryParse(null, out var none));
        Assert.Equal(default, none);
        Assert.False(AdverseEventTerms.TryParse("Neck-pain", out _));
        Assert.Equal("term", Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEventTerms.Code((AdverseEventTerm)13)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEventTerms.Display((AdverseEventTerm)(-1)));
        AdverseEventTerm[] distant = [AdverseEventTerm.Dysphagia, AdverseEventTerm.Dysphonia, AdverseEventTerm.BreathingDifficulty, AdverseEventTerm.Diplopia, AdverseEventTerm.GeneralisedWeakness];
        Assert.Equal(distant.Order(), AdverseEventTerms.All.Where(AdverseEventTerms.IsDistantSpread).Order());
        Assert.Equal("S2", AdverseEventTerms.BoxedWarning.Source);
    }

    [Fact]
    public void AdverseEventFactoriesAcceptTheirLimitsAndRefuseOnePast()
    {
        Assert.Equal(0, AdverseEvent.Resolved(AdverseEventTerm.NeckPain, Day, 0, AdverseEventSeverity.Mild).DurationDays);
        Assert.Equal(3653, AdverseEvent.Resolved(AdverseEventTerm.NeckPain, Day, AdverseEvent.MaxDurationDays, AdverseEventSeverity.Mild).DurationDays);
        var past = Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvent.Resolved(AdverseEventTerm.NeckPain, Day, 3654, AdverseEventSeverity.Mild));
        Assert.Equal("durationDays", past.ParamName);
        Assert.Contains("0 to 3653 days", past.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvent.Resolved(AdverseEventTerm.NeckPain, Day, -1, AdverseEventSeverity.Mild));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvent.Other("rash", Day, 3654, AdverseEventSeverity.Mild));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvent.Other("rash", Day, -1, AdverseEventSeverity.Mild));
        Assert.Equal(3653, AdverseEvent.Other("rash", Day, 3653, AdverseEventSeverity.Mild).DurationDays);
        Assert.True(AdverseEvent.Other("rash", Day, null, AdverseEventSeverity.Mild).IsOngoing);

        Assert.Equal(200, AdverseEvent.Other(new string('x', 200), Day, 1, AdverseEventSeverity.Mild).OtherText!.Length);
        var longText = Assert.Throws<ArgumentException>(() => AdverseEvent.Other(new string('x', 201), Day, 1, AdverseEventSeverity.Mild));
        Assert.Equal("text", longText.ParamName);
        Assert.Contains("at most 200 characters; it has 201", longText.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AdverseEvent.Other(" ", Day, 1, AdverseEventSeverity.Mild));

        Assert.Equal("term", Assert.Throws<ArgumentException>(() => AdverseEvent.Ongoing(AdverseEventTerm.Other, Day, AdverseEventSeverity.Mild)).ParamName);
        Assert.Equal("term", Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvent.Ongoing((AdverseEventTerm)99, Day, AdverseEventSeverity.Mild)).ParamName);
        Assert.Equal("severity", Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvent.Ongoing(AdverseEventTerm.Headache, Day, (AdverseEventSeverity)3)).ParamName);
        Assert.Equal("site", Assert.Throws<ArgumentException>(() => AdverseEvent.Ongoing(AdverseEventTerm.Headache, Day, AdverseEventSeverity.Mild, site: default(SiteId))).ParamName);
        Assert.Equal("muscle", Assert.Throws<ArgumentException>(() => AdverseEvent.Ongoing(AdverseEventTerm.Headache, Day, AdverseEventSeverity.Mild, muscle: default(MuscleId))).ParamName);
    }

    [Fact]
    public void AdverseEventsReadAsOneLine()
    {
        Assert.Equal("Neck pain, onset 2026-03-02, 1 day, mild", AdverseEvent.Resolved(AdverseEventTerm.NeckPain, Day, 1, AdverseEventSeverity.Mild).ToString());
        Assert.Equal("Neck pain, onset 2026-03-02, 0 days, moderate, serious", AdverseEvent.Resolved(AdverseEventTerm.NeckPain, Day, 0, AdverseEventSeverity.Moderate, serious: true).ToString());
        Assert.Equal("Dysphagia, onset 2026-03-02, ongoing, severe, in trapezius", AdverseEvent.Ongoing(AdverseEventTerm.Dysphagia, Day, AdverseEventSeverity.Severe, muscle: MuscleId.From("trapezius")).ToString());
        Assert.Equal("rash, onset 2026-03-02, 12 days, mild, at frontalis-left", AdverseEvent.Other("rash", Day, 12, AdverseEventSeverity.Mild, site: SiteId.From("frontalis-left"), muscle: MuscleId.From("frontalis")).ToString());
        Assert.Equal("rash", AdverseEvent.Other("rash", Day, 12, AdverseEventSeverity.Mild).Description);
        Assert.Equal("Diplopia", AdverseEvent.Ongoing(AdverseEventTerm.Diplopia, Day, AdverseEventSeverity.Mild).Description);

        foreach (var (severity, text) in new[] { (AdverseEventSeverity.Mild, "mild"), (AdverseEventSeverity.Moderate, "moderate"), (AdverseEventSeverity.Severe, "severe") })
        {
            Assert.Equal(text, AdverseEvent.FormatSeverity(severity));
            Assert.True(AdverseEvent.TryParseSeverity(text, out var parsed));
            Assert.Equal(severity, parsed);
        }

        Assert.False(AdverseEvent.TryParseSeverity("Mild", out var none));
        Assert.Equal(default, none);
        Assert.False(AdverseEvent.TryParseSeverity(null, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvent.FormatSeverity((AdverseEventSeverity)3));
    }

    [Fact]
    public void AdverseEventsAreEqualInEveryField()
    {
        static AdverseEvent Make(string? text = null, int day = 2, int? duration = 3, AdverseEventSeverity severity = AdverseEventSeverity.Mild, bool serious = false, string? site = null, string? muscle = null) =>
            text is null
                ? AdverseEvent.Resolved(AdverseEventTerm.NeckPain, new DateOnly(2026, 3, day), duration!.Value, severity, serious, site is null ? null : SiteId.From(site), muscle is null ? null : MuscleId.From(muscle))
                : AdverseEvent.Other(text, new DateOnly(2026, 3, day), duration, severity, serious, site is null ? null : SiteId.From(site), muscle is null ? null : MuscleId.From(muscle));
        var a = Make();
        Assert.True(a.Equals(Make()));
        Assert.True(a.Equals((object)Make()));
        Assert.Equal(a.GetHashCode(), Make().GetHashCode());
        Assert.False(a.Equals(null));
        Assert.False(a.Equals(Make(text: "neck pain")));
        Assert.False(Make(text: "a").Equals(Make(text: "A")));
        Assert.False(a.Equals(Make(day: 3)));
        Assert.False(a.Equals(Make(duration: 4)));
        Assert.False(a.Equals(Make(severity: AdverseEventSeverity.Severe)));
        Assert.False(a.Equals(Make(serious: true)));
        Assert.False(a.Equals(Make(site: "frontalis-left")));
        Assert.False(a.Equals(Make(muscle: "frontalis")));
    }

    [Fact]
    public void HistoryWindowsIncludeBothEnds()
    {
        var history = new TreatmentHistory(
        [
            new Administration(new DateOnly(2026, 6, 1), ToxinUnits.FromUnits(155), Administration.ChronicMigraine),
            new Administration(new DateOnly(2026, 3, 1), ToxinUnits.FromUnits(100), Administration.ChronicMigraine),
            new Administration(new DateOnly(2026, 4, 1), ToxinUnits.FromUnits(50), "cervical-dystonia"),
        ]);
        Assert.Equal([new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 1)], history.Administrations.Select(a => a.Date));
        Assert.Equal(ToxinUnits.FromUnits(305), history.UnitsBetween(new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 1)));
        Assert.Equal(ToxinUnits.FromUnits(205), history.UnitsBetween(new DateOnly(2026, 3, 2), new DateOnly(2026, 6, 1)));
        Assert.Equal(ToxinUnits.FromUnits(150), history.UnitsBetween(new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31)));
        Assert.Equal(ToxinUnits.Zero, history.UnitsBetween(new DateOnly(2026, 6, 2), new DateOnly(2026, 12, 31)));

        Assert.Null(history.LastChronicMigraineOnOrBefore(new DateOnly(2026, 2, 28)));
        Assert.Equal(new DateOnly(2026, 3, 1), history.LastChronicMigraineOnOrBefore(new DateOnly(2026, 3, 1))!.Date);
        Assert.Equal(new DateOnly(2026, 3, 1), history.LastChronicMigraineOnOrBefore(new DateOnly(2026, 5, 31))!.Date);
        Assert.Equal(new DateOnly(2026, 6, 1), history.LastChronicMigraineOnOrBefore(new DateOnly(2026, 6, 1))!.Date);

        Assert.Equal(new DateOnly(2026, 8, 24), history.NextEligibleDate(84));
        Assert.Equal(new DateOnly(2026, 6, 2), history.NextEligibleDate(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => history.NextEligibleDate(0));
        Assert.Null(TreatmentHistory.Empty.NextEligibleDate(84));
        Assert.Equal(DateOnly.MaxValue, TreatmentHistory.AddDaysSaturating(new DateOnly(9999, 12, 1), 84));
        Assert.Equal(DateOnly.MinValue, TreatmentHistory.AddDaysSaturating(new DateOnly(1, 1, 5), -10));
        Assert.Equal("3 administrations", history.ToString());
        Assert.Throws<ArgumentNullException>(() => new TreatmentHistory([null!]));
    }

    [Fact]
    public void HistoriesAndAdministrationsAreEqualByContent()
    {
        var a = new Administration(Day, ToxinUnits.FromUnits(155), Administration.ChronicMigraine);
        Assert.Equal("2026-03-02: 155 U (chronic-migraine)", a.ToString());
        Assert.True(a.IsChronicMigraine);
        Assert.False(new Administration(Day, ToxinUnits.FromUnits(155), "chronic-migraine-2").IsChronicMigraine);
        Assert.True(a.Equals((object)new Administration(Day, ToxinUnits.FromUnits(155), "chronic-migraine")));
        Assert.Equal(a.GetHashCode(), new Administration(Day, ToxinUnits.FromUnits(155), "chronic-migraine").GetHashCode());
        Assert.False(a.Equals(null));
        Assert.False(a.Equals(new Administration(Day.AddDays(1), ToxinUnits.FromUnits(155), "chronic-migraine")));
        Assert.False(a.Equals(new Administration(Day, ToxinUnits.FromUnits(150), "chronic-migraine")));
        Assert.False(a.Equals(new Administration(Day, ToxinUnits.FromUnits(155), "cervical-dystonia")));
        var withEvent = a.WithAdverseEvents([AdverseEvent.Resolved(AdverseEventTerm.NeckPain, Day, 1, AdverseEventSeverity.Mild)]);
        Assert.False(a.Equals(withEvent));
        Assert.Single(withEvent.AdverseEvents);

        var h = new TreatmentHistory([a]);
        Assert.True(h.Equals((object)new TreatmentHistory([new Administration(Day, ToxinUnits.FromUnits(155), "chronic-migraine")])));
        Assert.Equal(h.GetHashCode(), new TreatmentHistory([new Administration(Day, ToxinUnits.FromUnits(155), "chronic-migraine")]).GetHashCode());
        Assert.False(h.Equals(TreatmentHistory.Empty));
        Assert.False(h.Equals(null));
        Assert.Equal(TreatmentHistory.Empty.GetHashCode(), new TreatmentHistory([]).GetHashCode());
    }

    [Fact]
    public void InjectionsNameTheirSiteAndDose()
    {
        var i = new Injection(SiteId.From("frontalis-left"), ToxinUnits.FromUnits(5));
        Assert.Equal("frontalis-left: 5 U", i.ToString());
        Assert.False(i.IsFollowThePain);
        Assert.True(i.Equals((object)new Injection(SiteId.From("frontalis-left"), ToxinUnits.FromUnits(5))));
        Assert.Equal(i.GetHashCode(), new Injection(SiteId.From("frontalis-left"), ToxinUnits.FromUnits(5)).GetHashCode());
        Assert.False(i.Equals(null));
        Assert.False(i.Equals(new Injection(SiteId.From("frontalis-right"), ToxinUnits.FromUnits(5))));
        Assert.False(i.Equals(new Injection(SiteId.From("frontalis-left"), ToxinUnits.FromUnits(2.5m))));
        Assert.Equal("site", Assert.Throws<ArgumentException>(() => new Injection(default, ToxinUnits.FromUnits(5))).ParamName);
        var ftp = Injection.FollowThePain(MuscleId.From("trapezius"), Laterality.Left, ToxinUnits.FromUnits(5));
        Assert.True(ftp.IsFollowThePain);
    }

    /// <summary>Every refusal of the session model, by case: its exception type, the parameter it names and the rule its message states.</summary>
    [Theory]
    [InlineData("other-duration", typeof(ArgumentOutOfRangeException), "durationDays", "A duration is 0 to 3653 days.")]
    [InlineData("undefined-term", typeof(ArgumentOutOfRangeException), "term", "Not a defined adverse-event term.")]
    [InlineData("other-without-text", typeof(ArgumentException), "term", "An 'other' adverse event needs its text: use AdverseEvent.Other.")]
    [InlineData("undefined-severity", typeof(ArgumentOutOfRangeException), "severity", "A severity is mild, moderate or severe.")]
    [InlineData("format-undefined-severity", typeof(ArgumentOutOfRangeException), "severity", "A severity is mild, moderate or severe.")]
    [InlineData("default-event-site", typeof(ArgumentException), "site", "The site of an adverse event must be null or a non-default site id.")]
    [InlineData("default-event-muscle", typeof(ArgumentException), "muscle", "The muscle of an adverse event must be null or a non-default muscle id.")]
    [InlineData("default-injection-site", typeof(ArgumentException), "site", "The site of an injection must not be the default (empty) site id.")]
    [InlineData("bad-indication", typeof(ArgumentException), "indication", "'Chronic Migraine' is not a valid indication id. A indication id is lower-case ASCII letters")]
    [InlineData("from-null-session", typeof(ArgumentNullException), "session", "Value cannot be null.")]
    [InlineData("null-administration", typeof(ArgumentNullException), "administrations", "A history must not contain null administrations.")]
    [InlineData("null-injection", typeof(ArgumentNullException), "injections", "A session must not contain null injections.")]
    [InlineData("total-past-maximum", typeof(ArgumentOutOfRangeException), "injections", "The injections of a session add up to more than 1000000 U, the largest total the library represents.")]
    [InlineData("vials-past-maximum", typeof(ArgumentOutOfRangeException), "reconstitution", "The vials needed for these injections would hold more than 1000000 U, the largest total the library represents.")]
    [InlineData("session-event-before", typeof(ArgumentException), "events", "The adverse event 'Neck pain, onset 2026-03-01, 1 day, mild' starts before the administration it follows, on 2026-03-02.")]
    [InlineData("redated-session-event-before", typeof(ArgumentException), "date", "The adverse event 'Neck pain, onset 2026-03-02, 1 day, mild' starts before the administration it follows, on 2026-03-03.")]
    [InlineData("administration-event-before", typeof(ArgumentException), "events", "The adverse event 'Neck pain, onset 2026-03-01, 1 day, mild' starts before the administration it follows, on 2026-03-02.")]
    public void EachRefusalNamesItsParameterAndItsRule(string change, Type type, string parameter, string rule)
    {
        var unitsOf300UVials = new Reconstitution(ToxinUnits.FromUnits(300), Volume.FromMillilitres(6));
        var neckPain = (DateOnly onset) => AdverseEvent.Resolved(AdverseEventTerm.NeckPain, onset, 1, AdverseEventSeverity.Mild);
        Action act = change switch
        {
            "other-duration" => () => AdverseEvent.Other("rash", Day, AdverseEvent.MaxDurationDays + 1, AdverseEventSeverity.Mild),
            "undefined-term" => () => AdverseEvent.Ongoing((AdverseEventTerm)99, Day, AdverseEventSeverity.Mild),
            "other-without-text" => () => AdverseEvent.Ongoing(AdverseEventTerm.Other, Day, AdverseEventSeverity.Mild),
            "undefined-severity" => () => AdverseEvent.Ongoing(AdverseEventTerm.Headache, Day, (AdverseEventSeverity)3),
            "format-undefined-severity" => () => AdverseEvent.FormatSeverity((AdverseEventSeverity)3),
            "default-event-site" => () => AdverseEvent.Ongoing(AdverseEventTerm.Headache, Day, AdverseEventSeverity.Mild, site: default(SiteId)),
            "default-event-muscle" => () => AdverseEvent.Ongoing(AdverseEventTerm.Headache, Day, AdverseEventSeverity.Mild, muscle: default(MuscleId)),
            "default-injection-site" => () => _ = new Injection(default, ToxinUnits.FromUnits(5)),
            "bad-indication" => () => _ = new Administration(Day, ToxinUnits.FromUnits(155), "Chronic Migraine"),
            "from-null-session" => () => Administration.FromSession(null!),
            "null-administration" => () => _ = new TreatmentHistory([new Administration(Day, ToxinUnits.FromUnits(155), Administration.ChronicMigraine), null!]),
            "null-injection" => () => _ = new TreatmentSession(Day, [new Injection(SiteId.From("procerus"), ToxinUnits.FromUnits(5)), null!]),
            "total-past-maximum" => () => _ = new TreatmentSession(Day, [new Injection(SiteId.From("procerus"), ToxinUnits.MaxValue), new Injection(SiteId.From("procerus"), ToxinUnits.FromHundredths(1))]),
            // 1,000,000 U needs 3,334 vials of 300 U (1,000,200 U): more than the library represents, although the dose itself is not.
            "vials-past-maximum" => () => _ = new TreatmentSession(Day, [new Injection(SiteId.From("procerus"), ToxinUnits.MaxValue)], reconstitution: unitsOf300UVials),
            "session-event-before" => () => new TreatmentSession(Day, []).WithAdverseEvents([neckPain(Day.AddDays(-1))]),
            "redated-session-event-before" => () => new TreatmentSession(Day, []).WithAdverseEvents([neckPain(Day)]).WithDate(Day.AddDays(1)),
            "administration-event-before" => () => new Administration(Day, ToxinUnits.FromUnits(155), Administration.ChronicMigraine).WithAdverseEvents([neckPain(Day.AddDays(-1))]),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Not a test case."),
        };

        var e = Record.Exception(act);
        Assert.IsType(type, e);
        Assert.Equal(parameter, ((ArgumentException)e).ParamName);
        Assert.StartsWith(rule, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheVialsOfASessionMayHoldExactlyTheLargestTotal()
    {
        // 3,333 vials of 300 U hold 999,900 U, within the library's range; one hundredth more needs a 3,334th vial.
        var vials300 = new Reconstitution(ToxinUnits.FromUnits(300), Volume.FromMillilitres(6));
        var session = new TreatmentSession(Day, [new Injection(SiteId.From("procerus"), ToxinUnits.FromUnits(999_900))], reconstitution: vials300);
        Assert.Equal(ToxinUnits.FromUnits(999_900), session.TotalUnits);
        Assert.Throws<ArgumentOutOfRangeException>(() => session.WithInjections([new Injection(SiteId.From("procerus"), ToxinUnits.FromUnits(999_900.01m))]));
        Assert.Equal(ToxinUnits.MaxValue, new TreatmentSession(Day, [new Injection(SiteId.From("procerus"), ToxinUnits.MaxValue)]).TotalUnits);
    }

    [Fact]
    public void HistoriesOfOneLengthSpreadOverHashCodesByTheirLastDate()
    {
        // Equal histories share a hash code (tested above); histories that differ only in their date should not all share one,
        // or every one-session history lands in the same bucket of a set or dictionary.
        var hashes = Enumerable.Range(0, 20)
            .Select(i => new TreatmentHistory([new Administration(Day.AddDays(i), ToxinUnits.FromUnits(155), Administration.ChronicMigraine)]).GetHashCode())
            .Distinct()
            .Count();
        Assert.True(hashes > 1, "Twenty one-session histories on twenty dates all have the same hash code.");
    }
}
