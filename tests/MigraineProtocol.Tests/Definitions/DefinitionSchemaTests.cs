using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MigraineProtocol.Definitions;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Definitions;

/// <summary>The published JSON Schema agrees with the loader: the shipped files pass both, and what the schema rejects the loader rejects.</summary>
public class DefinitionSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(TestData.Path("schema", "definitions.schema.json")));

    public static TheoryData<string> ShippedFiles => new()
    {
        TestData.Path("definitions", "anatomy.json"),
        TestData.Path("definitions", "protocols.json"),
        TestData.Path("examples", "clinic-definitions.json"),
    };

    private static EvaluationResults Evaluate(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedFilesConformToTheSchema(string path)
    {
        var result = Evaluate(File.ReadAllText(path));
        Assert.True(result.IsValid, string.Join("\n", result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
    }

    [Fact]
    public void TheWorkedExampleLoadsOverTheBuiltIns()
    {
        var catalog = Catalogs.Load([DefinitionFile.FromPath(TestData.Path("examples", "clinic-definitions.json"))]);
        var variant = catalog.Get(ProtocolId.From("example-clinic-variant"));
        Assert.Equal(33, variant.FixedSiteCount);
        Assert.Equal(ToxinUnits.FromUnits(165), variant.FixedUnits);
        Assert.False(variant.AllowsFollowThePain);
        Assert.All(variant.Sources, c => Assert.Equal(VerificationLevel.Unverified, c.Verification));
    }

    /// <summary>Mutations of a valid file that the schema rejects; the loader must reject each one too.</summary>
    public static TheoryData<string, string> Mutations => new()
    {
        { "unknown top-level property", """{"colour": "red"}""" },
        { "bad id", """{"regions": [{"id": "Jaw", "name": "Jaw", "muscles": ["masseter"]}]}""" },
        { "missing name", """{"regions": [{"id": "jaw", "muscles": ["masseter"]}]}""" },
        { "empty muscles", """{"regions": [{"id": "jaw", "name": "Jaw", "muscles": []}]}""" },
        { "bad side", """{"sites": [{"id": "x-left-1", "muscle": "temporalis", "side": "up", "ordinal": 1, "landmark": {"description": "d", "source": {"source": "S1", "locator": "l", "verification": "verified"}}, "drawing": []}]}""" },
        { "ftp id as a fixed site", """{"sites": [{"id": "temporalis-left-ftp", "muscle": "temporalis", "side": "left", "ordinal": 5, "landmark": {"description": "d", "source": {"source": "S1", "locator": "l", "verification": "verified"}}, "drawing": []}]}""" },
        { "coordinate out of range", """{"sites": [{"id": "temporalis-left-5", "muscle": "temporalis", "side": "left", "ordinal": 5, "landmark": {"description": "d", "source": {"source": "S1", "locator": "l", "verification": "verified"}}, "drawing": [{"view": "left", "x": 1.5, "y": 0}]}]}""" },
        { "bad verification", """{"muscles": [{"id": "masseter", "name": "M", "region": "jaw", "source": {"source": "S1", "locator": "l", "verification": "probably"}}]}""" },
        { "negative dose", """{"protocols": [{"id": "p", "name": "P", "description": "d", "retreatmentIntervalDays": 84, "sources": [{"source": "S1", "locator": "l", "verification": "verified"}], "sites": [{"site": "procerus", "units": -5}]}]}""" },
        { "dose finer than 0.01 U", """{"protocols": [{"id": "p", "name": "P", "description": "d", "retreatmentIntervalDays": 84, "sources": [{"source": "S1", "locator": "l", "verification": "verified"}], "sites": [{"site": "procerus", "units": 5.001}]}]}""" },
        { "zero interval", """{"protocols": [{"id": "p", "name": "P", "description": "d", "retreatmentIntervalDays": 0, "sources": [{"source": "S1", "locator": "l", "verification": "verified"}], "sites": [{"site": "procerus", "units": 5}]}]}""" },
        { "no sources", """{"protocols": [{"id": "p", "name": "P", "description": "d", "retreatmentIntervalDays": 84, "sources": [], "sites": [{"site": "procerus", "units": 5}]}]}""" },
        { "dose as a string", """{"protocols": [{"id": "p", "name": "P", "description": "d", "retreatmentIntervalDays": 84, "sources": [{"source": "S1", "locator": "l", "verification": "verified"}], "sites": [{"site": "procerus", "units": "5"}]}]}""" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void WhatTheSchemaRejectsTheLoaderRejects(string what, string json)
    {
        Assert.False(Evaluate(json).IsValid, $"the schema accepted: {what}");
        Assert.False(Catalogs.TryLoad([DefinitionFile.FromJson("mutant.json", json)], out _, out var problems), $"the loader accepted: {what}");
        Assert.All(problems, p => Assert.Equal("mutant.json", p.Source));
    }

    [Fact]
    public void EveryShippedSchemaPropertyIsReadByTheLoader()
    {
        // Guards against the schema and the loader drifting apart: each property the schema allows in the
        // built-in files must be one the strict loader maps (it rejects unknown properties).
        var node = JsonNode.Parse(File.ReadAllText(TestData.Path("schema", "definitions.schema.json")))!;
        var topLevel = node["properties"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["$schema", "description", "regions", "muscles", "sites", "protocols"], topLevel);
        Assert.True(Catalogs.TryLoad([DefinitionFile.FromJson("all.json", """{"$schema": "x", "description": "d", "regions": [], "muscles": [], "sites": [], "protocols": []}""")], out _, out _));
    }
}
