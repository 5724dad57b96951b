using System.Text.Json;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;
using MigraineProtocol.Serialization;
using MigraineProtocol.Tests.Cli;

namespace MigraineProtocol.Tests.Serialization;

/// <summary>The plan JSON and CSV of the library: the bytes <c>plan --format json|csv</c> prints, and their laws.</summary>
public sealed class PlanJsonTests
{
    [Theory]
    [InlineData("plan-json", "preempt", 100)]
    [InlineData("plan-json-vial50", "preempt", 50)]
    [InlineData("plan-json-us-label-vial200", "us-label", 200)]
    public void TheJsonIsWhatTheToolPrints(string golden, string protocol, int vial)
    {
        var plan = ProtocolPlan.Create(Catalogs.Default.Get(ProtocolId.Parse(protocol)), Reconstitution.ForVial(ToxinUnits.FromUnits(vial)));
        Assert.Equal(GoldenOutputTests.Stdout(golden), PlanJson.Write(plan) + "\n");
    }

    [Fact]
    public void TheCsvIsWhatTheToolPrints() =>
        Assert.Equal(GoldenOutputTests.Stdout("plan-csv"), PlanCsv.Write(ProtocolPlan.Create(KnownProtocols.Preempt)));

    [Fact]
    public void EveryBuiltInPlanAddsUpAtEveryStandardVialSize()
    {
        foreach (var protocol in Catalogs.Default.Protocols)
        {
            foreach (var size in Reconstitution.StandardVialSizes)
            {
                var plan = ProtocolPlan.Create(protocol, Reconstitution.ForVial(size));
                using var doc = JsonDocument.Parse(PlanJson.Write(plan));
                var root = doc.RootElement;
                var sites = root.GetProperty("sites").EnumerateArray().ToList();
                Assert.Equal(root.GetProperty("totalSites").GetInt32(), sites.Count);
                Assert.Equal(root.GetProperty("totalUnits").GetDecimal(), sites.Sum(s => s.GetProperty("units").GetDecimal()));
                Assert.Equal(root.GetProperty("totalVolumeMl").GetDecimal(), sites.Sum(s => s.GetProperty("volumeMl").GetDecimal()));
                Assert.All(sites, s => Assert.Equal(s.GetProperty("units").GetDecimal() / 50m, s.GetProperty("volumeMl").GetDecimal())); // 5 U per 0.1 mL
                Assert.Equal(size.Units, root.GetProperty("reconstitution").GetProperty("vialUnits").GetDecimal());
                var csv = PlanCsv.Write(plan).TrimEnd('\n').Split('\n');
                Assert.Equal(PlanCsv.Header, csv[0]);
                Assert.Equal(sites.Select(s => s.GetProperty("site").GetString()), csv.Skip(1).Select(l => l.Split(',')[0]));
            }
        }
    }

    [Fact]
    public void NullIsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => PlanJson.Write(null!));
        Assert.Throws<ArgumentNullException>(() => PlanCsv.Write(null!));
    }
}
