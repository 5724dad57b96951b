using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using MigraineProtocol.CdsHooks.Protocol;
using MigraineProtocol.CdsHooks.Records;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rules;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.CdsHooks.Cards;

/// <summary>A toxin order found in <c>context.draftOrders</c>.</summary>
internal sealed record ToxinOrder(ToxinKind Kind, string Product, ToxinUnits? Units, DateOnly Date);

/// <summary>Turns the library's rules and diary verdicts into CDS Hooks cards.</summary>
internal sealed class ProtocolCards
{
    public const string RuleSystem = "https://migraineprotocol.org/fhir/CodeSystem/rule";

    private static readonly SiteId AnySite = SiteId.From("procerus");
    private readonly SessionValidator validator;
    private readonly ToxinRecognizer recognizer;

    public ProtocolCards(TreatmentProtocol protocol, ToxinRecognizer recognizer)
    {
        this.recognizer = recognizer;
        var rules = RuleSet.Empty;
        foreach (var id in new[] { RuleId.Product, RuleId.RetreatmentInterval, RuleId.CumulativeDoseLimit, RuleId.PriorDistantSpread, RuleId.PriorLocalWeakness })
        {
            RuleSet.Default.TryGetRule(id, out var rule);
            rules = rules.With(rule!, RuleSet.Default.SeverityOf(id));
        }

        validator = rules.Compile(protocol, ValidationOptions.Default);
    }

    public ValidationOptions Options => validator.Options;

    public TreatmentProtocol Protocol => validator.Protocol;

    /// <summary>Returns the toxin orders among the draft orders (MedicationRequests recognised as a botulinum toxin).</summary>
    public List<ToxinOrder> Orders(Bundle draftOrders, DateOnly today)
    {
        var orders = new List<ToxinOrder>();
        // The request reader refuses two Medications with one id (an ambiguous reference); first wins here regardless.
        var medications = new Dictionary<string, Medication>(StringComparer.Ordinal);
        foreach (var m in draftOrders.Entry.Select(e => e.Resource).OfType<Medication>().Where(m => m.Id is not null))
        {
            medications.TryAdd("Medication/" + m.Id, m);
        }

        foreach (var request in draftOrders.Entry.Select(e => e.Resource).OfType<MedicationRequest>())
        {
            var concept = request.Medication switch
            {
                CodeableConcept c => c,
                ResourceReference { Reference: { } r } => (r.StartsWith('#') ? request.Contained.OfType<Medication>().FirstOrDefault(m => m.Id == r[1..]) : medications.GetValueOrDefault(r))?.Code,
                _ => null,
            };
            var kind = recognizer.Recognize(concept);
            if (kind == ToxinKind.None)
            {
                continue;
            }

            var product = new[] { concept?.Text }.Concat(concept?.Coding.Select(c => c.Display ?? c.Code) ?? []).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim() ?? "unnamed product";
            var dosage = request.DosageInstruction.FirstOrDefault();
            var dose = dosage?.DoseAndRate.Select(d => d.Dose).OfType<Quantity>().FirstOrDefault();
            var timing = dosage?.Timing;
            var date = RecordLoader.Date(timing?.EventElement.FirstOrDefault())
                ?? RecordLoader.Date(timing?.Repeat?.Bounds as Period)
                ?? RecordLoader.Date(request.AuthoredOnElement)
                ?? today;
            orders.Add(new ToxinOrder(kind, product, RecordLoader.Units(dose), date));
        }

        return orders;
    }

    /// <summary>Returns the order-sign cards for one order; none when nothing applies.</summary>
    public IEnumerable<Card> ForOrder(string seed, ToxinOrder order, PatientRecord record)
    {
        // The product rule judges the name: an order recognised as onabotulinumtoxinA (by code or name) is
        // validated as "onabotulinumtoxinA"; another toxin under its own name, which the rule refuses.
        var product = order.Kind == ToxinKind.OnabotulinumtoxinA ? "onabotulinumtoxinA" : order.Product;
        var report = Validate(order.Date, order.Units ?? ToxinUnits.Zero, product, record.History);
        var productViolations = report.ViolationsOf(RuleId.Product).Where(v => v.IsError).ToList();
        if (order.Kind == ToxinKind.OtherToxin || productViolations.Count > 0)
        {
            yield return ProductCard(seed, order, productViolations.FirstOrDefault());
            yield break;
        }

        var options = validator.Options;
        var limit = options.CumulativeLimit;
        var headroom = CumulativeDose.Headroom(record.History, order.Date, options);
        var prior = CumulativeDose.UnitsInWindow(record.History, order.Date, options);
        var earliest = Earliest(order, record.History);

        // The library's safety rules, with their own messages, so that the cards say what `validate` says.
        var spread = report.ViolationsOf(RuleId.PriorDistantSpread).ToList();
        if (spread.Count > 0)
        {
            var events = record.History.Administrations.Where(a => a.Date <= order.Date).SelectMany(a => a.AdverseEvents.Where(e => AdverseEventTerms.IsDistantSpread(e.Term)).Select(e => (a, e))).ToList();
            var (lastAdministration, lastEvent) = events.OrderBy(x => x.e.Onset).Last();
            var summary = $"Prior distant-spread event (boxed warning): {lastEvent.Description}, {Iso(lastEvent.Onset)}{(events.Count > 1 ? $" and {events.Count - 1} more" : string.Empty)}. Review and acknowledge before signing";
            var detail = new StringBuilder();
            foreach (var v in spread)
            {
                detail.Append("- ").Append(Escape(v.Message)).Append('\n');
            }

            detail.Append("\nReview the event(s) with the patient before this order. Acknowledging this card (or overriding it) records that a clinician reviewed them; the service does not decide whether to treat.\n\n").Append(Cite(spread[0].Source));
            yield return NewCard(seed, summary, detail.ToString(), Indicator.Critical, RuleId.PriorDistantSpread.Value, "Prior distant spread", spread[0].Source);
        }

        var weakness = report.ViolationsOf(RuleId.PriorLocalWeakness).ToList();
        if (weakness.Count > 0)
        {
            var last = record.History.LastChronicMigraineOnOrBefore(order.Date)!;
            var what = weakness.Select(v => v.Message.StartsWith("Neck weakness", StringComparison.Ordinal) ? "neck weakness"
                : v.Message.Contains("frontal region", StringComparison.Ordinal) ? "eyelid ptosis"
                : "weakness (location not recorded)").Distinct().ToList();
            var regions = string.Join(" and ", new[] { what.Contains("eyelid ptosis") ? "frontal-region" : null, what.Contains("neck weakness") ? "neck" : null }.OfType<string>());
            var said = string.Join(", ", what);
            var summary = $"{char.ToUpperInvariant(said[0])}{said[1..]} after the last session ({Iso(last.Date)}): review the {(regions.Length > 0 ? regions + " " : string.Empty)}injection sites and technique";
            var detail = new StringBuilder();
            foreach (var v in weakness)
            {
                detail.Append("- ").Append(Escape(v.Message)).Append('\n');
            }

            detail.Append('\n').Append(Cite(weakness[0].Source));
            yield return NewCard(seed, summary, detail.ToString(), Indicator.Warning, RuleId.PriorLocalWeakness.Value, "Prior local weakness", weakness[0].Source);
        }

        foreach (var v in report.ViolationsOf(RuleId.RetreatmentInterval))
        {
            var last = report.PreviousSessionDate!.Value;
            var days = order.Date.DayNumber - last.DayNumber;
            var summary = $"Retreatment {days} days after the last session ({Iso(last)}); the protocol interval is {validator.Protocol.RetreatmentIntervalDays} days: earliest {(earliest is { } first ? Iso(first) : "none at this dose")}";
            var detail = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"**{Escape(v.Message)}**\n\n")
                .Append(CultureInfo.InvariantCulture, $"- Last chronic-migraine session: {Iso(last)}\n")
                .Append(CultureInfo.InvariantCulture, $"- Ordered for: {Iso(order.Date)}\n")
                .Append(CultureInfo.InvariantCulture, $"- Earliest date that satisfies the interval and the cumulative limit: {(earliest is { } e ? Iso(e) : "none within a year at this dose")}\n\n")
                .Append(Cite(v.Source)).ToString();
            yield return NewCard(seed, summary, detail, Indicator.Warning, RuleId.RetreatmentInterval.Value, "Retreatment interval", v.Source);
        }

        foreach (var v in report.ViolationsOf(RuleId.CumulativeDoseLimit))
        {
            var summary = $"{order.Units} would exceed the cumulative limit of {limit}: {prior} already given in this cycle; headroom {headroom}";
            var detail = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"**{Escape(v.Message)}**\n\n")
                .Append(CultureInfo.InvariantCulture, $"- Treatment cycle: {Iso(report.CumulativeWindowStart)} to {Iso(order.Date)} ({validator.Options.CumulativeCycleDays} days), all indications\n")
                .Append(CultureInfo.InvariantCulture, $"- Given in this cycle before this order: {prior}\n")
                .Append(CultureInfo.InvariantCulture, $"- Headroom on {Iso(order.Date)}: {headroom}\n")
                .Append(CultureInfo.InvariantCulture, $"- Earliest date for {order.Units} within the interval and the limit: {(earliest is { } e ? Iso(e) : "none within a year")}\n\n")
                .Append(Cite(v.Source)).ToString();
            yield return NewCard(seed, summary, detail, Indicator.Critical, RuleId.CumulativeDoseLimit.Value, "Cumulative dose limit", v.Source);
        }

        if (order.Units is null || record.UnreadableDoses > 0)
        {
            var why = order.Units is null
                ? "the order states no dose in onabotulinumtoxinA units"
                : $"{record.UnreadableDoses} prior administration(s) have no dose in onabotulinumtoxinA units";
            var summary = $"Cumulative dose: cannot tell, {why}";
            var detail = $"The cumulative limit ({limit} per treatment cycle, all indications) cannot be checked because {why}. Known units in this cycle: {prior}; headroom from what is known: {headroom}.\n\n{Cite(RuleSources.CumulativeDose)}";
            yield return NewCard(seed, Trim(summary), detail, Indicator.Warning, RuleId.CumulativeDoseLimit.Value, "Cumulative dose limit", RuleSources.CumulativeDose);
        }

        var diary = DiaryFindings.Evaluate(record.DiaryPeriods, record.History, order.Date);
        if (diary.Outcome is DiaryOutcome.StopNonResponse or DiaryOutcome.StopEpisodic or DiaryOutcome.StartNotMet or DiaryOutcome.CannotTell)
        {
            var indicator = diary.Outcome == DiaryOutcome.CannotTell ? Indicator.Info : Indicator.Warning;
            var code = diary.Source == DiaryFindings.NiceStart ? "nice-ta260-start" : "nice-ta260-stopping";
            yield return NewCard(seed, Trim("Diary: " + diary.Headline), diary.Detail + "\n\n" + Cite(diary.Source), indicator, code, "NICE TA260", diary.Source);
        }
    }

    /// <summary>Returns the patient-view card, or none when the patient has no toxin history and no diary.</summary>
    public Card? ForPatient(string seed, PatientRecord record, DateOnly today)
    {
        var cm = record.History.LastChronicMigraineOnOrBefore(DateOnly.MaxValue);
        if (record.History.Administrations.IsEmpty && record.DiaryPeriods.IsEmpty && record.OtherToxinDates.IsEmpty)
        {
            return null;
        }

        var options = validator.Options;
        var limit = options.CumulativeLimit;
        var used = CumulativeDose.UnitsInWindow(record.History, today, options);
        var headroom = CumulativeDose.Headroom(record.History, today, options);
        var windowStart = options.CumulativeWindowStart(today);
        var next = record.History.NextEligibleDate(validator.Protocol.RetreatmentIntervalDays);
        var diary = DiaryFindings.Evaluate(record.DiaryPeriods, record.History, today);
        var summary = cm is null
            ? $"OnabotulinumtoxinA for chronic migraine: no session recorded; headroom today {headroom}; diary: {diary.Headline}"
            : $"OnabotulinumtoxinA: last session {Iso(cm.Date)}, next from {Iso(next!.Value)}, headroom today {headroom}";
        var all = record.History.Administrations;
        var detail = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"- Last chronic-migraine session: {(cm is null ? "none recorded" : $"{Iso(cm.Date)} ({cm.Units})")}\n")
            .Append(CultureInfo.InvariantCulture, $"- Next eligible date (every {validator.Protocol.RetreatmentIntervalDays} days): {(next is { } n ? Iso(n) : "any date")}\n")
            .Append(CultureInfo.InvariantCulture, $"- Cumulative, all indications, this treatment cycle ({Iso(windowStart)} to {Iso(today)}): {used} of {limit}; headroom today {headroom}\n")
            .Append(CultureInfo.InvariantCulture, $"- OnabotulinumtoxinA administrations on record: {all.Length}{(record.UnreadableDoses > 0 ? $", plus {record.UnreadableDoses} without a dose in onabotulinumtoxinA units (cumulative: cannot tell)" : string.Empty)}\n")
            .Append(record.OtherToxinDates.IsEmpty ? string.Empty : $"- Other botulinum toxins on record (units not interchangeable, not counted): {record.OtherToxinDates.Length}, last {Iso(record.OtherToxinDates[^1])}\n")
            .Append(AdverseEventLines(record, cm))
            .Append(CultureInfo.InvariantCulture, $"- Diary: {diary.Headline}\n\n{diary.Detail}\n\n")
            .Append(Cite(RuleSources.RetreatmentInterval)).Append('\n').Append(Cite(RuleSources.CumulativeDose)).Append('\n').Append(Cite(diary.Source))
            .Append(record.History.Administrations.Any(a => a.AdverseEvents.Any(e => AdverseEventTerms.IsDistantSpread(e.Term))) ? "\n" + Cite(RuleSources.DistantSpread) : string.Empty)
            .ToString();
        if (record.History.Administrations.Any(a => a.AdverseEvents.Any(e => AdverseEventTerms.IsDistantSpread(e.Term))))
        {
            summary = "Boxed-warning event on record. " + summary;
        }

        return NewCard(seed, Trim(summary), detail, Indicator.Info, "summary", "OnabotulinumtoxinA summary", RuleSources.RetreatmentInterval);
    }

    /// <summary>
    /// The adverse events after the last chronic-migraine session (term, onset, duration, severity,
    /// seriousness), those of the boxed warning flagged, and a count of earlier distant-spread events.
    /// </summary>
    private static string AdverseEventLines(PatientRecord record, Administration? last)
    {
        if (!record.AdverseEventsAvailable)
        {
            return "- Adverse events: not provided (no adverseEvents prefetch and no FHIR server): cannot tell\n";
        }

        var b = new StringBuilder();
        if (last is null)
        {
            b.Append("- Adverse events after the last session: no chronic-migraine session recorded\n");
        }
        else if (last.AdverseEvents.IsEmpty)
        {
            b.Append(CultureInfo.InvariantCulture, $"- Adverse events after the last session ({Iso(last.Date)}): none recorded\n");
        }
        else
        {
            b.Append(CultureInfo.InvariantCulture, $"- Adverse events after the last session ({Iso(last.Date)}):\n");
            foreach (var e in last.AdverseEvents)
            {
                var duration = e.DurationDays is { } d ? $"resolved after {d.ToString(CultureInfo.InvariantCulture)} day{(d == 1 ? string.Empty : "s")}" : "ongoing";
                var flag = AdverseEventTerms.IsDistantSpread(e.Term) ? "**Boxed warning (distant spread):** " : string.Empty;
                b.Append(CultureInfo.InvariantCulture, $"  - {flag}{Escape(e.Description)}, onset {Iso(e.Onset)}, {duration}, {Sessions.AdverseEvent.FormatSeverity(e.Severity)}, {(e.IsSerious ? "serious" : "not serious")}\n");
            }
        }

        var earlier = record.History.Administrations.Where(a => !ReferenceEquals(a, last)).SelectMany(a => a.AdverseEvents).Where(e => AdverseEventTerms.IsDistantSpread(e.Term)).OrderBy(e => e.Onset).ToList();
        if (earlier.Count > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"- **Boxed warning (distant spread):** {earlier.Count} earlier event(s) on record, last {Escape(earlier[^1].Description)} on {Iso(earlier[^1].Onset)}\n");
        }

        if (record.UnreadableAdverseEvents > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"- {record.UnreadableAdverseEvents} AdverseEvent resource(s) not read (not in the package's shape, or after no administration on record)\n");
        }

        return b.ToString();
    }

    private ValidationReport Validate(DateOnly date, ToxinUnits units, string? product, TreatmentHistory history)
    {
        // The rules of interest (interval, cumulative) read the session's date, total and product only.
        var session = new TreatmentSession(date, [new Injection(AnySite, units)], product);
        return validator.Validate(session, history);
    }

    /// <summary>Returns the earliest date, from the order date, that satisfies both the retreatment interval and the cumulative limit for the ordered dose (<see cref="CumulativeDose.EarliestDate"/>).</summary>
    private DateOnly? Earliest(ToxinOrder order, TreatmentHistory history)
    {
        var interval = validator.Protocol.RetreatmentIntervalDays - validator.Options.RetreatmentToleranceDays;
        var notBefore = history.LastChronicMigraineOnOrBefore(order.Date) is { } last && last.Date.AddDays(interval) > order.Date ? last.Date.AddDays(interval) : order.Date;
        return CumulativeDose.EarliestDate(history, order.Units ?? ToxinUnits.Zero, notBefore, validator.Options);
    }

    private static Card ProductCard(string seed, ToxinOrder order, RuleViolation? violation)
    {
        var source = violation?.Source ?? ToxinProducts.Source;
        var summary = Trim($"Not onabotulinumtoxinA: {order.Product}. Units are not interchangeable; the BOTOX protocol does not apply");
        var message = violation?.Message ?? $"The ordered product '{order.Product}' is not onabotulinumtoxinA (BOTOX): units of other botulinum toxin products are not interchangeable with BOTOX units.";
        var detail = $"**{Escape(message)}**\n\nThe PREEMPT doses, the retreatment interval and the cumulative limit of this service are for onabotulinumtoxinA; none of them is applied to this order.\n\n{Cite(source)}";
        return NewCard(seed, summary, detail, Indicator.Critical, RuleId.Product.Value, "Product", source);
    }

    private static Card NewCard(string seed, string summary, string detail, string indicator, string code, string display, Citation source) =>
        new(CardId(seed + "|" + code), Trim(summary), detail, indicator, new CardSource($"MigraineProtocol {code}: {source.Source} [{Citation.FormatLevel(source.Verification)}]", new CdsCoding(RuleSystem, code, display)));

    /// <summary>Returns a card id derived from the hook instance, the order and the card code (deterministic: the same call gives the same ids).</summary>
    private static string CardId(string seed)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    private static string Cite(Citation c) => $"Source: {Escape(c.Source)}, {Escape(c.Locator)} [{Citation.FormatLevel(c.Verification)}].";

    private static string Trim(string s) => s.Length < 140 ? s : s[..136] + "...";

    private static string Iso(DateOnly d) => DiaryFindings.Iso(d);

    private static string Escape(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                b.Append('\\');
            }

            b.Append(c);
        }

        return b.ToString();
    }
}
