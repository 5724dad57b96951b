using System.Xml.Linq;
using MigraineProtocol.Tests.Architecture;

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
            {"date": "2026-03-02", "product": "BOTOX", "injections": [{"site": "procerus", "units": 10}, {"site": "temporalis-left-ftp", "units": 5}], "lot": "C123"}
            """);
        var (code, output, error) = CliRunner.Run("map", "--view", "front", "--session", PathOf("s.json"), "--output", PathOf("m.svg"));
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Equal(
            $"{PathOf("m.svg")}: preempt, front view, 7 site markers; session 2026-03-02: 15 U given; 30 missed, 0 under-dosed, 1 over-dosed, 0 unplanned.\n"
            + "INVALID (31 errors, 0 warnings): missing-site x30, site-dose x1; run validate for the messages.\n",
            output);
        var svg = File.ReadAllText(PathOf("m.svg"));
        Assert.Contains("data-site=\"procerus\" data-muscle=\"procerus\" data-side=\"midline\" data-status=\"over-dosed\" data-given=\"10\"", svg, StringComparison.Ordinal);

        // The report's codes and messages are in the description and the legend.
        var root = XDocument.Parse(svg).Root!;
        var desc = root.Elements().Single(e => e.Name.LocalName == "desc").Value;
        Assert.Contains("Rules: INVALID (31 errors, 0 warnings). error missing-site: Fixed site 'corrugator-left-1'", desc, StringComparison.Ordinal);
        Assert.Contains("error site-dose: 'procerus' was given 10 U; protocol 'preempt' gives 5 U at this site.", desc, StringComparison.Ordinal);
        var legend = string.Join("\n", root.Descendants().Where(e => e.Attribute("class")?.Value == "legend").Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        Assert.Contains("Rules: INVALID (31 errors, 0 warnings)", legend, StringComparison.Ordinal);
        Assert.Contains("error site-dose: procerus", legend, StringComparison.Ordinal);
    }

    [Fact]
    public void AValidSessionWithAHistoryPrintsTheVerdictAndExitsZero()
    {
        File.WriteAllText(PathOf("s.json"), """{"date": "2026-03-02", "product": "BOTOX", "injections": [{"site": "procerus", "units": 5}]}""");
        File.WriteAllText(PathOf("h.json"), """{"administrations": [{"date": "2026-02-01", "units": 155, "indication": "chronic-migraine"}]}""");
        var (code, output, error) = CliRunner.Run("map", "--protocol", "preempt", "--session", PathOf("s.json"), "--history", PathOf("h.json"), "-o", PathOf("m.svg"));
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.EndsWith("INVALID (30 errors, 1 warnings): missing-site x30, retreatment-interval x1; run validate for the messages.\n", output, StringComparison.Ordinal);
        Assert.Contains("warning retreatment-interval: 29 days since the last chronic-migraine session on 2026-02-01", File.ReadAllText(PathOf("m.svg")), StringComparison.Ordinal);

        var valid = Path.Combine(LayeringTests.RepositoryRoot(), "docs", "examples", "session-valid.json");
        (code, output, error) = CliRunner.Run("map", "--session", valid, "-o", PathOf("v.svg"));
        Assert.Equal((0, string.Empty), (code, error));
        Assert.EndsWith("0 missed, 0 under-dosed, 0 over-dosed, 0 unplanned.\nVALID (0 warnings).\n", output, StringComparison.Ordinal);
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
    [InlineData(new[] { "map", "--view", "top", "-o", "x.svg" }, "--view 'top': use one of all, front, back, left, right.")]
    [InlineData(new[] { "map" }, "--output FILE.svg is required")]
    [InlineData(new[] { "map", "-o", "x.svg", "--protocol", "nope" }, "--protocol 'nope': no such protocol")]
    [InlineData(new[] { "map", "-o", "x.svg", "--session", "/nonexistent/s.json" }, "/nonexistent/s.json: no such file; expected a session file.")]
    [InlineData(new[] { "map", "-o", "x.svg", "--history", "/nonexistent/h.json" }, "--history needs --session")]
    [InlineData(new[] { "map", "-o", "/nonexistent/dir/x.svg" }, "/nonexistent/dir/x.svg: the folder /nonexistent/dir does not exist; create it first.")]
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
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [\n  {\"site\": \"procerus\", \"units\": -5}]}", ": $.injections[0].units: -5 is not a valid amount of toxin units")]
    [InlineData("{\"date\": \"02/03/2026\", \"injections\": []}", ": $.date: '02/03/2026' is not a date")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"Bad Id\", \"units\": 5}]}", ": $.injections[0].site: 'Bad Id' is not a site id")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [], \"colour\": 1}", ":1:42: $.colour: unknown property 'colour'")]
    [InlineData("{\"date\": \"2026-03-02\"}", ":1:1: $: missing required property 'injections'.")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\"}]}", ": $.injections[0]: missing required property 'units'.")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": 5, \"units\": 6}]}", ":1:72: $.injections[0].units: the property 'units' appears more than once")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [", ":1:39: the JSON ends too early")]
    [InlineData("[]", ":1:1: $: the value is an array; expected an object.")]
    public void BadSessionFilesNameFileLineColumnAndPath(string json, string expected)
    {
        File.WriteAllText(PathOf("bad.json"), json);
        var (code, output, error) = CliRunner.Run("map", "--session", PathOf("bad.json"), "-o", PathOf("x.svg"));
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: {PathOf("bad.json")}:", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("x.svg")));
    }

    [Fact]
    public void BadHistoryFilesExitTwoNamingTheFile()
    {
        File.WriteAllText(PathOf("s.json"), """{"date": "2026-03-02", "injections": []}""");
        File.WriteAllText(PathOf("h.json"), """{"administrations": [{"date": "2026-02-01", "units": 155}]}""");
        var (code, output, error) = CliRunner.Run("map", "--session", PathOf("s.json"), "--history", PathOf("h.json"), "-o", PathOf("x.svg"));
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: {PathOf("h.json")}:", error, StringComparison.Ordinal);
        Assert.Contains("$.administrations[0]", error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("x.svg")));
    }

    [Fact]
    public void MapAndValidateAgreeOnTheTotalWithAnUnknownSite()
    {
        // 155 U at the fixed sites, 5 U follow-the-pain and 5 U at an id of no anatomy: validate says 165 U, so must the map.
        var example = File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "docs", "examples", "session-valid.json"));
        var session = example.Replace("\"injections\": [", "\"injections\": [{\"site\": \"elbow\", \"units\": 5}, {\"site\": \"temporalis-left-ftp\", \"units\": 5}, ", StringComparison.Ordinal);
        File.WriteAllText(PathOf("s.json"), session);
        var (_, validate, _) = CliRunner.Run("validate", PathOf("s.json"));
        Assert.Contains("injections, 165 U.", validate, StringComparison.Ordinal);
        var (code, map, _) = CliRunner.Run("map", "--session", PathOf("s.json"), "-o", PathOf("m.svg"));
        Assert.Equal(0, code);
        Assert.Contains(": 165 U given;", map, StringComparison.Ordinal);
    }
}
