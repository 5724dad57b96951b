using System.Collections.Immutable;
using MigraineProtocol.Diaries;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Cli.Input;

/// <summary>
/// Reads the files the commands take with the library's readers (<see cref="SessionJson"/>,
/// <see cref="HistoryJson"/>, <see cref="HeadacheDiaryCsv"/>, <see cref="OutcomeCohortCsv"/>,
/// <see cref="AdverseEventCsv"/>, <see cref="SessionFhirMapper"/>), opened by <see cref="InputFiles"/>. Any
/// problem is a <see cref="CliException"/> (exit 2) naming the file and the place of every problem.
/// </summary>
internal static class RecordFiles
{
    internal static TreatmentSession ReadSession(string path) =>
        SessionJson.TryRead(InputFiles.ReadText(path, "session"), InputFiles.Show(path), out var session, out var problems) ? session : throw InputFiles.Invalid(path, "session", problems);

    internal static TreatmentHistory ReadHistory(string path) =>
        HistoryJson.TryRead(InputFiles.ReadText(path, "history"), InputFiles.Show(path), out var history, out var problems) ? history : throw InputFiles.Invalid(path, "history", problems);

    internal static HeadacheDiary ReadDiary(string path) =>
        HeadacheDiaryCsv.TryRead(InputFiles.ReadText(path, "diary"), InputFiles.Show(path), out var diary, out var problems) ? diary : throw InputFiles.Invalid(path, "diary", problems);

    internal static ImmutableArray<CohortArm> ReadCohort(string path) =>
        OutcomeCohortCsv.TryRead(InputFiles.ReadText(path, "cohort"), InputFiles.Show(path), out var arms, out var problems) ? arms : throw InputFiles.Invalid(path, "cohort", problems);

    internal static ImmutableArray<CohortAdverseEvent> ReadAdverseEvents(string path, AdverseEventCohort cohort) =>
        AdverseEventCsv.TryRead(InputFiles.ReadText(path, "events"), InputFiles.Show(path), cohort, out var events, out var problems) ? events : throw InputFiles.Invalid(path, "events", problems);

    internal static FhirSessionRecord ReadBundle(string path) =>
        SessionFhirMapper.TryRead(InputFiles.ReadText(path, "Bundle"), InputFiles.Show(path), out var record, out var problems) ? record : throw InputFiles.Invalid(path, "Bundle", problems);
}
