using System.Text;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Definitions;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Dosing;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rendering;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Fuzz;

/// <summary>
/// One target per reader. Each reads the input with the library's <c>TryRead</c> and, when it reads,
/// does what the command-line tool does with it (validate, report, map, plan, verdicts, statistics) and
/// checks the round trip. Any exception that escapes is a finding: a reader must return problems or a value.
/// </summary>
public static class FuzzTargets
{
    /// <summary>Gets the targets by name.</summary>
    public static IReadOnlyDictionary<string, Action<string>> All { get; } = new Dictionary<string, Action<string>>(StringComparer.Ordinal)
    {
        ["session"] = Session,
        ["history"] = History,
        ["definitions"] = Definitions,
        ["diary"] = Diary,
        ["cohort"] = Cohort,
        ["adverse-events"] = AdverseEvents,
        ["fhir"] = Fhir,
        ["cds-hooks"] = CdsHooksRequest,
    };



    /// <summary>Decodes fuzzer bytes: UTF-8, or UTF-16 when the input starts with 0xFF 0xFE (so lone surrogates are reachable).</summary>
    /// <param name="bytes">The input.</param>
    /// <returns>The text.</returns>
    public static string Decode(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE
            ? new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(bytes[2..(2 + ((bytes.Length - 2) / 2 * 2))]))
            : Encoding.UTF8.GetString(bytes);

    private static void Session(string text)
    {
        if (!SessionJson.TryRead(text, "fuzz.json", out var session, out var problems))
        {
            Touch(problems);
            return;
        }

        _ = session.ToString();
        Check(SessionJson.Read(SessionJson.Write(session), "again.json").Equals(session), "session round trip");
        foreach (var protocol in Catalogs.Default.Protocols)
        {
            var report = RuleSet.Default.Validate(protocol, session);
            _ = report.ToString();
            Check(ReportJson.TryRead(ReportJson.Write(report), "report.json", out _, out _), "report round trip");
            var overlay = SessionOverlay.FromReport(protocol, session, report);
            _ = SiteMap.Render(protocol, MapView.Front, new SiteMapOptions { Overlay = overlay });
        }
    }

    private static void History(string text)
    {
        if (!HistoryJson.TryRead(text, "fuzz.json", out var history, out var problems))
        {
            Touch(problems);
            return;
        }

        _ = history.ToString();
        Check(HistoryJson.Read(HistoryJson.Write(history), "again.json").Administrations.Length == history.Administrations.Length, "history round trip");
        foreach (var a in history.Administrations.Take(3))
        {
            var session = TreatmentSession.FromProtocol(KnownProtocols.Preempt, a.Date);
            _ = RuleSet.Default.Validate(KnownProtocols.Preempt, session, history).ToString();
        }
    }

    private static void Definitions(string text)
    {
        if (!Catalogs.TryLoad([DefinitionFile.FromJson("fuzz.json", text)], out var catalog, out var problems))
        {
            Touch(problems);
            return;
        }

        foreach (var protocol in catalog.Protocols.Take(4))
        {
            _ = protocol.ToString();
            if (ProtocolPlan.TryCreate(protocol, Reconstitution.Vial100In2Ml, out var plan))
            {
                _ = plan.ToString();
            }

            _ = SiteMap.Render(protocol, MapView.All);
            var session = TreatmentSession.FromProtocol(protocol, new DateOnly(2026, 3, 2));
            _ = RuleSet.Default.Validate(protocol, session).ToString();
            Check(ProtocolJson.TryRead(ProtocolJson.Write(protocol), "again.json", out _, out _) || !ReferenceEquals(protocol.Anatomy, Catalogs.Default.Anatomy), "protocol round trip");
        }
    }

    private static void Diary(string text)
    {
        if (!HeadacheDiaryCsv.TryRead(text, "fuzz.csv", out var diary, out var problems))
        {
            Touch(problems);
            return;
        }

        using var writer = new StringWriter();
        HeadacheDiaryCsv.Write(diary, writer);
        Check(HeadacheDiaryCsv.Read(writer.ToString(), "again.csv").Equals(diary), "diary round trip");
        foreach (var kind in new[] { PeriodKind.TwentyEightDays, PeriodKind.CalendarMonth })
        {
            _ = diary.Periods(kind).ToString();
            _ = ChronicMigraineCriteria.Evaluate(diary, kind).ToString();
            _ = MedicationOveruseCriteria.Evaluate(diary, MedicationOveruseThresholds.Verified, kind).ToString();
            var input = new EligibilityInput(3, true, true);
            _ = NiceTa260.Start(diary, input, kind).ToString();
            _ = UsLabel.Indication(diary, input, kind).ToString();
            if (diary.SpanDays > 1)
            {
                // A course needs a baseline: its first session comes after the diary's start (documented ArgumentException otherwise).
                var course = new TreatmentCourse(diary, [diary.Start.AddDays(1), diary.End.AddDays(84)]);
                _ = NiceTa260.Stopping(course, kind).ToString();
            }
        }
    }

    private static void Cohort(string text)
    {
        if (!OutcomeCohortCsv.TryRead(text, "fuzz.csv", out var arms, out var problems))
        {
            Touch(problems);
            return;
        }

        foreach (var method in IntervalMethods.ForProportions)
        {
            var report = CohortOutcomes.Summarize(arms, ResponderThreshold.Percent50, 0.95, method);
            if (arms.Length > 1)
            {
                report = report.Compare(arms[0].Name, arms[1].Name);
            }

            using var writer = new StringWriter();
            writer.Write(OutcomesJson.Write(report));
            OutcomesText.Write(writer, "fuzz.csv", report);
        }
    }

    private static void AdverseEvents(string text)
    {
        var cohort = new AdverseEventCohort();
        for (var i = 1; i <= 30; i++)
        {
            cohort.AddPatient($"P{i:000}", i % 2 == 0 ? "placebo" : "onabotulinumtoxinA");
        }

        Check(AdverseEventCsv.TryRead(text, "fuzz.csv", out var loose, out var looseProblems) || !looseProblems.IsEmpty, "a failed read lists problems");
        if (!AdverseEventCsv.TryRead(text, "fuzz.csv", cohort, out var events, out var problems))
        {
            Touch(problems);
            return;
        }

        Check(loose.Length == events.Length, "the cohort check only adds problems");
        var again = new StringBuilder(AdverseEventCsv.Header).Append('\n');
        foreach (var e in events)
        {
            again.Append('"').Append(e.PatientId.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",").Append(AdverseEventTerms.Code(e.Term)).Append('\n');
            cohort.AddEvent(e.PatientId, AdverseEventTerms.Code(e.Term));
        }

        Check(AdverseEventCsv.Read(again.ToString(), "again.csv", cohort).Select(e => (e.PatientId, e.Term)).SequenceEqual(events.Select(e => (e.PatientId, e.Term))), "events round trip");
        var rates = cohort.Rates(0.95);
        using var writer = new StringWriter();
        writer.Write(OutcomesJson.WriteAdverseEvents(0.95, rates));
        AdverseEventsText.Write(writer, "cohort.csv", "fuzz.csv", 0.95, rates);
    }

    private static void Fhir(string text)
    {
        if (!SessionFhirMapper.TryRead(text, "fuzz.json", out var record, out var problems))
        {
            Touch(problems);
            return;
        }

        _ = SessionJson.Write(record.Session);
    }

    /// <summary>
    /// A CDS Hooks request body (both hooks) and a feedback body, read as the service reads them; when a request
    /// reads, the cards are computed as the service does, with the FHIR server left out (no network).
    /// Invalid UTF-8 is reachable: every U+FFFD of the text is also tried as a raw 0xFF byte.
    /// </summary>
    private static void CdsHooksRequest(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var bodies = text.Contains('\uFFFD', StringComparison.Ordinal)
            ? new[] { utf8, [.. Encoding.UTF8.GetBytes(text.Replace('\uFFFD', '\u0001')).Select(b => b == 1 ? (byte)0xFF : b)] }
            : [utf8];
        var today = new DateOnly(2026, 3, 30);
        foreach (var body in bodies)
        {
            foreach (var hook in new[] { "order-sign", "patient-view" })
            {
                var read = CdsHooks.Protocol.CdsRequestReader.TryRead(body, hook, hook == "order-sign", 32, out var request, out var problems);
                Check(read == problems.IsEmpty, "a request or problems, never both");
                if (!read)
                {
                    Touch(problems);
                    continue;
                }

                Check(request!.Hook == hook, "the hook read is the service's");
                var offline = new CdsHooks.Protocol.CdsRequest { Hook = request.Hook, HookInstance = request.HookInstance, PatientId = request.PatientId, UserId = request.UserId, DraftOrders = request.DraftOrders, Prefetch = request.Prefetch };
                CdsHooks.Records.PatientRecord record;
                try
                {
                    record = Cds.Loader.LoadAsync(offline, CancellationToken.None).GetAwaiter().GetResult();
                }
                catch (CdsHooks.Protocol.RequestProblem p) when (p.Status == 412)
                {
                    continue;
                }

                if (hook == "order-sign")
                {
                    var index = 0;
                    foreach (var order in Cds.Cards.Orders(request.DraftOrders!, today))
                    {
                        _ = Cds.Cards.ForOrder($"{request.HookInstance}|{index++}", order, record).ToList();
                    }
                }
                else
                {
                    _ = Cds.Cards.ForPatient(request.HookInstance, record, today);
                }
            }

            try
            {
                _ = CdsHooks.Protocol.CdsRequestReader.ReadFeedback(body, 32);
            }
            catch (CdsHooks.Protocol.RequestProblem p)
            {
                Touch(p.Problems);
            }
        }
    }

    /// <summary>
    /// The CDS Hooks service's parts, made on first use inside a run: instrumented code must not run before
    /// SharpFuzz has set up AFL++'s shared memory (a static initializer of <see cref="FuzzTargets"/> would).
    /// </summary>
    private static class Cds
    {
        internal static readonly CdsHooks.CdsHooksOptions Options = new();
        internal static readonly CdsHooks.Records.ToxinRecognizer Recognizer = new(Options.CodeMap, Options.OtherToxinCodes);
        internal static readonly CdsHooks.Cards.ProtocolCards Cards = new(Options.Protocol, Recognizer);
#pragma warning disable CA2000 // one client for the process; the fuzz target never lets it reach the network (no fhirServer)
        internal static readonly CdsHooks.Records.RecordLoader Loader = new(Recognizer, new HttpClient(), TimeSpan.FromSeconds(1), false, Options.ChronicMigraineReasonCodes);
#pragma warning restore CA2000
    }

    private static void Touch(System.Collections.Immutable.ImmutableArray<Input.InputProblem> problems)
    {
        Check(!problems.IsEmpty, "a failed read lists at least one problem");
        foreach (var p in problems)
        {
            var line = p.ToString();
            Check(!line.Contains('\n', StringComparison.Ordinal) && !line.Contains('\u001b', StringComparison.Ordinal), "a problem is one line without control characters");
            Check(!line.Contains("System.", StringComparison.Ordinal) && !line.Contains("(Parameter", StringComparison.Ordinal), "no .NET wording in a problem");
        }
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Contract broken: " + what);
        }
    }
}
