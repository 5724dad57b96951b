using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Definitions;

/// <summary>The built-in protocols.</summary>
public static class KnownProtocols
{
    /// <summary>Gets the PREEMPT paradigm: 155 U at 31 fixed sites; optional follow-the-pain up to +40 U at up to 8 more sites (temporalis +10 U/2, occipitalis +10 U/2, trapezius +20 U/4), at most 195 U at 39 sites; every 12 weeks (clinical-facts.md §1.1 and §1.2, S1 and S4, VERIFIED).</summary>
    public static TreatmentProtocol Preempt => Catalogs.Default.Get(ProtocolId.From("preempt"));

    /// <summary>Gets the US label dose: 155 U at the 31 fixed sites, no follow-the-pain; every 12 weeks (clinical-facts.md §1.2, S3, VERIFIED-2nd; that the US PI omits follow-the-pain is UNVERIFIED).</summary>
    public static TreatmentProtocol UsLabel => Catalogs.Default.Get(ProtocolId.From("us-label"));
}
