using System.Text.Json;
using System.Text.Json.Serialization;

namespace MigraineProtocol.CdsHooks.Protocol;

/// <summary>The JSON shapes of the CDS Hooks specification (docs/specification/current.md) that the service writes.</summary>
internal static class CdsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,

        // The body is JSON for API clients, never embedded in HTML: no need to escape '&', '<' or non-ASCII.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

internal sealed record DiscoveryResponse(IReadOnlyList<ServiceDescription> Services);

internal sealed record ServiceDescription(string Hook, string Title, string Description, string Id, IReadOnlyDictionary<string, string> Prefetch);

internal sealed record CardsResponse(IReadOnlyList<Card> Cards);

/// <summary>A card: <c>summary</c> under 140 characters, <c>detail</c> in GitHub-flavoured markdown, <c>indicator</c> info|warning|critical, <c>source</c>.</summary>
internal sealed record Card(string Uuid, string Summary, string Detail, string Indicator, CardSource Source);

internal sealed record CardSource(string Label, CdsCoding Topic);

internal sealed record CdsCoding(string System, string Code, string Display);

/// <summary>The card indicators, in order of increasing urgency.</summary>
internal static class Indicator
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";
}

/// <summary>A parsed service request: the fields of "Calling a CDS Service".</summary>
internal sealed class CdsRequest
{
    public required string Hook { get; init; }

    public required string HookInstance { get; init; }

    public Uri? FhirServer { get; init; }

    public string? AccessToken { get; init; }

    public required string PatientId { get; init; }

    public required string UserId { get; init; }

    /// <summary>Gets the draft orders of an order-sign request (read as FHIR R4); <see langword="null"/> for patient-view.</summary>
    public Hl7.Fhir.Model.Bundle? DraftOrders { get; init; }

    /// <summary>Gets the prefetched resources by key (read as FHIR R4; keys given as null are left out).</summary>
    public required IReadOnlyDictionary<string, Hl7.Fhir.Model.Resource> Prefetch { get; init; }
}
