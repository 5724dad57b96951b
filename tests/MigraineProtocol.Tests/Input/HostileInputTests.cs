using FsCheck;
using FsCheck.Xunit;
using FsCheck.Fluent;
using MigraineProtocol.Definitions;
using MigraineProtocol.Diaries;
using MigraineProtocol.Dosing;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Input;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Protocols;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Input;

/// <summary>
/// Regression tests for the hostile inputs of issue 12 (found by fuzzing): each reader returns problems
/// or a value, never an exception, and what it accepts never breaks what the tool does next.
/// </summary>
public class HostileInputTests
{
    private const string Cite = """{"source": "S1", "locator": "x", "verification": "unverified"}""";

    public static TheoryData<string> NullsInDefinitionArrays() =>
    [
        """{"sites": [null]}""",
        """{"regions": [null]}""",
        """{"muscles": [null]}""",
        """{"protocols": [null]}""",
        """{"regions": [{"id": "jaw", "name": "Jaw", "muscles": [null]}]}""",
        $$"""{"protocols": [{"id": "p", "name": "P", "description": "d", "retreatmentIntervalDays": 84, "sources": [null], "sites": [{"site": "procerus", "units": 5}]}]}""",
        $$"""{"protocols": [{"id": "p", "name": "P", "description": "d", "retreatmentIntervalDays": 84, "sources": [{{Cite}}], "sites": [null]}]}""",
        $$"""{"sites": [{"id": "procerus", "muscle": "procerus", "side": "midline", "ordinal": 1, "landmark": {"description": "x", "source": {{Cite}}}, "drawing": [null]}]}""",
    ];

    [Theory]
    [MemberData(nameof(NullsInDefinitionArrays))]
    public void NullInAnyDefinitionArrayIsAProblem(string json)
    {
        Assert.False(Catalogs.TryLoad([DefinitionFile.FromJson("d.json", json)], out _, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal((InputProblemCodes.WrongType, 1), (problem.Code, problem.Line));
        Assert.Contains("null is not allowed here", problem.Message, StringComparison.Ordinal);
        Assert.False(ProtocolJson.TryRead(json, "d.json", out _, out _));
    }

    [Theory]
    [InlineData("""{"date": "9999-12-31", "injections": []}""", "$.date")]
    [InlineData("""{"date": "2026-03-02", "injections": [], "expiry": "9999-12-31"}""", "$.expiry")]
    [InlineData("""{"date": "0001-01-01", "injections": []}""", "$.date")]
    public void DatesNearTheCalendarsEndsAreProblemsInSessions(string json, string path)
    {
        Assert.False(SessionJson.TryRead(json, "s.json", out _, out var problems));
        Assert.Equal((InputProblemCodes.LimitExceeded, path), (problems[0].Code, problems[0].Location));
    }

    [Fact]
    public void DatesNearTheCalendarsEndsAreProblemsInHistoriesAndDiaries()
    {
        Assert.False(HistoryJson.TryRead("""{"administrations": [{"date": "9999-12-31", "units": 155, "indication": "chronic-migraine"}]}""", "h.json", out _, out var problems));
        Assert.Equal(InputProblemCodes.LimitExceeded, Assert.Single(problems).Code);
        Assert.False(HeadacheDiaryCsv.TryRead("date,headache,migraine,acute_medication\n9999-12-20,1,0,\n", "d.csv", out _, out problems));
        Assert.Equal((2, 1, "date"), (problems[0].Line, problems[0].Column, problems[0].Location));
        Assert.True(HeadacheDiaryCsv.TryRead("date,headache,migraine,acute_medication\n2999-12-31,1,0,\n", "d.csv", out var diary, out _));
        foreach (var kind in new[] { PeriodKind.TwentyEightDays, PeriodKind.CalendarMonth })
        {
            Assert.NotEmpty(diary.Periods(kind));
            _ = MigraineProtocol.Diaries.Criteria.NiceTa260.Start(diary, new MigraineProtocol.Diaries.Criteria.EligibilityInput(3, true, true), kind).ToString();
        }
    }

    [Fact]
    public void TheLatestAcceptedDatesStillValidateAndStop()
    {
        var latest = InputLimits.LatestDate;
        var history = HistoryJson.Read($$"""{"administrations": [{"date": "{{latest:yyyy-MM-dd}}", "units": 155, "indication": "chronic-migraine"}]}""", "h.json");
        var session = SessionJson.Read($$"""{"date": "{{latest:yyyy-MM-dd}}", "injections": [{"site": "procerus", "units": 5}]}""", "s.json");
        var report = RuleSet.Default.Validate(KnownProtocols.Preempt, session, history);
        Assert.True(report.NextEligibleDate > latest);
        var diary = HeadacheDiaryCsv.Read($"date,headache,migraine,acute_medication\n{latest.AddDays(-60):yyyy-MM-dd},1,0,\n{latest:yyyy-MM-dd},1,0,\n", "d.csv");
        var course = new MigraineProtocol.Diaries.Criteria.TreatmentCourse(diary, [latest.AddDays(-30), latest]);
        _ = MigraineProtocol.Diaries.Criteria.NiceTa260.Stopping(course).ToString();
    }

    [Fact]
    public void ADurationThatRoundsToZeroMinutesIsAProblem()
    {
        Assert.False(HeadacheDiaryCsv.TryRead("date,headache,migraine,acute_medication,duration_hours\n2026-01-01,1,0,,0.001\n", "d.csv", out _, out var problems));
        Assert.Equal(("duration_hours", InputProblemCodes.InvalidValue), (problems[0].Location, problems[0].Code));
        Assert.Contains("less than a minute", problems[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}], "reconstitution": {"vialUnits": 100, "diluentMl": 2}, "vials": 10001}""", "$.vials")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 1000000}, {"site": "corrugator-left-1", "units": 5}]}""", "$.injections")]
    [InlineData("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 999999}], "reconstitution": {"vialUnits": 300, "diluentMl": 6}}""", "$.reconstitution")]
    public void TotalsBeyondTheRepresentableRangeAreProblems(string json, string path)
    {
        Assert.False(SessionJson.TryRead(json, "s.json", out _, out var problems));
        Assert.Equal((InputProblemCodes.LimitExceeded, path), (Assert.Single(problems).Code, problems[0].Location));
    }

    [Fact]
    public void TheLargestAcceptedSessionValidatesReportsAndMaps()
    {
        var session = SessionJson.Read("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 999900}, {"site": "corrugator-left-1", "units": 100}], "reconstitution": {"vialUnits": 100, "diluentMl": 2}, "vials": 10000}""", "s.json");
        var report = RuleSet.Default.Validate(KnownProtocols.Preempt, session);
        Assert.Equal(ToxinUnits.MaxValue, report.TotalUnits);
        Assert.True(ReportJson.TryRead(ReportJson.Write(report), "r.json", out _, out _));
        var overlay = MigraineProtocol.Rendering.SessionOverlay.FromReport(KnownProtocols.Preempt, session, report);
        Assert.Contains("<svg", MigraineProtocol.Rendering.SiteMap.Render(KnownProtocols.Preempt, MigraineProtocol.Rendering.MapView.All, new MigraineProtocol.Rendering.SiteMapOptions { Overlay = overlay }), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSessionModelRefusesTotalsItCannotRepresent()
    {
        var big = new Injection(MigraineProtocol.Primitives.SiteId.From("procerus"), ToxinUnits.MaxValue);
        var small = new Injection(MigraineProtocol.Primitives.SiteId.From("corrugator-left-1"), ToxinUnits.FromUnits(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TreatmentSession(new DateOnly(2026, 3, 2), [big, small]));
        var session = new TreatmentSession(new DateOnly(2026, 3, 2), [small], reconstitution: Reconstitution.Vial100In2Ml);
        Assert.Throws<ArgumentOutOfRangeException>(() => session.WithVialsOpened(10_001));
        Assert.Equal(10_000, session.WithVialsOpened(10_000).VialsOpened);
    }

    [Fact]
    public void AProtocolSiteOfAHugeDoseIsAProblemOrPlans()
    {
        var json = $$"""{"protocols": [{"id": "huge", "name": "Huge", "description": "d", "retreatmentIntervalDays": 84, "sources": [{{Cite}}], "sites": [{"site": "procerus", "units": 600000}]}]}""";
        var huge = ProtocolJson.Read(json, "p.json")[0];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ProtocolPlan.Create(huge, Reconstitution.Vial100In2Ml));
        Assert.Equal("reconstitution", e.ParamName);
        Assert.Equal(ToxinUnits.FromUnits(600_000), ProtocolPlan.Create(huge, new Reconstitution(ToxinUnits.FromUnits(200), Volume.FromMillilitres(1))).TotalUnits);

        var over = $$"""{"protocols": [{"id": "huge", "name": "Huge", "description": "d", "retreatmentIntervalDays": 84, "sources": [{{Cite}}], "sites": [{"site": "procerus", "units": 600000}, {"site": "corrugator-left-1", "units": 600000}, {"site": "corrugator-right-1", "units": 600000}]}]}""";
        Assert.False(ProtocolJson.TryRead(over, "p.json", out _, out var problems));
        Assert.Contains(problems, p => p.Code == InputProblemCodes.LimitExceeded);
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("367")]
    [InlineData("1e3")]
    public void CohortDaysBeyondTheLimitAreProblems(string days)
    {
        Assert.False(OutcomeCohortCsv.TryRead($"patient_id,arm,baseline_headache_days,followup_headache_days\nP1,a,20,{days}\n", "c.csv", out _, out var problems));
        Assert.Equal((2, 9, "followup_headache_days"), (problems[0].Line, problems[0].Column, problems[0].Location));
    }

    [Theory]
    [InlineData("""{"resourceType":"Bundle","":1}""")]
    [InlineData("""{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Procedure","":{}}}]}""")]
    [InlineData("""{"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Procedure","status":"completed","extension":[{"url":""}]}}]}""")]
    [InlineData("""{"resourceType":"Bundle","type":7}""")]
    [InlineData("""{"resourceType":"Bundle","entry":[[]]}""")]
    [InlineData("""{"resourceType": "Bundle", "\ud800": 1}""")]
    [InlineData("""{"date": "2026-03-02", "injections": []}""")]
    public void FhirImportNeverThrows(string json)
    {
        Assert.False(SessionFhirMapper.TryRead(json, "b.json", out var record, out var problems));
        Assert.Null(record);
        Assert.NotEmpty(problems);
        Assert.True(problems.Length <= InputLimits.MaxProblems + 1);
    }

    [Fact]
    public void ASessionFileGivenToFhirImportIsOneProblem()
    {
        Assert.False(SessionFhirMapper.TryRead(File.ReadAllText(Definitions.TestData.Path("examples", "session-valid.json")), "s.json", out _, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal("s.json:1:1: this is not a FHIR resource (a JSON object with \"resourceType\"); 'fhir import' reads a Bundle written by 'fhir export', not a session file.", problem.ToString());
    }

    [Fact]
    public void NullInAReportsBillingLinesIsAProblem()
    {
        var s = TreatmentSession.FromProtocol(KnownProtocols.Preempt, new DateOnly(2026, 3, 2));
        var json = ReportJson.Write(RuleSet.Default.Validate(KnownProtocols.Preempt, new TreatmentSession(s.Date, s.Injections, reconstitution: Reconstitution.Vial100In2Ml)));
        var at = json.IndexOf("\"lines\": [", StringComparison.Ordinal) + "\"lines\": [".Length;
        Assert.False(ReportJson.TryRead(json.Insert(at, "null, "), "r.json", out _, out var problems));
        Assert.Contains("null is not allowed here", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossFileProblemsNameTheFileLineAndColumnOfTheReference()
    {
        var json = $$"""
        {
          "muscles": [{"id": "masseter", "name": "M", "region": "nowhere", "source": {{Cite}}}],
          "sites": [{"id": "buccinator-left-1", "muscle": "buccinator", "side": "left", "ordinal": 1, "landmark": {"description": "x", "source": {{Cite}}}, "drawing": []}]
        }
        """;
        Assert.False(Catalogs.TryLoad([DefinitionFile.FromJson("clinic.json", json)], out _, out var problems));
        Assert.Contains(problems, p => p.ToString().StartsWith("clinic.json:2:57: $.muscles[0].region: muscle 'masseter' names region 'nowhere', which is not defined.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ToString().StartsWith("clinic.json:3:51: $.sites[0].muscle: site 'buccinator-left-1' names muscle 'buccinator', which is not defined.", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Equal(InputProblemCodes.UnknownReference, p.Code));
    }

    [Fact]
    public void ABadProtocolIdAndAnotherKindOfProblemAreBothListedInTheFilesWords()
    {
        var json = $$"""{"protocols": [{"id": "Clinic Protocol", "name": "", "description": "d", "retreatmentIntervalDays": 84, "sources": [{{Cite}}], "sites": [{"site": "procerus", "units": -5}]}]}""";
        Assert.False(Catalogs.TryLoad([DefinitionFile.FromJson("p.json", json)], out _, out var problems));
        Assert.Equal(3, problems.Length);
        Assert.Contains(problems, p => p.Location == "$.protocols[0].id" && p.Message.StartsWith("'Clinic Protocol' is not a protocol id", StringComparison.Ordinal) && p.Message.Contains("'preempt'", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain("(Parameter", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void ThousandsOfDefinitionProblemsAreCapped()
    {
        var sites = string.Join(",\n", Enumerable.Range(0, 3000).Select(i => $$"""{"id": "Bad{{i}}", "muscle": "procerus", "side": "midline", "ordinal": 1, "landmark": {"description": "x", "source": {{Cite}}}, "drawing": []}"""));
        Assert.False(Catalogs.TryLoad([DefinitionFile.FromJson("d.json", "{\"sites\": [\n" + sites + "]}")], out _, out var problems));
        Assert.Equal(InputLimits.MaxProblems + 1, problems.Length);
        Assert.Equal(InputProblemCodes.TooManyProblems, problems[^1].Code);
        Assert.Equal(Enumerable.Range(2, InputLimits.MaxProblems), problems.Take(InputLimits.MaxProblems).Select(p => p.Line!.Value));
    }

    /// <summary>Law: for any text, every reader returns a value or problems (never both, never neither) and never throws.</summary>
    [Property(MaxTest = 300)]
    public Property EveryReaderReturnsAValueOrProblems(NonNull<string> text)
    {
        var t = text.Get;
        var results = new List<(bool Ok, bool HasValue, int Problems)>
        {
            (SessionJson.TryRead(t, "x", out var s, out var p1), s is not null, p1.Length),
            (HistoryJson.TryRead(t, "x", out var h, out var p2), h is not null, p2.Length),
            (ReportJson.TryRead(t, "x", out var r, out var p3), r.Protocol.Value is not null, p3.Length),
            (ProtocolJson.TryRead(t, "x", out var pr, out var p4), !pr.IsDefault, p4.Length),
            (HeadacheDiaryCsv.TryRead(t, "x", out var d, out var p5), d is not null, p5.Length),
            (OutcomeCohortCsv.TryRead(t, "x", out var c, out var p6), !c.IsEmpty, p6.Length),
            (SessionFhirMapper.TryRead(t, "x", out var f, out var p7), f is not null, p7.Length),
        };
        return results.All(x => x.Ok ? x.HasValue && x.Problems == 0 : x.Problems > 0).ToProperty();
    }

    /// <summary>Law: mutating a valid file (cutting it anywhere, or inserting a hostile token anywhere) never makes a reader throw.</summary>
    [Property(MaxTest = 300)]
    public Property MutatedExamplesNeverThrow(PositiveInt cut, PositiveInt token)
    {
        string[] tokens = ["null", "\"\\ud800\"", "1e400", "-1", "9999-12-31", ",", "]", "}", "\"", "\n", "[[[[[[[[[[[[[[[[[[", "-ftp"];
        foreach (var name in new[] { "session-valid.json", "history.json", "clinic-definitions.json", "diary.csv", "outcomes-cohort.csv" })
        {
            var text = File.ReadAllText(Definitions.TestData.Path("examples", name));
            var at = cut.Get % (text.Length + 1);
            foreach (var mutant in new[] { text[..at], text.Insert(at, tokens[token.Get % tokens.Length]) })
            {
                _ = SessionJson.TryRead(mutant, name, out _, out _);
                _ = HistoryJson.TryRead(mutant, name, out _, out _);
                _ = ProtocolJson.TryRead(mutant, name, out _, out _);
                _ = HeadacheDiaryCsv.TryRead(mutant, name, out _, out _);
                _ = OutcomeCohortCsv.TryRead(mutant, name, out _, out _);
            }
        }

        return true.ToProperty();
    }

    [Fact]
    public void TextsOverTheLengthLimitAreOneProblemForEveryReader()
    {
        var huge = new string(' ', InputLimits.MaxTextLength + 1);
        Assert.False(SessionJson.TryRead(huge, "x", out _, out var p1));
        Assert.False(HistoryJson.TryRead(huge, "x", out _, out var p2));
        Assert.False(ProtocolJson.TryRead(huge, "x", out _, out var p3));
        Assert.False(HeadacheDiaryCsv.TryRead(huge, "x", out _, out var p4));
        Assert.False(OutcomeCohortCsv.TryRead(huge, "x", out _, out var p5));
        Assert.False(SessionFhirMapper.TryRead(huge, "x", out _, out var p6));
        Assert.All(new[] { p1, p2, p3, p4, p5, p6 }, p => Assert.Equal(InputProblemCodes.LimitExceeded, Assert.Single(p).Code));
    }

    [Theory]
    [InlineData(15, false)]
    [InlineData(16, true)]
    public void NestingIsLimitedTo16Levels(int arrays, bool limited)
    {
        // The session object is level 1, so the value of "lot" nested in `arrays` arrays reaches level arrays + 1.
        var json = "{\"date\": \"2026-03-02\", \"injections\": [], \"lot\": " + new string('[', arrays) + new string(']', arrays) + "}";
        Assert.False(SessionJson.TryRead(json, "s.json", out _, out var problems));
        Assert.Equal(limited, problems.Any(p => p.Code == InputProblemCodes.LimitExceeded));
    }
}
