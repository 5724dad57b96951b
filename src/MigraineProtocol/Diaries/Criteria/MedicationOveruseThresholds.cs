using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// The ICHD-3 8.2 medication-overuse thresholds, in days per month of intake, by class.
/// </summary>
/// <remarks>
/// <para><see cref="Verified"/> holds the VERIFIED thresholds (clinical-facts.md §3): ergot 10,
/// triptan 10, opioid 10, non-opioid analgesic 15 (S8), combination analgesic 10 (ICHD-3 8.2.5, S8b) and
/// several classes none overused alone 10 days in total (ICHD-3 8.2.6, S8b). A caller may set other
/// values (<see cref="WithCombinationAnalgesic"/>, <see cref="WithMultipleClasses"/>); they are then the
/// caller's, not ICHD-3's.</para>
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

    /// <summary>Gets the VERIFIED ICHD-3 thresholds: ergot, triptan, opioid 10, non-opioid analgesic 15, combination analgesic 10 (8.2.5) days/month, and several classes none overused alone 10 days/month in total (8.2.6).</summary>
    public static MedicationOveruseThresholds Verified { get; } = new([10, 10, 10, 15, 10], 10);

    /// <summary>Gets the threshold for several classes taken together, none overused alone (ICHD-3 8.2.6: 10 days/month in total by default).</summary>
    public int? MultipleClasses { get; }

    /// <summary>Returns the threshold for a class, or <see langword="null"/> when it is not set.</summary>
    /// <param name="medicationClass">The class.</param>
    /// <returns>The days per month, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="medicationClass"/> is undefined.</exception>
    public int? For(AcuteMedicationClass medicationClass)
    {
        AcuteMedicationClasses.Format(medicationClass);
        return byClass[(int)medicationClass];
    }

    /// <summary>Returns the source of a class's ICHD-3 threshold: S8 (8.2.1-8.2.3, opioids) or S8b (8.2.5 combination analgesics), both VERIFIED.</summary>
    /// <param name="medicationClass">The class.</param>
    /// <returns>The citation.</returns>
    public static Citation SourceFor(AcuteMedicationClass medicationClass) =>
        medicationClass == AcuteMedicationClass.CombinationAnalgesic
            ? DiaryCitations.Ichd3CombinationAnalgesic
            : DiaryCitations.Ichd3MedicationOveruse;

    /// <summary>Gets the source of the ICHD-3 8.2.6 multiple-classes threshold (S8b, VERIFIED).</summary>
    public static Citation MultipleClassesSource => DiaryCitations.Ichd3MultipleClasses;

    /// <summary>Returns the source of the threshold in use for a class: ICHD-3's when it is the default value, otherwise the caller's (UNVERIFIED).</summary>
    /// <param name="medicationClass">The class.</param>
    /// <returns>The citation.</returns>
    public Citation SourceOf(AcuteMedicationClass medicationClass) =>
        For(medicationClass) == Verified.For(medicationClass) ? SourceFor(medicationClass) : DiaryCitations.CallerSupplied($"{AcuteMedicationClasses.Describe(medicationClass)} overuse threshold");

    /// <summary>Gets the source of the multiple-classes threshold in use: ICHD-3 8.2.6 when it is the default, otherwise the caller's (UNVERIFIED).</summary>
    public Citation MultipleClassesSourceInUse =>
        MultipleClasses == Verified.MultipleClasses ? MultipleClassesSource : DiaryCitations.CallerSupplied("multiple-classes overuse threshold");

    /// <summary>Returns new thresholds with the caller's combination-analgesic threshold (ICHD-3 8.2.5 says 10).</summary>
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

    /// <summary>Returns new thresholds with the caller's threshold for several classes none overused alone (ICHD-3 8.2.6 says 10).</summary>
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
