using MigraineProtocol.Definitions;
using MigraineProtocol.Diaries;
using MigraineProtocol.Input;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Docs.Tests.Samples;

/// <summary>The snippets of docs/guides/integrator.md, each run as a test.</summary>
public sealed class IntegratorGuideSamples
{
    [Fact]
    public void RuleCodes()
    {
        #region rule-codes
        foreach (ISessionRule rule in RuleSet.Default.Rules)
        {
            // e.g. "cumulative-dose-limit Error: ... [S8b ..., VERIFIED-2nd]": a stable code, a severity and a cited source
            Console.WriteLine($"{rule.Id} {RuleSet.Default.SeverityOf(rule.Id)}: {rule.Description} [{rule.Source}]");
        }
        #endregion

        Assert.Contains(RuleSet.Default.Rules, r => r.Id == RuleId.CumulativeDoseLimit);
        Assert.All(RuleSet.Default.Rules, r => Assert.False(string.IsNullOrEmpty(r.Source.Source)));
    }

    [Fact]
    public void UntrustedInput()
    {
        string sessionText = "{ \"date\": \"2026-13-02\" }";
        string diaryText = "date,headache,migraine,acute_medication\n2026-01-05,1,maybe,\n";
        #region untrusted-input
        // Try* never throws on bad input. Every reader reports the same InputProblem: the source, the
        // line and column or JSON path, a message and a stable code.
        if (!SessionJson.TryRead(sessionText, "upload.json", out TreatmentSession? session, out var problems))
        {
            foreach (InputProblem problem in problems) Console.WriteLine(problem);
        }
        if (!HeadacheDiaryCsv.TryRead(diaryText, "diary.csv", out HeadacheDiary? diary, out var diaryProblems))
        {
            foreach (InputProblem p in diaryProblems) Console.WriteLine($"{p.Source}:{p.Line}:{p.Column}: {p.Message} ({p.Code})");
        }
        #endregion

        Assert.Null(session);
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal("upload.json", p.Source));
        Assert.Null(diary);
        Assert.Equal(2, diaryProblems[0].Line);
    }

    [Fact]
    public async Task ThreadSafety()
    {
        TreatmentSession[] sessions = [SessionJson.Read(Examples.Read("session-valid.json"), "a.json"), SessionJson.Read(Examples.Read("session-invalid.json"), "b.json")];
        #region thread-safety
        // Compile once (protocol + rule set + options), then share: a SessionValidator is immutable
        // and thread-safe, and validating a valid session allocates nothing.
        SessionValidator validator = RuleSet.Default.Compile(KnownProtocols.Preempt);
        ValidationReport[] reports = await Task.WhenAll(sessions.Select(s => Task.Run(() => validator.Validate(s))));
        #endregion

        Assert.True(reports[0].IsValid);
        Assert.False(reports[1].IsValid);
    }
}
