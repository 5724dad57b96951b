using System.Collections.Immutable;
using MigraineProtocol.Dosing;
using MigraineProtocol.Fhir.Diaries;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.CdsHooks.Records;

/// <summary>What the service knows of one patient: toxin history (all indications), diary periods, birth date.</summary>
internal sealed class PatientRecord
{
    public required TreatmentHistory History { get; init; }

    /// <summary>Gets the administrations of other botulinum toxins (not counted in the onabotulinumtoxinA limits; units are not interchangeable).</summary>
    public required ImmutableArray<DateOnly> OtherToxinDates { get; init; }

    /// <summary>Gets the number of onabotulinumtoxinA administrations whose dose could not be read in onabotulinumtoxinA units.</summary>
    public required int UnreadableDoses { get; init; }

    public required ImmutableArray<DiaryPeriodCounts> DiaryPeriods { get; init; }

    public DateOnly? BirthDate { get; init; }

    public bool DiaryAvailable { get; init; }

    /// <summary>Gets a value indicating whether the patient's AdverseEvents were given (prefetch) or fetched; the events are on <see cref="History"/>'s administrations.</summary>
    public bool AdverseEventsAvailable { get; init; }

    /// <summary>Gets the number of AdverseEvent resources not read: not in the library's adverse-event code system, unreadable, or after no administration on record.</summary>
    public int UnreadableAdverseEvents { get; init; }

    public static ToxinUnits Sum(IEnumerable<Administration> administrations) => ToxinUnits.Sum(administrations.Select(a => a.Units));
}
