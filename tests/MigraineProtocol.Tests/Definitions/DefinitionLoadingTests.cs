using MigraineProtocol.Input;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Definitions;

public class DefinitionLoadingTests
{
    private const string Cite = """{"source": "clinic", "locator": "local policy", "verification": "unverified"}""";

    [Fact]
    public void BuiltInsLoadWithoutExtraFilesToTheDefaultCatalog()
    {
        var loaded = Catalogs.Load([]);
        Assert.Equal(Catalogs.Default.Ids, loaded.Ids);
        Assert.Equal(Catalogs.DefaultAnatomy.Sites.Select(s => s.Id), loaded.Anatomy.Sites.Select(s => s.Id));
        Assert.Equal(KnownProtocols.Preempt.Sites.Select(s => s.Site), loaded.Get(ProtocolId.From("preempt")).Sites.Select(s => s.Site));
    }

    [Fact]
    public void AFileAddsAProtocolAndSitesAndRedefinesALandmark()
    {
        var json = $$"""
        {
          "sites": [
            {"id": "procerus", "muscle": "procerus", "side": "midline", "ordinal": 1,
             "landmark": {"description": "Clinic wording for the procerus.", "source": {{Cite}} },
             "drawing": [{"view": "front", "x": 0.5, "y": 0.4}]},
            {"id": "masseter-left-1", "muscle": "masseter", "side": "left", "ordinal": 1,
             "landmark": {"description": "Masseter belly.", "source": {{Cite}} }, "drawing": []},
            {"id": "masseter-right-1", "muscle": "masseter", "side": "right", "ordinal": 1,
             "landmark": {"description": "Masseter belly.", "source": {{Cite}} }, "drawing": []}
          ],
          "muscles": [{"id": "masseter", "name": "Masseter", "region": "jaw", "source": {{Cite}} }],
          "regions": [{"id": "jaw", "name": "Jaw", "muscles": ["masseter"]}],
          "protocols": [{
            "id": "clinic-jaw", "name": "Clinic jaw add-on", "description": "PREEMPT forehead plus masseter.",
            "retreatmentIntervalDays": 90, "sources": [{{Cite}}],
            "sites": [{"site": "procerus", "units": 5}, {"site": "masseter-left-1", "units": 10}, {"site": "masseter-right-1", "units": 10}]
          }]
        }
        """;
        var catalog = Catalogs.Load([DefinitionFile.FromJson("clinic.json", json)]);
        Assert.Equal(["preempt", "us-label", "clinic-jaw"], catalog.Ids.Select(i => i.Value));
        Assert.Equal("Clinic wording for the procerus.", catalog.Anatomy.GetSite(SiteId.From("procerus")).Landmark.Description);
        Assert.Equal(Catalogs.DefaultAnatomy.Sites.Length + 2, catalog.Anatomy.Sites.Length);
        var jaw = catalog.Get(ProtocolId.From("clinic-jaw"));
        Assert.Equal(ToxinUnits.FromUnits(25), jaw.FixedUnits);
        Assert.Equal(90, jaw.RetreatmentIntervalDays);
        Assert.Same(catalog.Anatomy, catalog.Get(ProtocolId.From("preempt")).Anatomy);
        Assert.Equal(ToxinUnits.FromUnits(155), catalog.Get(ProtocolId.From("preempt")).FixedUnits);
    }

    [Fact]
    public void EveryProblemIsListedWithFileAndPathAndNothingLoads()
    {
        var bad = $$"""
        {
          "sites": [
            {"id": "temporalis-left-9", "muscle": "temporalis", "side": "up", "ordinal": 9,
             "landmark": {"description": "x", "source": {{Cite}} }, "drawing": []},
            {"id": "Bad Id", "muscle": "temporalis", "side": "left", "ordinal": 1,
             "landmark": {"description": "x", "source": {{Cite}} }, "drawing": []}
          ],
          "muscles": [{"id": "temporalis", "name": "T", "region": "side-of-head", "source": {"source": "S1", "locator": "x", "verification": "maybe"} }]
        }
        """;
        Assert.False(Catalogs.TryLoad([DefinitionFile.FromJson("bad.json", bad)], out var catalog, out var problems));
        Assert.Null(catalog);
        Assert.Equal(3, problems.Length);
        Assert.Contains(problems, p => p.ToString().StartsWith("bad.json:3:65: $.sites[0].side: ", StringComparison.Ordinal) && p.Message.Contains("'up' is not a side", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ToString().StartsWith("bad.json:5:12: $.sites[1].id: ", StringComparison.Ordinal) && p.Message.Contains("'Bad Id' is not a site id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Location == "$.muscles[0].source.verification" && p.Line == 8 && p.Message.Contains("'maybe' is not a verification level", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"regions": [], "colour": "red"}""", "bad.json:1:17: $.colour: unknown property 'colour'")]
    [InlineData("""{"regions": [{"id": "x", "name": "X"}]}""", "bad.json:1:14: $.regions[0]: missing required property 'muscles'")]
    [InlineData("""{"regions": [""", "bad.json:1:14: the JSON ends too early")]
    [InlineData("""{"protocols": [{"id": "p", "name": "P", "description": "d", "retreatmentIntervalDays": "84", "sources": [], "sites": []}]}""", "$.protocols[0].retreatmentIntervalDays")]
    public void MalformedJsonNamesLineColumnAndPath(string json, string expected)
    {
        var e = Assert.Throws<InputException>(() => Catalogs.Load([DefinitionFile.FromJson("bad.json", json)]));
        Assert.Contains(expected, Assert.Single(e.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnIdTwiceInOneFileIsAProblemButALaterFileMayReplaceIt()
    {
        const string region = """{"regions": [{"id": "jaw", "name": "Jaw", "muscles": ["masseter"]}, {"id": "jaw", "name": "Jaw 2", "muscles": ["masseter"]}]}""";
        var e = Assert.Throws<InputException>(() => Catalogs.Load([DefinitionFile.FromJson("twice.json", region)]));
        Assert.Contains(e.Problems, p => p.ToString() == "twice.json:1:76: $.regions[1].id: the region id 'jaw' is defined more than once in this file.");
    }

    [Fact]
    public void LoadedDefinitionsFaceTheSameInvariants()
    {
        // A protocol that injects only one side of the temporalis breaks the bilateral rule, as a built protocol would.
        var json = $$"""{"protocols": [{"id": "one-sided", "name": "One sided", "description": "d", "retreatmentIntervalDays": 84, "sources": [{{Cite}}], "sites": [{"site": "temporalis-left-1", "units": 5}]}]}""";
        var e = Assert.Throws<InputException>(() => Catalogs.Load([DefinitionFile.FromJson("one.json", json)]));
        Assert.Contains("one.json:1:16: $.protocols[0]: Muscle 'temporalis' must be injected bilaterally", Assert.Single(e.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltInFilesAreExposed() =>
        Assert.Equal(["anatomy.json", "protocols.json"], DefinitionFile.BuiltIn().Select(f => f.Name));

    [Fact]
    public void DefaultAnatomyIsShared() => Assert.Same(Catalogs.DefaultAnatomy, KnownProtocols.Preempt.Anatomy);
}
