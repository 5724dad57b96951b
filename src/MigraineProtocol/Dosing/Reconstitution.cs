using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Dosing;

/// <summary>
/// How a vial of onabotulinumtoxinA powder is reconstituted: the vial's units and the volume of
/// preservative-free 0.9% sodium chloride added. It fixes the concentration, and so converts between
/// units and volume, and it tells how many vials a dose needs and how many units are discarded.
/// </summary>
/// <remarks>
/// <para>The chronic-migraine paradigm gives 5 U in 0.1 mL per site: 100 U + 2 mL, 200 U + 4 mL and
/// 50 U + 1 mL all give 5 U per 0.1 mL (clinical-facts.md §1.2, sources S7 and S7b, VERIFIED-2nd; see
/// <see cref="DilutionSource"/>).</para>
/// <para>Conversions are exact where the result is representable (units to 0.01 U, volume to
/// 0.001 mL); <see cref="VolumeFor"/> rounds to the nearest microlitre, half away from zero, and
/// <see cref="TryGetExactVolume"/> says whether rounding was needed.</para>
/// </remarks>
/// <threadsafety>This type is immutable.</threadsafety>
public sealed class Reconstitution : IEquatable<Reconstitution>
{
    /// <summary>Initializes a reconstitution.</summary>
    /// <param name="vialUnits">The units in one vial; more than zero.</param>
    /// <param name="diluent">The diluent added to one vial; more than zero.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vialUnits"/> or <paramref name="diluent"/> is zero.</exception>
    public Reconstitution(ToxinUnits vialUnits, Volume diluent)
    {
        if (vialUnits == ToxinUnits.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(vialUnits), vialUnits, "A vial must hold more than 0 U.");
        }

        if (diluent == Volume.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(diluent), diluent, "The diluent volume must be more than 0 mL.");
        }

        VialUnits = vialUnits;
        Diluent = diluent;
    }

    /// <summary>Gets the citation for the standard dilutions (S7 SmPC dilution table; S7b US PI dilution sentence).</summary>
    public static Citation DilutionSource { get; } =
        new("S7, S7b", "clinical-facts.md §1.2 Dilution: SmPC dilution table; US PI '200 Units/4 mL or 100 Units/2 mL'", VerificationLevel.VerifiedSecondary);

    /// <summary>Gets the standard reconstitution of a 100 U vial with 2 mL (5 U per 0.1 mL).</summary>
    public static Reconstitution Vial100In2Ml { get; } = new(ToxinUnits.FromUnits(100), Volume.FromMillilitres(2));

    /// <summary>Gets the standard reconstitution of a 200 U vial with 4 mL (5 U per 0.1 mL).</summary>
    public static Reconstitution Vial200In4Ml { get; } = new(ToxinUnits.FromUnits(200), Volume.FromMillilitres(4));

    /// <summary>Gets the standard reconstitution of a 50 U vial with 1 mL (5 U per 0.1 mL).</summary>
    public static Reconstitution Vial50In1Ml { get; } = new(ToxinUnits.FromUnits(50), Volume.FromMillilitres(1));

    /// <summary>Gets the vial sizes with a standard reconstitution at 5 U per 0.1 mL, smallest first: 50, 100 and 200 U (<see cref="DilutionSource"/>).</summary>
    public static ImmutableArray<ToxinUnits> StandardVialSizes { get; } = [ToxinUnits.FromUnits(50), ToxinUnits.FromUnits(100), ToxinUnits.FromUnits(200)];

    /// <summary>Returns the standard reconstitution of a vial size: 50 U in 1 mL, 100 U in 2 mL or 200 U in 4 mL, each 5 U per 0.1 mL
    /// (clinical-facts.md §1.2: S7 SmPC dilution table for 50 and 100 U, S7b US PI for 200 U; VERIFIED-2nd, <see cref="DilutionSource"/>).</summary>
    /// <param name="vialUnits">The units in one vial.</param>
    /// <returns>The reconstitution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The vial size has no standard reconstitution (it is not 50, 100 or 200 U).</exception>
    public static Reconstitution ForVial(ToxinUnits vialUnits) =>
        TryForVial(vialUnits, out var reconstitution)
            ? reconstitution
            : throw new ArgumentOutOfRangeException(nameof(vialUnits), vialUnits, $"A {vialUnits} vial has no standard reconstitution; the standard vial sizes are 50, 100 and 200 U, each reconstituted at 5 U per 0.1 mL (S7, S7b).");

    /// <summary>Returns the standard reconstitution of a vial size (see <see cref="ForVial"/>); never throws.</summary>
    /// <param name="vialUnits">The units in one vial.</param>
    /// <param name="reconstitution">The reconstitution when the size is standard.</param>
    /// <returns><see langword="true"/> for 50, 100 or 200 U.</returns>
    public static bool TryForVial(ToxinUnits vialUnits, [NotNullWhen(true)] out Reconstitution? reconstitution)
    {
        reconstitution = vialUnits.Hundredths switch
        {
            5_000 => Vial50In1Ml,
            10_000 => Vial100In2Ml,
            20_000 => Vial200In4Ml,
            _ => null,
        };
        return reconstitution is not null;
    }

    /// <summary>Gets the units in one vial.</summary>
    public ToxinUnits VialUnits { get; }

    /// <summary>Gets the diluent volume added to one vial.</summary>
    public Volume Diluent { get; }

    /// <summary>Gets the concentration in units per millilitre, exactly (for example 50 for 100 U in 2 mL).</summary>
    public decimal UnitsPerMillilitre => VialUnits.Units / Diluent.Millilitres;

    /// <summary>Gets the units in 0.1 mL, the volume injected at each PREEMPT site, rounded to 0.01 U.</summary>
    public ToxinUnits UnitsPerTenthMillilitre => UnitsIn(Volume.FromMicrolitres(100));

    /// <summary>Returns the units contained in a volume of the reconstituted solution, rounded to the nearest 0.01 U (half away from zero).</summary>
    /// <param name="volume">The volume drawn.</param>
    /// <returns>The units.</returns>
    public ToxinUnits UnitsIn(Volume volume) =>
        ToxinUnits.FromHundredths(DivideRounded(checked(VialUnits.Hundredths * volume.Microlitres), Diluent.Microlitres));

    /// <summary>Returns the volume of reconstituted solution that holds a dose, rounded to the nearest 0.001 mL (half away from zero).</summary>
    /// <param name="units">The dose.</param>
    /// <returns>The volume.</returns>
    public Volume VolumeFor(ToxinUnits units) =>
        Volume.FromMicrolitres(DivideRounded(checked(units.Hundredths * Diluent.Microlitres), VialUnits.Hundredths));

    /// <summary>Returns the volume that holds a dose when it is a whole number of microlitres; never throws.</summary>
    /// <param name="units">The dose.</param>
    /// <param name="volume">The exact volume when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when no rounding is needed.</returns>
    public bool TryGetExactVolume(ToxinUnits units, out Volume volume)
    {
        var numerator = checked(units.Hundredths * Diluent.Microlitres);
        if (numerator % VialUnits.Hundredths != 0 || numerator / VialUnits.Hundredths > Volume.MaxValue.Microlitres)
        {
            volume = default;
            return false;
        }

        volume = Volume.FromMicrolitres(numerator / VialUnits.Hundredths);
        return true;
    }

    /// <summary>Returns how many vials a dose needs, the units drawn from them and the units discarded.</summary>
    /// <param name="dose">The total dose to give.</param>
    /// <returns>The vial usage.</returns>
    public VialUsage VialsFor(ToxinUnits dose)
    {
        var vials = checked((int)((dose.Hundredths + VialUnits.Hundredths - 1) / VialUnits.Hundredths));
        var opened = VialUnits * vials;
        return new VialUsage(vials, opened, opened - dose);
    }

    private static long DivideRounded(long numerator, long denominator)
    {
        var quotient = Math.DivRem(numerator, denominator, out var remainder);
        return remainder * 2 >= denominator ? quotient + 1 : quotient;
    }

    /// <inheritdoc />
    public bool Equals(Reconstitution? other) => other is not null && VialUnits == other.VialUnits && Diluent == other.Diluent;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Reconstitution);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(VialUnits, Diluent);

    /// <summary>Returns <c>100 U in 2 mL</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{VialUnits} in {Diluent}";
}

/// <summary>The vials a dose needs: how many are opened, the units they hold, and the units discarded.</summary>
/// <remarks>Derived by <see cref="Reconstitution"/>; there is no public constructor, so every value a
/// consumer sees is consistent. The default value is no vials.</remarks>
public readonly record struct VialUsage
{
    internal VialUsage(int vials, ToxinUnits unitsOpened, ToxinUnits unitsDiscarded)
    {
        Vials = vials;
        UnitsOpened = unitsOpened;
        UnitsDiscarded = unitsDiscarded;
    }

    /// <summary>Gets the number of vials opened.</summary>
    public int Vials { get; }

    /// <summary>Gets the units in the opened vials.</summary>
    public ToxinUnits UnitsOpened { get; }

    /// <summary>Gets the units opened but not given (billed with modifier JW when more than zero).</summary>
    public ToxinUnits UnitsDiscarded { get; }
}
