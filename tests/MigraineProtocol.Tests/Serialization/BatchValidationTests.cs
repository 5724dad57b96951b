using FsCheck;
using FsCheck.Xunit;
using MigraineProtocol.Definitions;
using MigraineProtocol.Input;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;
using MigraineProtocol.Tests.Arbitraries;
using MigraineProtocol.Tests.Architecture;

namespace MigraineProtocol.Tests.Serialization;

/// <summary>Batch validation: each NDJSON line is read as a <see cref="BatchLine"/> and validated on its own; bad lines are problems naming line and JSON path.</summary>
[Properties(Arbitrary = [typeof(SessionArbitraries)])]
public sealed class BatchValidationTests
{
    private static string Example(string name) => File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "docs", "examples", name));

    private static string OneLine(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetRawText().Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);

    private static List<BatchResult> Run(string text) => [.. BatchValidation.Validate(new StringReader(text), "audit.ndjson", KnownProtocols.Preempt)];

    [Property(MaxTest = 200)]
    public bool WriteThenReadIsTheIdentity(TreatmentSession session, TreatmentHistory history, bool withHistory)
    {
        var line = new BatchLine("p-1", session, withHistory ? history : null);
        var text = BatchLineJson.Write(line);
        return !text.Contains('\n', StringComparison.Ordinal)
            && BatchLineJson.TryRead(text, "b", 7, out var back, out var patient, out var problems)
            && problems.IsEmpty && patient == "p-1" && back.Session.Equals(session)
            && (withHistory ? back.History!.Administrations.SequenceEqual(history.Administrations) : back.History is null);
    }

    [Property(MaxTest = 60)]
    public bool BatchResultsEqualValidatingEachLineAlone(TreatmentSession[] sessions, TreatmentHistory history)
    {
        // Every third line is broken (cut short), every other line carries the history.
        var lines = sessions.Take(12).Select((s, i) =>
        {
            var text = BatchLineJson.Write(new BatchLine($"p-{i}", s, i % 2 == 0 ? history : null));
            return i % 3 == 2 ? text[..(text.Length / 2)] : text;
        }).ToList();
        var batch = Run(string.Join('\n', lines));
        if (batch.Count != lines.Count)
        {
            return false;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var alone = BatchValidation.ValidateLine(lines[i], "audit.ndjson", i + 1, KnownProtocols.Preempt);
            if (BatchValidation.Write(batch[i]) != BatchValidation.Write(alone) || batch[i].Line != i + 1)
            {
                return false;
            }

            if (i % 3 != 2)
            {
                // The oracle: the report of the session validated directly.
                var direct = RuleSet.Default.Validate(KnownProtocols.Preempt, sessions[i], i % 2 == 0 ? history : null);
                if (batch[i].Report is null || ReportJson.Write(batch[i].Report!.Value) != ReportJson.Write(direct))
                {
                    return false;
                }
            }
            else if (batch[i].Report is not null || batch[i].Problems.IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void TheExamplesGiveTheirVerdictsAndBlankLinesAreSkipped()
    {
        var valid = $$"""{"patient": "p-1", "session": {{OneLine(Example("session-valid.json"))}}, "history": {{OneLine(Example("history.json"))}}}""";
        var invalid = $$"""{"patient": "p-2", "session": {{OneLine(Example("session-invalid.json"))}}}""";
        var results = Run(valid + "\n\n   \r\n" + invalid + "\n");
        Assert.Equal([1, 4], results.Select(r => r.Line));
        Assert.Equal(["p-1", "p-2"], results.Select(r => r.Patient));
        Assert.True(results[0].Report!.Value.IsValid);
        Assert.Equal(new DateOnly(2026, 5, 25), results[0].Report!.Value.NextEligibleDate);
        Assert.False(results[1].Report!.Value.IsValid);
        Assert.All(results, r => Assert.Empty(r.Problems));
    }

    [Fact]
    public void ABadValueIsAProblemNamingTheLineColumnAndPathAndTheBatchGoesOn()
    {
        var good = """{"patient": "p-1", "session": {"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}]}}""";
        var bad = """{"patient": "p-2", "session": {"date": "2026-03-02", "injections": [{"site": "procerus", "units": -5}]}}""";
        var results = Run(good + "\n" + bad + "\n" + good);
        Assert.Equal(3, results.Count);
        Assert.NotNull(results[0].Report);
        Assert.NotNull(results[2].Report);
        var r = results[1];
        Assert.Null(r.Report);
        Assert.Equal("p-2", r.Patient);
        var p = Assert.Single(r.Problems);
        Assert.Equal(("audit.ndjson", 2, "$.session.injections[0].units", InputProblemCodes.InvalidValue), (p.Source, p.Line, p.Location, p.Code));
        Assert.Equal(bad.IndexOf("-5", StringComparison.Ordinal) + 1, p.Column);
    }

    [Theory]
    [InlineData("""{"patient": "p", "session": {"date": "2026-03-02", "injections": []}, "extra": 1}""", "$.extra", InputProblemCodes.UnknownProperty)]
    [InlineData("""{"session": {"date": "2026-03-02", "injections": []}}""", null, InputProblemCodes.MissingProperty)]
    [InlineData("""{"patient": "p", "session": {"date": "2026-03-02", "injections": []}, "history": {"administrations": [{"date": "2026-02-30", "units": 155, "indication": "chronic-migraine"}]}}""", "$.history.administrations[0].date", InputProblemCodes.InvalidValue)]
    [InlineData("""{"patient": "  ", "session": {"date": "2026-03-02", "injections": []}}""", "$.patient", InputProblemCodes.InvalidValue)]
    [InlineData("""{"patient": "p", "session": {"date": "2026-03-02", "injec""", null, InputProblemCodes.JsonSyntax)]
    [InlineData("""[1, 2]""", null, InputProblemCodes.WrongType)]
    public void ABadLineIsAProblemNotACrash(string line, string? path, string code)
    {
        var result = Assert.Single(Run("\n" + line));
        Assert.Null(result.Report);
        Assert.Equal(2, result.Line);
        Assert.Contains(result.Problems, p => p.Code == code && p.Line == 2 && p.Column >= 1 && (path is null || p.Location == path));
        Assert.StartsWith("audit.ndjson:2:", result.Problems[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AResultIsWrittenAsOneLineOfJson()
    {
        var results = Run("""{"patient": "p-1", "session": {"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}]}}""" + "\n{");
        var ok = BatchValidation.Write(results[0]);
        var bad = BatchValidation.Write(results[1]);
        Assert.DoesNotContain('\n', ok);
        Assert.DoesNotContain('\n', bad);
        using var okDoc = System.Text.Json.JsonDocument.Parse(ok);
        Assert.Equal(1, okDoc.RootElement.GetProperty("line").GetInt32());
        Assert.Equal("p-1", okDoc.RootElement.GetProperty("patient").GetString());
        Assert.False(okDoc.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(ReportJson.Read(okDoc.RootElement.GetProperty("report").GetRawText(), "r").Date, new DateOnly(2026, 3, 2));
        using var badDoc = System.Text.Json.JsonDocument.Parse(bad);
        Assert.Equal(2, badDoc.RootElement.GetProperty("problems")[0].GetProperty("line").GetInt32());
        Assert.Equal(InputProblemCodes.JsonSyntax, badDoc.RootElement.GetProperty("problems")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        Assert.Throws<ArgumentException>(() => new BatchLine(" ", new TreatmentSession(new DateOnly(2026, 3, 2), [])));
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchLineJson.TryRead("{}", "b", 0, out _, out _, out _));
        Assert.Throws<ArgumentNullException>(() => BatchValidation.Validate(new StringReader(string.Empty), "b", null!));
    }
}
