using MigraineProtocol.Input;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Serialization;

[Properties(Arbitrary = [typeof(SessionArbitraries)])]
public class SessionJsonTests
{
    private const string Minimal = """{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}]}""";

    [Property(MaxTest = 300)]
    public bool WriteThenReadIsTheIdentity(TreatmentSession session) => SessionJson.Read(SessionJson.Write(session), "s.json").Equals(session);

    [Fact]
    public void ReadsTheDocumentedShapeWithEveryOptionalField()
    {
        var s = SessionJson.Read("""
            {"date": "2026-03-02", "product": "BOTOX", "lot": "C1234", "expiry": "2027-01-31",
             "reconstitution": {"vialUnits": 200, "diluentMl": 4}, "vials": 1, "reconstitutedAt": "2026-03-02T08:15",
             "injections": [{"site": "procerus", "units": 5}, {"site": "temporalis-left-ftp", "units": 2.5}]}
            """, "s.json");
        Assert.Equal(new DateOnly(2026, 3, 2), s.Date);
        Assert.Equal("BOTOX", s.Product);
        Assert.Equal("C1234", s.Lot);
        Assert.Equal(new DateOnly(2027, 1, 31), s.Expiry);
        Assert.Equal(Reconstitution.Vial200In4Ml, s.Reconstitution);
        Assert.Equal(1, s.VialsOpened);
        Assert.Equal(new DateTime(2026, 3, 2, 8, 15, 0), s.ReconstitutedAt);
        Assert.Equal([SiteId.From("procerus"), SiteId.From("temporalis-left-ftp")], s.Injections.Select(i => i.Site));
        Assert.Equal(ToxinUnits.FromUnits(7.5m), s.TotalUnits);
    }

    [Fact]
    public void WritesCompactNumbersAndLeavesOutUnrecordedDetails()
    {
        var json = SessionJson.Write(TreatmentSession.FromProtocol(KnownProtocols.Preempt, new DateOnly(2026, 3, 2)));
        Assert.StartsWith("{\n  \"date\": \"2026-03-02\",\n  \"injections\": [\n    {\n      \"site\": \"procerus\",\n      \"units\": 5\n    }", json, StringComparison.Ordinal);
        Assert.DoesNotContain("product", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": 5}", "s.json:1:")]
    [InlineData("", "s.json:1:1: the file is empty")]
    [InlineData("null", "s.json:1:1: $: the document is null")]
    [InlineData("[]", "s.json:1:1: $: the value is an array")]
    [InlineData("{\"injections\": []}", "missing required property 'date'")]
    [InlineData("{\"date\": \"2026-03-02\"}", "'injections'")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [], \"dose\": 5}", "$.dose")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": 5, \"depth\": 1}]}", "$.injections[0].depth")]
    [InlineData("{\"date\": \"2026-03-02\", \"date\": \"2026-03-03\", \"injections\": []}", "$.date")]
    [InlineData("{\"date\": \"02/03/2026\", \"injections\": []}", "$.date: '02/03/2026' is not a date")]
    [InlineData("{\"date\": \"2026-02-30\", \"injections\": []}", "$.date: '2026-02-30' is not a date")]
    [InlineData("{\"date\": \"2026-03-02\", \"expiry\": \"soon\", \"injections\": []}", "$.expiry: 'soon' is not a date")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": -5}]}", "$.injections[0].units: -5 is not a valid amount")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": 5.001}]}", "$.injections[0].units: 5.001 is not a valid amount")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": 1e30}]}", "$.injections[0].units:")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": 1e400}]}", "$.injections[0].units:")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": \"5\"}]}", "$.injections[0].units:")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": null}]}", "$.injections[0].units")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"Procerus\", \"units\": 5}]}", "$.injections[0].site: 'Procerus' is not a site id")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [null]}", "$.injections[0]")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [], \"product\": \" \"}", "$.product: the text must not be empty")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [], \"vials\": -1}", "$.vials: -1 vials")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [], \"vials\": 1.5}", "$.vials")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [], \"reconstitution\": {\"vialUnits\": 0, \"diluentMl\": 2}}", "$.reconstitution.vialUnits: a vial must hold more than 0 U")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [], \"reconstitution\": {\"vialUnits\": 100, \"diluentMl\": 0}}", "$.reconstitution.diluentMl:")]
    [InlineData("{\"date\": \"2026-03-02\", \"injections\": [], \"reconstitution\": {\"vialUnits\": 100}}", "'diluentMl'")]
    public void BadInputIsAnErrorNamingTheSourceAndPath(string json, string expected)
    {
        Assert.False(SessionJson.TryRead(json, "s.json", out var session, out var problems));
        Assert.Null(session);
        Assert.NotEmpty(problems);
        Assert.Contains(problems, p => p.ToString().Contains(expected, StringComparison.Ordinal) && p.ToString().StartsWith("s.json", StringComparison.Ordinal));
        var e = Assert.Throws<InputException>(() => SessionJson.Read(json, "s.json"));
        Assert.Equal(problems, e.Problems);
    }

    [Fact]
    public void EveryBadFieldIsListedNotOnlyTheFirst()
    {
        Assert.False(SessionJson.TryRead("""
            {"date": "2026-13-01", "injections": [{"site": "procerus", "units": -1}, {"site": "x--y", "units": 5}], "expiry": "never"}
            """, "s.json", out _, out var problems));
        Assert.Equal(4, problems.Length);
    }

    [Fact]
    public void PathologicalNestingIsAnErrorNotACrash()
    {
        var deep = "{\"date\": \"2026-03-02\", \"injections\": [" + new string('[', 10_000) + new string(']', 10_000) + "]}";
        Assert.False(SessionJson.TryRead(deep, "deep.json", out _, out var problems));
        Assert.Contains("deep.json:1:", problems[0].ToString(), StringComparison.Ordinal);
        var unknownDeep = "{\"x\": " + new string('[', 10_000) + new string(']', 10_000) + ", \"date\": \"2026-03-02\", \"injections\": []}";
        Assert.False(SessionJson.TryRead(unknownDeep, "deep.json", out _, out _));
    }

    [Property(MaxTest = 500)]
    public Property ArbitraryTextNeverThrowsAnythingButInputException(NonNull<string> text)
    {
        var ok = SessionJson.TryRead(text.Get, "fuzz.json", out var session, out var problems);
        return (ok == (session is not null) && ok == problems.IsEmpty).ToProperty();
    }

    [Fact]
    public void AWellFormedUnknownSiteIsNotAReadError()
    {
        var s = SessionJson.Read("""{"date": "2026-03-02", "injections": [{"site": "nasalis-left-1", "units": 5}]}""", "s.json");
        Assert.Equal("nasalis-left-1", s.Injections[0].Site.Value);
        Assert.Equal(new DateOnly(2026, 3, 2), SessionJson.Read(Minimal, "m.json").Date);
    }
}
