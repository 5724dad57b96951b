using System.Collections.Immutable;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Billing;

/// <summary>
/// Reconciles a session with its vials: the units opened, administered and discarded, and the billing
/// lines that follow: HCPCS J0585 (onabotulinumtoxinA, 1 unit) for the units administered, with
/// modifier JZ when nothing was discarded, or a second J0585 line with modifier JW for the units
/// discarded; and CPT 64615 (chemodenervation, bilateral, e.g. chronic migraine) once per session.
/// </summary>
/// <remarks>
/// <para>The codes and their use are <b>VERIFIED-2nd</b> (clinical-facts.md §6, S17: coding sites and a
/// Medicare billing article); <see cref="Source"/> is marked secondary. Re-check them against the
/// current HCPCS/CPT code sets and the payer before relying on them.</para>
/// <para>Only for onabotulinumtoxinA: a session recording another product gets no reconciliation
/// (<see cref="Create(TreatmentSession)"/> throws; units of other toxins are not interchangeable, S7).
/// When the vials opened are not recorded, the fewest vials that hold the dose are assumed
/// (<see cref="VialsRecorded"/> is then <see langword="false"/>) for the figures, but the lines carry
/// neither JW nor JZ: an assumed waste is never billed as documented (ADR 0091). When the vials recorded hold fewer
/// units than were given, nothing is discarded and <see cref="IsConsistent"/> is <see langword="false"/>
/// (the <c>vial-count</c> rule reports it). J0585 is billed per whole unit; a fractional total is kept
/// exact here and <see cref="HasFractionalUnits"/> says so.</para>
/// <para>Equality is by value.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class BillingReconciliation : IEquatable<BillingReconciliation>
{
    /// <summary>Initializes a reconciliation; the discarded units and billing lines are derived.</summary>
    /// <param name="vialUnits">The units in one vial; more than zero.</param>
    /// <param name="vials">The vials opened; zero or more.</param>
    /// <param name="vialsRecorded">Whether <paramref name="vials"/> was recorded (rather than assumed).</param>
    /// <param name="unitsAdministered">The units given.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range, or the vials hold more than <see cref="ToxinUnits.MaxValue"/>.</exception>
    public BillingReconciliation(ToxinUnits vialUnits, int vials, bool vialsRecorded, ToxinUnits unitsAdministered)
    {
        Preconditions.CheckRange(vialUnits > ToxinUnits.Zero, nameof(vialUnits), vialUnits, "A vial must hold more than 0 U.");
        Preconditions.CheckRange(vials >= 0, nameof(vials), vials, "The number of vials opened must not be negative.");
        var opened = (decimal)vialUnits.Hundredths * vials;
        Preconditions.CheckRange(opened <= ToxinUnits.MaxValue.Hundredths, nameof(vials), vials, $"{vials} vials of {vialUnits} hold more than {ToxinUnits.MaxValue}.");
        VialUnits = vialUnits;
        Vials = vials;
        VialsRecorded = vialsRecorded;
        UnitsOpened = ToxinUnits.FromHundredths((long)opened);
        UnitsAdministered = unitsAdministered;
        IsConsistent = UnitsOpened >= unitsAdministered;
        UnitsDiscarded = IsConsistent ? UnitsOpened - unitsAdministered : ToxinUnits.Zero;
        var lines = ImmutableArray.CreateBuilder<BillingLine>(3);
        lines.Add(new BillingLine("CPT", "64615", null, 1, "Chemodenervation of muscles innervated by facial, trigeminal, cervical spinal and accessory nerves, bilateral (e.g. chronic migraine): once per session, no modifier 50"));
        var wasted = UnitsDiscarded > ToxinUnits.Zero;
        if (!vialsRecorded)
        {
            // An assumed waste is never presented as documented: without the vials opened, neither JW nor JZ (ADR 0091).
            lines.Add(new BillingLine("HCPCS", "J0585", null, UnitsAdministered.Units, "Injection, onabotulinumtoxinA, 1 unit: units administered; JW/JZ not determined: the vials opened are not recorded"));
        }
        else
        {
            lines.Add(new BillingLine("HCPCS", "J0585", wasted ? null : "JZ", UnitsAdministered.Units, wasted ? "Injection, onabotulinumtoxinA, 1 unit: units administered" : "Injection, onabotulinumtoxinA, 1 unit: units administered; JZ: no drug discarded"));
            if (wasted)
            {
                lines.Add(new BillingLine("HCPCS", "J0585", "JW", UnitsDiscarded.Units, "Injection, onabotulinumtoxinA, 1 unit: JW, units discarded from the opened vials"));
            }
        }

        Lines = lines.ToImmutable();
    }

    /// <summary>Gets the source of the codes: clinical-facts.md §6, S17, VERIFIED-2nd (secondary: re-check before release).</summary>
    public static Citation Source { get; } =
        new("S17", "clinical-facts.md §6 Codes: CPT 64615 once per session, bilateral; HCPCS J0585 per 1 unit, JW for discarded units, JZ for none", VerificationLevel.VerifiedSecondary);

    /// <summary>
    /// Says why a session has no reconciliation, in words for people, or returns <see langword="null"/> when it
    /// has one (the same test <see cref="Create(TreatmentSession)"/> and the validator apply): another product
    /// than onabotulinumtoxinA bills no J0585 (S17), and without its reconstitution the vial size is unknown.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <returns>For example <c>none (the product 'abobotulinumtoxinA' is not onabotulinumtoxinA; J0585 is onabotulinumtoxinA only)</c>
    /// or <c>not available (the session does not record its reconstitution)</c>; <see langword="null"/> when a reconciliation can be made.</returns>
    public static string? ExplainAbsence(TreatmentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (ToxinProducts.IsOnabotulinumtoxinA(session.Product) == false)
        {
            return $"none (the product '{session.Product}' is not onabotulinumtoxinA; J0585 is onabotulinumtoxinA only)";
        }

        return session.Reconstitution is null ? "not available (the session does not record its reconstitution)" : null;
    }

    /// <summary>Returns the reconciliation of a session that records its reconstitution.</summary>
    /// <param name="session">The session; its <see cref="TreatmentSession.Reconstitution"/> must be recorded.</param>
    /// <returns>The reconciliation, using <see cref="TreatmentSession.VialsOpened"/> when recorded.</returns>
    /// <exception cref="ArgumentException">The session does not record its reconstitution, or records a product other than onabotulinumtoxinA.</exception>
    public static BillingReconciliation Create(TreatmentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Preconditions.CheckArgument(session.Reconstitution is not null, nameof(session), "The session does not record its reconstitution, so the vial size is unknown.");
        Preconditions.CheckArgument(ToxinProducts.IsOnabotulinumtoxinA(session.Product) != false, nameof(session), $"The session records the product '{session.Product}', not onabotulinumtoxinA: J0585 is onabotulinumtoxinA only, and units of other toxins are not interchangeable.");
        return Create(SessionTotal(session), session.Reconstitution, session.VialsOpened);
    }

    /// <summary>Returns the reconciliation of a dose given from vials of one reconstitution.</summary>
    /// <param name="unitsAdministered">The units given.</param>
    /// <param name="reconstitution">The reconstitution (its vial size matters here).</param>
    /// <param name="vialsOpened">The vials opened, or <see langword="null"/> to assume the fewest that hold the dose.</param>
    /// <returns>The reconciliation.</returns>
    public static BillingReconciliation Create(ToxinUnits unitsAdministered, Reconstitution reconstitution, int? vialsOpened)
    {
        ArgumentNullException.ThrowIfNull(reconstitution);
        return new BillingReconciliation(reconstitution.VialUnits, vialsOpened ?? reconstitution.VialsFor(unitsAdministered).Vials, vialsOpened is not null, unitsAdministered);
    }

    internal static ToxinUnits SessionTotal(TreatmentSession session)
    {
        long total = 0;
        foreach (var i in session.Injections)
        {
            total = Math.Min(total + i.Units.Hundredths, ToxinUnits.MaxValue.Hundredths);
        }

        return ToxinUnits.FromHundredths(total);
    }

    /// <summary>Gets the units in one vial.</summary>
    public ToxinUnits VialUnits { get; }

    /// <summary>Gets the vials opened.</summary>
    public int Vials { get; }

    /// <summary>Gets a value indicating whether the vials opened were recorded (otherwise the fewest that hold the dose are assumed).</summary>
    public bool VialsRecorded { get; }

    /// <summary>Gets the units in the opened vials.</summary>
    public ToxinUnits UnitsOpened { get; }

    /// <summary>Gets the units given.</summary>
    public ToxinUnits UnitsAdministered { get; }

    /// <summary>Gets the units opened but not given (billed J0585-JW).</summary>
    public ToxinUnits UnitsDiscarded { get; }

    /// <summary>Gets a value indicating whether the vials hold at least the units given.</summary>
    public bool IsConsistent { get; }

    /// <summary>Gets a value indicating whether the units given or discarded are not whole units (J0585 is billed per 1 unit).</summary>
    public bool HasFractionalUnits => !UnitsAdministered.IsWholeUnits || !UnitsDiscarded.IsWholeUnits;

    /// <summary>Gets the billing lines: CPT 64615 x 1; J0585 (JZ when nothing is discarded) x units given; J0585-JW x units discarded when any. With the vials not recorded: J0585 x units given without JW or JZ.</summary>
    public ImmutableArray<BillingLine> Lines { get; }

    /// <inheritdoc />
    public bool Equals(BillingReconciliation? other) =>
        other is not null && VialUnits == other.VialUnits && Vials == other.Vials && VialsRecorded == other.VialsRecorded && UnitsAdministered == other.UnitsAdministered;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BillingReconciliation);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(VialUnits, Vials, VialsRecorded, UnitsAdministered);

    /// <summary>Returns a one-line summary, for example <c>2 x 100 U vials: 155 U given, 45 U discarded</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Vials} x {VialUnits} vials: {UnitsAdministered} given, {UnitsDiscarded} discarded";
}
