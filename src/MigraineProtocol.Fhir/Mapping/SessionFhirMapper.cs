using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Dosing;
using MigraineProtocol.Fhir.Diaries;
using MigraineProtocol.Fhir.Terminology;
using MigraineProtocol.Input;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;
using static MigraineProtocol.Fhir.Terminology.FhirTerminology;
using AdverseEvent = Hl7.Fhir.Model.AdverseEvent;

namespace MigraineProtocol.Fhir.Mapping;

/// <summary>
/// Maps a <see cref="TreatmentSession"/> (and headache diary periods) to a FHIR R4 Bundle and back.
/// </summary>
/// <remarks>
/// <para><b>Export.</b> The Bundle holds, in this order: one Procedure for the session (CPT 64615 and
/// the library's procedure code, the patient, the performer, the date, and the vials opened in the
/// extension <see cref="FhirTerminology.VialsOpenedExtension"/> when recorded); one Medication (the product
/// name as text, HCPCS J0585, the lot and expiry in <c>batch</c>, the reconstitution as the ingredient
/// strength <c>vial units / diluent mL</c>); one BodyStructure per distinct injection site (the muscle
/// as <c>location</c>, the side as a SNOMED CT laterality <c>locationQualifier</c>); one
/// MedicationAdministration per injection, in order (the site as <c>dosage.site</c> with the R4 core
/// <c>bodySite</c> extension pointing at its BodyStructure, the dose in onabotulinumtoxinA units,
/// ADR 0040); and two Observations per diary period (headache days, migraine days). Entries have
/// <c>urn:uuid:</c> full URLs derived from the content (same input, same Bundle), and a <c>POST</c>
/// request in a transaction Bundle. docs/fhir.md shows an example.</para>
/// <para><b>Import.</b> <see cref="FromBundle"/> reads the library's own codes only (site ids, muscle
/// ids, the toxin unit, the diary measures), so a Bundle exported with any code map imports to the same
/// session, and exporting the imported record again gives the same Bundle.</para>
/// <para>Standard codes are sent only where verified in a named public source (<see cref="FhirTerminology"/>).</para>
/// </remarks>
public static class SessionFhirMapper
{
    private const string ProcedureText = "OnabotulinumtoxinA injections for chronic migraine";
    private const string SubstanceText = "onabotulinumtoxinA";
    private const string ToxinUnitText = "U";

    /// <summary>Returns the FHIR R4 Bundle of a session and, optionally, diary periods.</summary>
    /// <param name="session">The session.</param>
    /// <param name="options">The patient, performer, code map and Bundle kind.</param>
    /// <param name="diaryPeriods">The diary periods to send as Observations, if any.</param>
    /// <returns>A new Bundle; the caller owns it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="session"/>, <paramref name="options"/> or a diary period is <see langword="null"/>.</exception>
    public static Bundle ToBundle(TreatmentSession session, FhirExportOptions options, IEnumerable<DiaryPeriodCounts>? diaryPeriods = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        ImmutableArray<DiaryPeriodCounts> periods = diaryPeriods is null ? [] : [.. diaryPeriods];
        if (periods.Any(p => p is null))
        {
            throw new ArgumentNullException(nameof(diaryPeriods), "The diary periods must not contain null.");
        }

        var ids = new IdSource(Seed(session, periods, options));
        var map = options.CodeMap;
        var bundle = new Bundle { Type = options.Kind == FhirBundleKind.Transaction ? Bundle.BundleType.Transaction : Bundle.BundleType.Collection };
        var date = Date(session.Date);
        var procedureUrl = ids.Next("procedure");
        var medicationUrl = ids.Next("medication");

        var procedure = new Procedure
        {
            Status = EventStatus.Completed,
            Code = Concept([Own(ProcedureSystem, ChemodenervationCode, ProcedureText), .. map.ForProcedure()], ProcedureText),
            Subject = Ref(options.Patient),
            Performed = new FhirDateTime(date),
            UsedReference = [new ResourceReference(medicationUrl)],
        };
        if (options.Performer is not null)
        {
            procedure.Performer.Add(new Procedure.PerformerComponent { Actor = Ref(options.Performer) });
        }

        if (session.VialsOpened is { } vials)
        {
            procedure.AddExtension(VialsOpenedExtension, new UnsignedInt(vials));
        }

        if (session.DistantSpreadAcknowledged)
        {
            procedure.AddExtension(DistantSpreadAcknowledgedExtension, new FhirBoolean(true));
        }

        Add(bundle, procedureUrl, procedure);
        Add(bundle, medicationUrl, Medication(session, map));

        var sites = new Dictionary<SiteId, (string? Url, string Text)>();
        foreach (var site in session.Injections.Select(i => i.Site).Distinct())
        {
            var anatomy = Resolve(site, options.Anatomy);
            if (anatomy is null)
            {
                sites[site] = (null, site.Value);
                continue;
            }

            var url = ids.Next("site:" + site.Value);
            var side = LateralityText.Format(anatomy.Value.Side);
            var structure = new BodyStructure
            {
                Identifier = [new Identifier(InjectionSiteSystem, site.Value)],
                Location = Concept([Own(MuscleSystem, anatomy.Value.Muscle.Value, anatomy.Value.MuscleName), .. map.ForMuscle(anatomy.Value.Muscle)], anatomy.Value.MuscleName),
                LocationQualifier = [Concept([SnomedLaterality(anatomy.Value.Side), Own(LateralitySystem, side, side)], side)],
                Description = anatomy.Value.Text,
                Patient = Ref(options.Patient),
            };
            Add(bundle, url, structure);
            sites[site] = (url, anatomy.Value.Text);
        }

        var administrationUrls = new List<string>(session.Injections.Length);
        for (var i = 0; i < session.Injections.Length; i++)
        {
            var injection = session.Injections[i];
            var (siteUrl, siteText) = sites[injection.Site];
            var siteConcept = Concept([Own(InjectionSiteSystem, injection.Site.Value, siteText), .. map.ForSite(injection.Site)], siteText);
            if (siteUrl is not null)
            {
                siteConcept.AddExtension(BodySiteExtension, new ResourceReference(siteUrl));
            }

            var administration = new MedicationAdministration
            {
                Status = MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
                Medication = new ResourceReference(medicationUrl),
                Subject = Ref(options.Patient),
                Effective = new FhirDateTime(date),
                PartOf = [new ResourceReference(procedureUrl)],
                Dosage = new MedicationAdministration.DosageComponent { Site = siteConcept, Dose = ToxinQuantity(injection.Units) },
            };
            if (options.Performer is not null)
            {
                administration.Performer.Add(new MedicationAdministration.PerformerComponent { Actor = Ref(options.Performer) });
            }

            var administrationUrl = ids.Next("administration:" + i.ToString(CultureInfo.InvariantCulture));
            administrationUrls.Add(administrationUrl);
            Add(bundle, administrationUrl, administration);
        }

        for (var k = 0; k < session.AdverseEvents.Length; k++)
        {
            var e = session.AdverseEvents[k];
            Add(bundle, ids.Next("adverse-event:" + k.ToString(CultureInfo.InvariantCulture)), ToAdverseEvent(e, session, administrationUrls, options));
        }

        for (var k = 0; k < periods.Length; k++)
        {
            var p = periods[k];
            var key = "period:" + k.ToString(CultureInfo.InvariantCulture);
            Add(bundle, ids.Next(key + ":headache"), Observation(p, HeadacheDaysCode, "Headache days", p.HeadacheDays, options.Patient));
            Add(bundle, ids.Next(key + ":migraine"), Observation(p, MigraineDaysCode, "Migraine days", p.MigraineDays, options.Patient));
        }

        return bundle;
    }

    /// <summary>Reads the FHIR JSON of a Bundle exported by <see cref="ToBundle"/> (or one shaped like it) into a session record.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <returns>The record.</returns>
    /// <exception cref="InputException">The text is not a FHIR R4 Bundle of a session; <see cref="InputException.Problems"/> lists every problem.</exception>
    public static FhirSessionRecord Read(string json, string sourceName) =>
        TryRead(json, sourceName, out var record, out var problems) ? record : throw new InputException(problems);

    /// <summary>Tries to read the FHIR JSON of a Bundle into a session record; never throws.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <param name="record">The record on success.</param>
    /// <param name="problems">Every problem: JSON problems with line and column, Bundle problems with their FHIRPath-style location; empty on success.</param>
    /// <returns><see langword="true"/> when the text was read.</returns>
    public static bool TryRead(string json, string sourceName, [NotNullWhen(true)] out FhirSessionRecord? record, out ImmutableArray<InputProblem> problems)
    {
        record = null;
        return FhirJson.TryRead(json, sourceName, out var bundle, out problems)
            && TryFromBundle(bundle, sourceName, out record, out problems);
    }

    /// <summary>Reads a Bundle exported by <see cref="ToBundle"/> (or one shaped like it) back into a session record.</summary>
    /// <param name="bundle">The Bundle.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bundle"/> is <see langword="null"/>.</exception>
    /// <exception cref="InputException">The Bundle is not a session; <see cref="InputException.Problems"/> lists every problem with its location.</exception>
    public static FhirSessionRecord FromBundle(Bundle bundle, string sourceName) =>
        TryFromBundle(bundle, sourceName, out var record, out var problems) ? record : throw new InputException(problems);

    /// <summary>Tries to read a Bundle back into a session record; never throws for a bad Bundle.</summary>
    /// <param name="bundle">The Bundle.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <param name="record">The record when the method returns <see langword="true"/>.</param>
    /// <param name="problems">Every problem, each with its FHIRPath-style location (<see cref="InputProblem.Location"/>), when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when the Bundle was read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bundle"/> is <see langword="null"/>.</exception>
    public static bool TryFromBundle(Bundle bundle, string sourceName, [NotNullWhen(true)] out FhirSessionRecord? record, out ImmutableArray<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var source = string.IsNullOrWhiteSpace(sourceName) ? "Bundle" : sourceName;
        var reader = new BundleReader(bundle);
        try
        {
            record = reader.Read();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException or NullReferenceException or IndexOutOfRangeException)
        {
            // A value the FHIR model holds but the session model refuses; never let it escape a Try method.
            record = null;
            reader.Problems.Add(("Bundle", "the Bundle holds a value that cannot be read as a session."));
        }

        problems = FhirInput.Cap(source, reader.Problems.Select(p => ((string?)p.Path, p.Message)));
        if (problems.Length > 0)
        {
            record = null;
        }

        return record is not null;
    }

    /// <summary>
    /// One R4 AdverseEvent: actuality <c>actual</c>, the patient, the onset as <c>date</c>, the term in the
    /// library's code system plus the code map's codings (text: the display, or the text of an
    /// <c>other</c> event), seriousness (<c>Serious</c> or <c>Non-serious</c>, ICH E2A §II.B), severity,
    /// outcome (<c>resolved</c> with the duration extension, or <c>ongoing</c>), the site or muscle in the
    /// location extension, and as suspect entities the session's MedicationAdministrations (those at the
    /// event's site, or into its muscle, when recorded and given; otherwise all of them).
    /// </summary>
    private static AdverseEvent ToAdverseEvent(Sessions.AdverseEvent e, TreatmentSession session, List<string> administrationUrls, FhirExportOptions options)
    {
        var code = AdverseEventTerms.Code(e.Term);
        var text = e.Description;
        var serious = e.IsSerious ? ("Serious", "Serious") : ("Non-serious", "Non-serious");
        var severity = Sessions.AdverseEvent.FormatSeverity(e.Severity);
        var outcome = e.IsOngoing ? ("ongoing", "Ongoing") : ("resolved", "Resolved");
        var resource = new AdverseEvent
        {
            Actuality = Hl7.Fhir.Model.AdverseEvent.AdverseEventActuality.Actual,
            Event = Concept([Own(AdverseEventSystem, code, AdverseEventTerms.Display(e.Term)), .. options.CodeMap.ForAdverseEvent(e.Term)], text),
            Subject = Ref(options.Patient),
            DateElement = new FhirDateTime(Date(e.Onset)),
            Seriousness = Concept([Own(AdverseEventSeriousnessSystem, serious.Item1, serious.Item2)], null),
            Severity = Concept([Own(AdverseEventSeveritySystem, severity, char.ToUpperInvariant(severity[0]) + severity[1..])], null),
            Outcome = Concept([Own(AdverseEventOutcomeSystem, outcome.Item1, outcome.Item2)], null),
        };
        if (e.DurationDays is { } days)
        {
            resource.AddExtension(AdverseEventDurationExtension, new Duration { Value = days, Unit = "d", System = UcumSystem, Code = "d" });
        }

        if (e.Site is { } site)
        {
            resource.AddExtension(AdverseEventLocationExtension, Concept([Own(InjectionSiteSystem, site.Value, site.Value)], site.Value));
        }

        if (e.Muscle is { } muscle)
        {
            resource.AddExtension(AdverseEventLocationExtension, Concept([Own(MuscleSystem, muscle.Value, MuscleName(muscle, options.Anatomy))], MuscleName(muscle, options.Anatomy)));
        }

        var suspects = new List<string>();
        for (var i = 0; i < session.Injections.Length; i++)
        {
            var at = session.Injections[i].Site;
            if ((e.Site is { } s && at == s) || (e.Site is null && e.Muscle is { } m && Resolve(at, options.Anatomy) is { } a && a.Muscle == m))
            {
                suspects.Add(administrationUrls[i]);
            }
        }

        foreach (var url in suspects.Count > 0 ? suspects : administrationUrls)
        {
            resource.SuspectEntity.Add(new AdverseEvent.SuspectEntityComponent { Instance = new ResourceReference(url) });
        }

        return resource;
    }

    private static Medication Medication(TreatmentSession session, IFhirCodeMap map)
    {
        // Another toxin (units not interchangeable, S7) gets no onabotulinumtoxinA code (J0585) and no onabotulinumtoxinA ingredient.
        var other = ToxinProducts.IsOnabotulinumtoxinA(session.Product) == false;
        var codings = other ? [] : map.ForMedication().ToList();
        var medication = new Medication
        {
            Code = codings.Count == 0 && session.Product is null ? null : Concept(codings, session.Product),
            Ingredient = [new Medication.IngredientComponent { Item = new CodeableConcept { Text = other ? session.Product : SubstanceText }, IsActive = true }],
        };
        if (session.Reconstitution is { } r)
        {
            medication.Ingredient[0].Strength = new Ratio(ToxinQuantity(r.VialUnits), Millilitres(r.Diluent));
        }

        if (session.Lot is not null || session.Expiry is not null)
        {
            medication.Batch = new Medication.BatchComponent
            {
                LotNumber = session.Lot,
                ExpirationDateElement = session.Expiry is { } e ? new FhirDateTime(Date(e)) : null,
            };
        }

        return medication;
    }

    private static Observation Observation(DiaryPeriodCounts p, string code, string display, int count, FhirReference patient)
    {
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(ObservationCategorySystem, "survey", "Survey")],
            Code = Concept([Own(DiaryMeasureSystem, code, display)], display),
            Subject = Ref(patient),
            Effective = new Period(new FhirDateTime(Date(p.Start)), new FhirDateTime(Date(p.End))),
            Value = Days(count),
            Component = [new Observation.ComponentComponent { Code = Concept([Own(DiaryMeasureSystem, DaysRecordedCode, "Days recorded")], "Days recorded"), Value = Days(p.DaysRecorded) }],
        };
        if (p.PerTwentyEightDays(count) is { } scaled)
        {
            var text = display + " per 28 recorded days";
            observation.Component.Add(new Observation.ComponentComponent { Code = Concept([Own(DiaryMeasureSystem, PerTwentyEightDaysCode, text)], text), Value = Days(scaled) });
        }

        return observation;
    }

    internal static Quantity ToxinQuantity(ToxinUnits units) =>
        new() { Value = Normalize(units.Units), Unit = ToxinUnitText, System = ToxinUnitSystem, Code = ToxinUnitCode };

    private static Quantity Millilitres(Volume volume) =>
        new() { Value = Normalize(volume.Millilitres), Unit = "mL", System = UcumSystem, Code = "mL" };

    private static Quantity Days(decimal days) =>
        new() { Value = Normalize(days), Unit = "d", System = UcumSystem, Code = "d" };

    /// <summary>Removes trailing zeros so that 5.00 is sent as 5 and 0.10 as 0.1.</summary>
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static FhirCoding Own(string system, string code, string display) => new(system, code, display);

    private static CodeableConcept Concept(IEnumerable<FhirCoding> codings, string? text) =>
        new() { Coding = [.. codings.Select(c => new Coding(c.System, c.Code, c.Display))], Text = text };

    private static ResourceReference Ref(FhirReference reference) => new() { Reference = reference.Reference, Display = reference.Display };

    private static void Add(Bundle bundle, string fullUrl, Resource resource)
    {
        var entry = new Bundle.EntryComponent { FullUrl = fullUrl, Resource = resource };
        if (bundle.Type == Bundle.BundleType.Transaction)
        {
            entry.Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName };
        }

        bundle.Entry.Add(entry);
    }

    private static SiteAnatomy? Resolve(SiteId site, AnatomyCatalog anatomy)
    {
        if (anatomy.TryGetSite(site, out var fixedSite))
        {
            var name = MuscleName(fixedSite.Muscle, anatomy);
            var text = fixedSite.Side == Laterality.Midline
                ? $"{name}, midline, site {fixedSite.Ordinal.ToString(CultureInfo.InvariantCulture)}"
                : $"{name}, {LateralityText.Format(fixedSite.Side)}, site {fixedSite.Ordinal.ToString(CultureInfo.InvariantCulture)}";
            return new SiteAnatomy(fixedSite.Muscle, name, fixedSite.Side, text);
        }

        if (site.TryGetFollowThePain(out var muscle, out var side))
        {
            var name = MuscleName(muscle, anatomy);
            return new SiteAnatomy(muscle, name, side, $"{name}, {LateralityText.Format(side)}, follow-the-pain");
        }

        return null;
    }

    private static string MuscleName(MuscleId muscle, AnatomyCatalog anatomy) =>
        anatomy.TryGetMuscle(muscle, out var m) ? m.Name : muscle.Value;

    private static byte[] Seed(TreatmentSession session, ImmutableArray<DiaryPeriodCounts> periods, FhirExportOptions options)
    {
        var b = new StringBuilder();
        void Part(string? s) => b.Append(s is null ? "-1:" : $"{s.Length.ToString(CultureInfo.InvariantCulture)}:{s}");
        Part(Date(session.Date));
        Part(session.Product);
        Part(session.Lot);
        Part(session.Expiry is { } e ? Date(e) : null);
        Part(session.Reconstitution?.ToString());
        foreach (var i in session.Injections)
        {
            Part(i.Site.Value);
            Part(i.Units.Hundredths.ToString(CultureInfo.InvariantCulture));
        }

        if (session.VialsOpened is { } vials)
        {
            Part("vials");
            Part(vials.ToString(CultureInfo.InvariantCulture));
        }

        Part(session.DistantSpreadAcknowledged ? "acknowledged" : "not acknowledged");
        Part("events");
        foreach (var ae in session.AdverseEvents)
        {
            Part(ae.ToString());
            Part(ae.OtherText);
        }

        Part("periods");
        foreach (var p in periods)
        {
            Part(p.ToString());
        }

        Part(options.Patient.Reference);
        Part(options.Patient.Display);
        Part(options.Performer?.Reference);
        Part(options.Performer?.Display);
        Part(options.Kind.ToString());
        return SHA256.HashData(Encoding.UTF8.GetBytes(b.ToString()));
    }

    private readonly record struct SiteAnatomy(MuscleId Muscle, string MuscleName, Laterality Side, string Text);

    /// <summary>Name-based UUIDs (RFC 9562 version 8 layout) from a content hash and a key per resource.</summary>
    private sealed class IdSource(byte[] seed)
    {
        internal string Next(string key)
        {
            var keyBytes = Encoding.UTF8.GetBytes(key);
            var input = new byte[seed.Length + keyBytes.Length];
            seed.CopyTo(input, 0);
            keyBytes.CopyTo(input, seed.Length);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(input, hash);
            hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return "urn:uuid:" + new Guid(hash[..16], bigEndian: true).ToString("D");
        }
    }

    /// <summary>Reads a Bundle, collecting every problem with its location.</summary>
    private sealed class BundleReader(Bundle bundle)
    {
        private readonly Dictionary<string, Resource> byUrl = new(StringComparer.Ordinal);

        internal List<(string Path, string Message)> Problems { get; } = [];

        internal FhirSessionRecord? Read()
        {
            FhirBundleKind kind = FhirBundleKind.Transaction;
            switch (bundle.Type)
            {
                case Bundle.BundleType.Transaction:
                    break;
                case Bundle.BundleType.Collection:
                    kind = FhirBundleKind.Collection;
                    break;
                default:
                    Problem("Bundle.type", $"expected 'transaction' or 'collection', found '{bundle.TypeElement?.JsonValue?.ToString() ?? "(none)"}'");
                    break;
            }

            for (var i = 0; i < bundle.Entry.Count; i++)
            {
                var e = bundle.Entry[i];
                if (e.Resource is null)
                {
                    Problem($"Bundle.entry[{i}]", "the entry has no resource");
                }
                else if (e.FullUrl is { } url && !byUrl.TryAdd(url, e.Resource))
                {
                    Problem($"Bundle.entry[{i}].fullUrl", $"'{url}' is used by more than one entry");
                }
            }

            var procedures = Entries<Procedure>().Where(x => HasCode(x.Resource.Code, ProcedureSystem, ChemodenervationCode)).ToList();
            if (procedures.Count != 1)
            {
                Problem("Bundle.entry", $"expected one Procedure coded {ProcedureSystem}|{ChemodenervationCode}, found {procedures.Count}");
                return null;
            }

            var (procedure, pp) = procedures[0];
            var date = ReadDate(procedure.Performed as FhirDateTime, pp + ".performedDateTime", required: true);
            var patient = ReadReference(procedure.Subject, pp + ".subject");
            var performer = procedure.Performer.Count switch
            {
                0 => null,
                1 => ReadReference(procedure.Performer[0].Actor, pp + ".performer[0].actor"),
                _ => Problem<FhirReference>(pp + ".performer", "expected at most one performer"),
            };

            var vialsOpened = ReadVialsOpened(procedure, pp);
            var acknowledged = ReadAcknowledged(procedure, pp);
            var medicationUrl = procedure.UsedReference.Count == 1 ? procedure.UsedReference[0].Reference : null;
            Medication? medication = null;
            var mp = "Bundle.entry";
            if (medicationUrl is null || !byUrl.TryGetValue(medicationUrl, out var m) || m is not Medication med)
            {
                Problem(pp + ".usedReference", "expected one reference to the Medication entry of the Bundle");
            }
            else
            {
                medication = med;
                mp = $"Bundle.entry[{bundle.Entry.FindIndex(e => ReferenceEquals(e.Resource, med))}].resource";
            }

            var injections = new List<Injection>();
            foreach (var (administration, ap) in Entries<MedicationAdministration>())
            {
                if (administration.Medication is not ResourceReference mr || mr.Reference != medicationUrl)
                {
                    Problem(ap + ".medicationReference", $"expected a reference to the session's Medication '{medicationUrl}'");
                }

                var site = ReadSite(administration.Dosage?.Site, ap + ".dosage.site");
                var units = ReadUnits(administration.Dosage?.Dose, ap + ".dosage.dose");
                if (site is { } s && units is { } u)
                {
                    injections.Add(new Injection(s, u));
                }
            }

            string? product = null, lot = null;
            DateOnly? expiry = null;
            Reconstitution? reconstitution = null;
            if (medication is not null)
            {
                product = medication.Code?.Text;
                lot = medication.Batch?.LotNumber;
                expiry = ReadDate(medication.Batch?.ExpirationDateElement, mp + ".batch.expirationDate", required: false);
                reconstitution = ReadReconstitution(medication, mp);
            }

            var periods = ReadPeriods(patient);
            var events = ReadAdverseEvents(patient, date);
            if (Problems.Count > 0 || date is null || patient is null)
            {
                return null;
            }

            try
            {
                var session = new TreatmentSession(date.Value, injections, product, lot, expiry, reconstitution).WithVialsOpened(vialsOpened).WithAdverseEvents(events).WithDistantSpreadAcknowledged(acknowledged);
                return new FhirSessionRecord(session, periods, patient, performer, kind);
            }
            catch (ArgumentException e)
            {
                Problem(mp, FhirInput.Reason(e));
                return null;
            }
        }

        private List<Sessions.AdverseEvent> ReadAdverseEvents(FhirReference? patient, DateOnly? sessionDate)
        {
            var events = new List<Sessions.AdverseEvent>();
            var administrations = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in bundle.Entry)
            {
                if (e.Resource is MedicationAdministration && e.FullUrl is { } url)
                {
                    administrations.Add(url);
                }
            }

            foreach (var (a, path) in Entries<AdverseEvent>())
            {
                if (ReadAdverseEvent(a, path, patient, administrations) is { } e)
                {
                    if (sessionDate is { } d && e.Onset < d)
                    {
                        Problem(path + ".date", $"the onset {Date(e.Onset)} is before the session date {Date(d)}: an adverse event after a session starts on its day or later");
                        continue;
                    }

                    events.Add(e);
                }
            }

            return events;
        }

        private Sessions.AdverseEvent? ReadAdverseEvent(AdverseEvent a, string path, FhirReference? patient, HashSet<string> administrations)
        {
            var before = Problems.Count;
            if (patient is not null && (a.Subject?.Reference != patient.Reference || a.Subject?.Display != patient.Display))
            {
                Problem(path + ".subject", $"expected the session's patient '{patient}'");
            }

            var coding = a.Event?.Coding.Find(c => c.System == AdverseEventSystem);
            if (coding is null || !AdverseEventTerms.TryParse(coding.Code, out var term))
            {
                Problem(path + ".event", $"expected an adverse-event term coded in {AdverseEventSystem}, found '{coding?.Code ?? "(none)"}'");
                term = default;
            }

            var text = term == AdverseEventTerm.Other ? a.Event?.Text : null;
            if (term == AdverseEventTerm.Other && string.IsNullOrWhiteSpace(text))
            {
                Problem(path + ".event.text", "an 'other' adverse event needs its description as event.text");
            }

            var onset = ReadDate(a.DateElement, path + ".date", required: true);
            var seriousCode = a.Seriousness?.Coding.Find(c => c.System == AdverseEventSeriousnessSystem)?.Code;
            var serious = seriousCode switch
            {
                "Serious" => true,
                "Non-serious" => false,
                _ => Problem<bool?>(path + ".seriousness", $"expected {AdverseEventSeriousnessSystem}|Serious or |Non-serious, found '{seriousCode ?? "(none)"}'"),
            };
            var severityCode = a.Severity?.Coding.Find(c => c.System == AdverseEventSeveritySystem)?.Code;
            if (!Sessions.AdverseEvent.TryParseSeverity(severityCode, out var severity))
            {
                Problem(path + ".severity", $"expected {AdverseEventSeveritySystem}|mild, |moderate or |severe, found '{severityCode ?? "(none)"}'");
            }

            var outcome = a.Outcome?.Coding.Find(c => c.System == AdverseEventOutcomeSystem)?.Code;
            var durations = a.Extension.FindAll(x => x.Url == AdverseEventDurationExtension);
            int? duration = null;
            if (outcome == "resolved")
            {
                if (durations.Count == 1 && durations[0].Value is Quantity { Value: { } v } q && q.System == UcumSystem && q.Code == "d" && v >= 0 && v <= Sessions.AdverseEvent.MaxDurationDays && decimal.Truncate(v) == v)
                {
                    duration = (int)v;
                }
                else
                {
                    Problem(path + ".extension", $"a resolved event needs one {AdverseEventDurationExtension} extension with valueDuration in whole days ({UcumSystem}|d, 0 to {Sessions.AdverseEvent.MaxDurationDays.ToString(CultureInfo.InvariantCulture)})");
                }
            }
            else if (outcome == "ongoing")
            {
                if (durations.Count > 0)
                {
                    Problem(path + ".extension", "an ongoing event has no duration extension");
                }
            }
            else
            {
                Problem(path + ".outcome", $"expected {AdverseEventOutcomeSystem}|resolved or |ongoing, found '{outcome ?? "(none)"}'");
            }

            SiteId? site = null;
            MuscleId? muscle = null;
            foreach (var x in a.Extension.FindAll(x => x.Url == AdverseEventLocationExtension))
            {
                var c = (x.Value as CodeableConcept)?.Coding;
                if (c?.Find(k => k.System == InjectionSiteSystem) is { } sc && SiteId.TryParse(sc.Code, out var s) && site is null)
                {
                    site = s;
                }
                else if (c?.Find(k => k.System == MuscleSystem) is { } mc && MuscleId.TryParse(mc.Code, null, out var m) && muscle is null)
                {
                    muscle = m;
                }
                else
                {
                    Problem(path + ".extension", $"expected at most one site ({InjectionSiteSystem}) and one muscle ({MuscleSystem}) in {AdverseEventLocationExtension}");
                }
            }

            if ((a.SuspectEntity.Count == 0 && administrations.Count > 0) || a.SuspectEntity.Exists(x => x.Instance?.Reference is not { } r || !administrations.Contains(r)))
            {
                Problem(path + ".suspectEntity", "expected references to the session's MedicationAdministration entries");
            }

            if (Problems.Count > before || onset is null || serious is null)
            {
                return null;
            }

            try
            {
                return term == AdverseEventTerm.Other
                    ? Sessions.AdverseEvent.Other(text!, onset.Value, duration, severity, serious.Value, site, muscle)
                    : duration is { } d
                        ? Sessions.AdverseEvent.Resolved(term, onset.Value, d, severity, serious.Value, site, muscle)
                        : Sessions.AdverseEvent.Ongoing(term, onset.Value, severity, serious.Value, site, muscle);
            }
            catch (ArgumentException ex)
            {
                return Problem<Sessions.AdverseEvent>(path, ex.Message);
            }
        }

        private bool ReadAcknowledged(Procedure procedure, string path)
        {
            var found = procedure.Extension.FindAll(e => e.Url == DistantSpreadAcknowledgedExtension);
            if (found.Count == 0)
            {
                return false;
            }

            if (found.Count > 1 || found[0].Value is not FhirBoolean { Value: true })
            {
                Problem(path + ".extension", $"expected at most one {DistantSpreadAcknowledgedExtension} extension, with valueBoolean true");
                return false;
            }

            return true;
        }

        private int? ReadVialsOpened(Procedure procedure, string path)
        {
            var found = procedure.Extension.FindAll(e => e.Url == VialsOpenedExtension);
            if (found.Count == 0)
            {
                return null;
            }

            var index = procedure.Extension.IndexOf(found[0]);
            var at = $"{path}.extension[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (found.Count > 1)
            {
                return Problem<int?>(path + ".extension", $"expected at most one {VialsOpenedExtension} extension, found {found.Count.ToString(CultureInfo.InvariantCulture)}");
            }

            return found[0].Value is UnsignedInt { Value: { } n } && n >= 0
                ? n
                : Problem<int?>(at + ".value", $"expected the number of vials opened as valueUnsignedInt (0 or more), found {found[0].Value?.TypeName ?? "no value"}");
        }

        private List<DiaryPeriodCounts> ReadPeriods(FhirReference? patient)
        {
            var headache = new List<(Observation O, string P)>();
            var migraine = new List<(Observation O, string P)>();
            foreach (var (o, op) in Entries<Observation>())
            {
                if (HasCode(o.Code, DiaryMeasureSystem, HeadacheDaysCode))
                {
                    headache.Add((o, op));
                }
                else if (HasCode(o.Code, DiaryMeasureSystem, MigraineDaysCode))
                {
                    migraine.Add((o, op));
                }
            }

            var periods = new List<DiaryPeriodCounts>();
            if (headache.Count != migraine.Count)
            {
                Problem("Bundle.entry", $"expected a migraine-days Observation for each headache-days Observation, found {headache.Count} and {migraine.Count}");
                return periods;
            }

            for (var k = 0; k < headache.Count; k++)
            {
                var h = ReadObservation(headache[k].O, headache[k].P, patient);
                var m = ReadObservation(migraine[k].O, migraine[k].P, patient);
                if (h is null || m is null)
                {
                    continue;
                }

                if (h.Value.Start != m.Value.Start || h.Value.End != m.Value.End || h.Value.Recorded != m.Value.Recorded)
                {
                    Problem(migraine[k].P, "the migraine-days Observation does not match the period and days recorded of its headache-days Observation");
                    continue;
                }

                try
                {
                    periods.Add(new DiaryPeriodCounts(h.Value.Start, h.Value.End, h.Value.Recorded, h.Value.Count, m.Value.Count));
                }
                catch (ArgumentException e)
                {
                    Problem(migraine[k].P, FhirInput.Reason(e));
                }
            }

            return periods;
        }

        private (DateOnly Start, DateOnly End, int Recorded, int Count)? ReadObservation(Observation o, string path, FhirReference? patient)
        {
            if (patient is not null && (o.Subject?.Reference != patient.Reference || o.Subject?.Display != patient.Display))
            {
                Problem(path + ".subject", $"expected the session's patient '{patient}'");
            }

            var period = o.Effective as Period;
            if (period is null)
            {
                Problem(path + ".effectivePeriod", "expected the diary period");
                return null;
            }

            var start = ReadDate(period.StartElement, path + ".effectivePeriod.start", required: true);
            var end = ReadDate(period.EndElement, path + ".effectivePeriod.end", required: true);
            var count = ReadDays(o.Value as Quantity, path + ".valueQuantity");
            var recordedComponent = o.Component.FindIndex(c => HasCode(c.Code, DiaryMeasureSystem, DaysRecordedCode));
            int? recorded = recordedComponent < 0
                ? Problem<int?>(path + ".component", $"expected a {DaysRecordedCode} component")
                : ReadDays(o.Component[recordedComponent].Value as Quantity, $"{path}.component[{recordedComponent}].valueQuantity");
            return start is null || end is null || count is null || recorded is null ? null : (start.Value, end.Value, recorded.Value, count.Value);
        }

        private int? ReadDays(Quantity? q, string path)
        {
            if (q is null || q.System != UcumSystem || q.Code != "d" || q.Value is not { } v || v < 0 || v > int.MaxValue || decimal.Truncate(v) != v)
            {
                return Problem<int?>(path, $"expected a whole number of days ({UcumSystem}|d)");
            }

            return (int)v;
        }

        private Reconstitution? ReadReconstitution(Medication medication, string path)
        {
            if (medication.Ingredient.Count == 0 || medication.Ingredient[0].Strength is not { } strength)
            {
                return null;
            }

            var vial = ReadUnits(strength.Numerator, path + ".ingredient[0].strength.numerator");
            var d = strength.Denominator;
            Volume? diluent = null;
            if (d is null || d.System != UcumSystem || d.Code != "mL" || d.Value is not { } ml || !Volume.TryFromMillilitres(ml, out var volume))
            {
                Problem(path + ".ingredient[0].strength.denominator", $"expected the diluent volume in millilitres ({UcumSystem}|mL, to 0.001 mL)");
            }
            else
            {
                diluent = volume;
            }

            if (vial is null || diluent is null)
            {
                return null;
            }

            try
            {
                return new Reconstitution(vial.Value, diluent.Value);
            }
            catch (ArgumentException e)
            {
                return Problem<Reconstitution>(path + ".ingredient[0].strength", FhirInput.Reason(e));
            }
        }

        private SiteId? ReadSite(CodeableConcept? concept, string path)
        {
            var coding = concept?.Coding.Find(c => c.System == InjectionSiteSystem);
            if (coding is null || !SiteId.TryParse(coding.Code, out var site))
            {
                return Problem<SiteId?>(path, $"expected a site id coded in {InjectionSiteSystem}, found '{coding?.Code ?? "(none)"}'");
            }

            return site;
        }

        private ToxinUnits? ReadUnits(Quantity? q, string path)
        {
            if (q is null || q.System != ToxinUnitSystem || q.Code != ToxinUnitCode)
            {
                return Problem<ToxinUnits?>(path, $"expected onabotulinumtoxinA units ({ToxinUnitSystem}|{ToxinUnitCode}); UCUM 'U' is an enzyme unit, not a toxin unit");
            }

            if (q.Value is not { } v || !ToxinUnits.TryFromUnits(v, out var units))
            {
                return Problem<ToxinUnits?>(path, $"'{q.Value}' is not a dose in units (0 or more, to 0.01 U)");
            }

            return units;
        }

        private DateOnly? ReadDate(FhirDateTime? value, string path, bool required)
        {
            if (value?.Value is null)
            {
                return required ? Problem<DateOnly?>(path, "expected a date (yyyy-MM-dd)") : null;
            }

            if (value.Value.Length != 10 || !DateOnly.TryParseExact(value.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Problem<DateOnly?>(path, $"expected a date (yyyy-MM-dd), found '{value.Value}'");
            }

            return date;
        }

        private FhirReference? ReadReference(ResourceReference? reference, string path)
        {
            if (reference is null || (reference.Reference is null && reference.Display is null))
            {
                return Problem<FhirReference>(path, "expected a reference");
            }

            try
            {
                return reference.Reference is null ? FhirReference.DisplayOnly(reference.Display!) : new FhirReference(reference.Reference, reference.Display);
            }
            catch (ArgumentException e)
            {
                return Problem<FhirReference>(path, FhirInput.Reason(e));
            }
        }

        private IEnumerable<(T Resource, string Path)> Entries<T>()
            where T : Resource
        {
            for (var i = 0; i < bundle.Entry.Count; i++)
            {
                if (bundle.Entry[i].Resource is T t)
                {
                    yield return (t, $"Bundle.entry[{i}].resource");
                }
            }
        }

        private static bool HasCode(CodeableConcept? concept, string system, string code) =>
            concept?.Coding.Exists(c => c.System == system && c.Code == code) == true;

        private void Problem(string path, string message) => Problems.Add((path, message));

        private T? Problem<T>(string path, string message)
        {
            Problem(path, message);
            return default;
        }
    }
}
