using FsCheck;
using FsCheck.Fluent;
using MigraineProtocol.Definitions;
using MigraineProtocol.Diaries;
using MigraineProtocol.Dosing;
using MigraineProtocol.Fhir.Diaries;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Arbitraries;

/// <summary>A session with diary periods and export options: one input of the FHIR round trip.</summary>
public sealed record FhirCase(TreatmentSession Session, IReadOnlyList<DiaryPeriodCounts> Periods, FhirExportOptions Options)
{
    public override string ToString() =>
        $"{Session} [{string.Join(", ", Session.Injections)}] product={Session.Product} lot={Session.Lot} expiry={Session.Expiry} recon={Session.Reconstitution} vials={Session.VialsOpened} events=[{string.Join("; ", Session.AdverseEvents)}]; "
        + $"periods=[{string.Join("; ", Periods)}]; patient={Options.Patient} performer={Options.Performer} kind={Options.Kind}";
}

/// <summary>FsCheck generators for the FHIR mapping: sessions with fixed, follow-the-pain and unknown sites, every optional field (vials opened included), and diary periods (random counts, or the periods of a generated diary).</summary>
public static class FhirArbitraries
{
    private static readonly SiteId[] FixedSites = [.. Catalogs.DefaultAnatomy.Sites.Select(s => s.Id)];

    private static Gen<DateOnly> Dates() => Gen.Choose(0, 3650).Select(d => new DateOnly(2020, 1, 1).AddDays(d));

    private static Gen<string?> Optional(Gen<string> gen) => Gen.Frequency((1, Gen.Constant<string?>(null)), (2, gen.Select(s => (string?)s)));

    private static Gen<string> Words(params string[] words) => Gen.Elements(words);

    private static Gen<SiteId> Sites() => Gen.Frequency(
        (6, Gen.Elements(FixedSites)),
        (2, from m in Gen.Elements("temporalis", "occipitalis", "trapezius", "cervical-paraspinal", "frontalis", "masseter")
            from side in Gen.Elements(Laterality.Left, Laterality.Right)
            select SiteId.FollowThePain(MuscleId.From(m), side)),
        (1, Gen.Elements("nasalis-left-1", "splenius-capitis-right-2", "x9").Select(SiteId.From)));

    private static Gen<Injection> Injections() =>
        from site in Sites()
        from units in Gen.Frequency((5, Gen.Elements(2.5m, 5m, 10m)), (1, Gen.Choose(0, 40_000).Select(c => c / 100m)))
        select new Injection(site, ToxinUnits.FromUnits(units));

    private static Gen<DiaryPeriodCounts> Periods() =>
        from start in Dates()
        from length in Gen.Frequency((4, Gen.Constant(28)), (1, Gen.Choose(1, 31)))
        from recorded in Gen.Choose(0, length)
        from headache in Gen.Choose(0, recorded)
        from migraine in Gen.Choose(0, headache)
        select new DiaryPeriodCounts(start, start.AddDays(length - 1), recorded, headache, migraine);

    private static Gen<FhirReference?> References(string type) =>
        Gen.Frequency(
            (1, Gen.Constant<FhirReference?>(null)),
            (3, from id in Gen.Choose(1, 99_999)
                from display in Optional(Words("Dr A. Example", "Jane Q. Patient", "Ünïcødé name"))
                select (FhirReference?)new FhirReference($"{type}/{id}", display)));

    public static Arbitrary<FhirCase> Cases() =>
        (from date in Dates()
         from injections in Injections().ListOf().Select(l => l.Take(45).ToList())
         from product in Optional(Words("BOTOX", "Botox 100 Allergan Units", "onabotulinumtoxinA"))
         from lot in Optional(Words("C1234", "C5678C3", "lot \"quoted\" 7"))
         from expiry in Gen.Frequency((1, Gen.Constant<DateOnly?>(null)), (2, Dates().Select(d => (DateOnly?)d)))
         from recon in Gen.Frequency((1, Gen.Constant<Reconstitution?>(null)), (2, DomainArbitraries.Reconstitutions().Generator.Select(r => (Reconstitution?)r)))
         from vials in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(0, 4).Select(v => (int?)v)), (1, Gen.Choose(5, int.MaxValue - 1).Select(v => (int?)v)))
         from periods in Gen.Frequency(
             (2, Periods().ListOf().Select(l => l.Take(4).ToList())),
             (1, from diary in DiaryArbitraries.DiaryGen(1, 120)
                 from kind in Gen.Elements(PeriodKind.TwentyEightDays, PeriodKind.CalendarMonth)
                 select DiaryPeriodCounts.FromDiary(diary, kind).ToList()))
         from patient in Gen.Frequency((1, Gen.Constant<FhirReference?>(FhirReference.DisplayOnly("patient not identified"))), (6, References("Patient").Where(p => p is not null)))
         from performer in References("Practitioner")
         from collection in Gen.Elements(false, true)
         from events in Gen.Frequency((2, Gen.Constant(new List<AdverseEvent>())), (1, SessionArbitraries.AdverseEvents(date).ListOf().Select(l => l.Take(3).ToList())))
         select new FhirCase(
             // Huge vial counts only without a reconstitution: with one, vials x vial size stays within 1,000,000 U (ADR 0102).
             new TreatmentSession(date, injections, product, lot, expiry, recon).WithVialsOpened(recon is null || vials is null ? vials : (int)Math.Min(vials.Value, ToxinUnits.MaxValue.Hundredths / recon.VialUnits.Hundredths)).WithAdverseEvents(events),
             periods,
             new FhirExportOptions(patient!, performer, kind: collection ? FhirBundleKind.Collection : FhirBundleKind.Transaction)))
        .ToArbitrary();
}
