using FsCheck;
using FsCheck.Fluent;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Arbitraries;

/// <summary>FsCheck generators for sessions and histories: real and made-up sites, odd doses, optional details.</summary>
public static class SessionArbitraries
{
    private static readonly string[] SiteTexts =
    [
        .. KnownProtocols.Preempt.Sites.Select(s => s.Site.Id.Value),
        "temporalis-left-ftp", "occipitalis-right-ftp", "trapezius-left-ftp", "frontalis-left-ftp", "nasalis-left-1", "masseter-right-ftp",
    ];

    private static readonly string[] Indications = [Administration.ChronicMigraine, "cervical-dystonia", "spasticity", "blepharospasm"];

    private static Gen<DateOnly> Dates() => Gen.Choose(new DateOnly(2020, 1, 1).DayNumber, new DateOnly(2030, 12, 31).DayNumber).Select(DateOnly.FromDayNumber);

    private static Gen<ToxinUnits> Doses() =>
        Gen.Frequency(
            (6, Gen.Constant(ToxinUnits.FromUnits(5))),
            (2, Gen.Choose(0, 2_000).Select(h => ToxinUnits.FromHundredths(h))),
            (1, Gen.Choose(0, 2_000_000).Select(h => ToxinUnits.FromHundredths(h)))); // 45 injections of at most 20,000 U stay within the session total limit (1,000,000 U)

    private static Gen<Injection> Injections() =>
        from site in Gen.Elements(SiteTexts)
        from units in Doses()
        select new Injection(SiteId.From(site), units);

    private static Gen<string?> Text() => Gen.Elements<string?>(null, "BOTOX", "C1234 A", "Lot \"7\" / é", "x");

    private static readonly string?[] EventPlaces = [null, "trapezius-left-2", "frontalis-right-1", "temporalis-left-ftp"];

    /// <summary>Adverse events: every term, resolved or ongoing, any severity, serious or not, with or without a site or muscle.</summary>
    public static Gen<AdverseEvent> AdverseEvents(DateOnly after) =>
        from term in Gen.Elements(AdverseEventTerms.All.ToArray())
        from onset in Gen.Frequency((3, Gen.Choose(0, 60)), (1, Gen.Choose(61, 2_000))).Select(d => after.AddDays(d))
        from duration in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, AdverseEvent.MaxDurationDays).Select(d => (int?)d))
        from severity in Gen.Elements(AdverseEventSeverity.Mild, AdverseEventSeverity.Moderate, AdverseEventSeverity.Severe)
        from serious in Gen.Elements(false, true)
        from site in Gen.Elements(EventPlaces)
        from muscle in Gen.Elements<string?>(null, "trapezius", "cervical-paraspinal", "frontalis")
        from text in Gen.Elements("rash", "Skin tightness", "fainting \"during\" injection / é")
        select term == AdverseEventTerm.Other
            ? AdverseEvent.Other(text, onset, duration, severity, serious, site is null ? null : SiteId.From(site), muscle is null ? null : MuscleId.From(muscle))
            : duration is { } d
                ? AdverseEvent.Resolved(term, onset, d, severity, serious, site is null ? null : SiteId.From(site), muscle is null ? null : MuscleId.From(muscle))
                : AdverseEvent.Ongoing(term, onset, severity, serious, site is null ? null : SiteId.From(site), muscle is null ? null : MuscleId.From(muscle));

    private static Gen<List<AdverseEvent>> EventLists(DateOnly after) =>
        Gen.Frequency((3, Gen.Constant(new List<AdverseEvent>())), (1, AdverseEvents(after).ListOf().Select(l => l.Take(4).ToList())));

    /// <summary>Sessions with 0 to 45 injections and every optional detail sometimes present.</summary>
    public static Arbitrary<TreatmentSession> Sessions() =>
        (from date in Dates()
         from injections in Injections().ListOf().Select(l => l.Take(45).ToList())
         from product in Text()
         from lot in Text()
         from expiry in Gen.OneOf(Gen.Constant<DateOnly?>(null), Dates().Select(d => (DateOnly?)d))
         from recon in Gen.Elements<Reconstitution?>(null, Reconstitution.Vial100In2Ml, Reconstitution.Vial200In4Ml, Reconstitution.Vial50In1Ml, new Reconstitution(ToxinUnits.FromUnits(100), Volume.FromMicrolitres(2_500)))
         from vials in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 5).Select(v => (int?)v))
         from minutes in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(-3 * 1440, 1440).Select(m => (int?)m))
         from events in EventLists(date)
         from acknowledged in Gen.Elements(false, false, true)
         select new TreatmentSession(date, injections, product, lot, expiry, recon).WithVialsOpened(vials)
             .WithReconstitutedAt(minutes is { } m ? date.ToDateTime(TimeOnly.MinValue).AddMinutes(m) : null)
             .WithAdverseEvents(events).WithDistantSpreadAcknowledged(acknowledged))
        .ToArbitrary();

    /// <summary>Histories of 0 to 12 administrations over several indications.</summary>
    public static Arbitrary<TreatmentHistory> Histories() =>
        (from date in Dates()
         from units in Doses()
         from indication in Gen.Elements(Indications)
         from events in EventLists(date)
         select new Administration(date, units, indication).WithAdverseEvents(events))
        .ListOf().Select(l => new TreatmentHistory(l.Take(12)))
        .ToArbitrary();
}
