namespace MigraineProtocol.Fhir.Mapping;

/// <summary>The kind of Bundle a session is exported as.</summary>
public enum FhirBundleKind
{
    /// <summary>A <c>transaction</c> Bundle: every entry has a <c>POST</c> request, ready to submit to a FHIR server (the default).</summary>
    Transaction = 0,

    /// <summary>A <c>collection</c> Bundle: the resources only, for storage or messaging.</summary>
    Collection = 1,
}
