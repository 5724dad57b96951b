namespace MigraineProtocol.Diaries.Criteria;

/// <summary>
/// The one place for the day counts the diary criteria share, each cited once. Rule sets refer to
/// these properties; a guideline update changes a value here, and consumers need no rebuild (they are
/// properties, not constants).
/// </summary>
public static class ClinicalDayCounts
{
    /// <summary>
    /// Gets the headache days per month that define chronic migraine: at least 15. ICHD-3 1.3 A
    /// (clinical-facts.md §3, S8, VERIFIED); the same number in NICE TA260 1.1 (§4, S9, VERIFIED), the
    /// EU SmPC (§1.3, S15, VERIFIED) and the US label (§1.3, S14, VERIFIED-2nd). Fewer is episodic
    /// migraine (NICE TA260 1.2).
    /// </summary>
    public static int ChronicHeadacheDays { get; } = 15;

    /// <summary>
    /// Gets the migraine days per month, among those headache days, that define chronic migraine: at
    /// least 8. ICHD-3 1.3 C (clinical-facts.md §3, S8, VERIFIED); the same number in NICE TA260 1.1
    /// (§4, S9, VERIFIED) and the EU SmPC (§1.3, S15, VERIFIED).
    /// </summary>
    public static int ChronicMigraineDays { get; } = 8;

    /// <summary>Gets the comparison window: 28 days, the PREEMPT baseline period and trial month (clinical-facts.md §5, S4, VERIFIED).</summary>
    public static int WindowDays { get; } = 28;
}
