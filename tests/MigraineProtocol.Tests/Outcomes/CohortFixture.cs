using System.Globalization;
using MigraineProtocol.Outcomes;

namespace MigraineProtocol.Tests.Outcomes;

/// <summary>The example cohort (docs/examples/outcomes-cohort.csv) as outcomes per arm.</summary>
internal static class CohortFixture
{
    internal static Dictionary<string, PatientOutcome[]> Arms() =>
        File.ReadAllLines(ReferenceData.PathOf("outcomes-cohort.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .GroupBy(f => f[1])
            .ToDictionary(g => g.Key, g => g.Select(f => new PatientOutcome(double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture))).ToArray());
}
