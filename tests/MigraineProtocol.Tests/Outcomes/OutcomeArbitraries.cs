using FsCheck;
using FsCheck.Fluent;
using MigraineProtocol.Outcomes;

namespace MigraineProtocol.Tests.Outcomes;

/// <summary>FsCheck generators for outcomes: baselines 1 to 31 days, follow-ups 0 to 31 days, in half days and hundredths.</summary>
public static class OutcomeArbitraries
{
    public static Arbitrary<PatientOutcome> Outcomes() =>
        (from b in Gen.Choose(100, 3100)
         from f in Gen.Frequency((3, Gen.Choose(0, 62).Select(h => h * 50)), (1, Gen.Choose(0, 3100)))
         select new PatientOutcome(b / 100.0, f / 100.0)).ToArbitrary();

    public static Arbitrary<PatientOutcome[]> Cohorts() => Outcomes().Generator.ArrayOf().ToArbitrary();
}
