using System.Collections.Immutable;
using System.Globalization;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Sessions;

/// <summary>
/// One prior administration of onabotulinumtoxinA to a patient: the date, the total units and the
/// indication (for example <c>chronic-migraine</c>, or another indication such as <c>cervical-dystonia</c>).
/// </summary>
/// <remarks>
/// <para>The indication is an integrator-supplied id in the library's id grammar (lower-case kebab-case);
/// only <see cref="ChronicMigraine"/> has a meaning to the rules (the retreatment interval counts
/// chronic-migraine sessions; the cumulative limit counts every indication). Equality is by value.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class Administration : IEquatable<Administration>
{
    /// <summary>The indication id of a chronic-migraine session: <c>chronic-migraine</c>.</summary>
    public const string ChronicMigraine = "chronic-migraine";

    /// <summary>Initializes an administration.</summary>
    /// <param name="date">The date given.</param>
    /// <param name="units">The total units given that day for this indication.</param>
    /// <param name="indication">The indication id, for example <c>chronic-migraine</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="indication"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="indication"/> is not a kebab-case id.</exception>
    public Administration(DateOnly date, ToxinUnits units, string indication)
    {
        Date = date;
        Units = units;
        Indication = Identifier.Check(indication, "indication id", nameof(indication));
    }

    /// <summary>Gets the date given.</summary>
    public DateOnly Date { get; }

    /// <summary>Gets the total units given.</summary>
    public ToxinUnits Units { get; }

    /// <summary>Gets the indication id.</summary>
    public string Indication { get; }

    /// <summary>Gets the adverse events recorded after this administration, in the order recorded.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<AdverseEvent> AdverseEvents { get; private init; } = [];

    /// <summary>Returns a new administration with the same details and other adverse events recorded after it.</summary>
    /// <param name="events">The events, in the order recorded.</param>
    /// <returns>The new administration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An event's onset is before the administration date.</exception>
    public Administration WithAdverseEvents(IEnumerable<AdverseEvent> events) =>
        new(Date, Units, Indication) { AdverseEvents = TreatmentSession.CheckEvents(events, Date, nameof(events)) };

    /// <summary>Returns the administration that a chronic-migraine session becomes in the next session's history: its date, total units and adverse events.</summary>
    /// <param name="session">The session.</param>
    /// <returns>The administration, indication <c>chronic-migraine</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is <see langword="null"/>.</exception>
    public static Administration FromSession(TreatmentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new Administration(session.Date, session.TotalUnits, ChronicMigraine) { AdverseEvents = session.AdverseEvents };
    }

    /// <summary>Gets a value indicating whether this was a chronic-migraine session.</summary>
    public bool IsChronicMigraine => string.Equals(Indication, ChronicMigraine, StringComparison.Ordinal);

    /// <inheritdoc />
    public bool Equals(Administration? other) =>
        other is not null && Date == other.Date && Units == other.Units && string.Equals(Indication, other.Indication, StringComparison.Ordinal)
        && AdverseEvents.SequenceEqual(other.AdverseEvents);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Administration);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Date, Units, StringComparer.Ordinal.GetHashCode(Indication));

    /// <summary>Returns <c>date: units (indication)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {Units} ({Indication})";
}
