using MigraineProtocol.Primitives;

namespace MigraineProtocol.Fhir.Terminology;

/// <summary>
/// A code from a code system, in FHIR's <c>Coding</c> shape (system, code, display), with where the code
/// was seen when the library ships it.
/// </summary>
/// <remarks>
/// <para>The library ships a standard code (SNOMED CT, CPT, HCPCS) only where it was seen in a public
/// source that can be named (docs/fhir.md lists them); <see cref="Source"/> records that source. Codes an
/// integrator supplies through an <see cref="IFhirCodeMap"/> usually have no source.</para>
/// <para>Equality is by system, code and display; the source is metadata and does not take part.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class FhirCoding : IEquatable<FhirCoding>
{
    /// <summary>Initializes a coding.</summary>
    /// <param name="system">The code system URI, for example <c>http://snomed.info/sct</c>; absolute.</param>
    /// <param name="code">The code; not blank, no leading or trailing white space.</param>
    /// <param name="display">The display text, if any; not blank when given.</param>
    /// <param name="source">Where the code was seen, if the library ships it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> or <paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="system"/> is not an absolute URI, or <paramref name="code"/> or <paramref name="display"/> is blank or padded.</exception>
    public FhirCoding(string system, string code, string? display = null, Citation? source = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(code);
        if (!Uri.TryCreate(system, UriKind.Absolute, out _) || system.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{system}' is not a code system URI: a code system is an absolute URI without white space.", nameof(system));
        }

        Text.CheckTrimmed(code, nameof(code), "A code");
        if (display is not null)
        {
            Text.CheckTrimmed(display, nameof(display), "A display");
        }

        System = system;
        Code = code;
        Display = display;
        Source = source;
    }

    /// <summary>Gets the code system URI.</summary>
    public string System { get; }

    /// <summary>Gets the code.</summary>
    public string Code { get; }

    /// <summary>Gets the display text, if any.</summary>
    public string? Display { get; }

    /// <summary>Gets where the code was seen, when the library ships it; <see langword="null"/> for integrator codes.</summary>
    public Citation? Source { get; }

    /// <inheritdoc />
    public bool Equals(FhirCoding? other) =>
        other is not null && System == other.System && Code == other.Code && Display == other.Display;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FhirCoding);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(System, Code, Display);

    /// <summary>Returns <c>system|code</c>, the FHIR token form.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{System}|{Code}";
}
