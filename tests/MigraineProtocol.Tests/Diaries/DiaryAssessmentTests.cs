using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Serialization;
using MigraineProtocol.Tests.Cli;

namespace MigraineProtocol.Tests.Diaries;

/// <summary>The diary assessment the diary command prints, as a library value and its JSON.</summary>
public sealed class DiaryAssessmentTests
{
    private static HeadacheDiary Example() => HeadacheDiaryCsv.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "examples", "diary.csv")), "diary.csv");

    [Theory]
    [InlineData(PeriodKind.TwentyEightDays)]
    [InlineData(PeriodKind.CalendarMonth)]
    public void ItIsThePeriodsAndBothVerdictsOfOneKind(PeriodKind kind)
    {
        var diary = Example();
        var a = DiaryAssessment.Assess(diary, kind, MedicationOveruseThresholds.Verified);
        Assert.Same(diary, a.Diary);
        Assert.Equal(kind, a.PeriodKind);
        Assert.Equal(diary.Periods(kind), a.Periods);
        Assert.Equal(ChronicMigraineCriteria.Evaluate(diary, kind).ToString(), a.ChronicMigraine.ToString());
        Assert.Equal(MedicationOveruseCriteria.Evaluate(diary, MedicationOveruseThresholds.Verified, kind).Summarize(), a.MedicationOveruse.Summarize());
    }

    [Fact]
    public void TheJsonIsWhatTheToolPrints()
    {
        Assert.Equal(GoldenOutputTests.Stdout("diary-json"), VerdictJson.Write(DiaryAssessment.Assess(Example(), PeriodKind.TwentyEightDays, MedicationOveruseThresholds.Verified)) + "\n");
        var eight = MedicationOveruseThresholds.Verified.WithCombinationAnalgesic(8);
        Assert.Equal(GoldenOutputTests.Stdout("diary-json-calendar"), VerdictJson.Write(DiaryAssessment.Assess(Example(), PeriodKind.CalendarMonth, eight)) + "\n");
    }

    [Fact]
    public void NullsAreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => DiaryAssessment.Assess(null!, PeriodKind.TwentyEightDays, MedicationOveruseThresholds.Verified));
        Assert.Throws<ArgumentNullException>(() => DiaryAssessment.Assess(Example(), PeriodKind.TwentyEightDays, null!));
        Assert.Throws<ArgumentNullException>(() => VerdictJson.Write((DiaryAssessment)null!));
    }
}
