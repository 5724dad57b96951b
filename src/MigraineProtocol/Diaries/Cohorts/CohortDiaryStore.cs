using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Diaries.Cohorts;

/// <summary>
/// A compact, immutable store of many patients' diaries: a fixed number of 28-day periods per
/// patient, one bit per day per flag, so that period counts run at memory speed.
/// </summary>
/// <remarks>
/// <para>Layout: for each patient, for each period, 8 words of 32 bits (bit <c>d</c> is day <c>d</c>
/// of the period, days 0 to 27): recorded, headache, migraine, then one word per
/// <see cref="AcuteMedicationClass"/>. A patient-period is 32 bytes; 1,000,000 patients × 6 periods
/// take 192 MB. Periods are the consecutive 28-day periods from each patient's first diary date (the
/// trial convention); days past the end of a diary are unrecorded.</para>
/// <para><see cref="Evaluate"/> reads every word once, in parallel over the processors, and agrees
/// with <see cref="ChronicMigraineCriteria"/> and <see cref="MedicationOveruseCriteria"/> on each
/// patient's diary. It allocates per worker, never per patient.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class CohortDiaryStore
{
    /// <summary>The days in each period: 28.</summary>
    public const int DaysPerPeriod = 28;

    /// <summary>The 32-bit words stored per patient-period: 8 (recorded, headache, migraine, 5 medication classes).</summary>
    internal const int WordsPerPeriod = 8;

    internal const int Recorded = 0;
    internal const int Headache = 1;
    internal const int Migraine = 2;
    internal const int FirstClass = 3;
    private const int ChunkSize = 8192;

    private readonly uint[] words;
    private readonly int[] startDayNumbers;

    internal CohortDiaryStore(uint[] words, int[] startDayNumbers, int patientCount, int periodCount)
    {
        this.words = words;
        this.startDayNumbers = startDayNumbers;
        PatientCount = patientCount;
        PeriodCount = periodCount;
    }

    /// <summary>Gets the number of patients.</summary>
    public int PatientCount { get; }

    /// <summary>Gets the number of 28-day periods stored per patient.</summary>
    public int PeriodCount { get; }

    /// <summary>Gets the bytes the day bits take (the bytes <see cref="Evaluate"/> reads, besides the start dates).</summary>
    public long DataBytes => (long)PatientCount * PeriodCount * WordsPerPeriod * sizeof(uint);

    /// <summary>Gets the stored words (for the raw-scan benchmark and tests).</summary>
    internal ReadOnlySpan<uint> Words => words.AsSpan(0, PatientCount * PeriodCount * WordsPerPeriod);

    /// <summary>Returns a patient's first diary date (the start of period 0).</summary>
    /// <param name="patient">The patient index, from 0.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="patient"/> is out of range.</exception>
    public DateOnly StartOf(int patient)
    {
        CheckPatient(patient);
        return DateOnly.FromDayNumber(startDayNumbers[patient]);
    }

    /// <summary>Returns the counts of one patient-period, as a <see cref="PeriodSummary"/>.</summary>
    /// <param name="patient">The patient index, from 0.</param>
    /// <param name="period">The period index, from 0.</param>
    /// <returns>The summary (always a whole 28-day period; days past the diary are unrecorded).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public PeriodSummary GetPeriod(int patient, int period)
    {
        CheckPatient(patient);
        Preconditions.CheckRange((uint)period < (uint)PeriodCount, nameof(period), period, $"A period index is 0 to {PeriodCount - 1}.");
        var w = words.AsSpan(((patient * PeriodCount) + period) * WordsPerPeriod, WordsPerPeriod);
        var classes = new int[AcuteMedicationClasses.Count];
        uint any = 0;
        for (var c = 0; c < classes.Length; c++)
        {
            classes[c] = BitOperations.PopCount(w[FirstClass + c]);
            any |= w[FirstClass + c];
        }

        var start = StartOf(patient).AddDays(period * DaysPerPeriod);
        return new PeriodSummary(start, start.AddDays(DaysPerPeriod - 1), BitOperations.PopCount(w[Recorded]), BitOperations.PopCount(w[Headache]), BitOperations.PopCount(w[Migraine]), ImmutableArray.Create(classes), BitOperations.PopCount(any), true);
    }

    /// <summary>
    /// Evaluates every patient, in parallel: ICHD-3 1.3 chronic migraine and ICHD-3 8.2 medication
    /// overuse on the latest <paramref name="periods"/> periods, and cohort totals per period.
    /// </summary>
    /// <param name="thresholds">The medication-overuse thresholds (classes without one are not assessed).</param>
    /// <param name="periods">How many of the latest periods each criterion needs (<see langword="null"/> for <see cref="ChronicMigraineCriteria.PeriodsForMoreThanThreeMonths"/>: more than 3 months).</param>
    /// <param name="maxDegreeOfParallelism">The most processors to use; -1 (the default) for all.</param>
    /// <returns>The cohort counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="thresholds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is not 1 to <see cref="PeriodCount"/>, or <paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public CohortEvaluation Evaluate(MedicationOveruseThresholds thresholds, int? periods = null, int maxDegreeOfParallelism = -1) =>
        EvaluateCore(thresholds, periods ?? ChronicMigraineCriteria.PeriodsForMoreThanThreeMonths, maxDegreeOfParallelism, Avx2.IsSupported);

    /// <summary>Evaluates with the AVX2 kernel or the portable scalar one (tests run both).</summary>
    internal CohortEvaluation EvaluateCore(MedicationOveruseThresholds thresholds, int periods, int maxDegreeOfParallelism, bool vector)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        Preconditions.CheckRange(periods >= 1 && periods <= PeriodCount, nameof(periods), periods, $"The evaluated periods are 1 to the stored {PeriodCount}.");
        Preconditions.CheckRange(maxDegreeOfParallelism == -1 || maxDegreeOfParallelism >= 1, nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "The degree of parallelism is -1 (all processors) or at least 1.");
        var rule = new Rule(thresholds, PeriodCount - periods);
        var total = new Partial(PeriodCount);
        var gate = new object();
        var chunks = (PatientCount + ChunkSize - 1) / ChunkSize;
        Parallel.For(
            0,
            chunks,
            // One worker per processor at most: more would only take turns on the same cores.
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism },
            () => new Partial(PeriodCount),
            (chunk, _, local) =>
            {
                var from = chunk * ChunkSize;
                var to = Math.Min(PatientCount, from + ChunkSize);
                if (vector && Avx2.IsSupported)
                {
                    EvaluateRangeAvx2(from, to, rule, local);
                }
                else
                {
                    EvaluateRange(from, to, rule, local);
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    total.Add(local);
                }
            });
        return total.ToEvaluation(PatientCount);
    }

    private void EvaluateRangeAvx2(int from, int to, Rule rule, Partial local)
    {
        // A patient-period is 8 words = one 256-bit vector: [recorded, headache, migraine, 5 classes].
        // Per-lane popcount (nibble lookup), then one compare against the thresholds gives every
        // criterion of the period as one bit.
        var periods = PeriodCount;
        var first = rule.FirstPeriod;
        var multipleThreshold = rule.Multiple;
        var multipleAssessed = multipleThreshold != int.MaxValue;
        var lut = Vector256.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
        var nibble = Vector256.Create((byte)0x0F);
        var onesByte = Vector256.Create((sbyte)1);
        var onesShort = Vector256.Create((short)1);

        // Lane thresholds: lane 0 (recorded) never "fails"; lanes 1-2 chronic migraine; lanes 3-7 the classes.
        var atLeast = Vector256.Create(
            0,
            ChronicMigraineCriteria.HeadacheDaysPerMonth,
            ChronicMigraineCriteria.MigraineDaysPerMonth,
            rule.ClassThresholds[0],
            rule.ClassThresholds[1],
            rule.ClassThresholds[2],
            rule.ClassThresholds[3],
            rule.ClassThresholds[4]);
        var atLeastMinusOne = atLeast - Vector256<int>.One;
        var daysPerPeriod = Vector256.Create(DaysPerPeriod);
        Span<Vector256<int>> totals = stackalloc Vector256<int>[periods];
        totals.Clear();
        long cmMet = 0, cmNotMet = 0, multipleCount = 0, suspected = 0;
        long o0 = 0, o1 = 0, o2 = 0, o3 = 0, o4 = 0;
        ref var patientWords = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(words), (nint)from * periods * WordsPerPeriod);
        for (var patient = from; patient < to; patient++)
        {
            var met = 0xFF;
            var failed = 0;
            var multipleOk = multipleAssessed;
            for (var p = 0; p < periods; p++)
            {
                ref var w = ref Unsafe.Add(ref patientWords, p * WordsPerPeriod);
                var v = Vector256.LoadUnsafe(ref w).AsByte();
                var bytes = Avx2.Add(Avx2.Shuffle(lut, v & nibble), Avx2.Shuffle(lut, Avx2.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & nibble));
                var counts = Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(bytes, onesByte), onesShort);
                totals[p] += counts;
                if (p < first)
                {
                    continue;
                }

                met &= Avx.MoveMask(Avx2.CompareGreaterThan(counts, atLeastMinusOne).AsSingle());
                var unrecorded = daysPerPeriod - Avx2.PermuteVar8x32(counts, Vector256<int>.Zero);
                failed |= Avx.MoveMask(Avx2.CompareGreaterThan(atLeast, counts + unrecorded).AsSingle());
                if (multipleOk)
                {
                    uint c0 = Unsafe.Add(ref w, FirstClass), c1 = Unsafe.Add(ref w, FirstClass + 1), c2 = Unsafe.Add(ref w, FirstClass + 2), c3 = Unsafe.Add(ref w, FirstClass + 3), c4 = Unsafe.Add(ref w, FirstClass + 4);
                    var used = (c0 != 0 ? 1 : 0) + (c1 != 0 ? 1 : 0) + (c2 != 0 ? 1 : 0) + (c3 != 0 ? 1 : 0) + (c4 != 0 ? 1 : 0);
                    multipleOk = used >= 2 && BitOperations.PopCount(c0 | c1 | c2 | c3 | c4) >= multipleThreshold;
                }
            }

            var cmOk = (met & 0b110) == 0b110;
            cmMet += cmOk ? 1 : 0;
            cmNotMet += !cmOk && (failed & 0b110) != 0 ? 1 : 0;
            var classOk = (uint)met >> 3;
            o0 += classOk & 1;
            o1 += (classOk >> 1) & 1;
            o2 += (classOk >> 2) & 1;
            o3 += (classOk >> 3) & 1;
            o4 += (classOk >> 4) & 1;
            var multiple = multipleOk && classOk == 0;
            multipleCount += multiple ? 1 : 0;

            // ICHD-3 8.2 criterion A (headache on >= 15 days in every evaluated period) gates every subtype.
            suspected += (met & 0b10) != 0 && (classOk != 0 || multiple) ? 1 : 0;
            patientWords = ref Unsafe.Add(ref patientWords, periods * WordsPerPeriod);
        }

        for (var p = 0; p < periods; p++)
        {
            local.Totals[p * 3] += totals[p][Recorded];
            local.Totals[(p * 3) + 1] += totals[p][Headache];
            local.Totals[(p * 3) + 2] += totals[p][Migraine];
        }

        local.ChronicMigraineMet += cmMet;
        local.ChronicMigraineNotMet += cmNotMet;
        local.MultipleClasses += multipleCount;
        local.OveruseSuspected += suspected;
        local.OveruseByClass[0] += o0;
        local.OveruseByClass[1] += o1;
        local.OveruseByClass[2] += o2;
        local.OveruseByClass[3] += o3;
        local.OveruseByClass[4] += o4;
    }

    private void EvaluateRange(int from, int to, Rule rule, Partial local)
    {
        // The hot loop: 8 popcounts per patient-period, no allocation, no bounds checks (indices are
        // validated by construction: every patient has PeriodCount * WordsPerPeriod words).
        var periods = PeriodCount;
        var first = rule.FirstPeriod;
        int t0 = rule.ClassThresholds[0], t1 = rule.ClassThresholds[1], t2 = rule.ClassThresholds[2], t3 = rule.ClassThresholds[3], t4 = rule.ClassThresholds[4];
        var multipleThreshold = rule.Multiple;
        var multipleAssessed = multipleThreshold != int.MaxValue;
        var hd = ChronicMigraineCriteria.HeadacheDaysPerMonth;
        var md = ChronicMigraineCriteria.MigraineDaysPerMonth;
        Span<long> totals = stackalloc long[periods * 3];
        totals.Clear();
        long cmMet = 0, cmNotMet = 0, multipleCount = 0, suspected = 0;
        long o0 = 0, o1 = 0, o2 = 0, o3 = 0, o4 = 0;
        ref var patientWords = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(words), (nint)from * periods * WordsPerPeriod);
        for (var patient = from; patient < to; patient++)
        {
            var cmOk = true;
            var cmBad = false;
            var headacheOk = true;
            var classOk = 0x1Fu;
            var multipleOk = multipleAssessed;
            for (var p = 0; p < periods; p++)
            {
                ref var w = ref Unsafe.Add(ref patientWords, p * WordsPerPeriod);
                var recorded = BitOperations.PopCount(w);
                var headache = BitOperations.PopCount(Unsafe.Add(ref w, Headache));
                var migraine = BitOperations.PopCount(Unsafe.Add(ref w, Migraine));
                ref var t = ref totals[p * 3];
                t += recorded;
                Unsafe.Add(ref t, 1) += headache;
                Unsafe.Add(ref t, 2) += migraine;
                if (p < first)
                {
                    continue;
                }

                var unrecorded = DaysPerPeriod - recorded;
                cmOk &= headache >= hd & migraine >= md;
                headacheOk &= headache >= hd;
                cmBad |= headache + unrecorded < hd | migraine + unrecorded < md;
                uint c0 = Unsafe.Add(ref w, FirstClass), c1 = Unsafe.Add(ref w, FirstClass + 1), c2 = Unsafe.Add(ref w, FirstClass + 2), c3 = Unsafe.Add(ref w, FirstClass + 3), c4 = Unsafe.Add(ref w, FirstClass + 4);
                classOk &= (BitOperations.PopCount(c0) >= t0 ? 1u : 0u)
                    | (BitOperations.PopCount(c1) >= t1 ? 2u : 0u)
                    | (BitOperations.PopCount(c2) >= t2 ? 4u : 0u)
                    | (BitOperations.PopCount(c3) >= t3 ? 8u : 0u)
                    | (BitOperations.PopCount(c4) >= t4 ? 16u : 0u);
                if (multipleOk)
                {
                    var used = (c0 != 0 ? 1 : 0) + (c1 != 0 ? 1 : 0) + (c2 != 0 ? 1 : 0) + (c3 != 0 ? 1 : 0) + (c4 != 0 ? 1 : 0);
                    multipleOk = used >= 2 && BitOperations.PopCount(c0 | c1 | c2 | c3 | c4) >= multipleThreshold;
                }
            }

            cmMet += cmOk ? 1 : 0;
            cmNotMet += !cmOk && cmBad ? 1 : 0;
            o0 += classOk & 1;
            o1 += (classOk >> 1) & 1;
            o2 += (classOk >> 2) & 1;
            o3 += (classOk >> 3) & 1;
            o4 += (classOk >> 4) & 1;
            var multiple = multipleOk && classOk == 0;
            multipleCount += multiple ? 1 : 0;

            // ICHD-3 8.2 criterion A (headache on >= 15 days in every evaluated period) gates every subtype.
            suspected += headacheOk && (classOk != 0 || multiple) ? 1 : 0;
            patientWords = ref Unsafe.Add(ref patientWords, periods * WordsPerPeriod);
        }

        for (var i = 0; i < totals.Length; i++)
        {
            local.Totals[i] += totals[i];
        }

        local.ChronicMigraineMet += cmMet;
        local.ChronicMigraineNotMet += cmNotMet;
        local.MultipleClasses += multipleCount;
        local.OveruseSuspected += suspected;
        local.OveruseByClass[0] += o0;
        local.OveruseByClass[1] += o1;
        local.OveruseByClass[2] += o2;
        local.OveruseByClass[3] += o3;
        local.OveruseByClass[4] += o4;
    }

    private void CheckPatient(int patient) =>
        Preconditions.CheckRange((uint)patient < (uint)PatientCount, nameof(patient), patient, $"A patient index is 0 to {PatientCount - 1}.");

    private sealed class Rule
    {
        internal Rule(MedicationOveruseThresholds thresholds, int firstPeriod)
        {
            FirstPeriod = firstPeriod;
            ClassThresholds = new int[AcuteMedicationClasses.Count];
            foreach (var c in AcuteMedicationClasses.All)
            {
                ClassThresholds[(int)c] = thresholds.For(c) ?? int.MaxValue;
            }

            Multiple = thresholds.MultipleClasses ?? int.MaxValue;
        }

        internal int FirstPeriod { get; }

        internal int[] ClassThresholds { get; }

        internal int Multiple { get; }
    }

    private sealed class Partial(int periods)
    {
        internal long[] Totals { get; } = new long[periods * 3];

        internal long[] OveruseByClass { get; } = new long[AcuteMedicationClasses.Count];

        internal long ChronicMigraineMet { get; set; }

        internal long ChronicMigraineNotMet { get; set; }

        internal long MultipleClasses { get; set; }

        internal long OveruseSuspected { get; set; }

        internal void Add(Partial other)
        {
            for (var i = 0; i < Totals.Length; i++)
            {
                Totals[i] += other.Totals[i];
            }

            for (var i = 0; i < OveruseByClass.Length; i++)
            {
                OveruseByClass[i] += other.OveruseByClass[i];
            }

            ChronicMigraineMet += other.ChronicMigraineMet;
            ChronicMigraineNotMet += other.ChronicMigraineNotMet;
            MultipleClasses += other.MultipleClasses;
            OveruseSuspected += other.OveruseSuspected;
        }

        internal CohortEvaluation ToEvaluation(int patients)
        {
            var periods = Totals.Length / 3;
            var byPeriod = new CohortPeriodTotals[periods];
            for (var p = 0; p < periods; p++)
            {
                byPeriod[p] = new CohortPeriodTotals(p, Totals[p * 3], Totals[(p * 3) + 1], Totals[(p * 3) + 2]);
            }

            return new CohortEvaluation(patients, ChronicMigraineMet, ChronicMigraineNotMet, OveruseSuspected, ImmutableArray.Create(OveruseByClass), MultipleClasses, ImmutableArray.Create(byPeriod));
        }
    }
}
