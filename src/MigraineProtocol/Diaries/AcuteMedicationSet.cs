using System.Collections;

namespace MigraineProtocol.Diaries;

/// <summary>A set of <see cref="AcuteMedicationClass"/> values: the acute medication classes taken on one day.</summary>
/// <remarks>
/// <para>Stored as a 5-bit mask. Equality is by members. The <c>default</c> value is the empty set
/// (<see cref="None"/>). Enumeration is in class order.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type and safe to share between threads.</threadsafety>
public readonly struct AcuteMedicationSet : IEquatable<AcuteMedicationSet>, IReadOnlyCollection<AcuteMedicationClass>
{
    private const int AllMask = (1 << AcuteMedicationClasses.Count) - 1;
    private readonly byte mask;

    private AcuteMedicationSet(int mask) => this.mask = (byte)mask;

    /// <summary>Gets the empty set.</summary>
    public static AcuteMedicationSet None => default;

    /// <summary>Returns the set of the given classes.</summary>
    /// <param name="classes">The classes (repeats are ignored).</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A class is not defined.</exception>
    public static AcuteMedicationSet Of(params ReadOnlySpan<AcuteMedicationClass> classes)
    {
        var set = None;
        foreach (var c in classes)
        {
            set = set.With(c);
        }

        return set;
    }

    /// <summary>Returns the set whose bit <c>i</c> stands for class <c>i</c>.</summary>
    /// <param name="mask">The mask (bits 0 to 4).</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mask"/> has a bit above bit 4.</exception>
    internal static AcuteMedicationSet FromMask(int mask) =>
        (mask & ~AllMask) == 0
            ? new AcuteMedicationSet(mask)
            : throw new ArgumentOutOfRangeException(nameof(mask), mask, "An acute medication mask uses bits 0 to 4 only (one per class).");

    /// <summary>Gets the mask: bit <c>i</c> is set when class <c>i</c> is in the set.</summary>
    internal int Mask => mask;

    /// <summary>Gets the number of classes in the set.</summary>
    public int Count => System.Numerics.BitOperations.PopCount(mask);

    /// <summary>Gets a value indicating whether the set is empty.</summary>
    public bool IsEmpty => mask == 0;

    /// <summary>Returns whether the set contains a class.</summary>
    /// <param name="medicationClass">The class.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(AcuteMedicationClass medicationClass) => (uint)medicationClass < AcuteMedicationClasses.Count && (mask & (1 << (int)medicationClass)) != 0;

    /// <summary>Returns a new set with <paramref name="medicationClass"/> added.</summary>
    /// <param name="medicationClass">The class.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="medicationClass"/> is not defined.</exception>
    public AcuteMedicationSet With(AcuteMedicationClass medicationClass)
    {
        AcuteMedicationClasses.Format(medicationClass);
        return new AcuteMedicationSet(mask | (1 << (int)medicationClass));
    }

    /// <summary>Returns an enumerator over the classes, in class order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<AcuteMedicationClass> GetEnumerator()
    {
        for (var i = 0; i < AcuteMedicationClasses.Count; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                yield return (AcuteMedicationClass)i;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(AcuteMedicationSet other) => mask == other.mask;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AcuteMedicationSet other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => mask;

    /// <summary>Returns the class names joined by <c>;</c> (the diary CSV form), or the empty string.</summary>
    /// <returns>The text, for example <c>triptan;simple-analgesic</c>.</returns>
    public override string ToString() => string.Join(';', this.Select(AcuteMedicationClasses.Format));

    /// <summary>Compares two sets for equality.</summary>
    /// <param name="left">The first set.</param>
    /// <param name="right">The second set.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(AcuteMedicationSet left, AcuteMedicationSet right) => left.Equals(right);

    /// <summary>Compares two sets for inequality.</summary>
    /// <param name="left">The first set.</param>
    /// <param name="right">The second set.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(AcuteMedicationSet left, AcuteMedicationSet right) => !left.Equals(right);
}
