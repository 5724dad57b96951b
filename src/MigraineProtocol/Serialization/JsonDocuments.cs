using System.Text.Json.Serialization;
using MigraineProtocol.Definitions;

namespace MigraineProtocol.Serialization;

// The wire shapes (docs/json-formats.md). Internal: the public API is the domain model; these classes
// exist only to read and write JSON strictly with source-generated (trim- and AOT-safe) metadata.
// Dates and ids are strings here and are parsed by the readers, so that every error names its JSON path.

internal sealed class SessionDocument
{
    public required string Date { get; init; }

    public required List<InjectionDocument> Injections { get; init; }

    public string? Product { get; init; }

    public string? Lot { get; init; }

    public string? Expiry { get; init; }

    public ReconstitutionDocument? Reconstitution { get; init; }

    public int? Vials { get; init; }

    public string? ReconstitutedAt { get; init; }

    public List<AdverseEventDocument?>? AdverseEvents { get; init; }

    public bool? DistantSpreadAcknowledged { get; init; }
}

internal sealed class AdverseEventDocument
{
    public required string Term { get; init; }

    public string? Text { get; init; }

    public required string Onset { get; init; }

    public int? DurationDays { get; init; }

    public bool? Ongoing { get; init; }

    public required string Severity { get; init; }

    public required bool Serious { get; init; }

    public string? Site { get; init; }

    public string? Muscle { get; init; }
}

internal sealed class InjectionDocument
{
    public required string Site { get; init; }

    public required decimal Units { get; init; }
}

internal sealed class ReconstitutionDocument
{
    public required decimal VialUnits { get; init; }

    public required decimal DiluentMl { get; init; }
}

internal sealed class HistoryDocument
{
    public required List<AdministrationDocument> Administrations { get; init; }
}

internal sealed class AdministrationDocument
{
    public required string Date { get; init; }

    public required decimal Units { get; init; }

    public required string Indication { get; init; }

    public List<AdverseEventDocument?>? AdverseEvents { get; init; }
}

internal sealed class ReportDocument
{
    public required bool Valid { get; init; }

    public required string Protocol { get; init; }

    public required string Date { get; init; }

    public required decimal TotalUnits { get; init; }

    public required int Injections { get; init; }

    public required decimal CumulativeUnits { get; init; }

    public required string CumulativeWindowStart { get; init; }

    public string? CumulativePolicy { get; init; }

    public decimal? CumulativeLimit { get; init; }

    public decimal? CumulativeHeadroom { get; init; }

    public decimal? RollingCumulativeUnits { get; init; }

    public string? RollingWindowStart { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? PreviousSessionDate { get; init; }

    public required string NextEligibleDate { get; init; }

    public required int Errors { get; init; }

    public required int Warnings { get; init; }

    public required List<DiagnosticDocument> Diagnostics { get; init; }

    public ReconciliationDocument? Reconciliation { get; init; }
}

internal sealed class DiagnosticDocument
{
    public required string Code { get; init; }

    public required string Severity { get; init; }

    public required string Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Site { get; init; }

    public required CitationDefinition Source { get; init; }
}

internal sealed class ReconciliationDocument
{
    public required decimal VialUnits { get; init; }

    public required int Vials { get; init; }

    public required bool VialsRecorded { get; init; }

    public required decimal UnitsOpened { get; init; }

    public required decimal UnitsAdministered { get; init; }

    public required decimal UnitsDiscarded { get; init; }

    public required List<BillingLineDocument> Lines { get; init; }

    public required CitationDefinition Source { get; init; }
}

internal sealed class BillingLineDocument
{
    public required string System { get; init; }

    public required string Code { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Modifier { get; init; }

    public required decimal Quantity { get; init; }

    public required string Description { get; init; }
}

internal sealed class BatchLineDocument
{
    public required string Patient { get; init; }

    public required SessionDocument Session { get; init; }

    public HistoryDocument? History { get; init; }
}

internal sealed class BatchResultDocument
{
    public required string Source { get; init; }

    public required int Line { get; init; }

    public string? Patient { get; init; }

    public bool? Valid { get; init; }

    public ReportDocument? Report { get; init; }

    public List<ProblemDocument>? Problems { get; init; }
}

internal sealed class ProblemDocument
{
    public int? Line { get; init; }

    public int? Column { get; init; }

    public string? Path { get; init; }

    public required string Code { get; init; }

    public required string Message { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    AllowTrailingCommas = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    NewLine = "\n",
    MaxDepth = 16)]
[JsonSerializable(typeof(SessionDocument))]
[JsonSerializable(typeof(HistoryDocument))]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(BatchLineDocument))]
[JsonSerializable(typeof(BatchResultDocument))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;

/// <summary>The writing context: the same metadata with minimal escaping (quotes and non-ASCII text stay readable).</summary>
internal static class RecordJson
{
    internal static RecordJsonContext Writing { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The same as <see cref="Writing"/> on one line (NDJSON).</summary>
    internal static RecordJsonContext Compact { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
