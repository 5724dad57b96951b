using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using MigraineProtocol.CdsHooks.Protocol;
using MigraineProtocol.Dosing;
using MigraineProtocol.Fhir.Diaries;
using MigraineProtocol.Fhir.Terminology;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.CdsHooks.Records;

/// <summary>
/// Builds a <see cref="PatientRecord"/> from the prefetch, fetching from <c>fhirServer</c> with the
/// <c>fhirAuthorization</c> token what the prefetch leaves out (CDS Hooks "FHIR Resource Access").
/// </summary>
internal sealed class RecordLoader(ToxinRecognizer recognizer, HttpClient http, TimeSpan timeout, bool allowHttp, IEnumerable<string> chronicMigraineReasonCodes)
{
    private readonly HashSet<(string System, string Code)> chronicMigraineCodes = [.. chronicMigraineReasonCodes.Select(ToxinRecognizer.SplitCode)];

    public const string PatientKey = "patient";
    public const string AdministrationsKey = "toxinAdministrations";
    public const string DiaryKey = "diaryObservations";
    public const string AdverseEventsKey = "adverseEvents";
    public const string OtherIndication = "other-indication";

    public static readonly JsonSerializerOptions FhirOptions = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static IReadOnlyDictionary<string, string> PrefetchTemplates { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PatientKey] = "Patient/{{context.patientId}}",
        [AdministrationsKey] = "MedicationAdministration?patient={{context.patientId}}",
        [DiaryKey] = $"Observation?patient={{{{context.patientId}}}}&code={FhirTerminology.DiaryMeasureSystem}|{FhirTerminology.HeadacheDaysCode},{FhirTerminology.DiaryMeasureSystem}|{FhirTerminology.MigraineDaysCode}",

        // R4 AdverseEvent has no 'patient' search parameter: 'subject' is the one the Fhir package fills.
        [AdverseEventsKey] = "AdverseEvent?subject=Patient/{{context.patientId}}",
    };

    public async Task<PatientRecord> LoadAsync(CdsRequest request, CancellationToken cancellationToken)
    {
        var administrations = await ResourcesAsync(request, AdministrationsKey, required: true, cancellationToken).ConfigureAwait(false);
        var diary = await ResourcesAsync(request, DiaryKey, required: false, cancellationToken).ConfigureAwait(false);
        var patient = await ResourcesAsync(request, PatientKey, required: false, cancellationToken).ConfigureAwait(false);
        var events = await ResourcesAsync(request, AdverseEventsKey, required: false, cancellationToken).ConfigureAwait(false);
        var (history, others, unreadable) = History(administrations!);
        var unreadableEvents = 0;
        if (events is not null)
        {
            (history, unreadableEvents) = AdverseEventReader.Attach(history, administrations!, events);
        }

        var birth = patient?.OfType<Patient>().FirstOrDefault()?.BirthDate is { Length: 10 } b && DateOnly.TryParseExact(b, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var bd) ? bd : (DateOnly?)null;
        return new PatientRecord
        {
            History = history,
            OtherToxinDates = others,
            UnreadableDoses = unreadable,
            DiaryPeriods = diary is null ? [] : Periods(diary),
            DiaryAvailable = diary is not null,
            BirthDate = birth,
            AdverseEventsAvailable = events is not null,
            UnreadableAdverseEvents = unreadableEvents,
        };
    }

    /// <summary>Returns the resources of a prefetch key (a Bundle's entries, or the resource itself), fetching them when missing; <see langword="null"/> when unavailable and not required.</summary>
    private async Task<List<Resource>?> ResourcesAsync(CdsRequest request, string key, bool required, CancellationToken cancellationToken)
    {
        if (request.Prefetch.TryGetValue(key, out var resource))
        {
            return Flatten(resource);
        }

        if (request.FhirServer is null)
        {
            return required
                ? throw new RequestProblem(StatusCodes.Status412PreconditionFailed, $"$.prefetch.{key}: missing, and no fhirServer to fetch it from")
                : null;
        }

        return await FetchAsync(request, key, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<Resource>> FetchAsync(CdsRequest request, string key, CancellationToken cancellationToken)
    {
        var server = request.FhirServer!;
        if (server.Scheme != Uri.UriSchemeHttps && !allowHttp && !server.IsLoopback)
        {
            throw new RequestProblem(StatusCodes.Status412PreconditionFailed, "$.fhirServer: https is required to fetch the missing prefetch");
        }

        var relative = PrefetchTemplates[key].Replace("{{context.patientId}}", request.PatientId, StringComparison.Ordinal);
        var baseText = server.AbsoluteUri.EndsWith('/') ? server.AbsoluteUri : server.AbsoluteUri + "/";
        var next = new Uri(baseText + relative);
        var results = new List<Resource>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        for (var page = 0; page < 20 && next is not null; page++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, next);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
            if (request.AccessToken is { } token)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            string body;
            try
            {
                using var response = await http.SendAsync(message, cts.Token).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw Unavailable(key, "the FHIR server answered " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                }

                body = await response.Content.ReadAsStringAsync(cts.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                throw Unavailable(key, "the FHIR server could not be reached in time");
            }

            Resource resource;
            try
            {
                resource = JsonSerializer.Deserialize<Resource>(body, FhirOptions) ?? throw Unavailable(key, "the FHIR server sent no resource");
            }
            catch (Exception e) when (e is JsonException or DeserializationFailedException)
            {
                throw Unavailable(key, "the FHIR server sent JSON that is not FHIR R4");
            }

            results.AddRange(Flatten(resource!));
            next = resource is Bundle b && b.Link.FirstOrDefault(l => l.Relation == "next")?.Url is { } url
                && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.AbsoluteUri.StartsWith(baseText, StringComparison.Ordinal) ? u : null;
        }

        return results;
    }

    private static RequestProblem Unavailable(string key, string why) =>
        new(StatusCodes.Status412PreconditionFailed, $"$.prefetch.{key}: missing, and {why}");

    private static List<Resource> Flatten(Resource resource) =>
        resource is Bundle bundle ? [.. bundle.Entry.Select(e => e.Resource).OfType<Resource>()] : [resource];

    private (TreatmentHistory History, ImmutableArray<DateOnly> Others, int Unreadable) History(List<Resource> resources)
    {
        var medications = resources.OfType<Medication>().Where(m => m.Id is not null).ToDictionary(m => "Medication/" + m.Id, StringComparer.Ordinal);
        var totals = new Dictionary<(DateOnly, string), long>();
        var others = new List<DateOnly>();
        var unreadable = 0;
        foreach (var ma in resources.OfType<MedicationAdministration>())
        {
            if (ma.Status is not (MedicationAdministration.MedicationAdministrationStatusCodes.Completed or MedicationAdministration.MedicationAdministrationStatusCodes.InProgress)
                || Date(ma.Effective) is not { } date)
            {
                continue;
            }

            var dose = ma.Dosage?.Dose;
            var kind = dose is { System: FhirTerminology.ToxinUnitSystem, Code: FhirTerminology.ToxinUnitCode } ? ToxinKind.OnabotulinumtoxinA : Kind(ma, medications);
            if (kind == ToxinKind.OtherToxin)
            {
                others.Add(date);
                continue;
            }

            if (kind == ToxinKind.None)
            {
                continue;
            }

            if (Units(dose) is not { } units)
            {
                unreadable++;
                continue;
            }

            var cm = ma.Dosage?.Site?.Coding.Any(c => c.System == FhirTerminology.InjectionSiteSystem) == true || ma.ReasonCode.Any(IsChronicMigraine);
            var key = (date, cm ? Administration.ChronicMigraine : OtherIndication);
            totals[key] = Math.Min(totals.GetValueOrDefault(key) + units.Hundredths, ToxinUnits.MaxValue.Hundredths);
        }

        var history = new TreatmentHistory(totals.Select(t => new Administration(t.Key.Item1, ToxinUnits.FromHundredths(t.Value), t.Key.Item2)));
        return (history, [.. others.Order()], unreadable);
    }

    /// <summary>Returns whether a reason names chronic migraine: a configured code, or the words "chronic migraine" in its text or a display (no SNOMED CT code ships without a named source).</summary>
    private bool IsChronicMigraine(CodeableConcept reason) =>
        reason.Coding.Any(c => c.System is not null && c.Code is not null && chronicMigraineCodes.Contains((c.System, c.Code)))
        || Names(reason.Text) || reason.Coding.Any(c => Names(c.Display));

    private static bool Names(string? text) => text?.Contains("chronic migraine", StringComparison.OrdinalIgnoreCase) == true;

    private ToxinKind Kind(MedicationAdministration ma, Dictionary<string, Medication> medications)
    {
        switch (ma.Medication)
        {
            case CodeableConcept concept:
                return recognizer.Recognize(concept);
            case ResourceReference { Reference: { } reference }:
                var medication = reference.StartsWith('#')
                    ? ma.Contained.OfType<Medication>().FirstOrDefault(m => m.Id == reference[1..])
                    : medications.GetValueOrDefault(reference);
                return recognizer.Recognize(medication?.Code);
            default:
                return ToxinKind.None;
        }
    }

    /// <summary>Reads a dose in onabotulinumtoxinA units: the library's toxin unit, or the unit text "U"/"unit(s)" with no system (ADR 0040: UCUM U is an enzyme unit and is refused).</summary>
    public static ToxinUnits? Units(Quantity? dose)
    {
        if (dose?.Value is not { } value || value < 0)
        {
            return null;
        }

        var own = dose.System == FhirTerminology.ToxinUnitSystem && dose.Code == FhirTerminology.ToxinUnitCode;
        var text = dose.System is null && dose.Code is null && dose.Unit is { } u && (u.Equals("U", StringComparison.OrdinalIgnoreCase) || u.Equals("unit", StringComparison.OrdinalIgnoreCase) || u.Equals("units", StringComparison.OrdinalIgnoreCase));
        return (own || text) && ToxinUnits.TryFromUnits(value, out var units) ? units : null;
    }

    public static DateOnly? Date(DataType? effective)
    {
        var text = effective switch
        {
            FhirDateTime dt => dt.Value,
            Period p => p.Start,
            _ => null,
        };
        return text is { Length: >= 10 } && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static ImmutableArray<DiaryPeriodCounts> Periods(List<Resource> resources)
    {
        var byPeriod = new Dictionary<(DateOnly, DateOnly), (int? Recorded, int? Headache, int? Migraine)>();
        foreach (var o in resources.OfType<Observation>())
        {
            if (o.Status is not (ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected)
                || o.Effective is not Period period || Day(period.Start) is not { } start || Day(period.End) is not { } end
                || Days(o.Value as Quantity) is not { } count)
            {
                continue;
            }

            var recorded = o.Component.FirstOrDefault(c => Has(c.Code, FhirTerminology.DaysRecordedCode)) is { } rc ? Days(rc.Value as Quantity) : null;
            var slot = byPeriod.GetValueOrDefault((start, end));
            slot.Recorded ??= recorded;
            if (Has(o.Code, FhirTerminology.HeadacheDaysCode))
            {
                slot.Headache = count;
            }
            else if (Has(o.Code, FhirTerminology.MigraineDaysCode))
            {
                slot.Migraine = count;
            }

            byPeriod[(start, end)] = slot;
        }

        var periods = ImmutableArray.CreateBuilder<DiaryPeriodCounts>();
        foreach (var ((start, end), v) in byPeriod.OrderBy(p => p.Key.Item1))
        {
            if (v is { Recorded: { } r, Headache: { } h, Migraine: { } m })
            {
                try
                {
                    periods.Add(new DiaryPeriodCounts(start, end, r, h, m));
                }
                catch (ArgumentException)
                {
                    // An inconsistent period (more headache days than recorded days, ...) is left out.
                }
            }
        }

        return periods.ToImmutable();
    }

    private static bool Has(CodeableConcept? concept, string code) =>
        concept?.Coding.Any(c => c.System == FhirTerminology.DiaryMeasureSystem && c.Code == code) == true;

    private static DateOnly? Day(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static int? Days(Quantity? q) =>
        q is { System: FhirTerminology.UcumSystem, Code: "d", Value: { } v } && v >= 0 && v <= 100_000 && decimal.Truncate(v) == v ? (int)v : null;
}
