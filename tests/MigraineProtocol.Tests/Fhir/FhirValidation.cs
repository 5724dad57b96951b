using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace MigraineProtocol.Tests.Fhir;

/// <summary>
/// One Firely validator for every FHIR test, offline against the base R4 specification
/// (Hl7.Fhir.Specification.Data.R4). Its first validation compiles the schemas (seconds); later ones take milliseconds.
/// </summary>
internal static class FhirValidation
{
    private static readonly Lazy<Validator> Shared = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, LocalTerminologyService.CreateDefaultForCore(resolver));
    });

    private static readonly Lock Gate = new();

    /// <summary>Returns the error and fatal issues of a resource, each as <c>severity: text @ location</c>.</summary>
    internal static List<string> Errors(Resource resource)
    {
        OperationOutcome outcome;
        lock (Gate)
        {
            outcome = Shared.Value.Validate(resource);
        }

        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{resource.TypeName}: {i.Severity}: {i.Details?.Text} @ {string.Join(",", i.Expression ?? [])}")];
    }

    /// <summary>Returns the errors of a Bundle and of every resource in it.</summary>
    internal static List<string> ErrorsOfBundleAndEntries(Bundle bundle) =>
        [.. Errors(bundle), .. bundle.Entry.SelectMany(e => Errors(e.Resource!))];
}
