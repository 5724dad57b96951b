using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Serialization;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Tests.Utility;

public class JsonPositionsTests
{
    [Fact]
    public void LocatesValuesInObjectsAndArrays()
    {
        const string json = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\": [[true]]}\n}";
        var at = JsonPositions.Locate(json, ["$", "$.a", "$.a[0]", "$.a[1].b", "$.c.d[0][0]", "$.missing"]);
        Assert.Equal((1, 1), at["$"]);
        Assert.Equal((2, 8), at["$.a"]);
        Assert.Equal((2, 9), at["$.a[0]"]);
        Assert.Equal((2, 18), at["$.a[1].b"]);
        Assert.Equal((3, 16), at["$.c.d[0][0]"]);
        Assert.False(at.ContainsKey("$.missing"));
    }

    [Fact]
    public void ColumnsCountCharactersNotBytes() =>
        Assert.Equal((1, 15), JsonPositions.Locate("{\"é\": 1, \"x\": 2}", ["$.x"])["$.x"]);

    [Fact]
    public void ASyntaxErrorKeepsWhatWasFoundBefore() =>
        Assert.Equal((1, 7), JsonPositions.Locate("{\"a\": 1, \"b\": }", ["$.a", "$.b"])["$.a"]);

    /// <summary>Law: with one injection per line, a bad dose at injection i (0-based) is reported on line i + 4.</summary>
    [Property(MaxTest = 50)]
    public Property ProblemsAfterParsingNameTheLineOfTheValue() =>
        Prop.ForAll(Gen.Choose(1, 20).SelectMany(n => Gen.Choose(0, n - 1).Select(bad => (n, bad))).ToArbitrary(), t =>
        {
            var (n, bad) = t;
            var lines = Enumerable.Range(0, n).Select(i => $"    {{\"site\": \"procerus\", \"units\": {(i == bad ? "-5" : "5")}}}{(i < n - 1 ? "," : string.Empty)}");
            var json = "{\n  \"date\": \"2026-03-02\",\n  \"injections\": [\n" + string.Join("\n", lines) + "\n  ]\n}";
            return !SessionJson.TryRead(json, "s.json", out _, out var problems)
                && problems.Single().ToString().StartsWith($"s.json:{bad + 4}:", StringComparison.Ordinal)
                && problems.Single().ToString().Contains($"$.injections[{bad}].units", StringComparison.Ordinal);
        });
}
