using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries.Cohorts;

/// <summary>Builds a <see cref="CohortDiaryStore"/>: add patients (whole diaries or day by day), then <see cref="Build"/>.</summary>
/// <remarks>Not thread-safe. After <see cref="Build"/> the builder is spent.</remarks>
public sealed class CohortDiaryStoreBuilder
{
    private readonly int stride;
    private uint[] words;
    private int[] starts;
    private bool built;

    /// <summary>Initializes a builder.</summary>
    /// <param name="periodCount">The 28-day periods stored per patient (1 to 64).</param>
    /// <param name="capacity">The expected number of patients (the store grows past it).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodCount"/> is not 1 to 64, or <paramref name="capacity"/> is negative.</exception>
    public CohortDiaryStoreBuilder(int periodCount, int capacity = 16)
    {
        Preconditions.CheckRange(periodCount is >= 1 and <= 64, nameof(periodCount), periodCount, "A cohort store holds 1 to 64 periods per patient.");
        Preconditions.CheckRange(capacity >= 0, nameof(capacity), capacity, "The capacity is zero or more.");
        PeriodCount = periodCount;
        stride = periodCount * CohortDiaryStore.WordsPerPeriod;
        words = new uint[checked(Math.Max(capacity, 1) * stride)];
        starts = new int[Math.Max(capacity, 1)];
    }

    /// <summary>Gets the periods stored per patient.</summary>
    public int PeriodCount { get; }

    /// <summary>Gets the number of patients added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a patient with no recorded days yet; record them with <see cref="SetDay"/>.</summary>
    /// <param name="start">The first diary date (start of period 0).</param>
    /// <returns>The patient index.</returns>
    /// <exception cref="InvalidOperationException">The builder has built its store.</exception>
    public int AddPatient(DateOnly start)
    {
        CheckNotBuilt();
        if (Count == starts.Length)
        {
            var grown = checked(starts.Length * 2);
            Array.Resize(ref starts, grown);
            Array.Resize(ref words, checked(grown * stride));
        }

        starts[Count] = start.DayNumber;
        return Count++;
    }

    /// <summary>Records one day of a patient.</summary>
    /// <param name="patient">The patient index.</param>
    /// <param name="dayOffset">The day, counted from the patient's start (0 to 28 × periods − 1).</param>
    /// <param name="headache">Whether it was a headache day.</param>
    /// <param name="migraine">Whether it was a migraine day (implies <paramref name="headache"/>).</param>
    /// <param name="acuteMedication">The acute medication classes taken.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="ArgumentException">Migraine without headache.</exception>
    /// <exception cref="InvalidOperationException">The builder has built its store.</exception>
    public void SetDay(int patient, int dayOffset, bool headache, bool migraine, AcuteMedicationSet acuteMedication)
    {
        CheckNotBuilt();
        Preconditions.CheckRange((uint)patient < (uint)Count, nameof(patient), patient, $"A patient index is 0 to {Count - 1}.");
        Preconditions.CheckRange((uint)dayOffset < (uint)(PeriodCount * CohortDiaryStore.DaysPerPeriod), nameof(dayOffset), dayOffset, $"A day offset is 0 to {(PeriodCount * CohortDiaryStore.DaysPerPeriod) - 1}.");
        Preconditions.CheckArgument(headache || !migraine, nameof(migraine), "A migraine day is also a headache day.");
        var (period, day) = Math.DivRem(dayOffset, CohortDiaryStore.DaysPerPeriod);
        var w = words.AsSpan((patient * stride) + (period * CohortDiaryStore.WordsPerPeriod), CohortDiaryStore.WordsPerPeriod);
        var bit = 1u << day;
        var clear = ~bit;
        w[CohortDiaryStore.Recorded] |= bit;
        w[CohortDiaryStore.Headache] = (w[CohortDiaryStore.Headache] & clear) | (headache ? bit : 0);
        w[CohortDiaryStore.Migraine] = (w[CohortDiaryStore.Migraine] & clear) | (migraine ? bit : 0);
        for (var c = 0; c < AcuteMedicationClasses.Count; c++)
        {
            var taken = (acuteMedication.Mask & (1 << c)) != 0;
            w[CohortDiaryStore.FirstClass + c] = (w[CohortDiaryStore.FirstClass + c] & clear) | (taken ? bit : 0);
        }
    }

    /// <summary>Adds a patient from a diary: the first <see cref="PeriodCount"/> 28-day periods from its start; later days are left out.</summary>
    /// <param name="diary">The diary.</param>
    /// <returns>The patient index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diary"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has built its store.</exception>
    public int Add(HeadacheDiary diary)
    {
        ArgumentNullException.ThrowIfNull(diary);
        var patient = AddPatient(diary.Start);
        var limit = PeriodCount * CohortDiaryStore.DaysPerPeriod;
        foreach (var d in diary.Days)
        {
            var offset = d.Date.DayNumber - diary.Start.DayNumber;
            if (offset >= limit)
            {
                break;
            }

            SetDay(patient, offset, d.Headache, d.Migraine, d.AcuteMedication);
        }

        return patient;
    }

    /// <summary>Returns the store; the builder is spent afterwards.</summary>
    /// <returns>The store.</returns>
    /// <exception cref="InvalidOperationException">The builder has already built its store.</exception>
    public CohortDiaryStore Build()
    {
        CheckNotBuilt();
        built = true;
        var used = Count * stride;
        var data = words.Length == used ? words : words[..used];
        var s = starts.Length == Count ? starts : starts[..Count];
        words = [];
        starts = [];
        return new CohortDiaryStore(data, s, Count, PeriodCount);
    }

    private void CheckNotBuilt()
    {
        if (built)
        {
            throw new InvalidOperationException("This builder has built its store; create a new builder to build another.");
        }
    }
}
