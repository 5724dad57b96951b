using FsCheck.Xunit;
using MigraineProtocol.Dosing;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Serialization;

[Properties(Arbitrary = [typeof(SessionArbitraries)])]
public class HistoryJsonTests
{
    [Property(MaxTest = 300)]
    public bool WriteThenReadIsTheIdentity(TreatmentHistory history) => HistoryJson.Read(HistoryJson.Write(history), "h.json").Equals(history);

    [Fact]
    public void ReadsTheDocumentedShapeInDateOrder()
    {
        var h = HistoryJson.Read("""
            {"administrations": [
              {"date": "2025-12-01", "units": 155, "indication": "chronic-migraine"},
              {"date": "2025-09-01", "units": 100, "indication": "cervical-dystonia"}]}
            """, "h.json");
        Assert.Equal([new DateOnly(2025, 9, 1), new DateOnly(2025, 12, 1)], h.Administrations.Select(a => a.Date));
        Assert.True(h.Administrations[1].IsChronicMigraine);
        Assert.Equal(ToxinUnits.FromUnits(255), h.UnitsBetween(DateOnly.MinValue, DateOnly.MaxValue));
    }

    [Theory]
    [InlineData("{}", "'administrations'")]
    [InlineData("{\"administrations\": [{\"date\": \"2025-12-01\", \"units\": 155}]}", "'indication'")]
    [InlineData("{\"administrations\": [{\"date\": \"2025-12-01\", \"units\": 155, \"indication\": \"Chronic Migraine\"}]}", "$.administrations[0].indication: 'Chronic Migraine' is not an indication id")]
    [InlineData("{\"administrations\": [{\"date\": \"2025-12-01\", \"units\": -155, \"indication\": \"chronic-migraine\"}]}", "$.administrations[0].units: -155")]
    [InlineData("{\"administrations\": [{\"date\": \"yesterday\", \"units\": 155, \"indication\": \"chronic-migraine\"}]}", "$.administrations[0].date: 'yesterday' is not a date")]
    [InlineData("{\"administrations\": [], \"patient\": \"x\"}", "$.patient")]
    public void BadInputIsAnErrorNamingTheSourceAndPath(string json, string expected)
    {
        Assert.False(HistoryJson.TryRead(json, "h.json", out var history, out var problems));
        Assert.Null(history);
        Assert.Contains(problems, p => p.ToString().Contains(expected, StringComparison.Ordinal));
    }
}
