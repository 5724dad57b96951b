using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace MigraineProtocol.Fhir.Mapping;

/// <summary>FHIR R4 JSON for Bundles: deterministic, indented, LF line ends; strict parsing with located errors.</summary>
public static class FhirJson
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>Returns the FHIR JSON of a Bundle, indented, with LF line ends and no trailing newline.</summary>
    /// <param name="bundle">The Bundle.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bundle"/> is <see langword="null"/>.</exception>
    public static string Serialize(Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return bundle.ToJson(pretty: true).ReplaceLineEndings("\n");
    }

    /// <summary>Parses the FHIR JSON of a Bundle.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The Bundle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FhirImportException">The text is not JSON, not FHIR R4, or not a Bundle; the problems name their location.</exception>
    public static Bundle Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Resource? resource;
        try
        {
            resource = JsonSerializer.Deserialize<Resource>(json, Options);
        }
        catch (DeserializationFailedException e)
        {
            throw new FhirImportException(e.Exceptions.Select(x => x.Message));
        }
        catch (JsonException e)
        {
            // System.Text.Json appends its own "Path: ... | LineNumber: ..." to the message; the position is given once, in front.
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
            var line = (e.LineNumber + 1)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
            var column = (e.BytePositionInLine + 1)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
            throw new FhirImportException($"line {line}, column {column}, {e.Path ?? "$"}: {message}", e);
        }

        return resource as Bundle ?? throw new FhirImportException($"expected a Bundle, found {(resource is null ? "nothing" : "a " + resource.TypeName)}");
    }
}
