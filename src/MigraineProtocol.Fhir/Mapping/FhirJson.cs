using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Hl7.Fhir.Introspection;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification;
using Hl7.Fhir.Utility;
using MigraineProtocol.Input;

namespace MigraineProtocol.Fhir.Mapping;

/// <summary>FHIR R4 JSON for Bundles: deterministic, indented, LF line ends; strict parsing with located errors.</summary>
public static class FhirJson
{
    // The FHIR R4 model, imported from the three Firely model assemblies named here. ModelInfo.ModelInspector
    // holds the same model but finds these assemblies with Assembly.GetReferencedAssemblies, which Native AOT
    // does not support (PlatformNotSupportedException); a test checks the two agree type for type (ADR 0180).
    private static readonly ModelInspector Inspector = CreateInspector();

    // Firely's own serializer and Utf8JsonReader-based deserializer (what FhirJsonConverter and ToJson wrap):
    // no System.Text.Json JsonSerializer, whose reflection-based resolver Native AOT lacks.
    private static readonly BaseFhirJsonSerializer Serializer = new(Inspector);
    private static readonly BaseFhirJsonDeserializer Deserializer = new(Inspector);

    /// <summary>Returns the FHIR JSON of a Bundle, indented, with LF line ends and no trailing newline.</summary>
    /// <param name="bundle">The Bundle.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bundle"/> is <see langword="null"/>.</exception>
    public static string Serialize(Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return Serializer.SerializeToString(bundle, pretty: true).ReplaceLineEndings("\n");
    }

    /// <summary>Reads the FHIR JSON of a Bundle.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <returns>The Bundle.</returns>
    /// <exception cref="InputException">The text is not JSON, not FHIR R4, or not a Bundle; <see cref="InputException.Problems"/> lists every problem with its place.</exception>
    public static Bundle Read(string json, string sourceName) =>
        TryRead(json, sourceName, out var bundle, out var problems) ? bundle : throw new InputException(problems);

    /// <summary>Tries to read the FHIR JSON of a Bundle; never throws.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <param name="bundle">The Bundle on success.</param>
    /// <param name="problems">Every problem found, with line and column where the FHIR library gives them; empty on success.</param>
    /// <returns><see langword="true"/> when the text is a FHIR R4 Bundle.</returns>
    /// <remarks>
    /// Malformed JSON, an empty text, a lone surrogate, a text over <see cref="InputLimits.MaxTextLength"/> and a
    /// JSON value that is not a Bundle are reported in the core readers' words before the FHIR library is called.
    /// Whatever the FHIR library then throws is caught and reported as a problem; nothing escapes.
    /// </remarks>
    public static bool TryRead(string json, string sourceName, [NotNullWhen(true)] out Bundle? bundle, out ImmutableArray<InputProblem> problems)
    {
        var source = string.IsNullOrWhiteSpace(sourceName) ? "input" : sourceName;
        bundle = null;
        var found = new List<InputProblem>();
        if (!FhirInput.Check(json, source, found))
        {
            problems = [.. found];
            return false;
        }

        Resource? resource;
        try
        {
            // DeserializeObject(typeof(Resource)), not DeserializeResource: the latter starts from
            // ModelInspector.Base, which Native AOT cannot build (see Inspector); both read the resource
            // type from "resourceType" and use the same reader and settings.
            resource = (Resource)Deserializer.DeserializeObject(typeof(Resource), json.TrimStart('\uFEFF'));
        }
        catch (DeserializationFailedException e)
        {
            var utf8 = System.Text.Encoding.UTF8.GetBytes(json);
            var list = e.Exceptions.Select(x => x is ExtendedCodedException ex
                ? Located(source, ex, utf8)
                : new InputProblem(source, null, null, null, InputProblemCodes.InvalidValue, Inert(x.Message))).ToList();
            problems = Cap(list);
            return false;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException or ThreadAbortException))
        {
            // The FHIR library throws more than its documented exception on some inputs (fuzzing found
            // IndexOutOfRange and InvalidOperation): report it as a problem of the input, never let it escape.
            problems = [new InputProblem(source, null, null, null, InputProblemCodes.InvalidValue, "the FHIR library could not read this JSON as a FHIR R4 resource; check it against the Bundle written by 'fhir export'.")];
            return false;
        }

        if (resource is not Bundle b)
        {
            problems = [new InputProblem(source, 1, 1, "resourceType", InputProblemCodes.InvalidValue, $"expected a Bundle, found {(resource is null ? "nothing" : "a " + resource.TypeName)}.")];
            return false;
        }

        bundle = b;
        problems = [];
        return true;
    }

    /// <summary>The FHIR R4 model as <c>ModelInfo.ModelInspector</c> builds it: the R4 assembly, then the
    /// shared base and conformance model assemblies it references, in that order.</summary>
    internal static ModelInspector CreateInspector()
    {
        var inspector = new ModelInspector(FhirRelease.R4);
        inspector.Import(typeof(ModelInfo).Assembly);
        inspector.Import(typeof(Base).Assembly);
        inspector.Import(typeof(StructureDefinition).Assembly);
        return inspector;
    }

    private static InputProblem Located(string source, ExtendedCodedException e, byte[] utf8)
    {
        var message = Inert(string.IsNullOrWhiteSpace(e.BaseErrorMessage) ? e.Message : e.BaseErrorMessage);
        if (e.LineNumber is not > 0 || e.Position is not > 0)
        {
            return new InputProblem(source, null, null, e.InstancePath, InputProblemCodes.InvalidValue, message);
        }

        // Firely gives a 1-based line and a 1-based byte position in it; columns count characters (ADR 0100).
        var (line, column) = FhirInput.Position(utf8, e.LineNumber.Value - 1, e.Position.Value - 1);
        return new InputProblem(source, line, column, e.InstancePath, InputProblemCodes.InvalidValue, message);
    }

    /// <summary>
    /// Firely's messages quote the input's values raw (<c>string '…' is not a correct literal for a code</c>):
    /// every character the library's echo policy escapes as inert (<see cref="InputProblem.Escape"/>: line
    /// breaks, other control characters, bidirectional overrides, lone surrogates) is escaped the same way;
    /// the rest of the message, quotes and backslashes included, is kept as Firely wrote it.
    /// </summary>
    internal static string Inert(string message)
    {
        var text = new System.Text.StringBuilder(message.Length);
        for (var i = 0; i < message.Length; i++)
        {
            var one = char.IsSurrogatePair(message, i) ? message.Substring(i++, 2) : message[i].ToString();
            var escaped = InputProblem.Escape(one);
            text.Append(one is "\\" or "'" ? one : escaped);
        }

        return text.ToString();
    }

    private static ImmutableArray<InputProblem> Cap(List<InputProblem> list) =>
        list.Count <= InputLimits.MaxProblems
            ? [.. list]
            : [.. list.Take(InputLimits.MaxProblems), new InputProblem(list[0].Source, null, null, null, InputProblemCodes.TooManyProblems, $"{(list.Count - InputLimits.MaxProblems).ToString(System.Globalization.CultureInfo.InvariantCulture)} more problems not listed (at most {InputLimits.MaxProblems.ToString(System.Globalization.CultureInfo.InvariantCulture)} are listed).")];
}
