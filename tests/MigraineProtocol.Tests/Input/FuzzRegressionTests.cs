using MigraineProtocol.Fuzz;

namespace MigraineProtocol.Tests.Input;

/// <summary>
/// Every fuzz finding is kept as a regression test: the inputs under tests/MigraineProtocol.Fuzz/findings
/// (and the seeds) run through the same targets the fuzzers run, which read, validate, report, map, plan
/// and round-trip; none may throw.
/// </summary>
public class FuzzRegressionTests
{
    public static TheoryData<string, string> Inputs()
    {
        var root = Path.Combine(Architecture.LayeringTests.RepositoryRoot(), "tests", "MigraineProtocol.Fuzz");
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.All.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var folder in new[] { "findings", "seeds" })
            {
                var dir = Path.Combine(root, folder, target);
                foreach (var file in Directory.Exists(dir) ? Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal).ToList() : [])
                {
                    data.Add(target, Path.GetRelativePath(root, file));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void TheTargetDoesNotThrow(string target, string file)
    {
        var path = Path.Combine(Architecture.LayeringTests.RepositoryRoot(), "tests", "MigraineProtocol.Fuzz", file);
        FuzzTargets.All[target](FuzzTargets.Decode(File.ReadAllBytes(path)));
    }

    [Fact]
    public void EveryTargetHasFindingsOrSeeds() =>
        Assert.All(FuzzTargets.All.Keys, target => Assert.True(Directory.EnumerateFiles(Path.Combine(Architecture.LayeringTests.RepositoryRoot(), "tests", "MigraineProtocol.Fuzz", "seeds", target)).Any(), target));

    [Fact]
    public void TheMutatorFindsNothingInAShortRun()
    {
        var root = Path.Combine(Architecture.LayeringTests.RepositoryRoot(), "tests", "MigraineProtocol.Fuzz", "seeds");
        var output = Directory.CreateTempSubdirectory("mp-mutate-").FullName;
        try
        {
            foreach (var (name, target) in FuzzTargets.All)
            {
                var seeds = Directory.EnumerateFiles(Path.Combine(root, name)).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
                var result = Mutator.Run(target, seeds, TimeSpan.FromMilliseconds(300), output, seed: 7);
                Assert.True(result.Findings == 0, $"{name}: {string.Join("\n", Directory.EnumerateFiles(output, "*.txt").Select(File.ReadAllText))}");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
