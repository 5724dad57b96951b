namespace MigraineProtocol.Fhir.Mapping;

/// <summary>
/// A FHIR reference the caller supplies for a resource the library does not create, such as the patient
/// (<c>Patient/123</c>) or the performer (<c>Practitioner/abc</c>), with an optional display text.
/// </summary>
/// <remarks>
/// The reference text is any FHIR reference without white space: a relative reference
/// (<c>Type/id</c>), an absolute URL or a <c>urn:uuid:</c>. A reference may also be a display text
/// only (<see cref="DisplayOnly"/>), which FHIR allows when the resource cannot be referenced. Equality
/// is ordinal by both parts.
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
        : this(reference ?? throw new ArgumentNullException(nameof(reference)), display, true)
    {
    }

    private FhirReference(string? reference, string? display, bool _)
    {
        if (reference is not null && (reference.Length == 0 || reference.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException($"'{reference}' is not a FHIR reference: a reference such as 'Patient/123' is not empty and has no white space.", nameof(reference));
        }

        Reference = reference;
        Display = display is null ? null : Text.CheckTrimmed(display, nameof(display), "A display");
    }

    /// <summary>Returns a reference that is a display text only, for a resource that cannot be referenced (for example <c>patient not identified</c>).</summary>
    /// <param name="display">The display text; not blank.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="display"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="display"/> is blank or padded.</exception>
    public static FhirReference DisplayOnly(string display) =>
        new(null, display ?? throw new ArgumentNullException(nameof(display)), true);

    /// <summary>Gets the reference text, for example <c>Patient/123</c>; <see langword="null"/> for a display-only reference.</summary>
    public string? Reference { get; }

    /// <summary>Gets the display text, if any.</summary>
    public string? Display { get; }

    /// <inheritdoc />
    public bool Equals(FhirReference? other) => other is not null && Reference == other.Reference && Display == other.Display;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FhirReference);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Reference, Display);

    /// <summary>Returns the reference text, or the display text of a display-only reference.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Reference ?? Display ?? string.Empty;
}
