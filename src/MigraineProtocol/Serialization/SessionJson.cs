using System.Globalization;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using MigraineProtocol.Dosing;
using MigraineProtocol.Input;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Serialization;

/// <summary>
/// Reads and writes a <see cref="TreatmentSession"/> as JSON (System.Text.Json source generation: trim-
/// and AOT-safe): <c>{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}, ...]}</c>
/// with optional <c>product</c>, <c>lot</c>, <c>expiry</c>, <c>reconstitution</c>
/// (<c>{"vialUnits": 100, "diluentMl": 2}</c>), <c>vials</c> (vials opened), <c>adverseEvents</c> (events after
/// the session) and <c>distantSpreadAcknowledged</c>. See docs/json-formats.md.
/// </summary>
/// <remarks>
/// Reading is strict, for untrusted input: malformed JSON, a missing or unknown or repeated property, a
/// bad date, a malformed site id, a negative, huge, non-numeric or finer-than-0.01 U dose, or nesting
/// deeper than 16 levels is an error naming the source and JSON path (and the line and column when the
/// JSON itself is malformed); nothing is silently dropped, and reading never throws anything but
/// <see cref="InputException"/>. A well-formed site id that the protocol does not know is not a read
/// error: the rules report it (<c>unknown-site</c>). Writing then reading gives an equal session.
/// </remarks>
public static class SessionJson
{
    /// <summary>Reads a session.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <returns>The session.</returns>
    /// <exception cref="InputException">The JSON is not a valid session; <see cref="InputException.Problems"/> lists every problem.</exception>
    public static TreatmentSession Read(string json, string sourceName) =>
        TryRead(json, sourceName, out var session, out var problems) ? session : throw new InputException(problems);

    /// <summary>Tries to read a session; never throws for bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <param name="session">The session on success.</param>
    /// <param name="problems">Every problem found, each naming the source and JSON path; empty on success.</param>
    /// <returns><see langword="true"/> when the JSON is a valid session.</returns>
    public static bool TryRead(string json, string sourceName, [NotNullWhen(true)] out TreatmentSession? session, out ImmutableArray<InputProblem> problems)
    {
        var reading = new JsonReading(sourceName);
        session = null;
        var doc = reading.Deserialize(json, RecordJsonContext.Default.SessionDocument, "a session");
        if (doc is not null)
        {
            session = FromDocument(doc, reading, "$");
        }

        problems = reading.Problems;
        if (reading.HasProblems)
        {
            session = null;
            return false;
        }

        return session is not null;
    }

    /// <summary>Writes a session as indented JSON (LF line ends, camelCase, optional properties left out when not recorded).</summary>
    /// <param name="session">The session.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(TreatmentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return JsonSerializer.Serialize(ToDocument(session), RecordJson.Writing.SessionDocument);
    }

    internal static SessionDocument ToDocument(TreatmentSession session) => new()
    {
        Date = JsonReading.FormatDate(session.Date),
        Injections = [.. session.Injections.Select(i => new InjectionDocument { Site = i.Site.Value, Units = JsonReading.Normalize(i.Units.Units) })],
        Product = session.Product,
        Lot = session.Lot,
        Expiry = session.Expiry is { } e ? JsonReading.FormatDate(e) : null,
        Reconstitution = session.Reconstitution is { } r
            ? new ReconstitutionDocument { VialUnits = JsonReading.Normalize(r.VialUnits.Units), DiluentMl = JsonReading.Normalize(r.Diluent.Millilitres) }
            : null,
        Vials = session.VialsOpened,
        ReconstitutedAt = session.ReconstitutedAt is { } at ? at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : null,
        AdverseEvents = AdverseEventJson.ToDocuments(session.AdverseEvents),
        DistantSpreadAcknowledged = session.DistantSpreadAcknowledged ? true : null,
    };

    internal static TreatmentSession? FromDocument(SessionDocument doc, JsonReading reading, string root)
    {
        var dateOk = reading.TryDate(doc.Date, root + ".date", out var date);
        var injections = new List<Injection>(doc.Injections.Count);
        for (var i = 0; i < doc.Injections.Count; i++)
        {
            var path = new ItemPath(root, "injections", i);
            var item = doc.Injections[i];
            if (item is null)
            {
                reading.Add(path.Of(), "an injection must be an object {\"site\": ..., \"units\": ...}, not null.");
                continue;
            }

            var siteOk = SiteId.TryParse(item.Site, out var site);
            if (!siteOk)
            {
                reading.Add(path.Of("site"), $"{Echo.Quote(item.Site)} is not a site id: lower-case letters and digits in kebab-case, for example 'temporalis-left-3' or 'trapezius-right-ftp'.");
            }

            if (reading.TryUnits(item.Units, path, "units", out var units) && siteOk)
            {
                injections.Add(new Injection(site, units));
            }
        }

        if (injections.Sum(i => i.Units.Hundredths) > ToxinUnits.MaxValue.Hundredths)
        {
            reading.Add(root + ".injections", InputProblemCodes.LimitExceeded, $"the injections add up to more than {ToxinUnits.MaxValue}, the largest total the library represents.");
        }

        reading.TryText(doc.Product, root + ".product", out var product);
        reading.TryText(doc.Lot, root + ".lot", out var lot);
        DateOnly? expiry = null;
        if (doc.Expiry is not null && reading.TryDate(doc.Expiry, root + ".expiry", out var e))
        {
            expiry = e;
        }

        Reconstitution? reconstitution = null;
        if (doc.Reconstitution is { } r
            && reading.TryUnits(r.VialUnits, root + ".reconstitution.vialUnits", out var vialUnits)
            && reading.TryVolume(r.DiluentMl, root + ".reconstitution.diluentMl", out var diluent))
        {
            if (vialUnits == ToxinUnits.Zero)
            {
                reading.Add(root + ".reconstitution.vialUnits", "a vial must hold more than 0 U.");
            }
            else
            {
                reconstitution = new Reconstitution(vialUnits, diluent);
            }
        }

        if (doc.Vials is < 0)
        {
            reading.Add(root + ".vials", $"{doc.Vials} vials: the number of vials opened must not be negative.");
        }
        else if (reconstitution is not null && doc.Vials is { } vials && !TreatmentSession.FitsInRange(reconstitution, vials))
        {
            reading.Add(root + ".vials", InputProblemCodes.LimitExceeded, $"{vials} vials of {reconstitution.VialUnits} hold more than {ToxinUnits.MaxValue}, the largest total the library represents.");
        }

        if (reconstitution is not null && !reading.HasProblems && !TreatmentSession.FitsInRange(reconstitution, TreatmentSession.VialsNeeded(reconstitution, injections.Sum(i => i.Units.Hundredths))))
        {
            reading.Add(root + ".reconstitution", InputProblemCodes.LimitExceeded, $"the vials needed for these injections would hold more than {ToxinUnits.MaxValue}, the largest total the library represents.");
        }

        DateTime? reconstitutedAt = null;
        if (doc.ReconstitutedAt is { } atText)
        {
            if (!DateTime.TryParseExact(atText, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                reading.Add(root + ".reconstitutedAt", $"{Echo.Quote(atText)} is not a local date and time; write it as 'yyyy-MM-ddTHH:mm' (for example '2026-03-02T09:30').");
            }
            else if (DateOnly.FromDateTime(at) < InputLimits.EarliestDate || DateOnly.FromDateTime(at) > InputLimits.LatestDate)
            {
                reading.Add(root + ".reconstitutedAt", InputProblemCodes.LimitExceeded, $"{Echo.Quote(atText)} is outside the dates the library accepts, {InputLimits.EarliestDate:yyyy-MM-dd} to {InputLimits.LatestDate:yyyy-MM-dd}.");
            }
            else
            {
                reconstitutedAt = at;
            }
        }

        var events = AdverseEventJson.FromDocuments(doc.AdverseEvents, root + ".adverseEvents", reading, dateOk ? date : null);
        return reading.HasProblems
            ? null
            : new TreatmentSession(date, injections, product, lot, expiry, reconstitution).WithVialsOpened(doc.Vials).WithReconstitutedAt(reconstitutedAt)
                .WithAdverseEvents(events).WithDistantSpreadAcknowledged(doc.DistantSpreadAcknowledged == true);
    }
}
