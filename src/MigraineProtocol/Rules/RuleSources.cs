using MigraineProtocol.Billing;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Rules;

/// <summary>The clinical sources the built-in rules cite (clinical-facts.md; docs/rules.md maps each rule code to its source).</summary>
public static class RuleSources
{
    /// <summary>Gets the source of the fixed sites: 31 sites in 7 muscles, procerus midline, the others bilateral (§1.1 and §1.2; S1b, the manufacturer's page reproducing the SmPC paradigm, confirms the S1 copy first-hand: VERIFIED).</summary>
    public static Citation FixedSites { get; } =
        new("S1b", "clinical-facts.md §1.1-1.2: per-muscle table of the SmPC paradigm as reproduced by the manufacturer (31 sites, 7 muscles, procerus midline); S1 and S4 are copies", VerificationLevel.Verified);

    /// <summary>Gets the source of the dose per site: 0.1 mL = 5 U (§1.2, S1b, VERIFIED).</summary>
    public static Citation DosePerSite { get; } =
        new("S1b", "clinical-facts.md §1.2: dose per site 0.1 mL = 5 U, intramuscular (manufacturer's page; S1 and S3 are copies)", VerificationLevel.Verified);

    /// <summary>Gets the source of follow-the-pain: up to 3 muscle groups (occipitalis, temporalis, trapezius), up to the maximum dose per muscle, one or both sides (§1.2, S1b, VERIFIED).</summary>
    public static Citation FollowThePain { get; } =
        new("S1b", "clinical-facts.md §1.2: follow-the-pain in up to 3 muscle groups (occipitalis, temporalis, trapezius), up to the maximum dose per muscle (manufacturer's page; S1 is a copy)", VerificationLevel.Verified);

    /// <summary>Gets the source of the total dose: 155-195 U at 31-39 sites (§1.2, S1b, VERIFIED); the protocol's own maximum applies.</summary>
    public static Citation TotalDose { get; } =
        new("S1b", "clinical-facts.md §1.2: dose range 155-195 U at 31-39 sites (manufacturer's page; S1 and S4 are copies)", VerificationLevel.Verified);

    /// <summary>Gets the source of the retreatment interval: every 12 weeks (§1.2, S1 and S3: both copies, so VERIFIED-2nd by the file's definitions).</summary>
    public static Citation RetreatmentInterval { get; } =
        new("S1, S3", "clinical-facts.md §1.2: retreatment every 12 weeks (copies of the SmPC and of the PI summary; re-check against the primary label)", VerificationLevel.VerifiedSecondary);

    /// <summary>Gets the source of the cumulative limit: 400 U in a 3-month interval, all indications (§1.2, S18, VERIFIED-2nd: a drug monograph; re-check against the US PI §2.1).</summary>
    public static Citation CumulativeDose { get; } =
        new("S18", "clinical-facts.md §1.2: max cumulative dose 400 Units in a 3-month interval, adults, all indications (drug monograph; re-check against US PI §2.1)", VerificationLevel.VerifiedSecondary);

    /// <summary>Gets the source of the 24-hour limit after reconstitution: "administer it within 24 hours of reconstitution", refrigerated (§1.2 sources, S19, VERIFIED-2nd: the manufacturer's ordering and storage sheet, a copy; re-check against the PI/SmPC).</summary>
    public static Citation ReconstitutionAge { get; } =
        new("S19", "clinical-facts.md sources: manufacturer ordering and storage sheet (copy): administer within 24 hours of reconstitution, refrigerated 2-8 °C; re-check against the PI/SmPC", VerificationLevel.VerifiedSecondary);

    /// <summary>Gets the source of the distant-spread check: the boxed warning, label §5.1 (clinical-facts.md §2.1, S2, VERIFIED).</summary>
    public static Citation DistantSpread => Sessions.AdverseEventTerms.BoxedWarning;

    /// <summary>Gets the source of the local-weakness check: the frontal-region dose was chosen to limit eyelid ptosis, and superficial injection in the upper neck reduces neck pain and weakness (clinical-facts.md §1.2, S5, VERIFIED-2nd: copies of Blumenfeld et al. 2010).</summary>
    public static Citation LocalWeakness { get; } =
        new("S5", "clinical-facts.md §1.2: the frontal-region total (frontalis, corrugator, procerus) was chosen to limit eyelid ptosis; superficial injection in the upper neck reduces neck pain and weakness (copies of Blumenfeld et al., Headache 2010)", VerificationLevel.VerifiedSecondary);

    /// <summary>Gets the source of the standard dilutions: 5 U per 0.1 mL (§1.2, S7 and S7b, VERIFIED-2nd).</summary>
    public static Citation Dilution => Reconstitution.DilutionSource;

    /// <summary>Gets the source of the billing codes (§6, S17, VERIFIED-2nd).</summary>
    public static Citation Billing => BillingReconciliation.Source;

    /// <summary>
    /// Returns the citation of a protocol's limits (sites, doses, follow-the-pain, maximum, interval):
    /// its source keys, its locators, and the weakest verification among its sources, so that a limit of a
    /// secondary or unverified protocol never prints as verified (ADR 0092).
    /// </summary>
    /// <param name="protocol">The protocol.</param>
    /// <returns>The citation; a protocol without sources is cited as unverified.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="protocol"/> is <see langword="null"/>.</exception>
    public static Citation ForProtocol(Protocols.TreatmentProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.Sources.IsDefaultOrEmpty)
        {
            return new Citation("none", $"protocol '{protocol.Id}' cites no source", VerificationLevel.Unverified);
        }

        var keys = string.Join(", ", protocol.Sources.Select(c => c.Source).Distinct(StringComparer.Ordinal));
        var weakest = protocol.Sources.Min(c => c.Verification);
        return new Citation(keys, $"protocol '{protocol.Id}': " + string.Join("; ", protocol.Sources.Select(c => c.Locator)), weakest);
    }

    /// <summary>Gets the "source" of record-consistency checks (expiry, vial count): the session record itself; no clinical number is involved.</summary>
    public static Citation SessionRecord { get; } =
        new("record", "consistency of the session record (dates and vials it states); no clinical number is involved", VerificationLevel.Verified);
}
