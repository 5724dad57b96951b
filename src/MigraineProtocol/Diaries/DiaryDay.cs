namespace MigraineProtocol.Diaries;

/// <summary>
/// One recorded diary day: whether the patient had a headache, whether it was a migraine day, the
/// acute medication classes taken, and optionally the headache duration and severity.
/// </summary>
/// <remarks>
/// <para>A migraine day is also a headache day; a duration or severity is only recorded on a headache
/// day. Days the patient did not record are not <see cref="DiaryDay"/> values: a
/// <see cref="HeadacheDiary"/> lists them explicitly as unrecorded.</para>
/// <para>Equality is by value. The <c>default</c> value is a headache-free day on
/// <see cref="DateOnly.MinValue"/>.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type and safe to share between threads.</threadsafety>
public readonly struct DiaryDay : IEquatable<DiaryDay>
{
    /// <summary>Initializes a recorded day.</summary>
    /// <param name="date">The date.</param>
    /// <param name="headache">Whether the patient had a headache that day.</param>
    /// <param name="migraine">Whether it was a migraine day (implies <paramref name="headache"/>).</param>
    /// <param name="acuteMedication">The acute medication classes taken that day.</param>
    /// <param name="headacheDuration">The total headache duration that day, if recorded (more than zero, at most 24 hours).</param>
    /// <param name="severity">The peak severity that day, if recorded.</param>
    /// <exception cref="ArgumentException">A migraine day without a headache, or a duration or severity on a headache-free day.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not in (0, 24 h], or the severity is undefined.</exception>
    public DiaryDay(DateOnly date, bool headache, bool migraine, AcuteMedicationSet acuteMedication = default, TimeSpan? headacheDuration = null, HeadacheSeverity? severity = null)
    {
        if (migraine && !headache)
        {
            throw new ArgumentException($"{date:yyyy-MM-dd}: a migraine day is also a headache day, so migraine requires headache.", nameof(migraine));
        }

        if (!headache && (headacheDuration is not null || severity is not null))
        {
            throw new ArgumentException($"{date:yyyy-MM-dd}: a headache duration or severity is only recorded on a headache day.", nameof(headache));
        }

        if (headacheDuration is { } d && (d <= TimeSpan.Zero || d > TimeSpan.FromHours(24)))
        {
            throw new ArgumentOutOfRangeException(nameof(headacheDuration), d, "A daily headache duration is more than zero and at most 24 hours.");
        }

        if (severity is { } s && !Enum.IsDefined(s))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), s, "A severity is mild, moderate or severe.");
        }

        Date = date;
        Headache = headache;
        Migraine = migraine;
        AcuteMedication = acuteMedication;
        HeadacheDuration = headacheDuration;
        Severity = severity;
    }

    /// <summary>Gets the date.</summary>
    public DateOnly Date { get; }

    /// <summary>Gets a value indicating whether the patient had a headache that day.</summary>
    public bool Headache { get; }

    /// <summary>Gets a value indicating whether it was a migraine day (always also a headache day).</summary>
    public bool Migraine { get; }

    /// <summary>Gets the acute medication classes taken that day.</summary>
    public AcuteMedicationSet AcuteMedication { get; }

    /// <summary>Gets the total headache duration that day, if recorded.</summary>
    public TimeSpan? HeadacheDuration { get; }

    /// <summary>Gets the peak severity that day, if recorded.</summary>
    public HeadacheSeverity? Severity { get; }

    /// <summary>Returns a headache-free day.</summary>
    /// <param name="date">The date.</param>
    /// <param name="acuteMedication">Any acute medication taken anyway.</param>
    /// <returns>The day.</returns>
    public static DiaryDay HeadacheFree(DateOnly date, AcuteMedicationSet acuteMedication = default) => new(date, false, false, acuteMedication);

    /// <inheritdoc />
    public bool Equals(DiaryDay other) =>
        Date == other.Date && Headache == other.Headache && Migraine == other.Migraine && AcuteMedication == other.AcuteMedication
        && HeadacheDuration == other.HeadacheDuration && Severity == other.Severity;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DiaryDay other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Date, Headache, Migraine, AcuteMedication, HeadacheDuration, Severity);

    /// <summary>Returns <c>yyyy-MM-dd: migraine|headache|no headache[, medication]</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Date:yyyy-MM-dd}: {(Migraine ? "migraine" : Headache ? "headache" : "no headache")}{(AcuteMedication.IsEmpty ? string.Empty : ", " + AcuteMedication)}";

    /// <summary>Compares two days for equality.</summary>
    /// <param name="left">The first day.</param>
    /// <param name="right">The second day.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(DiaryDay left, DiaryDay right) => left.Equals(right);

    /// <summary>Compares two days for inequality.</summary>
    /// <param name="left">The first day.</param>
    /// <param name="right">The second day.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(DiaryDay left, DiaryDay right) => !left.Equals(right);
}
