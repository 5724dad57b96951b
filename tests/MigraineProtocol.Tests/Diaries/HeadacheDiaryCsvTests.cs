using MigraineProtocol.Input;
using FsCheck;
using FsCheck.Xunit;
using MigraineProtocol.Diaries;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Diaries;

[Properties(Arbitrary = [typeof(DiaryArbitraries)])]
public class HeadacheDiaryCsvTests
{
    private const string Header = "date,headache,migraine,acute_medication\n";

    [Property]
    public bool WriteThenParseIsIdentity(HeadacheDiary diary)
    {
        using var writer = new StringWriter();
        HeadacheDiaryCsv.Write(diary, writer);
        return HeadacheDiaryCsv.Read(writer.ToString(), "d.csv").Equals(diary);
    }

    [Fact]
    public void ReadsFlagsClassesGapsAndOptionalColumns()
    {
        var diary = HeadacheDiaryCsv.Read(
            "date,headache,migraine,acute_medication,duration_hours,severity\r\n" +
            "2026-01-01,1,1,triptan;simple-analgesic,4.5,severe\r\n" +
            "2026-01-03,0,0,,,\r\n",
            "d.csv");
        Assert.Equal(3, diary.SpanDays);
        Assert.Equal(1, diary.DaysUnrecorded);
        var first = diary.Days[0];
        Assert.True(first.Migraine);
        Assert.Equal(AcuteMedicationSet.Of(AcuteMedicationClass.Triptan, AcuteMedicationClass.SimpleAnalgesic), first.AcuteMedication);
        Assert.Equal(TimeSpan.FromHours(4.5), first.HeadacheDuration);
        Assert.Equal(HeadacheSeverity.Severe, first.Severity);
    }

    [Theory]
    [InlineData("", 1, 1, "empty")]
    [InlineData("date,headache,migraine\n2026-01-01,1,0\n", 1, 1, "missing column 'acute_medication'")]
    [InlineData("date,headache,migraine,acute_medication,mood\n", 1, 41, "unknown column 'mood'")]
    [InlineData(Header, 2, 1, "no days")]
    [InlineData(Header + "2026-13-01,1,0,\n", 2, 1, "is not a date")]
    [InlineData(Header + "2026-01-02,1,0,\n2026-01-02,0,0,\n", 3, 1, "duplicate date 2026-01-02 (also on line 2)")]
    [InlineData(Header + "2026-01-02,1,0,\n2026-01-01,0,0,\n", 3, 1, "is before 2026-01-02 on line 2")]
    [InlineData(Header + "2026-01-01,yes,0,\n", 2, 12, "headache must be 0 or 1, not 'yes'")]
    [InlineData(Header + "2026-01-01,0,1,\n", 2, 14, "a migraine day is also a headache day")]
    [InlineData(Header + "2026-01-01,1,0,triptan;aspirin\n", 2, 24, "unknown acute medication class 'aspirin'")]
    [InlineData(Header + "2026-01-01,1,0\n", 2, 1, "expected 4 fields")]
    [InlineData("date,headache,migraine,acute_medication,duration_hours\n2026-01-01,0,0,,3\n", 2, 17, "only recorded on a headache day")]
    [InlineData("date,headache,migraine,acute_medication,duration_hours\n2026-01-01,1,0,,25\n", 2, 17, "at most 24")]
    [InlineData("date,headache,migraine,acute_medication,severity\n2026-01-01,1,0,,awful\n", 2, 17, "not mild, moderate or severe")]
    public void ErrorsNameLineAndColumn(string csv, int line, int column, string message)
    {
        Assert.False(HeadacheDiaryCsv.TryRead(csv, "d.csv", out var diary, out var problems));
        Assert.Null(diary);
        var problem = Assert.Single(problems);
        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"d.csv:{line}:{column}: ", Assert.Throws<InputException>(() => HeadacheDiaryCsv.Read(csv, "d.csv")).Message, StringComparison.Ordinal);
    }

    /// <summary>The header is read by the shared <c>CsvHeader</c> (optional columns); every header problem, whole, as before the move.</summary>
    [Theory]
    [InlineData("", "d.csv:1:1: the diary is empty; expected the header 'date,headache,migraine,acute_medication'.")]
    [InlineData("\uFEFF\r\n\r\n", "d.csv:1:1: the diary is empty; expected the header 'date,headache,migraine,acute_medication'.")]
    [InlineData("date,headache,migraine\n2026-01-01,1,0\n", "d.csv:1:1: acute_medication: missing column 'acute_medication'; the header must have date,headache,migraine,acute_medication.")]
    [InlineData("date,headache,migraine,acute_medication,mood\n", "d.csv:1:41: unknown column 'mood'; the columns are date, headache, migraine, acute_medication, duration_hours, severity.")]
    [InlineData("date,headache,migraine,acute_medication,Severity,SEVERITY\n", "d.csv:1:50: severity: column 'severity' appears twice.")]
    [InlineData("date,headache,migraine,acute_medication,DATE\n", "d.csv:1:41: date: column 'date' appears twice.")]
    [InlineData("date,head\"ache,migraine,acute_medication\n", "d.csv:1:10: a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\").")]
    public void HeaderProblemsAreWordedAndPlacedAsBefore(string csv, string expected)
    {
        Assert.False(HeadacheDiaryCsv.TryRead(csv, "d.csv", out _, out var problems));
        Assert.Equal(expected, problems[0].ToString());
    }

    [Fact]
    public void EveryHeaderProblemIsListed()
    {
        Assert.False(HeadacheDiaryCsv.TryRead("Migraine,x,date,date\n", "d.csv", out _, out var problems));
        Assert.Equal(
            [
                "d.csv:1:10: unknown column 'x'; the columns are date, headache, migraine, acute_medication, duration_hours, severity.",
                "d.csv:1:17: date: column 'date' appears twice.",
                "d.csv:1:1: headache: missing column 'headache'; the header must have date,headache,migraine,acute_medication.",
                "d.csv:1:1: acute_medication: missing column 'acute_medication'; the header must have date,headache,migraine,acute_medication.",
            ],
            problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("SEVERITY,acute_medication,Date,migraine,headache\nmild,,2026-01-01,0,1\n")]
    [InlineData("date,headache,migraine,acute_medication,duration_hours\n2026-01-01,1,0,,\n")]
    [InlineData("date,headache,migraine,acute_medication\n2026-01-01,1,0,\n")]
    public void OptionalColumnsMayBeLeftOutOrGivenInAnyOrderAndCase(string csv)
    {
        var diary = HeadacheDiaryCsv.Read(csv, "d.csv");
        Assert.True(diary.Days[0].Headache);
        Assert.Equal(csv.StartsWith("SEVERITY", StringComparison.Ordinal) ? HeadacheSeverity.Mild : null, diary.Days[0].Severity);
    }
}
