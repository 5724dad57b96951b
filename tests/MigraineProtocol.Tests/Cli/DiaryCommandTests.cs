using System.Text.Json;

namespace MigraineProtocol.Tests.Cli;

public sealed class DiaryCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("diary-tests").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    internal static string Example => Path.Combine(AppContext.BaseDirectory, "examples", "diary.csv");

    private string Write(string csv)
    {
        var path = Path.Combine(dir, "diary.csv");
        File.WriteAllText(path, csv);
        return path;
    }

    [Fact]
    public void JsonHasTheContractShape()
    {
        var (code, output, error) = CliRunner.Run("diary", Example, "--format", "json");
        Assert.Equal(0, code);
        Assert.Empty(error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("28-day", root.GetProperty("periodKind").GetString());
        var periods = root.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(5, periods.Count);
        var first = periods[0];
        Assert.Equal("2026-01-05", first.GetProperty("start").GetString());
        Assert.Equal("2026-02-01", first.GetProperty("end").GetString());
        Assert.Equal(27, first.GetProperty("daysRecorded").GetInt32());
        Assert.False(first.GetProperty("complete").GetBoolean());
        Assert.True(first.GetProperty("headacheDays").GetInt32() >= first.GetProperty("migraineDays").GetInt32());
        Assert.Equal(["triptan", "ergot", "opioid", "simple-analgesic", "combination-analgesic"], first.GetProperty("acuteMedicationDays").EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("chronicMigraine").GetBoolean());
        var overuse = root.GetProperty("medicationOveruse");
        Assert.True(overuse.GetProperty("suspected").GetBoolean());
        Assert.Equal(["triptan"], overuse.GetProperty("classes").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(overuse.GetProperty("notAssessed").EnumerateArray());
        Assert.StartsWith("yes: ", overuse.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var verdict = root.GetProperty("verdicts")[0];
        Assert.Equal("ichd3-1.3-chronic-migraine", verdict.GetProperty("id").GetString());
        var figure = verdict.GetProperty("criteria")[0].GetProperty("figures")[0];
        Assert.Equal(28, figure.GetProperty("periodDays").GetInt32());
        Assert.Equal("S8", verdict.GetProperty("criteria")[0].GetProperty("source").GetProperty("source").GetString());
    }

    [Fact]
    public void TableListsPeriodsAndVerdicts()
    {
        var (code, output, _) = CliRunner.Run("diary", Example);
        Assert.Equal(0, code);
        Assert.Contains("127 of 130 days recorded (3 unrecorded)", output, StringComparison.Ordinal);
        Assert.Contains("ICHD-3 1.3 chronic migraine (diary criteria A and C): MET [28-day periods]", output, StringComparison.Ordinal);
        Assert.Contains("Medication overuse suspected (ICHD-3 8.2): yes: headache on >= 15 days a month and overuse of triptan.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not-assessed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CalendarMonthsAndCallerThresholdsAreOptions()
    {
        var (code, output, _) = CliRunner.Run("diary", Example, "-f", "json", "--periods", "calendar-month", "--combination-analgesic-threshold", "10");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("calendar-month", doc.RootElement.GetProperty("periodKind").GetString());
        Assert.Equal("2026-01-01", doc.RootElement.GetProperty("periods")[0].GetProperty("start").GetString());
        Assert.Empty(doc.RootElement.GetProperty("medicationOveruse").GetProperty("notAssessed").EnumerateArray());
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        Assert.Equal(CliRunner.Run("diary", Example, "-f", "json").Out, CliRunner.Run("diary", Example, "-f", "json").Out);
        Assert.Equal(CliRunner.Run("diary", Example).Out, CliRunner.Run("diary", Example).Out);
    }

    [Theory]
    [InlineData("date,headache,migraine,acute_medication\n2026-01-01,1,0,\n2026-01-01,1,0,\n", ":3:1: date: duplicate date 2026-01-01")]
    [InlineData("date,headache,migraine,acute_medication\n2026-01-02,1,0,\n2026-01-01,1,0,\n", ":3:1: date: date 2026-01-01 is before 2026-01-02")]
    [InlineData("date,headache,migraine,acute_medication\n2026-02-30,1,0,\n", ":2:1: date: '2026-02-30' is not a date")]
    [InlineData("date,headache,migraine,acute_medication\n2026-01-01,0,1,\n", ":2:14: migraine: migraine is 1 but headache is 0")]
    [InlineData("date,headache,migraine,acute_medication\n2026-01-01,1,0,botox\n", ":2:16: acute_medication: unknown acute medication class 'botox'")]
    [InlineData("date,headache,migraine,acute_medication\n2026-01-01,2,0,\n", ":2:12: headache: headache must be 0 or 1")]
    public void BadCsvExitsTwoNamingLineAndColumn(string csv, string expected)
    {
        var path = Write(csv);
        var (code, output, error) = CliRunner.Run("diary", path);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(path + expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--periods", "weekly", "--periods 'weekly': use one of 28-day, calendar-month.")]
    [InlineData("--format", "csv", "--format 'csv': use one of")]
    [InlineData("--combination-analgesic-threshold", "0", "must be 1 to 31")]
    public void BadOptionsExitTwo(string option, string value, string expected)
    {
        var (code, output, error) = CliRunner.Run("diary", Example, option, value);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileExitsTwo()
    {
        var (code, _, error) = CliRunner.Run("diary", Path.Combine(dir, "nope.csv"));
        Assert.Equal(2, code);
        Assert.Contains("nope.csv: no such file", error, StringComparison.Ordinal);
    }
}
