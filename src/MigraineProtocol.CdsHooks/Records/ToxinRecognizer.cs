using Hl7.Fhir.Model;
using MigraineProtocol.Fhir.Terminology;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.CdsHooks.Records;

/// <summary>What a medication is, as far as the protocol cares.</summary>
internal enum ToxinKind
{
    /// <summary>Not a botulinum toxin (or not recognised as one).</summary>
    None,

    /// <summary>OnabotulinumtoxinA (BOTOX).</summary>
    OnabotulinumtoxinA,

    /// <summary>Another botulinum-toxin product: its units are not interchangeable (clinical-facts.md §1.2, S7).</summary>
    OtherToxin,
}

/// <summary>
/// Recognises onabotulinumtoxinA and other botulinum toxins in a CodeableConcept: by the codes the Fhir
/// package ships (HCPCS J0585, the library's toxin unit) plus the integrator's code map, by HCPCS J0586
/// (abobotulinumtoxinA) and J0588 (incobotulinumtoxinA) (clinical-facts.md S17b, VERIFIED-2nd) plus the
/// integrator's other-toxin codes, and by the names in the text (no code without a named public source).
/// </summary>
internal sealed class ToxinRecognizer
{
    /// <summary>Gets the source of the other-toxin HCPCS codes.</summary>
    public static readonly Citation OtherToxinCodesSource = new("S17b", "clinical-facts.md §6: J0586 abobotulinumtoxinA per 5 units, J0588 incobotulinumtoxinA per 1 unit (Medicare contractor pages)", VerificationLevel.VerifiedSecondary);

    private readonly HashSet<(string System, string Code)> ona = [];
    private readonly HashSet<(string System, string Code)> other = [];

    public ToxinRecognizer(IFhirCodeMap map, IEnumerable<string> otherToxinCodes)
    {
        ona.Add((FhirTerminology.HcpcsSystem, "J0585"));
        foreach (var c in map.ForMedication())
        {
            ona.Add((c.System, c.Code));
        }

        other.Add((FhirTerminology.HcpcsSystem, "J0586"));
        other.Add((FhirTerminology.HcpcsSystem, "J0588"));
        foreach (var text in otherToxinCodes)
        {
            other.Add(SplitCode(text));
        }
    }

    /// <summary>Splits <c>system|code</c>.</summary>
    public static (string System, string Code) SplitCode(string text)
    {
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar <= 0 || bar == text.Length - 1
            ? throw new ArgumentException($"Code '{text}' is not 'system|code'.", nameof(text))
            : (text[..bar], text[(bar + 1)..]);
    }

    public ToxinKind Recognize(CodeableConcept? concept)
    {
        if (concept is null)
        {
            return ToxinKind.None;
        }

        foreach (var c in concept.Coding)
        {
            if (c.System is null || c.Code is null)
            {
                continue;
            }

            if (ona.Contains((c.System, c.Code)))
            {
                return ToxinKind.OnabotulinumtoxinA;
            }

            if (other.Contains((c.System, c.Code)))
            {
                return ToxinKind.OtherToxin;
            }
        }

        var byText = ByName(concept.Text);
        foreach (var c in concept.Coding)
        {
            byText = byText == ToxinKind.None ? ByName(c.Display) : byText;
        }

        return byText;
    }

    /// <summary>Returns the kind named by a product text: "BOTOX" or "onabotulinumtoxinA" (any case) is onabotulinumtoxinA; any other "botulinum" name is another toxin.</summary>
    public static ToxinKind ByName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ToxinKind.None;
        }

        if (text.Contains("onabotulinumtoxin", StringComparison.OrdinalIgnoreCase) || text.Contains("botox", StringComparison.OrdinalIgnoreCase))
        {
            return ToxinKind.OnabotulinumtoxinA;
        }

        return text.Contains("botulinum", StringComparison.OrdinalIgnoreCase) ? ToxinKind.OtherToxin : ToxinKind.None;
    }
}
