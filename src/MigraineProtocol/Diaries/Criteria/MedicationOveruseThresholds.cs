using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// The ICHD-3 8.2 medication-overuse thresholds, in days per month of intake, by class.
/// </summary>
/// <remarks>
/// <para><see cref="Verified"/> holds the VERIFIED thresholds (clinical-facts.md §3, S8): ergot 10,
/// triptan 10, opioid 10, simple analgesic 15. The combination-analgesic threshold and the threshold
/// for several classes none overused alone are UNVERIFIED, so they have no default: the caller
/// supplies them (<see cref="WithCombinationAnalgesic"/>, <see cref="WithMultipleClasses"/>), and a
/// verdict made without them says the class was not assessed.</para>
/// <para>Equality is by reference. Instances are immutable.</para>
/// </remarks>
public sealed class MedicationOveruseThresholds
{
    private readonly int?[] byClass;

    private MedicationOveruseThresholds(int?[] byClass, int? multipleClasses)
    {
        this.byClass = byClass;
        MultipleClasses = multipleClasses;
    }

    /// <summary>Gets the VERIFIED thresholds only: ergot, triptan, opioid 10 and simple analgesic 15 days/month; combination analgesics and multiple classes not set.</summary>
    public static MedicationOveruseThresholds Verified { get; } = new([10, 10, 10, 15, null], null);

    /// <summary>Gets the threshold for several classes taken together, none overused alone, when the caller supplied it.</summary>
    public int? MultipleClasses { get; }

    /// <summary>Returns the threshold for a class, or <see langword="null"/> when it was not supplied (combination analgesics by default).</summary>
    /// <param name="medicationClass">The class.</param>
    /// <returns>The days per month, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="medicationClass"/> is undefined.</exception>
    public int? For(AcuteMedicationClass medicationClass)
    {
        AcuteMedicationClasses.Format(medicationClass);
        return byClass[(int)medicationClass];
    }

    /// <summary>Returns the source of a class's threshold: ICHD-3 (S8, VERIFIED), or the caller (UNVERIFIED) for combination analgesics.</summary>
    /// <param name="medicationClass">The class.</param>
    /// <returns>The citation.</returns>
    public static Citation SourceFor(AcuteMedicationClass medicationClass) =>
        medicationClass == AcuteMedicationClass.CombinationAnalgesic
            ? DiaryCitations.CallerSupplied("combination-analgesic overuse threshold")
            : DiaryCitations.Ichd3MedicationOveruse;

    /// <summary>Gets the source of the multiple-classes threshold (the caller; UNVERIFIED).</summary>
    public static Citation MultipleClassesSource => DiaryCitations.CallerSupplied("multiple-classes overuse threshold");

    /// <summary>Returns new thresholds with the caller's combination-analgesic threshold (UNVERIFIED in clinical-facts.md §3).</summary>
    /// <param name="daysPerMonth">The days per month, 1 to 31.</param>
    /// <returns>The new thresholds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysPerMonth"/> is not 1 to 31.</exception>
    public MedicationOveruseThresholds WithCombinationAnalgesic(int daysPerMonth)
    {
        CheckDays(daysPerMonth, nameof(daysPerMonth));
        var copy = (int?[])byClass.Clone();
        copy[(int)AcuteMedicationClass.CombinationAnalgesic] = daysPerMonth;
        return new MedicationOveruseThresholds(copy, MultipleClasses);
    }

    /// <summary>Returns new thresholds with the caller's threshold for several classes none overused alone (UNVERIFIED in clinical-facts.md §3).</summary>
    /// <param name="daysPerMonth">The days per month with any acute medication, 1 to 31.</param>
    /// <returns>The new thresholds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysPerMonth"/> is not 1 to 31.</exception>
    public MedicationOveruseThresholds WithMultipleClasses(int daysPerMonth)
    {
        CheckDays(daysPerMonth, nameof(daysPerMonth));
        return new MedicationOveruseThresholds(byClass, daysPerMonth);
    }

    private static void CheckDays(int days, string name) =>
        Preconditions.CheckRange(days is >= 1 and <= 31, name, days, "An overuse threshold is 1 to 31 days per month.");
}
