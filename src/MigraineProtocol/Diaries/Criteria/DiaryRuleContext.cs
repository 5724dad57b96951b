using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>What an <see cref="IDiaryRule"/> is evaluated over: a diary, the inputs beyond it, the period kind and, for stopping rules, a treatment course.</summary>
/// <remarks>Equality is by reference. Instances are immutable.</remarks>
public sealed class DiaryRuleContext
{
    private static readonly EligibilityInput Unknown = new(null);

    /// <summary>Initializes a context.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="input">The preventive history, overuse management and age; <see langword="null"/> when none is known (their criteria are then not assessed).</param>
    /// <param name="periodKind">The period kind every rule uses; <see langword="null"/> for each rule's own default (28-day periods for ICHD-3, calendar months for NICE TA260 and the US label).</param>
    /// <param name="course">The treatment course over the same diary, for stopping rules; <see langword="null"/> before the first session.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diary"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="course"/> is over another diary.</exception>
    public DiaryRuleContext(HeadacheDiary diary, EligibilityInput? input = null, PeriodKind? periodKind = null, TreatmentCourse? course = null)
    {
        Diary = Preconditions.CheckNotNull(diary);
        Preconditions.CheckArgument(course is null || ReferenceEquals(course.Diary, diary), nameof(course), "The treatment course must be over the same diary as the context.");
        Input = input ?? Unknown;
        PeriodKind = periodKind;
        Course = course;
    }

    /// <summary>Gets the diary.</summary>
    public HeadacheDiary Diary { get; }

    /// <summary>Gets the inputs beyond the diary (every one unknown when none was given).</summary>
    public EligibilityInput Input { get; }

    /// <summary>Gets the period kind every rule uses, or <see langword="null"/> for each rule's own default.</summary>
    public PeriodKind? PeriodKind { get; }

    /// <summary>Gets the treatment course, or <see langword="null"/> when there is none.</summary>
    public TreatmentCourse? Course { get; }
}
