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
}
