using System.Xml.Linq;

namespace MigraineProtocol.Tests.Cli;

public sealed class MapCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"mp-map-{Guid.NewGuid():N}")).FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string PathOf(string name) => Path.Combine(dir, name);

    [Fact]
    public void WritesTheSvgDeterministically()
    {
        var (code, output, error) = CliRunner.Run("map", "--output", PathOf("a.svg"));
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Equal($"{PathOf("a.svg")}: preempt, all views, 41 site markers.\n", output);
        Assert.Equal(0, CliRunner.Run("map", "-o", PathOf("b.svg")).ExitCode);
        Assert.Equal(File.ReadAllBytes(PathOf("a.svg")), File.ReadAllBytes(PathOf("b.svg")));
        var bytes = File.ReadAllBytes(PathOf("a.svg"));
        Assert.Equal((byte)'<', bytes[0]);
        Assert.Equal(31, XDocument.Load(PathOf("a.svg")).Descendants().Where(e => e.Attribute("data-site") is not null).Select(e => e.Attribute("data-site")!.Value).Distinct().Count());
    }

    [Fact]
    public void DrawsASessionOverlay()
    {
        File.WriteAllText(PathOf("s.json"), """
            {"date": "2026-03-02", "injections": [{"site": "procerus", "units": 10}, {"site": "temporalis-left-ftp", "units": 5}], "lot": "C123"}
            """);
        var (code, output, error) = CliRunner.Run("map", "--view", "front", "--session", PathOf("s.json"), "--output", PathOf("m.svg"));
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("front view, 7 site markers; session 2026-03-02: 30 missed, 0 under-dosed, 1 over-dosed", output, StringComparison.Ordinal);
        var svg = File.ReadAllText(PathOf("m.svg"));
        Assert.Contains("data-site=\"procerus\" data-muscle=\"procerus\" data-side=\"midline\" data-status=\"over-dosed\" data-given=\"10\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void UsesDefinitionsFiles()
    {
        File.WriteAllText(PathOf("d.json"), """
            {"protocols": [{"id": "clinic", "name": "Clinic", "description": "d", "retreatmentIntervalDays": 84,
              "sources": [{"source": "clinic", "locator": "policy", "verification": "unverified"}], "sites": [{"site": "procerus", "units": 5}]}]}
            """);
        var (code, output, _) = CliRunner.Run("map", "--definitions", PathOf("d.json"), "--protocol", "clinic", "--view", "front", "-o", PathOf("c.svg"));
        Assert.Equal(0, code);
        Assert.Contains("clinic, front view, 1 site markers", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "map", "--view", "top", "-o", "x.svg" }, "Unknown view 'top' for --view")]
    [InlineData(new[] { "map" }, "--output FILE.svg is required")]
    [InlineData(new[] { "map", "-o", "x.svg", "--protocol", "nope" }, "Unknown protocol 'nope'")]
    [InlineData(new[] { "map", "-o", "x.svg", "--session", "/nonexistent/s.json" }, "/nonexistent/s.json: the session file does not exist.")]
    [InlineData(new[] { "map", "-o", "/nonexistent/dir/x.svg" }, "/nonexistent/dir/x.svg: the map cannot be written")]
    public void BadUsageExitsTwo(string[] args, string expected)
    {
        var (code, output, error) = CliRunner.Run([.. args.Select(a => a == "x.svg" ? PathOf(a) : a)]);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("x.svg")));
    }

    [Theory]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [\n  {\"site\": \"procerus\", \"units\": -5}]}", ":2:33: $.injections[0].units: -5 is not a dose")]
    [InlineData("{\"date\": \"02/03/2026\", \"injections\": []}", ":1:10: $.date: '02/03/2026' is not a date")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"Bad Id\", \"units\": 5}]}", "$.injections[0].site: 'Bad Id' is not a valid site id")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [], \"colour\": 1}", "$.colour: unknown property 'colour'")]
    [InlineData("{\"date\": \"2026-03-02\"}", ":1:1: $: the session has no 'injections' array.")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\"}]}", "$.injections[0]: an injection needs both 'site' and 'units'.")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [", "the session file is not valid JSON")]
    [InlineData("[]", "$: expected a session object, found an array.")]
    public void BadSessionFilesNameFileLineColumnAndPath(string json, string expected)
    {
        File.WriteAllText(PathOf("bad.json"), json);
        var (code, output, error) = CliRunner.Run("map", "--session", PathOf("bad.json"), "-o", PathOf("x.svg"));
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: {PathOf("bad.json")}:", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("x.svg")));
    }
}
