using System.Collections.Immutable;
using MigraineProtocol.Dosing;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Sessions;

/// <summary>
/// A treatment session: the date, the injections given, and optionally the product, lot, expiry and
/// reconstitution used.
/// </summary>
/// <remarks>
/// <para>A session records what happened: it keeps the injections in the order given, even repeats
/// and unknown sites, so that the rules can report them. Equality is by value.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class TreatmentSession : IEquatable<TreatmentSession>
{
    /// <summary>Initializes a session.</summary>
    /// <param name="date">The date of the session.</param>
    /// <param name="injections">The injections given, in order.</param>
    /// <param name="product">The product name, if recorded (for example <c>BOTOX</c>).</param>
    /// <param name="lot">The lot number, if recorded.</param>
    /// <param name="expiry">The expiry date of the lot, if recorded.</param>
    /// <param name="reconstitution">How the vials were reconstituted, if recorded.</param>
    /// <exception cref="ArgumentNullException"><paramref name="injections"/> or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="product"/> or <paramref name="lot"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The injections add up to more than <see cref="ToxinUnits.MaxValue"/>, or the vials of <paramref name="reconstitution"/> they need would.</exception>
    public TreatmentSession(
        DateOnly date,
        IEnumerable<Injection> injections,
        string? product = null,
        string? lot = null,
        DateOnly? expiry = null,
        Reconstitution? reconstitution = null)
    {
        ArgumentNullException.ThrowIfNull(injections);
        Date = date;
        Injections = [.. injections];
        if (Injections.Any(i => i is null))
        {
            throw new ArgumentNullException(nameof(injections), "A session must not contain null injections.");
        }

        // Totals beyond the representable range are refused here, so TotalUnits and ToString never throw (docs/quality.md, "Totals").
        if (Injections.Sum(i => i.Units.Hundredths) > ToxinUnits.MaxValue.Hundredths)
        {
            throw new ArgumentOutOfRangeException(nameof(injections), $"The injections of a session add up to more than {ToxinUnits.MaxValue}, the largest total the library represents.");
        }

        if (reconstitution is { } r && !FitsInRange(r, VialsNeeded(r, Injections.Sum(i => i.Units.Hundredths))))
        {
            throw new ArgumentOutOfRangeException(nameof(reconstitution), $"The vials needed for these injections would hold more than {ToxinUnits.MaxValue}, the largest total the library represents.");
        }

        Product = product is null ? null : Preconditions.CheckNotBlank(product);
        Lot = lot is null ? null : Preconditions.CheckNotBlank(lot);
        Expiry = expiry;
        Reconstitution = reconstitution;
    }

    /// <summary>Returns a session that gives every fixed site of a protocol its protocol dose, in protocol order.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="date">The date of the session.</param>
    /// <returns>The session.</returns>
    public static TreatmentSession FromProtocol(Protocols.TreatmentProtocol protocol, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        return new TreatmentSession(date, protocol.Sites.Select(s => new Injection(s.Site.Id, s.Units)));
    }

    /// <summary>Gets the date of the session.</summary>
    public DateOnly Date { get; }

    /// <summary>Gets the injections given, in order.</summary>
    public ImmutableArray<Injection> Injections { get; }

    /// <summary>Gets the product name, if recorded.</summary>
    public string? Product { get; }

    /// <summary>Gets the lot number, if recorded.</summary>
    public string? Lot { get; }

    /// <summary>Gets the expiry date of the lot, if recorded.</summary>
    public DateOnly? Expiry { get; }

    /// <summary>Gets how the vials were reconstituted, if recorded.</summary>
    public Reconstitution? Reconstitution { get; }

    /// <summary>Gets the number of vials opened for the session, if recorded (used for billing reconciliation: units opened, given and discarded).</summary>
    /// <value>The default value is <see langword="null"/> (not recorded).</value>
    public int? VialsOpened { get; private init; }

    /// <summary>Gets when the vials were reconstituted (local clock time), if recorded: the <c>reconstitution-age</c> rule warns past 24 hours (clinical-facts.md §1.2, S19, VERIFIED-2nd).</summary>
    /// <value>The default value is <see langword="null"/> (not recorded).</value>
    public DateTime? ReconstitutedAt { get; private init; }

    /// <summary>Gets the adverse events recorded after this session, in the order recorded (docs/adverse-events.md).</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<AdverseEvent> AdverseEvents { get; private init; } = [];

    /// <summary>
    /// Gets a value indicating whether the clinician has acknowledged, for this session, the prior
    /// distant-spread events of the boxed warning (clinical-facts.md §2.1, S2): the <c>prior-distant-spread</c>
    /// rule then reports them as an acknowledged warning instead of an error, so the acknowledgement is in the report.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool DistantSpreadAcknowledged { get; private init; }

    /// <summary>Gets the total units given.</summary>
    public ToxinUnits TotalUnits => ToxinUnits.Sum(Injections.Select(i => i.Units));

    /// <summary>Returns a new session with the same details and other injections.</summary>
    /// <param name="injections">The injections.</param>
    /// <returns>The new session.</returns>
    public TreatmentSession WithInjections(IEnumerable<Injection> injections) => new(Date, injections, Product, Lot, Expiry, Reconstitution) { VialsOpened = VialsOpened, ReconstitutedAt = ReconstitutedAt, AdverseEvents = AdverseEvents, DistantSpreadAcknowledged = DistantSpreadAcknowledged };

    /// <summary>Returns a new session with the same details on another date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The new session.</returns>
    /// <exception cref="ArgumentException">A recorded adverse event has its onset before <paramref name="date"/>.</exception>
    public TreatmentSession WithDate(DateOnly date) => new(date, Injections, Product, Lot, Expiry, Reconstitution) { VialsOpened = VialsOpened, ReconstitutedAt = ReconstitutedAt, AdverseEvents = CheckEvents(AdverseEvents, date, nameof(date)), DistantSpreadAcknowledged = DistantSpreadAcknowledged };

    /// <summary>Returns a new session with the same details and the reconstitution time recorded (or cleared).</summary>
    /// <param name="reconstitutedAt">When the vials were reconstituted (local clock time; the kind is ignored), or <see langword="null"/> for not recorded.</param>
    /// <returns>The new session.</returns>
    public TreatmentSession WithReconstitutedAt(DateTime? reconstitutedAt) =>
        new(Date, Injections, Product, Lot, Expiry, Reconstitution) { VialsOpened = VialsOpened, ReconstitutedAt = reconstitutedAt is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Unspecified) : null, AdverseEvents = AdverseEvents, DistantSpreadAcknowledged = DistantSpreadAcknowledged };

    /// <summary>Returns a new session with the same details and the product recorded (or cleared).</summary>
    /// <param name="product">The product name (for example <c>BOTOX</c>), or <see langword="null"/> for not recorded.</param>
    /// <returns>The new session.</returns>
    /// <exception cref="ArgumentException"><paramref name="product"/> is empty or white space.</exception>
    public TreatmentSession WithProduct(string? product) => new(Date, Injections, product, Lot, Expiry, Reconstitution) { VialsOpened = VialsOpened, ReconstitutedAt = ReconstitutedAt, AdverseEvents = AdverseEvents, DistantSpreadAcknowledged = DistantSpreadAcknowledged };

    /// <summary>Returns a new session with the same details and the number of vials opened recorded (or cleared).</summary>
    /// <param name="vialsOpened">The number of vials opened, zero or more; <see langword="null"/> for not recorded.</param>
    /// <returns>The new session.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vialsOpened"/> is negative.</exception>
    public TreatmentSession WithVialsOpened(int? vialsOpened)
    {
        Preconditions.CheckRange(vialsOpened is null or >= 0, nameof(vialsOpened), vialsOpened, "The number of vials opened must not be negative.");
        Preconditions.CheckRange(vialsOpened is null || Reconstitution is null || FitsInRange(Reconstitution, vialsOpened.Value), nameof(vialsOpened), vialsOpened, $"The vials opened would hold more than {ToxinUnits.MaxValue}, the largest total the library represents.");
        return new(Date, Injections, Product, Lot, Expiry, Reconstitution) { VialsOpened = vialsOpened, ReconstitutedAt = ReconstitutedAt, AdverseEvents = AdverseEvents, DistantSpreadAcknowledged = DistantSpreadAcknowledged };
    }

    /// <summary>Returns a new session with the same details and other adverse events recorded after it.</summary>
    /// <param name="events">The events, in the order recorded.</param>
    /// <returns>The new session.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An event's onset is before the session date (an event after a session starts on its day or later).</exception>
    public TreatmentSession WithAdverseEvents(IEnumerable<AdverseEvent> events) =>
        new(Date, Injections, Product, Lot, Expiry, Reconstitution) { VialsOpened = VialsOpened, ReconstitutedAt = ReconstitutedAt, AdverseEvents = CheckEvents(events, Date, nameof(events)), DistantSpreadAcknowledged = DistantSpreadAcknowledged };

    /// <summary>Returns a new session with the same details and the clinician's acknowledgement of prior distant-spread events set or cleared.</summary>
    /// <param name="acknowledged">Whether the clinician acknowledges the prior distant-spread events for this session.</param>
    /// <returns>The new session.</returns>
    public TreatmentSession WithDistantSpreadAcknowledged(bool acknowledged) =>
        new(Date, Injections, Product, Lot, Expiry, Reconstitution) { VialsOpened = VialsOpened, ReconstitutedAt = ReconstitutedAt, AdverseEvents = AdverseEvents, DistantSpreadAcknowledged = acknowledged };

    internal static ImmutableArray<AdverseEvent> CheckEvents(IEnumerable<AdverseEvent> events, DateOnly date, string paramName)
    {
        ArgumentNullException.ThrowIfNull(events);
        ImmutableArray<AdverseEvent> list = [.. events];
        if (list.Any(e => e is null))
        {
            throw new ArgumentNullException(nameof(events), "The adverse events must not contain null.");
        }

        foreach (var e in list)
        {
            if (e.Onset < date)
            {
                throw new ArgumentException($"The adverse event '{e}' starts before the administration it follows, on {date:yyyy-MM-dd}.", paramName);
            }
        }

        return list;
    }

    /// <summary>The vials of a reconstitution needed for a total (in hundredths of a unit).</summary>
    internal static long VialsNeeded(Reconstitution reconstitution, long hundredths) =>
        (hundredths + reconstitution.VialUnits.Hundredths - 1) / reconstitution.VialUnits.Hundredths;

    /// <summary>Whether that many vials of a reconstitution hold at most <see cref="ToxinUnits.MaxValue"/> (the totals policy, docs/quality.md).</summary>
    internal static bool FitsInRange(Reconstitution reconstitution, long vials) =>
        vials <= ToxinUnits.MaxValue.Hundredths / reconstitution.VialUnits.Hundredths;

    /// <inheritdoc />
    public bool Equals(TreatmentSession? other) =>
        other is not null && Date == other.Date && Injections.SequenceEqual(other.Injections) && Product == other.Product
        && Lot == other.Lot && Expiry == other.Expiry && Equals(Reconstitution, other.Reconstitution) && VialsOpened == other.VialsOpened && ReconstitutedAt == other.ReconstitutedAt
        && AdverseEvents.SequenceEqual(other.AdverseEvents) && DistantSpreadAcknowledged == other.DistantSpreadAcknowledged;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TreatmentSession);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Date, Injections.Length, Product, Lot, Expiry);

    /// <summary>Returns <c>date: n injections, total</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Date:yyyy-MM-dd}: {Injections.Length} injections, {TotalUnits}";
}
