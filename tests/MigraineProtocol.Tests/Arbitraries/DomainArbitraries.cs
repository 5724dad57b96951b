using FsCheck;
using FsCheck.Fluent;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Arbitraries;

/// <summary>FsCheck generators for the domain values, used with <c>[Properties(Arbitrary = ...)]</c>.</summary>
public static class DomainArbitraries
{
    private static readonly string[] Segments = ["temporalis", "left", "right", "1", "2", "ftp", "trapezius", "a", "x9", "cervical", "paraspinal"];

    /// <summary>Amounts from 0 to 4,000 U in hundredths, plus clinical edges (the overflow edge is tested on its own).</summary>
    public static Arbitrary<ToxinUnits> Units() =>
        Gen.Frequency(
            (8, Gen.Choose(0, 400_000).Select(c => ToxinUnits.FromHundredths(c))),
            (1, Gen.Elements(ToxinUnits.Zero, ToxinUnits.FromHundredths(1), ToxinUnits.FromUnits(5), ToxinUnits.FromUnits(155), ToxinUnits.FromUnits(195))))
        .ToArbitrary();

    /// <summary>Volumes from 0 to 100 mL in microlitres.</summary>
    public static Arbitrary<Volume> Volumes() => Gen.Choose(0, 100_000).Select(v => Volume.FromMicrolitres(v)).ToArbitrary();

    /// <summary>Well-formed site ids built from kebab-case segments.</summary>
    public static Arbitrary<SiteId> SiteIds() =>
        Gen.Elements(Segments).ArrayOf().Where(a => a.Length is > 0 and < 5)
            .Select(parts => string.Join('-', parts))
            .Where(s => char.IsAsciiLetterLower(s[0]))
            .Where(s => SiteId.TryParse(s, out _))
            .Select(SiteId.From)
            .ToArbitrary();

    /// <summary>Realistic reconstitutions: 50, 100 or 200 U vials in 0.5 to 10 mL.</summary>
    public static Arbitrary<Reconstitution> Reconstitutions() =>
        (from vial in Gen.Elements(50, 100, 200)
         from tenths in Gen.Choose(5, 100)
         select new Reconstitution(ToxinUnits.FromUnits(vial), Volume.FromMillilitres(tenths / 10m)))
        .ToArbitrary();
}
