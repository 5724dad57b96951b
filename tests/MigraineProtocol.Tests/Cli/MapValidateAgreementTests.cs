using System.Text.Json;
using System.Xml.Linq;
using MigraineProtocol.Definitions;
using MigraineProtocol.Primitives;
using MigraineProtocol.Tests.Architecture;

namespace MigraineProtocol.Tests.Cli;

/// <summary>
/// The map and the validate command agree: for every session example in docs/examples, the sites the
/// SVG marks missed, under- or over-dosed, or unplanned (<c>data-status</c>) are exactly the sites of the
/// corresponding diagnostics in <c>validate --format json</c> (RuleSet.Default).
/// </summary>
public sealed class MapValidateAgreementTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("mp-agree-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static string Examples => Path.Combine(LayeringTests.RepositoryRoot(), "docs", "examples");

    public static TheoryData<string, string> Sessions()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Examples, "session-*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!, "preempt");
            data.Add(file!, "us-label");
        }

        return data;
    }

    [Fact]
    public void ThereAreExamplesAndSomeHaveSiteFindings()
    {
        Assert.True(Sessions().Count >= 8);
        var (missed, misdosed, _) = Map(Path.Combine(Examples, "session-invalid.json"), "preempt");
        Assert.NotEmpty(missed);
        Assert.NotEmpty(misdosed);
    }

    [Theory]
    [MemberData(nameof(Sessions))]
    public void TheMapMarksExactlyTheSitesOfTheRulesDiagnostics(string file, string protocol)
    {
        var path = Path.Combine(Examples, file);
        var (code, output, error) = CliRunner.Run("validate", path, "--protocol", protocol, "--format", "json");
        Assert.True(code is 0 or 1, error);
        using var doc = JsonDocument.Parse(output);
        var diagnostics = doc.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("site").ValueKind == JsonValueKind.String)
            .Select(d => (Code: d.GetProperty("code").GetString()!, Site: d.GetProperty("site").GetString()!))
            .ToList();
        var anatomy = Catalogs.Default.Get(ProtocolId.From(protocol)).Anatomy;
        HashSet<string> SitesOf(params string[] codes) => [.. diagnostics.Where(d => codes.Contains(d.Code) && !SiteId.From(d.Site).IsFollowThePain).Select(d => d.Site)];

        var (missed, misdosed, unplanned) = Map(path, protocol);
        Assert.Equal(SitesOf("missing-site").Order(), missed.Order());
        Assert.Equal(SitesOf("site-dose", "duplicate-site").Order(), misdosed.Order());
        Assert.Equal(SitesOf("unknown-site").Where(s => anatomy.TryGetSite(SiteId.From(s), out _)).Order(), unplanned.Order());
    }

    private (HashSet<string> Missed, HashSet<string> Misdosed, HashSet<string> Unplanned) Map(string session, string protocol)
    {
        var svg = Path.Combine(temp, $"{Path.GetFileNameWithoutExtension(session)}-{protocol}.svg");
        var (code, _, error) = CliRunner.Run("map", "--session", session, "--protocol", protocol, "--output", svg);
        Assert.Equal(0, code);
        Assert.Empty(error);
        var markers = XDocument.Load(svg).Descendants()
            .Where(e => e.Attribute("data-site") is not null && e.Attribute("data-status") is not null)
            .Select(e => (Site: e.Attribute("data-site")!.Value, Status: e.Attribute("data-status")!.Value))
            .ToList();
        HashSet<string> With(params string[] statuses) => [.. markers.Where(m => statuses.Contains(m.Status)).Select(m => m.Site)];
        return (With("missed"), With("under-dosed", "over-dosed"), With("unplanned"));
    }
}
