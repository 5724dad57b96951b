using System.Collections.Immutable;

namespace MigraineProtocol.Fhir.Mapping;

/// <summary>
/// A Bundle could not be read as a session: every problem, each starting with the FHIRPath-style
/// location it was found at (for example <c>Bundle.entry[3].resource.dosage.dose: ...</c>).
/// </summary>
public sealed class FhirImportException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="problems">The problems; at least one.</param>
    public FhirImportException(IEnumerable<string> problems)
        : this([.. problems ?? throw new ArgumentNullException(nameof(problems))])
    {
    }

    /// <summary>Initializes the exception with a single problem.</summary>
    public FhirImportException()
        : this(["The Bundle could not be read as a session."])
    {
    }

    /// <summary>Initializes the exception with a single problem.</summary>
    /// <param name="message">The problem.</param>
    public FhirImportException(string message)
        : this([message])
    {
    }

    /// <summary>Initializes the exception with a single problem and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public FhirImportException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    private FhirImportException(ImmutableArray<string> problems)
        : base(problems.Length == 1 ? problems[0] : $"The Bundle has {problems.Length} problems:" + string.Concat(problems.Select(p => "\n  " + p))) =>
        Problems = problems;

    /// <summary>Gets every problem, each with its location.</summary>
    public ImmutableArray<string> Problems { get; }
}
