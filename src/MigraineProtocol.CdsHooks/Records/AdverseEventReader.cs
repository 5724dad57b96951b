using System.Globalization;
using Hl7.Fhir.Model;
using MigraineProtocol.Fhir.Terminology;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;
using AdverseEvent = Hl7.Fhir.Model.AdverseEvent;

namespace MigraineProtocol.CdsHooks.Records;

/// <summary>
/// Reads the R4 AdverseEvents the Fhir package writes (docs/adverse-events.md: the term in the library's
/// code system, <c>date</c> = onset, seriousness, severity, outcome with the duration extension, the
/// location extension) and puts each on the administration it followed, so that the library's rules
/// (<c>prior-distant-spread</c>, <c>prior-local-weakness</c>) judge them as <c>migraine-protocol validate</c> does.
/// </summary>
internal static class AdverseEventReader
{
    /// <summary>
    /// Returns the history with the events on their administrations: the administration a
    /// <c>suspectEntity</c> names when it is on record, otherwise the last one on or before the onset
    /// (chronic migraine first on that day); and the number of events not read (other code systems, a
    /// missing field, no administration before the onset, <c>actuality</c> <c>potential</c>).
    /// </summary>
    public static (TreatmentHistory History, int Unreadable) Attach(TreatmentHistory history, List<Resource> administrations, List<Resource> events)
    {
        var maDates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var ma in administrations.OfType<MedicationAdministration>())
        {
            if (ma.Id is { } id && RecordLoader.Date(ma.Effective) is { } d)
            {
                maDates["MedicationAdministration/" + id] = d;
            }
        }

        var byDate = history.Administrations.GroupBy(a => a.Date).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.IsChronicMigraine).First());
        var attached = new Dictionary<Administration, List<Sessions.AdverseEvent>>(ReferenceEqualityComparer.Instance);
        var unreadable = 0;
        foreach (var resource in events.OfType<AdverseEvent>())
        {
            if (resource.Actuality == AdverseEvent.AdverseEventActuality.Potential || Read(resource) is not { } e)
            {
                unreadable++;
                continue;
            }

            var suspect = resource.SuspectEntity.Select(s => Key(s.Instance?.Reference)).Where(k => k is not null && maDates.ContainsKey(k)).Select(k => maDates[k!]).Where(d => d <= e.Onset && byDate.ContainsKey(d)).Order().LastOrDefault();
            var target = suspect != default ? byDate[suspect] : history.Administrations.Where(a => a.Date <= e.Onset).OrderBy(a => a.Date).ThenBy(a => a.IsChronicMigraine).LastOrDefault();
            if (target is null)
            {
                unreadable++;
                continue;
            }

            if (!attached.TryGetValue(target, out var list))
            {
                attached[target] = list = [];
            }

            list.Add(e);
        }

        if (attached.Count == 0)
        {
            return (history, unreadable);
        }

        var merged = history.Administrations.Select(a => attached.TryGetValue(a, out var list) ? a.WithAdverseEvents(a.AdverseEvents.Concat(list.OrderBy(x => x.Onset))) : a);
        return (new TreatmentHistory(merged), unreadable);
    }

    /// <summary>Returns <c>MedicationAdministration/id</c> for a relative or absolute reference to one.</summary>
    private static string? Key(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var at = reference.LastIndexOf("MedicationAdministration/", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var key = reference[at..];
        var history = key.IndexOf("/_history", StringComparison.Ordinal);
        return history > 0 ? key[..history] : key;
    }

    /// <summary>Reads one event in the Fhir package's shape; <see langword="null"/> when a field is missing or out of range.</summary>
    public static Sessions.AdverseEvent? Read(AdverseEvent a)
    {
        var coding = a.Event?.Coding.Find(c => c.System == FhirTerminology.AdverseEventSystem);
        if (coding is null || !AdverseEventTerms.TryParse(coding.Code, out var term))
        {
            return null;
        }

        var text = term == AdverseEventTerm.Other ? a.Event?.Text : null;
        var onset = a.Date is { Length: >= 10 } t && DateOnly.TryParseExact(t.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var o) ? o : (DateOnly?)null;
        bool? serious = a.Seriousness?.Coding.Find(c => c.System == FhirTerminology.AdverseEventSeriousnessSystem)?.Code switch
        {
            "Serious" => true,
            "Non-serious" => false,
            _ => null,
        };
        if (onset is null || serious is null || !Sessions.AdverseEvent.TryParseSeverity(a.Severity?.Coding.Find(c => c.System == FhirTerminology.AdverseEventSeveritySystem)?.Code, out var severity))
        {
            return null;
        }

        int? duration = null;
        var outcome = a.Outcome?.Coding.Find(c => c.System == FhirTerminology.AdverseEventOutcomeSystem)?.Code;
        if (outcome == "resolved")
        {
            if (a.GetExtension(FhirTerminology.AdverseEventDurationExtension)?.Value is Quantity { Value: { } v, System: FhirTerminology.UcumSystem, Code: "d" } && v >= 0 && v <= Sessions.AdverseEvent.MaxDurationDays && decimal.Truncate(v) == v)
            {
                duration = (int)v;
            }
            else
            {
                return null;
            }
        }
        else if (outcome != "ongoing")
        {
            return null;
        }

        SiteId? site = null;
        MuscleId? muscle = null;
        foreach (var x in a.Extension.Where(x => x.Url == FhirTerminology.AdverseEventLocationExtension))
        {
            var c = (x.Value as CodeableConcept)?.Coding;
            if (c?.Find(k => k.System == FhirTerminology.InjectionSiteSystem) is { } sc && SiteId.TryParse(sc.Code, out var s))
            {
                site ??= s;
            }
            else if (c?.Find(k => k.System == FhirTerminology.MuscleSystem) is { } mc && MuscleId.TryParse(mc.Code, null, out var m))
            {
                muscle ??= m;
            }
        }

        try
        {
            return term == AdverseEventTerm.Other
                ? Sessions.AdverseEvent.Other(text ?? string.Empty, onset.Value, duration, severity, serious.Value, site, muscle)
                : duration is { } d
                    ? Sessions.AdverseEvent.Resolved(term, onset.Value, d, severity, serious.Value, site, muscle)
                    : Sessions.AdverseEvent.Ongoing(term, onset.Value, severity, serious.Value, site, muscle);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
