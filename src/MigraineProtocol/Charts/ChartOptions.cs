using MigraineProtocol.Localization;

namespace MigraineProtocol.Charts;

/// <summary>Options of <see cref="CourseChart.Render"/> and <see cref="OutcomesChart.Render"/>. Every property has a default; <see cref="Default"/> uses them all.</summary>
/// <remarks>An invariant-free carrier: set properties with an object initializer.</remarks>
public sealed class ChartOptions
{
    /// <summary>Gets the options with every default.</summary>
    public static ChartOptions Default { get; } = new();

    /// <summary>Gets the language of every text in the chart.</summary>
    /// <value>The default value is <see cref="ReportText.English"/>.</value>
    public ReportText Text { get; init; } = ReportText.English;

    /// <summary>Gets the title drawn at the top and read by screen readers.</summary>
    /// <value>The default value is <see langword="null"/>: the chart's own title in the chosen language.</value>
    public string? Title { get; init; }
}
