using System.Text.Json;
using FsCheck.Xunit;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Serialization;

[Properties(Arbitrary = [typeof(SessionArbitraries)])]
public class ReportJsonTests
{
    [Property(MaxTest = 200)]
    public bool WriteThenReadIsTheIdentity(TreatmentSession session, TreatmentHistory history)
    {
        var report = RuleSet.Default.Validate(KnownProtocols.Preempt, session, history);
        return ReportJson.Read(ReportJson.Write(report), "r.json").Equals(report);
    }

    [Fact]
    public void HasTheDocumentedShape()
    {
        var s = TreatmentSession.FromProtocol(KnownProtocols.Preempt, new DateOnly(2026, 3, 2));
        var session = new TreatmentSession(s.Date, s.Injections.Skip(1), "BOTOX", reconstitution: Reconstitution.Vial100In2Ml).WithVialsOpened(2);
        using var doc = JsonDocument.Parse(ReportJson.Write(RuleSet.Default.Validate(KnownProtocols.Preempt, session)));
        var root = doc.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal("preempt", root.GetProperty("protocol").GetString());
        Assert.Equal(150m, root.GetProperty("totalUnits").GetDecimal());
        Assert.Equal("2026-05-25", root.GetProperty("nextEligibleDate").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("previousSessionDate").ValueKind);
        Assert.Equal("treatment-cycle", root.GetProperty("cumulativePolicy").GetString());
        Assert.Equal(400m, root.GetProperty("cumulativeLimit").GetDecimal());
        Assert.Equal(250m, root.GetProperty("cumulativeHeadroom").GetDecimal());
        Assert.Equal("2025-12-09", root.GetProperty("cumulativeWindowStart").GetString());
        Assert.Equal("2025-12-02", root.GetProperty("rollingWindowStart").GetString());
        Assert.Equal(150m, root.GetProperty("rollingCumulativeUnits").GetDecimal());
        var d = root.GetProperty("diagnostics")[0];
        Assert.Equal(["code", "severity", "message", "site", "source"], d.EnumerateObject().Select(p => p.Name));
        Assert.Equal("missing-site", d.GetProperty("code").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal("procerus", d.GetProperty("site").GetString());
        Assert.Equal("verified", d.GetProperty("source").GetProperty("verification").GetString());
        var rec = root.GetProperty("reconciliation");
        Assert.Equal(50m, rec.GetProperty("unitsDiscarded").GetDecimal());
        Assert.Equal("verified-2nd", rec.GetProperty("source").GetProperty("verification").GetString());
        Assert.Equal(["64615", "J0585", "J0585"], rec.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("\"valid\": false", "\"valid\": true", "$.valid")]
    [InlineData("\"severity\": \"error\"", "\"severity\": \"fatal\"", "$.diagnostics[0].severity: 'fatal' is not a severity")]
    [InlineData("\"unitsDiscarded\": 50", "\"unitsDiscarded\": 40", "$.reconciliation")]
    [InlineData("\"code\": \"missing-site\"", "\"code\": \"missing-site\", \"extra\": 1", "$.diagnostics[0].extra")]
    public void InconsistentOrUnknownContentIsAnError(string from, string to, string expected)
    {
        var s = TreatmentSession.FromProtocol(KnownProtocols.Preempt, new DateOnly(2026, 3, 2));
        var json = ReportJson.Write(RuleSet.Default.Validate(KnownProtocols.Preempt, new TreatmentSession(s.Date, s.Injections.Skip(1), "BOTOX", reconstitution: Reconstitution.Vial100In2Ml).WithVialsOpened(2)));
        var bad = json.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(json, bad);
        Assert.False(ReportJson.TryRead(bad, "r.json", out _, out var problems));
        Assert.Contains(problems, p => p.ToString().Contains(expected, StringComparison.Ordinal));
    }
}
