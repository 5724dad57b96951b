using System.Globalization;
using System.Text;
using System.Text.Json;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Tests.Outcomes;
using static MigraineProtocol.Tests.Outcomes.ReferenceData;

namespace MigraineProtocol.Tests.Cli;

/// <summary>The number needed to treat with Altman's interval in the outcomes command, against R (Reference/nnt.R), and the confidence-level limit.</summary>
public sealed class OutcomesNntTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("outcomes-nnt-tests").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, Read("nnt-cases.csv").Count)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void JsonMatchesR(int index)
    {
        var row = Read("nnt-cases.csv")[index];
        var path = WriteCohort(row.L("x1"), row.L("n1"), row.L("x2"), row.L("n2"));
        var (code, output, error) = CliRunner.Run("outcomes", path, "--treatment", "t", "--control", "c", "--confidence", row["level"], "-f", "json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var c = doc.RootElement.GetProperty("comparison");
        var what = $"case {index} ({row["x1"]}/{row["n1"]} vs {row["x2"]}/{row["n2"]} at {row["level"]})";
        Assert.Equal(["treatment", "control", "riskDifference", "riskDifferenceCi", "numberNeededToTreat", "numberNeededToTreatLabel", "numberNeededToTreatCi", "meanChangeDifference", "meanChangeDifferenceCi"], c.EnumerateObject().Select(p => p.Name));
        Close(row.D("rd_lower"), c.GetProperty("riskDifferenceCi").GetProperty("lower").GetDouble(), 1e-6, what + " RD lower");
        Close(row.D("rd_upper"), c.GetProperty("riskDifferenceCi").GetProperty("upper").GetDouble(), 1e-6, what + " RD upper");
        AssertNullable(row, "nnt", c.GetProperty("numberNeededToTreat"), what + " NNT");
        Assert.Equal(row["label"] == "NA" ? null : row["label"], c.GetProperty("numberNeededToTreatLabel").GetString());

        var ci = c.GetProperty("numberNeededToTreatCi");
        Assert.Equal("altman", ci.GetProperty("method").GetString());
        var crosses = bool.Parse(row["crosses_zero"]);
        Assert.Equal(crosses, ci.GetProperty("crossesZero").GetBoolean());
        if (crosses)
        {
            Assert.Equal(["method", "crossesZero", "benefitFrom", "harmFrom"], ci.EnumerateObject().Select(p => p.Name));
            AssertNullable(row, "benefit_from", ci.GetProperty("benefitFrom"), what + " benefitFrom");
            AssertNullable(row, "harm_from", ci.GetProperty("harmFrom"), what + " harmFrom");
        }
        else
        {
            Assert.Equal(["method", "crossesZero", "lower", "upper"], ci.EnumerateObject().Select(p => p.Name));
            Close(row.D("lower"), ci.GetProperty("lower").GetDouble(), 1e-6, what + " NNT lower");
            Close(row.D("upper"), ci.GetProperty("upper").GetDouble(), 1e-6, what + " NNT upper");
            Assert.True(ci.GetProperty("lower").GetDouble() <= ci.GetProperty("upper").GetDouble());
        }
    }

    [Fact]
    public void TableWritesTheIntervalAsAltmanDoes()
    {
        // 5/56 vs 0/29 at 99%: R gives the risk difference -0.106 to 0.235, so NNTB 4.25 to ∞ to NNTH 9.43.
        var (code, output, _) = CliRunner.Run("outcomes", WriteCohort(5, 56, 0, 29), "--treatment", "t", "--control", "c", "--confidence", "0.99");
        Assert.Equal(0, code);
        var line = output.Split('\n').Single(l => l.StartsWith("Number needed to treat", StringComparison.Ordinal));
        Assert.Contains("NNTB 11.2", line, StringComparison.Ordinal);
        Assert.Contains("NNTB 4.3 to ∞ to NNTH 9.4", line, StringComparison.Ordinal);
        Assert.Contains("Altman", line, StringComparison.Ordinal);

        var (_, harm, _) = CliRunner.Run("outcomes", WriteCohort(3, 30, 15, 30), "--treatment", "t", "--control", "c");
        var harmLine = harm.Split('\n').Single(l => l.StartsWith("Number needed to treat", StringComparison.Ordinal));
        Assert.Contains("NNTH 2.5", harmLine, StringComparison.Ordinal);
        Assert.Contains("NNTH 1.7 to 5.9", harmLine, StringComparison.Ordinal); // R: 1/0.5807 = 1.722, 1/0.1703 = 5.873
        Assert.DoesNotContain("-2.5", harmLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.9999999999999999")]
    [InlineData("0.99999999999999994")]
    public void ConfidenceTooCloseToOneIsBadInputNamingTheLargestLevel(string level)
    {
        var (code, output, error) = CliRunner.Run("outcomes", WriteCohort(5, 10, 2, 10), "--treatment", "t", "--control", "c", "--confidence", level);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("0.9999999999999998", error, StringComparison.Ordinal);
        Assert.Contains("--confidence", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wilson")]
    [InlineData("clopper-pearson")]
    public void TheLargestLevelIsComputedWithFiniteBounds(string method)
    {
        var (code, output, error) = CliRunner.Run("outcomes", WriteCohort(5, 10, 2, 10), "--treatment", "t", "--control", "c", "--confidence", "0.9999999999999998", "--ci", method, "-f", "json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(0.9999999999999998, ConfidenceInterval.MaxLevel);
        Assert.True(0.5 + (0.5 * ConfidenceInterval.MaxLevel) < 1.0);
        Assert.Equal(1.0, 0.5 + (0.5 * Math.BitIncrement(ConfidenceInterval.MaxLevel)));
        var arm = doc.RootElement.GetProperty("arms")[0];
        Assert.True(arm.GetProperty("meanChangeCi").GetProperty("lower").GetDouble() < arm.GetProperty("meanChange").GetDouble());
    }

    private static void AssertNullable(Dictionary<string, string> row, string column, JsonElement actual, string what)
    {
        if (row[column] == "NA")
        {
            Assert.Equal(JsonValueKind.Null, actual.ValueKind);
        }
        else
        {
            Close(row.D(column), actual.GetDouble(), 1e-6, what);
        }
    }

    private string WriteCohort(long x1, long n1, long x2, long n2)
    {
        var csv = new StringBuilder(OutcomesCsvHeader + "\n");
        void Arm(string arm, long x, long n)
        {
            for (var i = 0; i < n; i++)
            {
                // Responders go from 20 to 5 headache days, the others from 20 to 20 (the mean change differs by arm only through x).
                csv.Append(CultureInfo.InvariantCulture, $"{arm}{i},{arm},20,{(i < x ? 5 : 20)}\n");
            }
        }

        Arm("t", x1, n1);
        Arm("c", x2, n2);
        var path = Path.Combine(dir, $"nnt{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private const string OutcomesCsvHeader = "patient_id,arm,baseline_headache_days,followup_headache_days";
}
