using System.Diagnostics.CodeAnalysis;

namespace MigraineProtocol.Sessions;

/// <summary>
/// The coded term of an adverse event after a session: the terms the label and the chronic-migraine trials
/// use (clinical-facts.md §2), the boxed warning's distant-spread symptoms (§2.1, S2), or <see cref="Other"/>
/// with a free-text description. "Inflammation" is not a labelled term (§7): record it as
/// <see cref="InjectionSitePain"/> or as <see cref="Other"/> with text.
/// </summary>
/// <remarks>The wire names (JSON, CSV, the package's FHIR code system) are the kebab-case codes of
/// <see cref="AdverseEventTerms.Code"/>, for example <c>eyelid-ptosis</c>; they never change.</remarks>
public enum AdverseEventTerm
{
    /// <summary>Neck pain (<c>neck-pain</c>): the most common event in PREEMPT (§2.3, S5 and S11c, VERIFIED-2nd).</summary>
    NeckPain = 0,

    /// <summary>Musculoskeletal stiffness (<c>musculoskeletal-stiffness</c>; COMPEL §2.3, S12).</summary>
    MusculoskeletalStiffness = 1,

    /// <summary>Muscular weakness (<c>muscular-weakness</c>; COMPEL §2.3, S12); with a neck muscle recorded it is neck weakness.</summary>
    MuscularWeakness = 2,

    /// <summary>Eyelid ptosis (<c>eyelid-ptosis</c>; PREEMPT and COMPEL §2.3, S5 and S12).</summary>
    EyelidPtosis = 3,

    /// <summary>Facial paresis (<c>facial-paresis</c>; COMPEL §2.3, S12).</summary>
    FacialParesis = 4,

    /// <summary>Injection-site pain (<c>injection-site-pain</c>; COMPEL §2.3, S12).</summary>
    InjectionSitePain = 5,

    /// <summary>Headache (<c>headache</c>; COMPEL §2.3, S12).</summary>
    Headache = 6,

    /// <summary>Dysphagia (<c>dysphagia</c>): a boxed-warning distant-spread symptom (§2.1, S2, VERIFIED).</summary>
    Dysphagia = 7,

    /// <summary>Dysphonia (<c>dysphonia</c>): a boxed-warning distant-spread symptom (§2.1, S2, VERIFIED).</summary>
    Dysphonia = 8,

    /// <summary>Breathing difficulty (<c>breathing-difficulty</c>): a boxed-warning distant-spread symptom (§2.1, S2, VERIFIED).</summary>
    BreathingDifficulty = 9,

    /// <summary>Diplopia (<c>diplopia</c>): a boxed-warning distant-spread symptom (§2.1, S2, VERIFIED).</summary>
    Diplopia = 10,

    /// <summary>Generalised muscle weakness (<c>generalised-weakness</c>): a boxed-warning distant-spread symptom (§2.1, S2, VERIFIED).</summary>
    GeneralisedWeakness = 11,

    /// <summary>Another event (<c>other</c>), described in <see cref="AdverseEvent.OtherText"/>.</summary>
    Other = 12,
}

/// <summary>The wire codes and display names of <see cref="AdverseEventTerm"/>, and which terms are the boxed warning's distant-spread symptoms.</summary>
public static class AdverseEventTerms
{
    private static readonly string[] Codes =
    [
        "neck-pain", "musculoskeletal-stiffness", "muscular-weakness", "eyelid-ptosis", "facial-paresis", "injection-site-pain",
        "headache", "dysphagia", "dysphonia", "breathing-difficulty", "diplopia", "generalised-weakness", "other",
    ];

    private static readonly string[] Displays =
    [
        "Neck pain", "Musculoskeletal stiffness", "Muscular weakness", "Eyelid ptosis", "Facial paresis", "Injection-site pain",
        "Headache", "Dysphagia", "Dysphonia", "Breathing difficulty", "Diplopia", "Generalised muscle weakness", "Other",
    ];

    /// <summary>Gets every term in code order.</summary>
    public static IReadOnlyList<AdverseEventTerm> All { get; } = [.. Enum.GetValues<AdverseEventTerm>()];

    /// <summary>Gets the source of the distant-spread list: the boxed warning, label §5.1 (clinical-facts.md §2.1, S2, VERIFIED).</summary>
    public static Primitives.Citation BoxedWarning { get; } =
        new("S2", "clinical-facts.md §2.1: boxed warning, distant spread of toxin effect (label §5.1): generalized muscle weakness, diplopia, dysphagia, dysphonia, breathing difficulties, reported hours to weeks after injection; swallowing and breathing difficulties can be life threatening", Primitives.VerificationLevel.Verified);

    /// <summary>Returns the wire code of a term, for example <c>eyelid-ptosis</c>.</summary>
    /// <param name="term">The term.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="term"/> is not a defined term.</exception>
    public static string Code(AdverseEventTerm term) => Codes[Index(term)];

    /// <summary>Returns the English display name of a term, for example <c>Eyelid ptosis</c>.</summary>
    /// <param name="term">The term.</param>
    /// <returns>The display name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="term"/> is not a defined term.</exception>
    public static string Display(AdverseEventTerm term) => Displays[Index(term)];

    /// <summary>Tries to read a wire code (exact, lower case); never throws.</summary>
    /// <param name="code">The code, for example <c>dysphagia</c>.</param>
    /// <param name="term">The term on success.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> is a term's code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? code, out AdverseEventTerm term)
    {
        var i = code is null ? -1 : Array.IndexOf(Codes, code);
        term = i < 0 ? default : (AdverseEventTerm)i;
        return i >= 0;
    }

    /// <summary>
    /// Returns whether a term is one of the boxed warning's distant-spread symptoms that the
    /// <c>prior-distant-spread</c> rule checks: dysphagia, breathing difficulty, dysphonia, diplopia,
    /// generalised weakness (clinical-facts.md §2.1, S2, VERIFIED). The boxed list also names ptosis;
    /// eyelid ptosis after chronic-migraine injections is the local effect of the frontal-region
    /// injections and is checked by the <c>prior-local-weakness</c> rule instead.
    /// </summary>
    /// <param name="term">The term.</param>
    /// <returns><see langword="true"/> for the five distant-spread terms.</returns>
    public static bool IsDistantSpread(AdverseEventTerm term) =>
        term is AdverseEventTerm.Dysphagia or AdverseEventTerm.BreathingDifficulty or AdverseEventTerm.Dysphonia
            or AdverseEventTerm.Diplopia or AdverseEventTerm.GeneralisedWeakness;

    /// <summary>Gets a comma-separated list of the codes, for messages.</summary>
    internal static string CodeList => string.Join(", ", Codes);

    private static int Index(AdverseEventTerm term) =>
        Enum.IsDefined(term) ? (int)term : throw new ArgumentOutOfRangeException(nameof(term), term, "Not a defined adverse-event term.");
}

/// <summary>The severity (intensity) of an adverse event. Intensity is not seriousness: a severe headache is usually not serious (see <see cref="AdverseEvent.IsSerious"/>).</summary>
public enum AdverseEventSeverity
{
    /// <summary>Mild (<c>mild</c>).</summary>
    Mild = 0,

    /// <summary>Moderate (<c>moderate</c>).</summary>
    Moderate = 1,

    /// <summary>Severe (<c>severe</c>).</summary>
    Severe = 2,
}
