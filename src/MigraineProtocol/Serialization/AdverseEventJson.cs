using System.Globalization;
using MigraineProtocol.Input;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Serialization;

/// <summary>The wire shape of adverse events, shared by the session and history readers (docs/json-formats.md).</summary>
internal static class AdverseEventJson
{
    internal static List<AdverseEventDocument?>? ToDocuments(IReadOnlyCollection<AdverseEvent> events) =>
        events.Count == 0 ? null : [.. events.Select(ToDocument)];

    internal static AdverseEventDocument ToDocument(AdverseEvent e) => new()
    {
        Term = AdverseEventTerms.Code(e.Term),
        Text = e.OtherText,
        Onset = JsonReading.FormatDate(e.Onset),
        DurationDays = e.DurationDays,
        Ongoing = e.IsOngoing ? true : null,
        Severity = AdverseEvent.FormatSeverity(e.Severity),
        Serious = e.IsSerious,
        Site = e.Site?.Value,
        Muscle = e.Muscle?.Value,
    };

    /// <summary>Reads the events at <paramref name="path"/>; every problem is added to <paramref name="reading"/>.</summary>
    internal static List<AdverseEvent> FromDocuments(List<AdverseEventDocument?>? docs, string path, JsonReading reading, DateOnly? after)
    {
        var list = new List<AdverseEvent>();
        if (docs is null)
        {
            return list;
        }

        for (var i = 0; i < docs.Count; i++)
        {
            var at = $"{path}[{i}]";
            if (docs[i] is not { } d)
            {
                reading.Add(at, "an adverse event must be an object {\"term\", \"onset\", \"durationDays\" or \"ongoing\", \"severity\", \"serious\"}, not null.");
                continue;
            }

            if (FromDocument(d, at, reading) is { } e)
            {
                if (after is { } date && e.Onset < date)
                {
                    reading.Add(at + ".onset", $"'{JsonReading.FormatDate(e.Onset)}' is before the date it follows, {JsonReading.FormatDate(date)}: an adverse event after an administration starts on its day or later.");
                    continue;
                }

                list.Add(e);
            }
        }

        return list;
    }

    private static AdverseEvent? FromDocument(AdverseEventDocument d, string path, JsonReading reading)
    {
        var ok = true;
        if (!AdverseEventTerms.TryParse(d.Term, out var term))
        {
            reading.Add(path + ".term", $"{Echo.Quote(d.Term)} is not an adverse-event term; use one of {AdverseEventTerms.CodeList} (with \"text\"). 'inflammation' is not a labelled term: record 'injection-site-pain' or 'other' with text.");
            ok = false;
        }
        else if (term == AdverseEventTerm.Other && d.Text is null)
        {
            reading.Add(path, "an 'other' adverse event needs \"text\" describing it.");
            ok = false;
        }
        else if (term != AdverseEventTerm.Other && d.Text is not null)
        {
            reading.Add(path + ".text", $"\"text\" is only for term 'other'; '{d.Term}' is a coded term.");
            ok = false;
        }
        else if (d.Text is not null && (string.IsNullOrWhiteSpace(d.Text) || d.Text.Length > AdverseEvent.MaxOtherTextLength))
        {
            reading.Add(path + ".text", $"the text must be 1 to {AdverseEvent.MaxOtherTextLength} characters and not white space only.");
            ok = false;
        }

        ok &= reading.TryDate(d.Onset, path + ".onset", out var onset);
        var ongoing = d.Ongoing == true;
        if (ongoing && d.DurationDays is not null)
        {
            reading.Add(path, "an adverse event has either \"durationDays\" (resolved) or \"ongoing\": true, not both.");
            ok = false;
        }
        else if (!ongoing && d.DurationDays is null)
        {
            reading.Add(path, "an adverse event needs \"durationDays\" (whole days, 0 for the same day) or \"ongoing\": true.");
            ok = false;
        }
        else if (d.DurationDays is { } days && days is < 0 or > AdverseEvent.MaxDurationDays)
        {
            reading.Add(path + ".durationDays", $"{days.ToString(CultureInfo.InvariantCulture)} days: a duration is 0 to {AdverseEvent.MaxDurationDays.ToString(CultureInfo.InvariantCulture)} whole days.");
            ok = false;
        }

        if (!AdverseEvent.TryParseSeverity(d.Severity, out var severity))
        {
            reading.Add(path + ".severity", $"{Echo.Quote(d.Severity)} is not a severity; use 'mild', 'moderate' or 'severe'.");
            ok = false;
        }

        SiteId? site = null;
        if (d.Site is not null)
        {
            if (SiteId.TryParse(d.Site, out var s))
            {
                site = s;
            }
            else
            {
                reading.Add(path + ".site", $"{Echo.Quote(d.Site)} is not a site id: lower-case letters and digits in kebab-case, for example 'frontalis-left-1'.");
                ok = false;
            }
        }

        MuscleId? muscle = null;
        if (d.Muscle is not null)
        {
            if (MuscleId.TryParse(d.Muscle, null, out var m))
            {
                muscle = m;
            }
            else
            {
                reading.Add(path + ".muscle", $"{Echo.Quote(d.Muscle)} is not a muscle id: lower-case letters and digits in kebab-case, for example 'trapezius'.");
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        return term == AdverseEventTerm.Other
            ? AdverseEvent.Other(d.Text!, onset, d.DurationDays, severity, d.Serious, site, muscle)
            : d.DurationDays is { } duration
                ? AdverseEvent.Resolved(term, onset, duration, severity, d.Serious, site, muscle)
                : AdverseEvent.Ongoing(term, onset, severity, d.Serious, site, muscle);
    }
}
