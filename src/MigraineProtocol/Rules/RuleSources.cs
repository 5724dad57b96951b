using MigraineProtocol.Billing;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Rules;

/// <summary>The clinical sources the built-in rules cite (clinical-facts.md; docs/rules.md maps each rule code to its source).</summary>
public static class RuleSources
{
    /// <summary>Gets the source of the fixed sites: 31 sites in 7 muscles, procerus midline, the others bilateral (§1.1 and §1.2, S1 and S4, VERIFIED).</summary>
    public static Citation FixedSites { get; } =
        new("S1, S4", "clinical-facts.md §1.1-1.2: EU/UK SmPC §4.2 dose table and bilateral rule (31 sites, 7 muscles, procerus midline); PREEMPT protocol, 31 FSFD injections", VerificationLevel.Verified);

    /// <summary>Gets the source of the dose per site: 0.1 mL = 5 U (§1.2, S1 and S3, VERIFIED).</summary>
    public static Citation DosePerSite { get; } =
        new("S1, S3", "clinical-facts.md §1.2: dose per site 0.1 mL = 5 U, intramuscular", VerificationLevel.Verified);

    /// <summary>Gets the source of follow-the-pain: up to 3 muscle groups (occipitalis, temporalis, trapezius), up to the maximum dose per muscle, one or both sides (§1.2, S1, VERIFIED).</summary>
    public static Citation FollowThePain { get; } =
        new("S1", "clinical-facts.md §1.2: follow-the-pain in up to 3 muscle groups (occipitalis, temporalis, trapezius), up to the maximum dose per muscle", VerificationLevel.Verified);

    /// <summary>Gets the source of the total dose: 155-195 U at 31-39 sites (§1.2, S1 and S4, VERIFIED); the protocol's own maximum applies.</summary>
    public static Citation TotalDose { get; } =
        new("S1, S4", "clinical-facts.md §1.2: dose range 155-195 U at 31-39 sites", VerificationLevel.Verified);

    /// <summary>Gets the source of the retreatment interval: every 12 weeks (§1.2, S1 and S3, VERIFIED).</summary>
    public static Citation RetreatmentInterval { get; } =
        new("S1, S3", "clinical-facts.md §1.2: retreatment every 12 weeks", VerificationLevel.Verified);

    /// <summary>Gets the source of the cumulative limit: 400 U in a 3-month interval, all indications (§1.2, S18, VERIFIED-2nd: a drug monograph; re-check against the US PI §2.1).</summary>
    public static Citation CumulativeDose { get; } =
        new("S18", "clinical-facts.md §1.2: max cumulative dose 400 Units in a 3-month interval, adults, all indications (drug monograph; re-check against US PI §2.1)", VerificationLevel.VerifiedSecondary);

    /// <summary>Gets the source of the 24-hour limit after reconstitution: "administer it within 24 hours of reconstitution", refrigerated (§1.2 sources, S19, VERIFIED-2nd: the manufacturer's ordering and storage sheet, a copy; re-check against the PI/SmPC).</summary>
    public static Citation ReconstitutionAge { get; } =
        new("S19", "clinical-facts.md sources: manufacturer ordering and storage sheet (copy): administer within 24 hours of reconstitution, refrigerated 2-8 °C; re-check against the PI/SmPC", VerificationLevel.VerifiedSecondary);

    /// <summary>Gets the source of the standard dilutions: 5 U per 0.1 mL (§1.2, S7 and S7b, VERIFIED-2nd).</summary>
    public static Citation Dilution => Reconstitution.DilutionSource;

    /// <summary>Gets the source of the billing codes (§6, S17, VERIFIED-2nd).</summary>
    public static Citation Billing => BillingReconciliation.Source;

    /// <summary>Gets the "source" of record-consistency checks (expiry, vial count): the session record itself; no clinical number is involved.</summary>
    public static Citation SessionRecord { get; } =
        new("record", "consistency of the session record (dates and vials it states); no clinical number is involved", VerificationLevel.Verified);
}
