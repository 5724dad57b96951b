using FsCheck;
using FsCheck.Fluent;
using MigraineProtocol.Diaries;

namespace MigraineProtocol.Tests.Arbitraries;

/// <summary>FsCheck generators for diaries: random spans, gaps, headache rates (so some diaries are chronic) and medication.</summary>
public static class DiaryArbitraries
{
    /// <summary>Sets of acute medication classes.</summary>
    public static Arbitrary<AcuteMedicationSet> MedicationSets() => Gen.Choose(0, 31).Select(AcuteMedicationSet.FromMask).ToArbitrary();

    /// <summary>Diaries of 1 to 200 days from 2025-2027, with per-diary rates of recording, headache, migraine and medication.</summary>
    public static Arbitrary<HeadacheDiary> Diaries() => DiaryGen(1, 200).ToArbitrary();

    internal static Gen<HeadacheDiary> DiaryGen(int minDays, int maxDays) =>
        from startOffset in Gen.Choose(0, 1000)
        from length in Gen.Choose(minDays, maxDays)
        from recordedRate in Gen.Elements(100, 100, 97, 90, 60)
        from headacheRate in Gen.Choose(20, 95)
        from migraineRate in Gen.Choose(10, 90)
        from medicationRate in Gen.Choose(0, 80)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select Build(new DateOnly(2025, 1, 1).AddDays(startOffset), length, recordedRate, headacheRate, migraineRate, medicationRate, seed);

    internal static HeadacheDiary Build(DateOnly start, int length, int recordedRate, int headacheRate, int migraineRate, int medicationRate, int seed)
    {
        var random = new Random(seed);
        var days = new List<DiaryDay>(length);
        for (var i = 0; i < length; i++)
        {
            // The first and last days are always recorded so that the span is exactly 'length' days.
            if (i != 0 && i != length - 1 && random.Next(100) >= recordedRate)
            {
                continue;
            }

            var headache = random.Next(100) < headacheRate;
            var migraine = headache && random.Next(100) < migraineRate;
            var mask = 0;
            for (var c = 0; c < AcuteMedicationClasses.Count; c++)
            {
                mask |= random.Next(100) < medicationRate / (c + 1) ? 1 << c : 0;
            }

            TimeSpan? duration = headache && random.Next(3) > 0 ? TimeSpan.FromMinutes(30 * random.Next(1, 49)) : null;
            HeadacheSeverity? severity = headache && random.Next(2) == 0 ? (HeadacheSeverity)random.Next(1, 4) : null;
            days.Add(new DiaryDay(start.AddDays(i), headache, migraine, AcuteMedicationSet.FromMask(mask), duration, severity));
        }

        return new HeadacheDiary(days);
    }
}
