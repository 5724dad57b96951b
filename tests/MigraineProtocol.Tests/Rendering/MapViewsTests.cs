using MigraineProtocol.Definitions;
using MigraineProtocol.Rendering;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Tests.Rendering;

/// <summary>The text forms of the map views and the marker count the map command prints.</summary>
public sealed class MapViewsTests
{
    [Fact]
    public void EveryViewHasATextThatParsesBack()
    {
        Assert.Equal(Enum.GetValues<MapView>().Order(), MapViews.All.Order());
        Assert.Equal(["all", "front", "back", "left", "right"], MapViews.All.Select(MapViews.Format));
        foreach (var v in MapViews.All)
        {
            Assert.True(MapViews.TryParse(MapViews.Format(v), out var back));
            Assert.Equal(v, back);
        }

        Assert.False(MapViews.TryParse("Front", out _));
        Assert.False(MapViews.TryParse(null, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => MapViews.Format((MapView)0));
    }

    [Fact]
    public void TheMarkersOfAllViewsAreThoseOfEachView()
    {
        foreach (var protocol in Catalogs.Default.Protocols)
        {
            var single = MapViews.All.Where(v => v != MapView.All).Sum(v => SiteMap.MarkerCount(protocol, v));
            Assert.Equal(single, SiteMap.MarkerCount(protocol, MapView.All));
        }

        Assert.Equal(41, SiteMap.MarkerCount(KnownProtocols.Preempt, MapView.All)); // the map command's golden output
    }

    [Fact]
    public void AnUnplannedSiteOfTheSessionAddsItsMarkers()
    {
        // The clinic definitions add masseter sites to the anatomy; PREEMPT does not plan them.
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "examples", "clinic-definitions.json"));
        Assert.True(Catalogs.TryLoad([DefinitionFile.FromJson("clinic.json", text)], out var catalog, out _));
        var preempt = catalog.Get(KnownProtocols.Preempt.Id);
        var session = SessionJson.Read("""{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}, {"site": "masseter-left-1", "units": 5}]}""", "s.json");
        var overlay = SessionOverlay.FromReport(preempt, session, RuleSet.Default.Validate(preempt, session));
        Assert.Equal(1, overlay.Count(SiteDoseStatus.Unplanned));
        var without = MapViews.All.ToDictionary(v => v, v => SiteMap.MarkerCount(preempt, v));
        var with = MapViews.All.ToDictionary(v => v, v => SiteMap.MarkerCount(preempt, v, overlay));
        Assert.True(with[MapView.All] > without[MapView.All]);
        Assert.All(MapViews.All, v => Assert.InRange(with[v] - without[v], 0, v == MapView.All ? 4 : 1));
    }
}
