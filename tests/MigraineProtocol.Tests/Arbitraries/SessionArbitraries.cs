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
         select new TreatmentSession(date, injections, product, lot, expiry, recon).WithVialsOpened(vials)
             .WithReconstitutedAt(minutes is { } m ? date.ToDateTime(TimeOnly.MinValue).AddMinutes(m) : null))
        .ToArbitrary();

    /// <summary>Histories of 0 to 12 administrations over several indications.</summary>
    public static Arbitrary<TreatmentHistory> Histories() =>
        (from date in Dates()
         from units in Doses()
         from indication in Gen.Elements(Indications)
         select new Administration(date, units, indication))
        .ListOf().Select(l => new TreatmentHistory(l.Take(12)))
        .ToArbitrary();
}
