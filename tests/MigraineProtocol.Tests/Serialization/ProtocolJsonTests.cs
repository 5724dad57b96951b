using MigraineProtocol.Definitions;
using MigraineProtocol.Input;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Tests.Serialization;

public class ProtocolJsonTests
{
    [Theory]
    [InlineData("preempt")]
    [InlineData("us-label")]
    public void WriteThenReadKeepsEveryValue(string id)
    {
        var p = Catalogs.Default.Get(ProtocolId.From(id));
        var json = ProtocolJson.Write(p);
        var read = Assert.Single(ProtocolJson.Read(json, "p.json"));
        Assert.Equal(p.Id, read.Id);
        Assert.Equal(p.Name, read.Name);
        Assert.Equal(p.Description, read.Description);
        Assert.Equal(p.Sites.Select(s => (s.Site.Id, s.Units)), read.Sites.Select(s => (s.Site.Id, s.Units)));
        Assert.Equal(p.FollowThePain, read.FollowThePain);
        Assert.Equal(p.MaximumUnits, read.MaximumUnits);
        Assert.Equal(p.RetreatmentIntervalDays, read.RetreatmentIntervalDays);
        Assert.Equal(p.Sources, read.Sources);
        Assert.Equal(json, ProtocolJson.Write(read));
    }

    [Fact]
    public void ADerivedProtocolRoundTrips()
    {
        var clinic = KnownProtocols.Preempt.ToBuilder().WithId(ProtocolId.From("clinic-no-ftp"), "Clinic").ClearFollowThePain().Build();
        var read = Assert.Single(ProtocolJson.Read(ProtocolJson.Write(clinic), "c.json"));
        Assert.Equal("clinic-no-ftp", read.Id.Value);
        Assert.False(read.AllowsFollowThePain);
        Assert.Equal(ToxinUnits.FromUnits(155), read.MaximumUnits);
    }

    [Fact]
    public void InvalidProtocolsAreErrorsNamingFileAndPath()
    {
        Assert.False(ProtocolJson.TryRead("""{"protocols": [{"id": "x", "name": "X", "description": "d", "retreatmentIntervalDays": 84, "sources": [], "sites": [{"site": "nowhere-left-1", "units": 5}]}]}""", "bad.json", out var protocols, out var problems));
        Assert.Empty(protocols);
        Assert.Contains(problems, p => p.ToString().StartsWith("bad.json:1:126: $.protocols[0].sites[0].site: site 'nowhere-left-1' is not a fixed site", StringComparison.Ordinal));
        Assert.Throws<InputException>(() => ProtocolJson.Read("{", "bad.json"));
    }
}
