using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using MigraineProtocol.Definitions;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Dosing;
using MigraineProtocol.Input;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;
using MigraineProtocol.Tests.Diaries;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The edges of the serialization namespace that mutation testing (docs/quality.md, "Mutation testing")
/// showed no other test pinned: the argument checks of every writer and reader, each reader's wording for
/// a document of the wrong kind, the exact problem (path, code, message, count) for a control character, a
/// date at and past the accepted range, a citation or billing line that does not agree, an adverse event
/// before the date it follows, and the adverse-event CSV rows that break a rule together.
/// </summary>
public class SerializationEdgeTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private const string Event = """{"term": "neck-pain", "onset": "2026-01-02", "durationDays": 1, "severity": "mild", "serious": false}""";

    private static InputProblem Single(ImmutableArray<InputProblem> problems) => Assert.Single(problems);

    private static string Text(Exception e) => e.Message.Split(" (Parameter", 2)[0];

    // ---- Each reader names what it expected ----

    [Fact]
    public void EveryJsonReaderNamesTheDocumentItExpected()
    {
        Assert.False(SessionJson.TryRead("null", "s.json", out _, out var session));
        Assert.Equal("the document is null; expected a session (a JSON object).", Single(session).Message);
        Assert.False(HistoryJson.TryRead("null", "h.json", out _, out var history));
        Assert.Equal("the document is null; expected a history (a JSON object).", Single(history).Message);
        Assert.False(ReportJson.TryRead("null", "r.json", out _, out var report));
        Assert.Equal("the document is null; expected a report (a JSON object).", Single(report).Message);
        Assert.False(BatchLineJson.TryRead("null", "b.jsonl", 3, out _, out _, out var line));
        var p = Single(line);
        Assert.Equal("the document is null; expected a batch line (a JSON object).", p.Message);
        Assert.Equal(3, p.Line);
    }

    // ---- Argument checks: each writer and reader names the argument ----

    [Fact]
    public void EveryWriterRefusesNullNamingTheArgument()
    {
        (Action call, string name)[] table =
        [
            (() => SessionJson.Write(null!), "session"),
            (() => HistoryJson.Write(null!), "history"),
            (() => ProtocolJson.Write(null!), "protocol"),
            (() => BatchLineJson.Write(null!), "line"),
            (() => BatchValidation.Write(null!), "result"),
            (() => OutcomesJson.Write(null!), "outcomes"),
            (() => OutcomesJson.WriteAdverseEvents(0.95, null!), "rates"),
            (() => VerdictJson.Write((EligibilityAssessment)null!), "assessment"),
            (() => VerdictJson.Compose(null!), "write"),
            (() => _ = new BatchLine("p-1", null!), "session"),
        ];
        foreach (var (call, name) in table)
        {
            Assert.Equal(name, Assert.Throws<ArgumentNullException>(call).ParamName);
        }
    }

    [Fact]
    public void TheVerdictWritersRefuseNullNamingTheArgument()
    {
        var course = new TreatmentCourse(TestDiaries.Windows(20, 10, 10, 10), [TestDiaries.Start.AddDays(28)]);
        var verdict = NiceTa260.Stopping(course);
        Assert.Equal("course", Assert.Throws<ArgumentNullException>(() => VerdictJson.Write(null!, verdict)).ParamName);
        Assert.Equal("verdict", Assert.Throws<ArgumentNullException>(() => VerdictJson.Write(course, null!)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => VerdictJson.WritePeriod(null!, course.Baseline)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => VerdictJson.WriteVerdict(null!, verdict.Verdict)).ParamName);
        using var buffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(buffer);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => VerdictJson.WritePeriod(writer, null!)).ParamName);
        Assert.Equal("verdict", Assert.Throws<ArgumentNullException>(() => VerdictJson.WriteVerdict(writer, null!)).ParamName);
        writer.Flush();
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void BatchValidationChecksItsArgumentsBeforeReadingAnyLine()
    {
        var protocol = KnownProtocols.Preempt;
        // Validate is lazy over the lines, but its arguments are checked when it is called.
        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => BatchValidation.Validate(null!, "b.jsonl", protocol)).ParamName);
        Assert.Equal("protocol", Assert.Throws<ArgumentNullException>(() => BatchValidation.Validate(new StringReader(string.Empty), " ", null!)).ParamName);
        Assert.Equal("sourceName", Assert.Throws<ArgumentException>(() => BatchValidation.Validate(new StringReader(string.Empty), " ", protocol)).ParamName);

        Assert.Equal("protocol", Assert.Throws<ArgumentNullException>(() => BatchValidation.ValidateLine(null!, "b.jsonl", 1, null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => BatchValidation.ValidateLine(null!, "b.jsonl", 1, protocol)).ParamName);
        Assert.Equal("sourceName", Assert.Throws<ArgumentException>(() => BatchValidation.ValidateLine("{}", " ", 1, protocol)).ParamName);
        Assert.Equal("lineNumber", Assert.Throws<ArgumentOutOfRangeException>(() => BatchLineJson.TryRead("{}", "b.jsonl", 0, out _, out _, out _)).ParamName);
    }

    // ---- Batch lines and results ----

    private static string BatchLineText(TreatmentSession session) => BatchLineJson.Write(new BatchLine("p-1", session));

    [Fact]
    public void TheRulesGivenAreTheRulesUsedForEveryLine()
    {
        var missing = TreatmentSession.FromProtocol(KnownProtocols.Preempt, Day);
        missing = new TreatmentSession(missing.Date, missing.Injections.Skip(1));
        var text = BatchLineText(missing);

        Assert.Contains(BatchValidation.ValidateLine(text, "b.jsonl", 1, KnownProtocols.Preempt).Report!.Value.Violations, v => v.Code == RuleId.MissingSite);
        var none = BatchValidation.ValidateLine(text, "b.jsonl", 1, KnownProtocols.Preempt, rules: RuleSet.Empty).Report!.Value;
        Assert.Empty(none.Violations);
        Assert.True(none.IsValid);

        var lazy = Assert.Single(BatchValidation.Validate(new StringReader(text + "\n"), "b.jsonl", KnownProtocols.Preempt, rules: RuleSet.Empty));
        Assert.Empty(lazy.Report!.Value.Violations);
        Assert.Contains(Assert.Single(BatchValidation.Validate(new StringReader(text + "\n"), "b.jsonl", KnownProtocols.Preempt)).Report!.Value.Violations, v => v.Code == RuleId.MissingSite);
    }

    [Fact]
    public void AResultWithAReportHasNoProblemsPropertyAndOneWithProblemsHasNoReport()
    {
        var text = BatchLineText(TreatmentSession.FromProtocol(KnownProtocols.Preempt, Day));
        var valid = BatchValidation.Write(BatchValidation.ValidateLine(text, "b.jsonl", 4, KnownProtocols.Preempt));
        Assert.StartsWith("{\"source\":\"b.jsonl\",\"line\":4,\"patient\":\"p-1\",\"valid\":true,\"report\":{", valid, StringComparison.Ordinal);
        Assert.DoesNotContain("\"problems\"", valid, StringComparison.Ordinal);

        var bad = BatchValidation.Write(BatchValidation.ValidateLine("{\"patient\": \"p-2\"}", "b.jsonl", 5, KnownProtocols.Preempt));
        Assert.StartsWith("{\"source\":\"b.jsonl\",\"line\":5,\"problems\":[{\"line\":5,\"column\":1,", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("\"report\"", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("\"valid\"", bad, StringComparison.Ordinal);
    }

    // ---- Session JSON: control characters, paths, reconstitution time ----

    private static ImmutableArray<InputProblem> SessionProblems(string extra)
    {
        Assert.False(SessionJson.TryRead("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": 5}]" + extra + "}", "s.json", out var session, out var problems));
        Assert.Null(session);
        return problems;
    }

    [Theory]
    [InlineData(", \"product\": \"BO\\tTOX\"", "$.product", "BO\tTOX")]
    [InlineData(", \"lot\": \"C12\\u00073\"", "$.lot", "C12\u00073")]
    [InlineData(", \"lot\": \"C123\\n\"", "$.lot", "C123\n")]
    public void AControlCharacterInAFreeTextFieldIsOneProblemAtItsPath(string extra, string path, string value)
    {
        var p = Single(SessionProblems(extra));
        Assert.Equal(path, p.Location);
        Assert.Equal(InputProblemCodes.InvalidValue, p.Code);
        Assert.Equal($"the text {InputProblem.Quote(value)} holds a control character (a line break, tab or escape); write it on one line.", p.Message);
    }

    [Fact]
    public void ABlankLotIsAProblemAtTheLotPath()
    {
        var p = Single(SessionProblems(", \"lot\": \" \""));
        Assert.Equal("$.lot", p.Location);
        Assert.Equal("the text must not be empty or white space; leave the property out instead.", p.Message);
    }

    [Fact]
    public void ANegativeVialIsOneProblemAtTheVialUnitsPath()
    {
        var p = Single(SessionProblems(", \"reconstitution\": {\"vialUnits\": -1, \"diluentMl\": 2}"));
        Assert.Equal("$.reconstitution.vialUnits", p.Location);
        Assert.Equal(InputProblemCodes.InvalidValue, p.Code);
        Assert.Equal($"-1 is not a valid amount of toxin units: it must be 0 to {ToxinUnits.MaxValue.ToString("N", null)} with at most two decimal places.", p.Message);
    }

    [Theory]
    [InlineData("1900-01-01T00:00")]
    [InlineData("2999-12-31T23:59")]
    [InlineData("2026-03-02T08:15")]
    public void AReconstitutionTimeOnTheAcceptedDatesReads(string at)
    {
        var s = SessionJson.Read("{\"date\": \"2026-03-02\", \"injections\": [], \"reconstitutedAt\": \"" + at + "\"}", "s.json");
        Assert.Equal(DateTime.ParseExact(at, "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), s.ReconstitutedAt);
    }

    [Theory]
    [InlineData("1899-12-31T23:59", InputProblemCodes.LimitExceeded, "'1899-12-31T23:59' is outside the dates the library accepts, 1900-01-01 to 2999-12-31.")]
    [InlineData("3000-01-01T00:00", InputProblemCodes.LimitExceeded, "'3000-01-01T00:00' is outside the dates the library accepts, 1900-01-01 to 2999-12-31.")]
    [InlineData("2026-03-02 08:15", InputProblemCodes.InvalidValue, "'2026-03-02 08:15' is not a local date and time; write it as 'yyyy-MM-ddTHH:mm' (for example '2026-03-02T09:30').")]
    [InlineData("2026-03-02T25:00", InputProblemCodes.InvalidValue, "'2026-03-02T25:00' is not a local date and time; write it as 'yyyy-MM-ddTHH:mm' (for example '2026-03-02T09:30').")]
    public void AReconstitutionTimeOutsideTheDatesOrMalformedIsOneProblem(string at, string code, string message)
    {
        var p = Single(SessionProblems(", \"reconstitutedAt\": \"" + at + "\""));
        Assert.Equal("$.reconstitutedAt", p.Location);
        Assert.Equal(code, p.Code);
        Assert.Equal(message, p.Message);
    }

    [Fact]
    public void AnEventBeforeASessionIsOnlyCheckedAgainstADateThatRead()
    {
        // The session date is out of range: that is the one problem; the event is not compared with it.
        Assert.False(SessionJson.TryRead("{\"date\": \"3000-01-01\", \"injections\": [], \"adverseEvents\": [" + Event + "]}", "s.json", out _, out var problems));
        var p = Single(problems);
        Assert.Equal("$.date", p.Location);
        Assert.Equal(InputProblemCodes.LimitExceeded, p.Code);
    }

    // ---- History JSON ----

    private static string Administration(string date, string events) =>
        "{\"administrations\": [{\"date\": \"" + date + "\", \"units\": 155, \"indication\": \"chronic-migraine\", \"adverseEvents\": [" + events + "]}]}";

    [Fact]
    public void AnEventBeforeItsAdministrationIsOneProblemAtItsOnset()
    {
        Assert.False(HistoryJson.TryRead(Administration("2026-01-10", Event), "h.json", out var history, out var problems));
        Assert.Null(history);
        var p = Single(problems);
        Assert.Equal("$.administrations[0].adverseEvents[0].onset", p.Location);
        Assert.Equal("'2026-01-02' is before the date it follows, 2026-01-10: an adverse event after an administration starts on its day or later.", p.Message);
    }

    [Fact]
    public void AnAdministrationOutsideTheDatesIsOneProblemAndItsEventsAreNotComparedWithIt()
    {
        Assert.False(HistoryJson.TryRead(Administration("3000-01-01", Event), "h.json", out var history, out var problems));
        Assert.Null(history);
        var p = Single(problems);
        Assert.Equal("$.administrations[0].date", p.Location);
        Assert.Equal(InputProblemCodes.LimitExceeded, p.Code);
    }

    [Fact]
    public void AnEventOnItsAdministrationDayReads()
    {
        var h = HistoryJson.Read(Administration("2026-01-02", Event), "h.json");
        Assert.Equal(AdverseEventTerm.NeckPain, Assert.Single(Assert.Single(h.Administrations).AdverseEvents).Term);
    }

    // ---- Report JSON: the cumulative policy, citations, billing lines ----

    private static ValidationReport ReconciledReport()
    {
        var s = TreatmentSession.FromProtocol(KnownProtocols.Preempt, Day);
        return RuleSet.Default.Validate(KnownProtocols.Preempt, new TreatmentSession(s.Date, s.Injections.Skip(1), "BOTOX", reconstitution: Reconstitution.Vial100In2Ml).WithVialsOpened(2));
    }

    private static InputProblem ReportProblem(Action<JsonNode> tamper)
    {
        var node = JsonNode.Parse(ReportJson.Write(ReconciledReport()))!;
        tamper(node);
        Assert.False(ReportJson.TryRead(node.ToJsonString(), "r.json", out _, out var problems));
        return Single(problems);
    }

    [Fact]
    public void ARollingCalendarMonthsReportRoundTrips()
    {
        var options = new ValidationOptions(0, ToxinUnits.FromUnits(400), 3, CumulativeWindowPolicy.RollingCalendarMonths);
        var report = RuleSet.Default.Validate(KnownProtocols.Preempt, TreatmentSession.FromProtocol(KnownProtocols.Preempt, Day), null, options);
        var json = ReportJson.Write(report);
        Assert.Contains("\"cumulativePolicy\": \"rolling-calendar-months\"", json, StringComparison.Ordinal);
        var back = ReportJson.Read(json, "r.json");
        Assert.Equal(report, back);
        Assert.Equal(CumulativeWindowPolicy.RollingCalendarMonths, back.Cumulative.Policy);
    }

    [Fact]
    public void AnUnknownCumulativePolicyIsAProblem()
    {
        var p = ReportProblem(n => n["cumulativePolicy"] = "weekly");
        Assert.Equal("$.cumulativePolicy", p.Location);
        Assert.Equal("'weekly' is not a cumulative policy: treatment-cycle or rolling-calendar-months.", p.Message);
    }

    [Theory]
    [InlineData("verification", "checked", "$.diagnostics[0].source.verification", "'checked' is not a verification level; use 'verified', 'verified-2nd' or 'unverified'.")]
    [InlineData("source", " ", "$.diagnostics[0].source", "a citation needs a non-empty source and locator.")]
    [InlineData("locator", "", "$.diagnostics[0].source", "a citation needs a non-empty source and locator.")]
    public void ADiagnosticCitationThatIsNotOneIsAProblem(string field, string value, string path, string message)
    {
        var p = ReportProblem(n => n["diagnostics"]![0]!["source"]![field] = value);
        Assert.Equal(path, p.Location);
        Assert.Equal(InputProblemCodes.InvalidValue, p.Code);
        Assert.Equal(message, p.Message);
    }

    public static TheoryData<string> BillingLineTampering() => ["system", "code", "modifier", "quantity", "description", "extra line", "missing line"];

    [Theory]
    [MemberData(nameof(BillingLineTampering))]
    public void BillingLinesThatDoNotFollowFromTheVialsAreAProblem(string change)
    {
        var p = ReportProblem(n =>
        {
            var lines = n["reconciliation"]!["lines"]!.AsArray();
            Assert.Equal(3, lines.Count); // 64615 and two J0585 lines: a change to the first leaves two that agree
            var first = lines[0]!;
            switch (change)
            {
                case "system": first["system"] = "urn:other"; break;
                case "code": first["code"] = "64616"; break;
                case "modifier": first["modifier"] = "XX"; break;
                case "quantity": first["quantity"] = first["quantity"]!.GetValue<decimal>() + 1; break;
                case "description": first["description"] = "another line"; break;
                case "extra line": lines.Add(lines[2]!.DeepClone()); break;
                default: lines.RemoveAt(2); break;
            }
        });
        Assert.Equal("$.reconciliation", p.Location);
        Assert.Equal("the units opened, units discarded or billing lines do not follow from the vials and units administered.", p.Message);
    }

    // ---- Protocol JSON ----

    [Fact]
    public void AProtocolWithoutFollowThePainIsWrittenWithoutTheProperty()
    {
        var fixedOnly = KnownProtocols.Preempt.ToBuilder().WithId(ProtocolId.From("clinic-fixed"), "Fixed sites only").ClearFollowThePain().Build();
        var json = ProtocolJson.Write(fixedOnly);
        Assert.DoesNotContain("followThePain", json, StringComparison.Ordinal);
        var back = Assert.Single(ProtocolJson.Read(json, "p.json"));
        Assert.False(back.AllowsFollowThePain);
        Assert.Contains("\"followThePain\"", ProtocolJson.Write(KnownProtocols.Preempt), StringComparison.Ordinal);
    }

    [Fact]
    public void ADefinitionFileWithoutProtocolsDefinesNone()
    {
        Assert.True(ProtocolJson.TryRead("{}", "d.json", out var protocols, out var problems));
        Assert.Empty(protocols);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ProblemsWithNoSourceNameAreReportedUnderInput(string? sourceName)
    {
        Assert.False(ProtocolJson.TryRead(null!, sourceName!, out var none, out var problems));
        Assert.Empty(none);
        var p = Single(problems);
        Assert.Equal("input", p.Source);
        Assert.Equal(InputProblemCodes.JsonSyntax, p.Code);
        Assert.Equal("no text was given; expected a definition file.", p.Message);

        Assert.False(ProtocolJson.TryRead("{\"protocols\": 5}", sourceName!, out _, out var bad));
        Assert.All(bad, q => Assert.Equal("input", q.Source));
    }

    // ---- Outcomes JSON ----

    [Theory]
    [InlineData(7.9e28)]
    [InlineData(-7.9e28)]
    public void RoundRefusesTheDecimalRangeFromItsStatedBound(double value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => OutcomesJson.Round(value));
        Assert.Equal("value", e.ParamName);
        Assert.Equal("A statistic written with 6 decimals must be a finite number below 7.9e28 in magnitude.", Text(e));
        Assert.Equal(78_900_000_000_000_000_000_000_000_000m, OutcomesJson.Round(7.89e28));
    }

    private static ArmComparison EqualRatesAt(double level)
    {
        CohortArm Arm(string name) => new(name, [new PatientOutcome(20, 5), new PatientOutcome(20, 18)], [name + "-1", name + "-2"]);
        return CohortOutcomes.Summarize([Arm("a"), Arm("b")], ResponderThreshold.Percent50, level).Compare("a", "b").Comparison!;
    }

    private static JsonElement NntInterval(double level)
    {
        var outcomes = CohortOutcomes.Summarize(
            [new CohortArm("a", [new PatientOutcome(20, 5), new PatientOutcome(20, 18)], ["a-1", "a-2"]), new CohortArm("b", [new PatientOutcome(20, 5), new PatientOutcome(20, 18)], ["b-1", "b-2"])],
            ResponderThreshold.Percent50,
            level).Compare("a", "b");
        return JsonDocument.Parse(OutcomesJson.Write(outcomes)).RootElement.GetProperty("comparison").GetProperty("numberNeededToTreatCi").Clone();
    }

    [Fact]
    public void AnEmptySideOfTheNumberNeededToTreatIntervalIsWrittenAsNull()
    {
        // Equal rates at a confidence level so small that z is 0: the risk-difference interval is [0, 0], so
        // neither a benefit nor a harm side exists (Altman; NumberNeededToTreatInterval remarks).
        var c = EqualRatesAt(1e-300);
        Assert.Null(c.NumberNeededToTreat);
        Assert.True(c.NumberNeededToTreatInterval.CrossesZero);
        Assert.Null(c.NumberNeededToTreatInterval.BenefitFrom);
        Assert.Null(c.NumberNeededToTreatInterval.HarmFrom);
        var ci = NntInterval(1e-300);
        Assert.Equal(["method", "crossesZero", "benefitFrom", "harmFrom"], ci.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, ci.GetProperty("benefitFrom").ValueKind);
        Assert.Equal(JsonValueKind.Null, ci.GetProperty("harmFrom").ValueKind);
    }

    [Fact]
    public void ANumberNeededToTreatFrom1e15IsWrittenAsARoundTripDouble()
    {
        // A risk-difference bound within rounding of 0 gives a number needed to treat of 10^15 or more:
        // written as the double itself, not rounded to 6 decimals (OutcomesJson.Round remarks).
        var c = EqualRatesAt(1e-15);
        var benefit = c.NumberNeededToTreatInterval.BenefitFrom!.Value;
        var harm = c.NumberNeededToTreatInterval.HarmFrom!.Value;
        Assert.True(benefit >= 1e15, benefit.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(harm >= 1e15, harm.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        var ci = NntInterval(1e-15);
        Assert.Equal(benefit, ci.GetProperty("benefitFrom").GetDouble());
        Assert.Equal(harm, ci.GetProperty("harmFrom").GetDouble());
    }

    // ---- Verdict JSON ----

    [Fact]
    public void ACycleWithNoBaselineHeadacheWritesANullReduction()
    {
        var course = new TreatmentCourse(TestDiaries.Windows(0, 0, 0, 0), [TestDiaries.Start.AddDays(28)]);
        using var doc = JsonDocument.Parse(VerdictJson.Write(course, NiceTa260.Stopping(course)));
        var cycle = doc.RootElement.GetProperty("cycles")[0];
        Assert.Equal(JsonValueKind.Null, cycle.GetProperty("reduction").ValueKind);
        Assert.Equal(["number", "start", "end", "window", "headacheDaysChange", "reduction", "responder"], cycle.EnumerateObject().Select(p => p.Name).Take(7));
        Assert.Equal("not-assessed", cycle.GetProperty("responder").GetString());
    }

    // ---- Adverse-event CSV ----

    [Fact]
    public void ACohortAdverseEventChecksItsArguments()
    {
        Assert.Equal(1, new CohortAdverseEvent("P001", AdverseEventTerm.NeckPain, 1).Line);
        Assert.Equal("patientId", Assert.Throws<ArgumentException>(() => new CohortAdverseEvent(" ", AdverseEventTerm.NeckPain, 2)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CohortAdverseEvent("P001", AdverseEventTerm.NeckPain, 0));
        Assert.Equal("line", e.ParamName);
        Assert.Equal("Line 0 must be at least 1.", Text(e));
    }

    [Fact]
    public void NoTextIsOneProblem()
    {
        Assert.False(AdverseEventCsv.TryRead(null!, "e.csv", out var events, out var problems));
        Assert.Empty(events);
        var p = Single(problems);
        Assert.Equal(InputProblemCodes.CsvSyntax, p.Code);
        Assert.Equal("no text was given.", p.Message);
    }

    [Theory]
    [InlineData("patient_id,term\nP001\n", "2:1:", "expected 2 fields as in the header, found 1.")]
    [InlineData("term,patient_id\nneck-pain\n", "2:1:", "expected 2 fields as in the header, found 1.")]
    [InlineData("patient_id,term\nP\u00011,neck-pain\n", "2:1: patient_id:", "patient_id 'P\\u00011' holds a control character.")]
    [InlineData("patient_id,term\n\"\t\",neck-pain\n", "2:1: patient_id:", "the patient id is empty.")]
    [InlineData("patient_id,term\n\"  \",neck-pain\n", "2:1: patient_id:", "the patient id is empty.")]
    public void ABadRowIsOneProblemNeverACrash(string text, string place, string message)
    {
        Assert.False(AdverseEventCsv.TryRead(text, "e.csv", out var events, out var problems));
        Assert.Empty(events);
        var p = Single(problems);
        Assert.Equal($"e.csv:{place} {message}", p.ToString());
    }

    [Fact]
    public void AnEmptyIdAndABadTermOnOneRowAreTwoProblems()
    {
        Assert.False(AdverseEventCsv.TryRead("patient_id,term\n,rash\n", "e.csv", out var events, out var problems));
        Assert.Empty(events);
        Assert.Equal(
            ["e.csv:2:1: patient_id: the patient id is empty.", $"e.csv:2:2: term: 'rash' is not an adverse-event term; use one of {AdverseEventTerms.CodeList} ('inflammation' is not a labelled term)."],
            problems.Select(p => p.ToString()));
    }
}
