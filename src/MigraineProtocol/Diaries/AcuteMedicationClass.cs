namespace MigraineProtocol.Diaries;

/// <summary>
/// A class of acute (symptomatic) headache medication, as distinguished by ICHD-3 8.2
/// medication-overuse headache (clinical-facts.md §3, S8, VERIFIED).
/// </summary>
/// <remarks>The numeric values are stable (0 to 4) and index per-class arrays.</remarks>
public enum AcuteMedicationClass
{
    /// <summary>Triptans (ICHD-3 8.2.2; overuse threshold 10 days/month, VERIFIED).</summary>
    Triptan = 0,

    /// <summary>Ergotamine and other ergots (ICHD-3 8.2.1; overuse threshold 10 days/month, VERIFIED).</summary>
    Ergot = 1,

    /// <summary>Opioids (ICHD-3 8.2; overuse threshold 10 days/month, VERIFIED).</summary>
    Opioid = 2,

    /// <summary>Non-opioid analgesics (ICHD-3's current term; formerly "simple analgesics"): paracetamol, acetylsalicylic acid, other NSAIDs (ICHD-3 8.2.3; overuse threshold 15 days/month, VERIFIED). Text name <c>simple-analgesic</c>.</summary>
    SimpleAnalgesic = 3,

    /// <summary>Combination analgesics: drugs of two or more classes, or with an adjuvant such as caffeine (ICHD-3 8.2.5; overuse threshold 10 days/month, VERIFIED S8b).</summary>
    CombinationAnalgesic = 4,
}

/// <summary>The invariant text names of <see cref="AcuteMedicationClass"/> values.</summary>
/// <remarks>The names are a public contract (diary CSV and JSON): <c>triptan</c>, <c>ergot</c>,
/// <c>opioid</c>, <c>simple-analgesic</c>, <c>combination-analgesic</c>.</remarks>
public static class AcuteMedicationClasses
{
    /// <summary>The number of classes.</summary>
    public const int Count = 5;

    private static readonly string[] Names = ["triptan", "ergot", "opioid", "simple-analgesic", "combination-analgesic"];
    private static readonly string[] Terms = ["triptan", "ergot", "opioid", "non-opioid analgesic", "combination analgesic"];

    /// <summary>Gets every class, in numeric order.</summary>
    public static IReadOnlyList<AcuteMedicationClass> All { get; } =
        [AcuteMedicationClass.Triptan, AcuteMedicationClass.Ergot, AcuteMedicationClass.Opioid, AcuteMedicationClass.SimpleAnalgesic, AcuteMedicationClass.CombinationAnalgesic];

    /// <summary>Returns the text name of a class, for example <c>simple-analgesic</c>.</summary>
    /// <param name="medicationClass">The class.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="medicationClass"/> is not a defined class.</exception>
    public static string Format(AcuteMedicationClass medicationClass) =>
        (uint)medicationClass < Count
            ? Names[(int)medicationClass]
            : throw new ArgumentOutOfRangeException(nameof(medicationClass), medicationClass, "An acute medication class is one of triptan, ergot, opioid, simple-analgesic, combination-analgesic.");

    /// <summary>Returns ICHD-3's current term for a class, for text: <c>triptan</c>, <c>ergot</c>, <c>opioid</c>, <c>non-opioid analgesic</c>, <c>combination analgesic</c>.</summary>
    /// <param name="medicationClass">The class.</param>
    /// <returns>The term.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="medicationClass"/> is not a defined class.</exception>
    public static string Describe(AcuteMedicationClass medicationClass) =>
        (uint)medicationClass < Count
            ? Terms[(int)medicationClass]
            : throw new ArgumentOutOfRangeException(nameof(medicationClass), medicationClass, "An acute medication class is one of triptan, ergot, opioid, simple-analgesic, combination-analgesic.");

    /// <summary>Tries to read a class name (exact, lower case; <c>non-opioid-analgesic</c> is accepted for <c>simple-analgesic</c>); never throws.</summary>
    /// <param name="text">The text.</param>
    /// <param name="medicationClass">The class when recognised.</param>
    /// <returns><see langword="true"/> when recognised.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out AcuteMedicationClass medicationClass)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (text.SequenceEqual(Names[i]))
            {
                medicationClass = (AcuteMedicationClass)i;
                return true;
            }
        }

        if (text.SequenceEqual("non-opioid-analgesic"))
        {
            medicationClass = AcuteMedicationClass.SimpleAnalgesic;
            return true;
        }

        medicationClass = default;
        return false;
    }

    /// <summary>Gets the names of every class joined by <c>, </c> (for messages).</summary>
    public static string AllNames => string.Join(", ", Names);
}
