using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Localization;

namespace MigraineProtocol.Charts;

/// <summary>Options of <see cref="DiaryChart.Render"/>. Every property has a default; <see cref="Default"/> uses them all.</summary>
/// <remarks>An invariant-free carrier: set properties with an object initializer.</remarks>
public sealed class DiaryChartOptions
{
    /// <summary>Gets the options with every default.</summary>
    public static DiaryChartOptions Default { get; } = new();

    /// <summary>Gets how the diary is cut into periods (one calendar column and one group of bars each).</summary>
    /// <value>The default value is <see cref="PeriodKind.TwentyEightDays"/> (the trial convention, as the <c>diary</c> command).</value>
    public PeriodKind Periods { get; init; } = PeriodKind.TwentyEightDays;

    /// <summary>Gets the medication-overuse thresholds drawn on each class's bars.</summary>
    /// <value>The default value is <see cref="MedicationOveruseThresholds.Verified"/> (combination analgesics have no line unless the caller supplies one).</value>
    public MedicationOveruseThresholds Thresholds { get; init; } = MedicationOveruseThresholds.Verified;

    /// <summary>Gets the treatment session dates to mark on the calendar.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<DateOnly> SessionDates { get; init; } = [];

    /// <summary>Gets the language of every text in the chart.</summary>
    /// <value>The default value is <see cref="ReportText.English"/>.</value>
    public ReportText Text { get; init; } = ReportText.English;

    /// <summary>Gets the title drawn at the top and read by screen readers.</summary>
    /// <value>The default value is <see langword="null"/>: the language's "Headache diary".</value>
    public string? Title { get; init; }
}
