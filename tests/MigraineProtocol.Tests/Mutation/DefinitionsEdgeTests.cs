using System.Collections.Immutable;
using MigraineProtocol.Anatomy;
using MigraineProtocol.Definitions;
using MigraineProtocol.Input;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The edges of the definition loader that mutation testing (docs/quality.md, "Mutation testing")
/// showed no other test pinned: the problem each kind of bad entry gives (code, file:line:column, JSON
/// path, message with its example), each cross-file reference, the drawing range at both ends, an id
/// given twice in one file for each kind, a rejected entry that never counts as a definition of its id,
/// and the argument checks of <see cref="Catalogs"/>. Every test loads the files afresh, so the loader
/// runs inside the test.
/// </summary>
public class DefinitionsEdgeTests
{
    private const string Cite = """{"source": "clinic", "locator": "local policy", "verification": "unverified"}""";
    private const string IdRule = "lower-case letters and digits in kebab-case, starting with a letter, at most 64 characters, for example";

    private static string Site(string id = "masseter-left-1", string muscle = "masseter", string side = "left", string ordinal = "1", string description = "\"Masseter belly.\"", string drawing = "[]", string cite = Cite) =>
        $$"""{"id": "{{id}}", "muscle": "{{muscle}}", "side": "{{side}}", "ordinal": {{ordinal}}, "landmark": {"description": {{description}}, "source": {{cite}}}, "drawing": {{drawing}}}""";

    private static string Muscle(string id = "masseter", string name = "\"Masseter\"", string region = "jaw", string cite = Cite, bool midline = false) =>
        $$"""{"id": "{{id}}", "name": {{name}}, "region": "{{region}}", "midline": {{(midline ? "true" : "false")}}, "source": {{cite}}}""";

    private static string Region(string id = "jaw", string name = "\"Jaw\"", string muscles = "[\"masseter\"]") =>
        $$"""{"id": "{{id}}", "name": {{name}}, "muscles": {{muscles}}}""";

    private static string Protocol(string id = "clinic", string name = "\"Clinic\"", string units = "5") =>
        $$"""{"id": "{{id}}", "name": {{name}}, "description": "d", "retreatmentIntervalDays": 84, "sources": [{{Cite}}], "sites": [{"site": "procerus", "units": {{units}}}]}""";

    private static string File(string kind, params string[] entries) => $$"""{"{{kind}}": [{{string.Join(", ", entries)}}]}""";

    private static ImmutableArray<InputProblem> Problems(string json)
    {
        Assert.False(Catalogs.TryLoad([DefinitionFile.FromJson("edge.json", json)], out var catalog, out var problems));
        Assert.Null(catalog);
        return problems;
    }

    /// <summary>The 1-based column of the value that follows <paramref name="anchor"/> (which must occur once).</summary>
    private static int ColumnAfter(string json, string anchor)
    {
        var at = json.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0 && json.IndexOf(anchor, at + 1, StringComparison.Ordinal) < 0, $"anchor {anchor} must occur once");
        return at + anchor.Length + 1;
    }

    // ---- Cross-file references: each placed at the entry that makes the reference ----

    public static TheoryData<string, string, string, string, string> References() => new()
    {
        {
            File("muscles", Muscle(region: "forehead")), "\"region\": ", "$.muscles[0].region", InputProblemCodes.UnknownReference,
            "muscle 'masseter' names region 'forehead', but that region does not list it."
        },
        {
            File("regions", Region()), "\"muscles\": [", "$.regions[0].muscles[0]", InputProblemCodes.UnknownReference,
            "region 'jaw' lists muscle 'masseter', which is not defined."
        },
        {
            File("regions", Region(muscles: "[\"temporalis\"]")), "\"muscles\": [", "$.regions[0].muscles[0]", InputProblemCodes.UnknownReference,
            "region 'jaw' lists muscle 'temporalis', but that muscle belongs to region 'side-of-head'."
        },
        {
            File("sites", Site("masseter-left-1")), "\"muscle\": ", "$.sites[0].muscle", InputProblemCodes.UnknownReference,
            "site 'masseter-left-1' names muscle 'masseter', which is not defined."
        },
        {
            File("sites", Site("procerus-left-1", "procerus", "left")), "\"side\": ", "$.sites[0].side", InputProblemCodes.InvalidValue,
            "site 'procerus-left-1' is on the left side, but muscle 'procerus' is injected at the midline only."
        },
        {
            File("sites", Site("temporalis-midline-1", "temporalis", "midline")), "\"side\": ", "$.sites[0].side", InputProblemCodes.InvalidValue,
            "site 'temporalis-midline-1' is at the midline, but muscle 'temporalis' is injected on the left and right sides."
        },
        {
            File("sites", Site("temporalis-left-9", "temporalis", "right", "2")), "\"ordinal\": ", "$.sites[0].ordinal", InputProblemCodes.Duplicate,
            "site 'temporalis-left-9' repeats ordinal 2 of muscle 'temporalis' on the right side."
        },
    };

    [Theory]
    [MemberData(nameof(References))]
    public void ABrokenReferenceIsOneProblemAtTheReferringValue(string json, string anchor, string path, string code, string message)
    {
        var p = Assert.Single(Problems(json));
        Assert.Equal((code, path, message), (p.Code, p.Location, p.Message));
        Assert.Equal($"edge.json:1:{ColumnAfter(json, anchor)}: {path}: {message}", p.ToString());
    }

    // ---- Each kind of bad entry: one problem, at its value, in the loader's own words ----

    public static TheoryData<string, string, string, string, string> BadEntries() => new()
    {
        { "regions", Region(id: "Jaw"), "$.regions[0].id", InputProblemCodes.InvalidValue, $"'Jaw' is not a region id: {IdRule} 'forehead'." },
        { "regions", Region(name: "\" \""), "$.regions[0].name", InputProblemCodes.InvalidValue, "the text must not be empty." },
        { "regions", Region(muscles: "[]"), "$.regions[0].muscles", InputProblemCodes.InvalidValue, "a region must list at least one muscle." },
        { "regions", Region(muscles: "[\"masseter\", \"masseter\"]"), "$.regions[0].muscles[1]", InputProblemCodes.Duplicate, "the region lists muscle 'masseter' more than once." },
        { "regions", Region(muscles: "[\"Masseter\"]"), "$.regions[0].muscles[0]", InputProblemCodes.InvalidValue, $"'Masseter' is not a muscle id: {IdRule} 'temporalis'." },
        { "muscles", Muscle(id: "Masseter"), "$.muscles[0].id", InputProblemCodes.InvalidValue, $"'Masseter' is not a muscle id: {IdRule} 'temporalis'." },
        { "muscles", Muscle(name: "\"\""), "$.muscles[0].name", InputProblemCodes.InvalidValue, "the text must not be empty." },
        { "muscles", Muscle(region: "Jaw"), "$.muscles[0].region", InputProblemCodes.InvalidValue, $"'Jaw' is not a region id: {IdRule} 'forehead'." },
        { "muscles", Muscle(cite: """{"source": " ", "locator": "x", "verification": "verified"}"""), "$.muscles[0].source.source", InputProblemCodes.InvalidValue, "the text must not be empty." },
        { "muscles", Muscle(cite: """{"source": "S1", "locator": "", "verification": "verified"}"""), "$.muscles[0].source.locator", InputProblemCodes.InvalidValue, "the text must not be empty." },
        { "muscles", Muscle(cite: """{"source": "S1", "locator": "x", "verification": "maybe"}"""), "$.muscles[0].source.verification", InputProblemCodes.InvalidValue, "'maybe' is not a verification level; use 'verified', 'verified-2nd' or 'unverified'." },
        { "sites", Site(id: "Masseter-1"), "$.sites[0].id", InputProblemCodes.InvalidValue, $"'Masseter-1' is not a site id: {IdRule} 'temporalis-left-3' (an id ending in '-ftp' must be '<muscle>-<left|right>-ftp')." },
        { "sites", Site(muscle: "Masseter"), "$.sites[0].muscle", InputProblemCodes.InvalidValue, $"'Masseter' is not a muscle id: {IdRule} 'temporalis'." },
        { "sites", Site(id: "masseter-left-ftp"), "$.sites[0].id", InputProblemCodes.InvalidValue, "'masseter-left-ftp' is a follow-the-pain id; a fixed site needs an id of its own." },
        { "sites", Site(side: "up"), "$.sites[0].side", InputProblemCodes.InvalidValue, "'up' is not a side; use 'left', 'right' or 'midline'." },
        { "sites", Site(ordinal: "0"), "$.sites[0].ordinal", InputProblemCodes.InvalidValue, "the ordinal must be 1 or more, not 0." },
        { "sites", Site(description: "\" \""), "$.sites[0].landmark.description", InputProblemCodes.InvalidValue, "the text must not be empty." },
        { "sites", Site(cite: """{"source": "", "locator": "x", "verification": "verified"}"""), "$.sites[0].landmark.source.source", InputProblemCodes.InvalidValue, "the text must not be empty." },
        { "sites", Site(drawing: "[null]"), "$.sites[0].drawing[0]", InputProblemCodes.WrongType, "null is not allowed here; expected an object." },
        { "sites", Site(drawing: """[{"view": "front", "x": 1.5, "y": 0.5}]"""), "$.sites[0].drawing[0]", InputProblemCodes.InvalidValue, "a drawing point's x and y are between 0 and 1 (fractions of the view's width and height)." },
        { "sites", Site(drawing: """[{"view": "front", "x": 0.5, "y": -0.01}]"""), "$.sites[0].drawing[0]", InputProblemCodes.InvalidValue, "a drawing point's x and y are between 0 and 1 (fractions of the view's width and height)." },
        { "sites", Site(drawing: """[{"view": "top", "x": 0.5, "y": 0.5}]"""), "$.sites[0].drawing[0].view", InputProblemCodes.InvalidValue, "'top' is not a view; use 'front', 'back', 'left' or 'right'." },
        { "sites", Site(drawing: """[{"view": "front", "x": 0.5, "y": 0.5}, {"view": "front", "x": 0.1, "y": 0.1}]"""), "$.sites[0]", InputProblemCodes.InvalidValue, "Site 'masseter-left-1' has more than one drawing point in a view." },
        { "protocols", Protocol(id: "Clinic"), "$.protocols[0].id", InputProblemCodes.InvalidValue, $"'Clinic' is not a protocol id: {IdRule} 'preempt' or 'clinic-protocol'." },
        { "protocols", Protocol(name: "\"\""), "$.protocols[0].name", InputProblemCodes.InvalidValue, "the text must not be empty." },
        { "protocols", Protocol(units: "1.234"), "$.protocols[0].sites[0].units", InputProblemCodes.InvalidValue, "1.234 is not a valid amount of toxin units: 0 to 1000000 U, at most two decimal places." },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void EachBadEntryIsExactlyOneProblemNamingItsPath(string kind, string entry, string path, string code, string message)
    {
        var p = Assert.Single(Problems(File(kind, entry)));
        Assert.Equal(("edge.json", 1, code, path, message), (p.Source, p.Line, p.Code, p.Location, p.Message));
        Assert.DoesNotContain("(Parameter", p.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A rejected entry never counts as a definition of its id: the same file defining the id again, well
    /// formed, gives no "defined more than once" on top of the entry's own problem.
    /// </summary>
    [Theory]
    [MemberData(nameof(BadEntries))]
    public void ARejectedEntryIsNotADefinitionOfItsId(string kind, string entry, string path, string code, string message)
    {
        var twin = kind switch
        {
            "regions" => Region(),
            "muscles" => Muscle(),
            "sites" => Site(),
            _ => Protocol(),
        };
        var p = Assert.Single(Problems(File(kind, entry, twin)));
        Assert.Equal((code, path, message), (p.Code, p.Location, p.Message));
    }

    // ---- Layering: an id twice in one file, for each kind; a later file replaces in place ----

    [Theory]
    [InlineData("regions", "region", "jaw")]
    [InlineData("muscles", "muscle", "masseter")]
    [InlineData("sites", "site", "masseter-left-1")]
    [InlineData("protocols", "protocol", "clinic")]
    public void AnIdTwiceInOneFileIsADuplicateAtTheSecond(string kind, string word, string id)
    {
        var entry = kind switch
        {
            "regions" => Region(),
            "muscles" => Muscle(),
            "sites" => Site(),
            _ => Protocol(),
        };
        var json = File(kind, entry, entry);
        var p = Assert.Single(Problems(json));
        Assert.Equal((InputProblemCodes.Duplicate, $"$.{kind}[1].id", $"the {word} id '{id}' is defined more than once in this file."), (p.Code, p.Location, p.Message));
        Assert.Equal(json.LastIndexOf($"\"id\": \"{id}\"", StringComparison.Ordinal) + "\"id\": ".Length + 1, p.Column);
    }

    /// <summary>
    /// A protocol gives each site once and each muscle at most one follow-the-pain allowance
    /// (docs/definition-format.md, "Checks"): a repeat is a problem at the repeat, never a silent
    /// override of the earlier dose or allowance. The protocol is then rejected: a well-formed protocol of
    /// the same id later in the file is no duplicate of it.
    /// </summary>
    [Theory]
    [InlineData("""[{"site": "procerus", "units": 5}, {"site": "procerus", "units": 10}]""", "null", "$.protocols[0].sites[1].site", "site 'procerus' is listed more than once in this protocol.")]
    [InlineData("""[{"site": "procerus", "units": 5}]""", $$"""[{"muscle": "temporalis", "maxExtraUnits": 10, "maxExtraSites": 2, "unitsPerSite": 5, "source": {{Cite}}}, {"muscle": "temporalis", "maxExtraUnits": 20, "maxExtraSites": 4, "unitsPerSite": 5, "source": {{Cite}}}]""", "$.protocols[0].followThePain[1].muscle", "muscle 'temporalis' has more than one follow-the-pain allowance in this protocol.")]
    public void ARepeatInsideAProtocolIsADuplicateNotAnOverride(string sites, string followThePain, string path, string message)
    {
        var json = $$"""{"protocols": [{"id": "clinic", "name": "Clinic", "description": "d", "retreatmentIntervalDays": 84, "sources": [{{Cite}}], "sites": {{sites}}, "followThePain": {{followThePain}}}, {{Protocol()}}]}""";
        var p = Assert.Single(Problems(json));
        Assert.Equal((InputProblemCodes.Duplicate, path, message), (p.Code, p.Location, p.Message));
        var anchor = path.EndsWith(".site", StringComparison.Ordinal) ? "{\"site\": " : "{\"muscle\": ";
        var repeat = json.IndexOf(anchor, json.IndexOf(anchor, StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        Assert.Equal(repeat + anchor.Length + 1, p.Column);
    }

    [Fact]
    public void ALaterFileReplacesADefinitionInItsPlaceAndTheDrawingRangeIsClosed()
    {
        var muscle = Muscle(id: "procerus", name: "\"Procerus (clinic)\"", region: "forehead", midline: true);
        var site = Site("procerus", "procerus", "midline", drawing: """
            [{"view": "front", "x": 0, "y": 0}, {"view": "back", "x": 1, "y": 1}, {"view": "left", "x": 0, "y": 1}, {"view": "right", "x": 1, "y": 0}]
            """);
        var catalog = Catalogs.Load([DefinitionFile.FromJson("a.json", File("muscles", muscle)), DefinitionFile.FromJson("b.json", File("sites", site))]);
        var anatomy = catalog.Anatomy;
        Assert.Equal(Catalogs.DefaultAnatomy.Muscles.Select(m => m.Id), anatomy.Muscles.Select(m => m.Id));
        Assert.Equal(Catalogs.DefaultAnatomy.Sites.Select(s => s.Id), anatomy.Sites.Select(s => s.Id));
        Assert.Equal("Procerus (clinic)", anatomy.GetMuscle(MuscleId.From("procerus")).Name);
        Assert.Equal(
            [new DrawingPoint(AnatomicalView.Front, 0, 0), new DrawingPoint(AnatomicalView.Back, 1, 1), new DrawingPoint(AnatomicalView.Left, 0, 1), new DrawingPoint(AnatomicalView.Right, 1, 0)],
            anatomy.GetSite(SiteId.From("procerus")).Drawing);
        Assert.Equal("Masseter belly.", anatomy.GetSite(SiteId.From("procerus")).Landmark.Description);
    }

    // ---- Arguments and the embedded files ----

    [Fact]
    public void CatalogsCheckTheirArgumentsByName()
    {
        Assert.Equal("files", Assert.Throws<ArgumentNullException>(() => Catalogs.Load(null!)).ParamName);
        Assert.Equal("files", Assert.Throws<ArgumentNullException>(() => Catalogs.LoadWithoutBuiltIns(null!)).ParamName);
        Assert.Equal("files", Assert.Throws<ArgumentNullException>(() => Catalogs.TryLoad(null!, out _, out _)).ParamName);
        var withNull = Assert.Throws<ArgumentNullException>(() => Catalogs.TryLoad([DefinitionFile.FromJson("a.json", "{}"), null!], out _, out _));
        Assert.Equal("files", withNull.ParamName);
        Assert.StartsWith("The definition files must not contain null.", withNull.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingEmbeddedFileIsNamed()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BuiltInDefinitions.Read("clinic.json"));
        Assert.Equal("The embedded definition file 'clinic.json' is missing from the assembly.", e.Message);
        Assert.StartsWith("{", BuiltInDefinitions.Read("anatomy.json").TrimStart(), StringComparison.Ordinal);
    }
}
