namespace MigraineProtocol.Fhir.Mapping;

/// <summary>
/// A FHIR reference the caller supplies for a resource the library does not create, such as the patient
/// (<c>Patient/123</c>) or the performer (<c>Practitioner/abc</c>), with an optional display text.
/// </summary>
/// <remarks>
/// The reference text is any FHIR reference without white space: a relative reference
/// (<c>Type/id</c>), an absolute URL or a <c>urn:uuid:</c>. Equality is ordinal by both parts.
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class FhirReference : IEquatable<FhirReference>
{
    /// <summary>Initializes a reference.</summary>
    /// <param name="reference">The reference, for example <c>Patient/123</c>; not blank, no white space.</param>
    /// <param name="display">The display text, if any; not blank when given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is blank or contains white space, or <paramref name="display"/> is blank or padded.</exception>
    public FhirReference(string reference, string? display = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Length == 0 || reference.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{reference}' is not a FHIR reference: a reference such as 'Patient/123' is not empty and has no white space.", nameof(reference));
        }

        Reference = reference;
        Display = display is null ? null : Text.CheckTrimmed(display, nameof(display), "A display");
    }

    /// <summary>Gets the reference text, for example <c>Patient/123</c>.</summary>
    public string Reference { get; }

    /// <summary>Gets the display text, if any.</summary>
    public string? Display { get; }

    /// <inheritdoc />
    public bool Equals(FhirReference? other) => other is not null && Reference == other.Reference && Display == other.Display;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FhirReference);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Reference, Display);

    /// <summary>Returns the reference text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Reference;
}
