using System.Text.Json;
using MigraineProtocol.Definitions;

namespace MigraineProtocol.Tests.Definitions;

/// <summary>
/// Ids are a public contract: integrators store them. <c>shipped-ids.json</c> locks every built-in id.
/// A test fails when a locked id changes or disappears, and when a built-in id is added without
/// being locked (so that every addition is deliberate and reviewed).
/// </summary>
public class ShippedIdsTests
{
    private static readonly JsonElement Lock = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Definitions", "shipped-ids.json"))).RootElement;

    public static TheoryData<string> Kinds => new() { "regions", "muscles", "sites", "protocols" };

    private static IEnumerable<string> Locked(string kind) => Lock.GetProperty(kind).EnumerateArray().Select(e => e.GetString()!);

    private static IEnumerable<string> BuiltIn(string kind) => kind switch
    {
        "regions" => Catalogs.DefaultAnatomy.Regions.Select(r => r.Id.Value),
        "muscles" => Catalogs.DefaultAnatomy.Muscles.Select(m => m.Id.Value),
        "sites" => Catalogs.DefaultAnatomy.Sites.Select(s => s.Id.Value),
        "protocols" => Catalogs.Default.Ids.Select(i => i.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void NoShippedIdChangesOrDisappears(string kind) =>
        Assert.Empty(Locked(kind).Except(BuiltIn(kind), StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryBuiltInIdIsLocked(string kind) =>
        Assert.Empty(BuiltIn(kind).Except(Locked(kind), StringComparer.Ordinal));

    [Fact]
    public void TheLockHoldsTheThirtyOneContractSiteIds() =>
        Assert.Empty(Anatomy.AnatomyCatalogTests.ShippedSiteIds.Except(Locked("sites"), StringComparer.Ordinal));
}
