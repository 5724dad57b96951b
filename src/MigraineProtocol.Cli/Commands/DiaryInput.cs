using System.CommandLine;
using System.Globalization;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;

namespace MigraineProtocol.Cli.Commands;

/// <summary>Reading a diary CSV file and the options shared by the diary commands.</summary>
internal static class DiaryInput
{
    internal static Argument<string> DiaryArgument() => new("DIARY.csv")
    {
        Description = "The diary CSV: header 'date,headache,migraine,acute_medication' (optionally ',duration_hours,severity'), one row per recorded day.",
    };

    internal static Option<string> Periods(string defaultKind) => new("--periods")
    {
        Description = $"How to cut the diary into months: '28-day' (consecutive 28-day periods from the first date, the trial convention) or 'calendar-month' (the NICE and US-label wording). Default '{defaultKind}'.",
        DefaultValueFactory = _ => defaultKind,
    };

    internal static Option<int?> CombinationThreshold() => new("--combination-analgesic-threshold")
    {
        Description = "Days per month of combination-analgesic intake that count as overuse. Default 10, ICHD-3 8.2.5 (S8b, verified); another value is the caller's.",
    };

    internal static Option<int?> MultipleClassesThreshold() => new("--multiple-classes-threshold")
    {
        Description = "Days per month of intake of several classes (none overused alone) that count as overuse. Default 10 in total, ICHD-3 8.2.6 (S8b, verified); another value is the caller's.",
    };

    internal static PeriodKind CheckPeriods(string value) =>
        PeriodKinds.TryParse(value, out var kind) ? kind : throw new CliException($"Unknown period kind {CommonOptions.Quote(value)} for --periods. Use 28-day or calendar-month.");

    internal static MedicationOveruseThresholds Thresholds(int? combination, int? multiple)
    {
        var t = MedicationOveruseThresholds.Verified;
        if (combination is { } c)
        {
            t = t.WithCombinationAnalgesic(CheckDays(c, "--combination-analgesic-threshold"));
        }

        if (multiple is { } m)
        {
            t = t.WithMultipleClasses(CheckDays(m, "--multiple-classes-threshold"));
        }

        return t;
    }

    internal static HeadacheDiary Read(string path) => Input.RecordFiles.ReadDiary(path);

    private static int CheckDays(int days, string option) =>
        days is >= 1 and <= 31 ? days : throw new CliException($"{option} must be 1 to 31 days per month, not {days.ToString(CultureInfo.InvariantCulture)}.");
}
