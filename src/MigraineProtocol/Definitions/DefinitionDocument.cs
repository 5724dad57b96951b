using System.Text.Json.Serialization;

namespace MigraineProtocol.Definitions;

// The wire shape of a definition file (docs/definition-format.md). Internal: the public API is the
// domain model; these classes exist only to read JSON strictly with source-generated metadata.

/// <summary>A definition file: any of regions, muscles, sites and protocols.</summary>
internal sealed class DefinitionDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public string? Description { get; init; }

    public List<RegionDefinition>? Regions { get; init; }

    public List<MuscleDefinition>? Muscles { get; init; }

    public List<SiteDefinition>? Sites { get; init; }

    public List<ProtocolDefinition>? Protocols { get; init; }
}

internal sealed class CitationDefinition
{
    public required string Source { get; init; }

    public required string Locator { get; init; }

    public required string Verification { get; init; }
}

internal sealed class RegionDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required List<string> Muscles { get; init; }
}

internal sealed class MuscleDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Region { get; init; }

    public bool Midline { get; init; }

    public required CitationDefinition Source { get; init; }
}

internal sealed class SiteDefinition
{
    public required string Id { get; init; }

    public required string Muscle { get; init; }

    public required string Side { get; init; }

    public required int Ordinal { get; init; }

    public required LandmarkDefinition Landmark { get; init; }

    public required List<DrawingPointDefinition> Drawing { get; init; }
}

internal sealed class LandmarkDefinition
{
    public required string Description { get; init; }

    public required CitationDefinition Source { get; init; }
}

internal sealed class DrawingPointDefinition
{
    public required string View { get; init; }

    public required double X { get; init; }

    public required double Y { get; init; }
}

internal sealed class ProtocolDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required int RetreatmentIntervalDays { get; init; }

    public decimal? MaximumUnits { get; init; }

    public required List<CitationDefinition> Sources { get; init; }

    public required List<ProtocolSiteDefinition> Sites { get; init; }

    public List<FollowThePainDefinition>? FollowThePain { get; init; }
}

internal sealed class ProtocolSiteDefinition
{
    public required string Site { get; init; }

    public required decimal Units { get; init; }
}

internal sealed class FollowThePainDefinition
{
    public required string Muscle { get; init; }

    public required decimal MaxExtraUnits { get; init; }

    public required int MaxExtraSites { get; init; }

    public required decimal UnitsPerSite { get; init; }

    public required CitationDefinition Source { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    AllowTrailingCommas = false,
    MaxDepth = 16)]
[JsonSerializable(typeof(DefinitionDocument))]
internal sealed partial class DefinitionJsonContext : JsonSerializerContext;
