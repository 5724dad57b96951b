using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// What eligibility needs beyond the diary: the preventive history, whether medication overuse is
/// appropriately managed, and whether the patient is an adult. An input left <see langword="null"/>
/// makes its criterion "not assessed", never silently met.
/// </summary>
/// <remarks>Equality is by reference. Instances are immutable.</remarks>
public sealed class EligibilityInput
{
    /// <summary>Initializes the input.</summary>
    /// <param name="preventivesFailed">The number of preventive medicines that have not worked, were not tolerated or are unsuitable for safety reasons; <see langword="null"/> when unknown.</param>
    /// <param name="medicationOveruseManaged">Whether the condition is appropriately managed for medication overuse (a clinician's judgement); <see langword="null"/> when not stated.</param>
    /// <param name="adult">Whether the patient is an adult; <see langword="null"/> when not stated.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="preventivesFailed"/> is negative.</exception>
    public EligibilityInput(int? preventivesFailed, bool? medicationOveruseManaged = null, bool? adult = null)
    {
        Preconditions.CheckRange(preventivesFailed is null or >= 0, nameof(preventivesFailed), preventivesFailed, "The number of preventive medicines failed is zero or more.");
        PreventivesFailed = preventivesFailed;
        MedicationOveruseManaged = medicationOveruseManaged;
        Adult = adult;
    }

    /// <summary>Gets the number of preventive medicines failed, not tolerated or unsuitable, if known.</summary>
    public int? PreventivesFailed { get; }

    /// <summary>Gets whether the condition is appropriately managed for medication overuse, if stated.</summary>
    public bool? MedicationOveruseManaged { get; }

    /// <summary>Gets whether the patient is an adult, if stated.</summary>
    public bool? Adult { get; }
}
