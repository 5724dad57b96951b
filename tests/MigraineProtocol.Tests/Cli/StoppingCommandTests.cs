using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MigraineProtocol.Tests.Cli;

public sealed class StoppingCommandTests : IDisposable
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private readonly string dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"mp-stop-{Guid.NewGuid():N}")).FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>Writes a complete diary: <paramref name="headacheDaysPer28"/>[i] headache days (all migraine) in the i-th 28-day block.</summary>
    private string Diary(params int[] headacheDaysPer28)
    {
        var csv = new StringBuilder("date,headache,migraine,acute_medication\n");
        for (var block = 0; block < headacheDaysPer28.Length; block++)
        {
            for (var d = 0; d < 28; d++)
            {
                var headache = d < headacheDaysPer28[block] ? 1 : 0;
                csv.Append(Start.AddDays((block * 28) + d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(headache).Append(',').Append(headache).Append(",\n");
            }
        }

        var path = Path.Combine(dir, $"diary-{string.Join('-', headacheDaysPer28)}.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    // Sessions on day 28 and day 112 (12 weeks later): cycle 2 ends 84 days after the second session.
    private static readonly string Sessions = $"{Start.AddDays(28):yyyy-MM-dd},{Start.AddDays(112):yyyy-MM-dd}";

    [Fact]
    public void ContinuesWhenCycleTwoReducesHeadacheDaysByAtLeastThirtyPercent()
    {
        // baseline 20; cycle-2 end window 12 (-40%); months stay above 15 in places, so not episodic.
        var (code, output, error) = CliRunner.Run("stopping", Diary(20, 18, 18, 16, 16, 16, 12), "--sessions", Sessions, "--format", "json");
        Assert.Equal((0, string.Empty), (code, error));
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("continue", doc.RootElement.GetProperty("decision").GetString());
        var cycles = doc.RootElement.GetProperty("cycles").EnumerateArray().ToList();
        Assert.Equal(2, cycles.Count);
        Assert.Equal(-8, cycles[1].GetProperty("headacheDaysChange").GetInt32());
        Assert.Equal(0.4m, cycles[1].GetProperty("reduction").GetDecimal());
        Assert.Equal(20, doc.RootElement.GetProperty("baseline").GetProperty("headacheDays").GetInt32());
    }

    [Fact]
    public void StopsForNonResponseBelowThirtyPercent()
    {
        // baseline 20; cycle-2 end window 15 (-25%, below the NICE 30%).
        var (code, output, _) = CliRunner.Run("stopping", Diary(20, 18, 18, 18, 18, 18, 15), "--sessions", Sessions);
        Assert.Equal(1, code);
        Assert.Contains("NICE TA260 1.2 stopping criteria met: less than a 30% reduction in headache days after 2 treatment cycles.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Decision:", output, StringComparison.Ordinal);
        Assert.Contains("S9", output, StringComparison.Ordinal);
    }

    [Fact]
    public void StopsWhenEpisodicForThreeConsecutiveMonths()
    {
        var (code, output, _) = CliRunner.Run("stopping", Diary(20, 10, 8, 6, 6, 6, 6), "--sessions", Sessions, "--periods", "28-day", "--format", "json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("stop-for-episodic", doc.RootElement.GetProperty("decision").GetString()); // a 70% reduction, so not non-response
    }

    [Theory]
    [InlineData("2026-02-30", "'2026-02-30' (date 1) is not a date")]
    [InlineData("2026-03-01,2026-02-01", "strictly increasing")]
    [InlineData("2025-12-01", "must come after the diary start")]
    public void BadSessionDatesExitTwo(string sessions, string expected)
    {
        var (code, output, error) = CliRunner.Run("stopping", Diary(20, 20, 20), "--sessions", sessions);
        Assert.Equal((2, string.Empty), (code, output));
        Assert.StartsWith("error: --sessions: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionsAreRequired() => Assert.Equal(2, CliRunner.Run("stopping", Diary(20)).ExitCode);

    [Fact]
    public void TheExampleWithAFourDayCycleIsIndeterminateAndPrintsNoNumberForIt()
    {
        var diary = System.IO.Path.Combine(MigraineProtocol.Tests.Architecture.LayeringTests.RepositoryRoot(), "docs", "examples", "diary.csv");
        var (code, output, _) = CliRunner.Run("stopping", diary, "--sessions", "2026-02-02,2026-04-27,2026-05-01");
        Assert.Equal(1, code);
        Assert.Contains("NICE TA260 1.2 stopping criteria: cannot tell from the data", output, StringComparison.Ordinal);
        Assert.Contains("    2  2026-04-27     2026-04-27..2026-04-30              -       -          -  not-assessed", output, StringComparison.Ordinal);
        Assert.Contains("Cycle 2: the cycle is 4 days, shorter than the 28-day window compared with the baseline: not assessable.", output, StringComparison.Ordinal);
        Assert.Contains("Cycle 3: 0 of 28 days recorded in the window", output, StringComparison.Ordinal);
        Assert.DoesNotContain("-22", output, StringComparison.Ordinal);
        Assert.DoesNotContain("100.0%", output, StringComparison.Ordinal);
    }
}
