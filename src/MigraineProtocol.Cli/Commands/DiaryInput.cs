using System.CommandLine;
using System.Globalization;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;

namespace MigraineProtocol.Cli.Commands;

/// <summary>The arguments and options shared by the diary commands.</summary>
internal static class DiaryInput
{
    internal static Argument<string> DiaryArgument() => new("DIARY.csv")
    {
        Description = "The diary CSV: header 'date,headache,migraine,acute_medication' (optionally ',duration_hours,severity'), one row per recorded day.",
    };

    /// <summary><c>--periods</c>: a <see cref="PeriodKind"/> by its text (<see cref="PeriodKinds"/>), <paramref name="defaultKind"/> by default.</summary>
    internal static Option<string> Periods(PeriodKind defaultKind) => CommonOptions.Choice(
        new Option<string>("--periods"),
        "How to cut the diary into months: '28-day' (consecutive 28-day periods from the first date, the trial convention) or 'calendar-month' (the NICE and US-label wording)",
        [PeriodKinds.Format(defaultKind), PeriodKinds.Format(defaultKind == PeriodKind.CalendarMonth ? PeriodKind.TwentyEightDays : PeriodKind.CalendarMonth)]);

    /// <summary>The period kind of a parsed <c>--periods</c> value (the parser accepted only the kinds' texts).</summary>
    internal static PeriodKind Kind(ParseResult result, Option<string> periods) =>
        PeriodKinds.TryParse(result.GetValue(periods), out var kind) ? kind : PeriodKind.TwentyEightDays;

    internal static Option<int?> CombinationThreshold() => new Option<int?>("--combination-analgesic-threshold")
    {
        Description = "Days per month of combination-analgesic intake that count as overuse. Default 10, ICHD-3 8.2.5 (S8b, verified); another value is the caller's.",
    }.Check(d => Days(d, "--combination-analgesic-threshold"));

    internal static Option<int?> MultipleClassesThreshold() => new Option<int?>("--multiple-classes-threshold")
    {
        Description = "Days per month of intake of several classes (none overused alone) that count as overuse. Default 10 in total, ICHD-3 8.2.6 (S8b, verified); another value is the caller's.",
    }.Check(d => Days(d, "--multiple-classes-threshold"));

    internal static MedicationOveruseThresholds Thresholds(int? combination, int? multiple)
    {
        var t = MedicationOveruseThresholds.Verified;
        t = combination is { } c ? t.WithCombinationAnalgesic(c) : t;
        return multiple is { } m ? t.WithMultipleClasses(m) : t;
    }

    /// <summary><c>--preventives-failed N</c> (required): zero or more.</summary>
    internal static Option<int> PreventivesFailed(string description) => new Option<int>("--preventives-failed") { Description = description, Required = true }
        .Check(n => n >= 0 ? null : $"--preventives-failed must be zero or more, not {n.ToString(CultureInfo.InvariantCulture)}.");

    private static string? Days(int? days, string option) =>
        days is null or (>= 1 and <= 31) ? null : $"{option} must be 1 to 31 days per month, not {days.Value.ToString(CultureInfo.InvariantCulture)}.";
}
