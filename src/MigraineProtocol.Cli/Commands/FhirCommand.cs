using System.CommandLine;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Fhir.Diaries;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>migraine-protocol fhir export SESSION.json [--patient REF] [--performer REF] [--bundle transaction|collection]
/// [--diary DIARY.csv [--periods 28-day|calendar-month]]</c> writes the session (and the diary periods) as a FHIR R4 Bundle; <c>migraine-protocol fhir import BUNDLE.json</c> reads one back
/// and writes the session JSON.
/// </summary>
internal static class FhirCommand
{
    /// <summary>The subject text when no <c>--patient</c> is given (a display-only reference: FHIR requires a subject).</summary>
    internal const string UnidentifiedPatient = "patient not identified";

    internal static Command Create(CliIo io) => new("fhir", "Exchange sessions with EHRs as FHIR R4: export a session to a Bundle, import a Bundle to a session.")
    {
        Export(io),
        Import(io),
    };

    private static Command Export(CliIo io)
    {
        var session = new Argument<string>("SESSION.json") { Description = "The session file: {\"date\", \"injections\": [{\"site\", \"units\"}], \"product\"?, \"lot\"?, \"expiry\"?, \"reconstitution\"?: {\"vialUnits\", \"diluentMl\"}, \"vials\"?, \"adverseEvents\"?} (docs/json-formats.md); adverse events become AdverseEvent resources." };
        var patient = Reference(new Option<string?>("--patient") { Description = $"The patient reference, for example 'Patient/123' (default: a display-only reference '{UnidentifiedPatient}')." });
        var performer = Reference(new Option<string?>("--performer") { Description = "The performer reference, for example 'Practitioner/7' (default: none)." });
        var bundle = CommonOptions.Choice(new Option<string>("--bundle"), "The Bundle type ('transaction' is ready to POST)", ["transaction", "collection"]);
        var diary = new Option<string?>("--diary") { Description = "A headache diary CSV (as for the 'diary' command): its periods go into the Bundle as headache-days and migraine-days Observations." };
        var periods = DiaryInput.Periods(Diaries.PeriodKind.TwentyEightDays);
        var command = new Command("export", "Write a session as a FHIR R4 Bundle (JSON) on standard output: a Procedure, the Medication, a BodyStructure per site, a MedicationAdministration per injection and, with --diary, two Observations per diary period.")
        {
            session, patient, performer, bundle, diary, periods,
        };
        command.Options.Add(CommonOptions.Definitions);
        command.Validators.Add(r =>
        {
            if (r.GetValue(diary) is null && r.GetResult(periods) is { Implicit: false })
            {
                r.AddError("--periods needs --diary DIARY.csv.");
            }
        });
        command.SetAction(result =>
        {
            var kind = result.GetValue(bundle) == "collection" ? FhirBundleKind.Collection : FhirBundleKind.Transaction;
            var periodKind = DiaryInput.Kind(result, periods);
            var diaryPath = result.GetValue(diary);

            var options = new FhirExportOptions(
                result.GetValue(patient) is { } p ? new FhirReference(p) : FhirReference.DisplayOnly(UnidentifiedPatient),
                result.GetValue(performer) is { } w ? new FhirReference(w) : null,
                kind: kind,
                anatomy: CommonOptions.Catalog(result).Anatomy);
            var s = RecordFiles.ReadSession(result.GetValue(session)!);
            var counts = diaryPath is null ? [] : DiaryPeriodCounts.FromDiary(RecordFiles.ReadDiary(diaryPath), periodKind);
            var json = FhirJson.Serialize(SessionFhirMapper.ToBundle(s, options, counts));
            io.Out.Write(json);
            io.Out.Write('\n');
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import(CliIo io)
    {
        var file = new Argument<string>("BUNDLE.json") { Description = "A FHIR R4 Bundle written by 'fhir export' (or shaped like one)." };
        var command = new Command("import", "Read a FHIR R4 Bundle and write the session JSON on standard output.")
        {
            file,
        };
        command.SetAction(result =>
        {
            var record = RecordFiles.ReadBundle(result.GetValue(file)!);
            io.Out.Write(SessionJson.Write(record.Session));
            io.Out.Write('\n');
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A reference option: the parser refuses text that is not a FHIR reference.</summary>
    private static Option<string?> Reference(Option<string?> option) => option.Check(text =>
    {
        try
        {
            _ = new FhirReference(text!);
            return null;
        }
        catch (ArgumentException)
        {
            return $"{option.Name} {CommonOptions.Quote(text!)}: not a FHIR reference; use a reference such as 'Patient/123' (no spaces).";
        }
    });
}
