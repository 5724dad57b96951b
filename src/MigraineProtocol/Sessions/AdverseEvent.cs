using System.Globalization;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Sessions;

/// <summary>
/// An adverse event after a session: a coded term (with text for <see cref="AdverseEventTerm.Other"/>),
/// the onset date, the duration in days or ongoing, the severity, whether it is serious, and optionally
/// the injection site or muscle concerned.
/// </summary>
/// <remarks>
/// <para><b>Seriousness</b> follows the ICH E2A definition (ICH E2A, <i>Clinical Safety Data Management:
/// Definitions and Standards for Expedited Reporting</i>, 1994, §II.B "Serious adverse event or adverse
/// drug reaction"): an event that results in death, is life-threatening, requires inpatient
/// hospitalisation or prolongation of existing hospitalisation, results in persistent or significant
/// disability or incapacity, or is a congenital anomaly or birth defect; medical judgement may also class
/// an important medical event as serious. The library does not decide it: the clinician records it.
/// The definition's text was seen in secondary glossary copies, not in the guideline itself
/// (docs/adverse-events.md). Seriousness is not severity: severity is the intensity.</para>
/// <para>Duration: exactly one of <see cref="DurationDays"/> (resolved, whole days, 0 for the same day)
/// and <see cref="IsOngoing"/>. The onset may be any date; a rule compares it with the sessions.
/// Equality is by value.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class AdverseEvent : IEquatable<AdverseEvent>
{
    /// <summary>The longest duration accepted, in days (ten years).</summary>
    public const int MaxDurationDays = 3653;

    /// <summary>The longest text of an <see cref="AdverseEventTerm.Other"/> event, in characters.</summary>
    public const int MaxOtherTextLength = 200;

    private AdverseEvent(AdverseEventTerm term, string? otherText, DateOnly onset, int? durationDays, AdverseEventSeverity severity, bool serious, SiteId? site, MuscleId? muscle)
    {
        Term = term;
        OtherText = otherText;
        Onset = onset;
        DurationDays = durationDays;
        Severity = severity;
        IsSerious = serious;
        Site = site;
        Muscle = muscle;
    }

    /// <summary>Gets the coded term.</summary>
    public AdverseEventTerm Term { get; }

    /// <summary>Gets the description of an <see cref="AdverseEventTerm.Other"/> event; <see langword="null"/> for the coded terms.</summary>
    public string? OtherText { get; }

    /// <summary>Gets the onset date.</summary>
    public DateOnly Onset { get; }

    /// <summary>Gets the duration in whole days (0: resolved the same day), or <see langword="null"/> when the event is ongoing.</summary>
    public int? DurationDays { get; }

    /// <summary>Gets a value indicating whether the event is ongoing (not resolved when recorded).</summary>
    public bool IsOngoing => DurationDays is null;

    /// <summary>Gets the severity (intensity).</summary>
    public AdverseEventSeverity Severity { get; }

    /// <summary>Gets a value indicating whether the event is serious per ICH E2A §II.B (see the remarks).</summary>
    public bool IsSerious { get; }

    /// <summary>Gets the injection site concerned, if recorded.</summary>
    public SiteId? Site { get; }

    /// <summary>Gets the muscle concerned, if recorded.</summary>
    public MuscleId? Muscle { get; }

    /// <summary>Gets the description: the display name of the term, or the text of an <see cref="AdverseEventTerm.Other"/> event.</summary>
    public string Description => OtherText ?? AdverseEventTerms.Display(Term);

    /// <summary>Returns a resolved event.</summary>
    /// <param name="term">The coded term; not <see cref="AdverseEventTerm.Other"/> (use <see cref="Other"/>).</param>
    /// <param name="onset">The onset date.</param>
    /// <param name="durationDays">The duration in whole days, 0 to <see cref="MaxDurationDays"/>.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="serious">Whether it is serious per ICH E2A §II.B.</param>
    /// <param name="site">The site concerned, if recorded; not <c>default</c>.</param>
    /// <param name="muscle">The muscle concerned, if recorded; not <c>default</c>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException">The term is <see cref="AdverseEventTerm.Other"/>, or the site or muscle is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The term or severity is undefined, or the duration is out of range.</exception>
    public static AdverseEvent Resolved(AdverseEventTerm term, DateOnly onset, int durationDays, AdverseEventSeverity severity, bool serious = false, SiteId? site = null, MuscleId? muscle = null)
    {
        Preconditions.CheckRange(durationDays is >= 0 and <= MaxDurationDays, nameof(durationDays), durationDays, $"A duration is 0 to {MaxDurationDays} days.");
        return Create(term, null, onset, durationDays, severity, serious, site, muscle);
    }

    /// <summary>Returns an ongoing event.</summary>
    /// <param name="term">The coded term; not <see cref="AdverseEventTerm.Other"/> (use <see cref="Other"/>).</param>
    /// <param name="onset">The onset date.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="serious">Whether it is serious per ICH E2A §II.B.</param>
    /// <param name="site">The site concerned, if recorded; not <c>default</c>.</param>
    /// <param name="muscle">The muscle concerned, if recorded; not <c>default</c>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException">The term is <see cref="AdverseEventTerm.Other"/>, or the site or muscle is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The term or severity is undefined.</exception>
    public static AdverseEvent Ongoing(AdverseEventTerm term, DateOnly onset, AdverseEventSeverity severity, bool serious = false, SiteId? site = null, MuscleId? muscle = null) =>
        Create(term, null, onset, null, severity, serious, site, muscle);

    /// <summary>Returns an event not among the coded terms, described in text.</summary>
    /// <param name="text">The description: 1 to <see cref="MaxOtherTextLength"/> characters, not white space only.</param>
    /// <param name="onset">The onset date.</param>
    /// <param name="durationDays">The duration in whole days, 0 to <see cref="MaxDurationDays"/>, or <see langword="null"/> when ongoing.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="serious">Whether it is serious per ICH E2A §II.B.</param>
    /// <param name="site">The site concerned, if recorded; not <c>default</c>.</param>
    /// <param name="muscle">The muscle concerned, if recorded; not <c>default</c>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> is blank or too long, or the site or muscle is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The severity is undefined or the duration out of range.</exception>
    public static AdverseEvent Other(string text, DateOnly onset, int? durationDays, AdverseEventSeverity severity, bool serious = false, SiteId? site = null, MuscleId? muscle = null)
    {
        Preconditions.CheckNotBlank(text);
        Preconditions.CheckArgument(text.Length <= MaxOtherTextLength, nameof(text), $"The text of an 'other' adverse event must be at most {MaxOtherTextLength} characters; it has {text.Length}.");
        Preconditions.CheckRange(durationDays is null or (>= 0 and <= MaxDurationDays), nameof(durationDays), durationDays, $"A duration is 0 to {MaxDurationDays} days.");
        return Create(AdverseEventTerm.Other, text, onset, durationDays, severity, serious, site, muscle);
    }

    private static AdverseEvent Create(AdverseEventTerm term, string? text, DateOnly onset, int? durationDays, AdverseEventSeverity severity, bool serious, SiteId? site, MuscleId? muscle)
    {
        Preconditions.CheckRange(Enum.IsDefined(term), nameof(term), term, "Not a defined adverse-event term.");
        Preconditions.CheckArgument(text is not null || term != AdverseEventTerm.Other, nameof(term), "An 'other' adverse event needs its text: use AdverseEvent.Other.");
        Preconditions.CheckRange(Enum.IsDefined(severity), nameof(severity), severity, "A severity is mild, moderate or severe.");
        Preconditions.CheckArgument(site is null || site.Value.Value.Length > 0, nameof(site), "The site of an adverse event must be null or a non-default site id.");
        Preconditions.CheckArgument(muscle is null || muscle.Value.Value.Length > 0, nameof(muscle), "The muscle of an adverse event must be null or a non-default muscle id.");
        return new AdverseEvent(term, text, onset, durationDays, severity, serious, site, muscle);
    }

    /// <summary>Returns the wire name of a severity: <c>mild</c>, <c>moderate</c> or <c>severe</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is undefined.</exception>
    public static string FormatSeverity(AdverseEventSeverity severity) => severity switch
    {
        AdverseEventSeverity.Mild => "mild",
        AdverseEventSeverity.Moderate => "moderate",
        AdverseEventSeverity.Severe => "severe",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "A severity is mild, moderate or severe."),
    };

    /// <summary>Tries to read a severity's wire name; never throws.</summary>
    /// <param name="text">The text: <c>mild</c>, <c>moderate</c> or <c>severe</c>.</param>
    /// <param name="severity">The severity on success.</param>
    /// <returns><see langword="true"/> when the text is a severity.</returns>
    public static bool TryParseSeverity(string? text, out AdverseEventSeverity severity)
    {
        (var ok, severity) = text switch
        {
            "mild" => (true, AdverseEventSeverity.Mild),
            "moderate" => (true, AdverseEventSeverity.Moderate),
            "severe" => (true, AdverseEventSeverity.Severe),
            _ => (false, default),
        };
        return ok;
    }

    /// <inheritdoc />
    public bool Equals(AdverseEvent? other) =>
        other is not null && Term == other.Term && string.Equals(OtherText, other.OtherText, StringComparison.Ordinal) && Onset == other.Onset
        && DurationDays == other.DurationDays && Severity == other.Severity && IsSerious == other.IsSerious && Site == other.Site && Muscle == other.Muscle;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AdverseEvent);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Term, Onset, DurationDays, Severity, IsSerious);

    /// <summary>Returns <c>description, onset date, duration or ongoing, severity[, serious][, at site or muscle]</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var duration = DurationDays is { } d ? (d == 1 ? "1 day" : $"{d.ToString(CultureInfo.InvariantCulture)} days") : "ongoing";
        var where = Site is { } s ? $", at {s}" : Muscle is { } m ? $", in {m}" : string.Empty;
        return $"{Description}, onset {Onset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {duration}, {FormatSeverity(Severity)}{(IsSerious ? ", serious" : string.Empty)}{where}";
    }
}
