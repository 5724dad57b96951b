using System.Collections.Immutable;
using MigraineProtocol.Billing;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Rules;

/// <summary>
/// The verdict on a session: the violations found (in rule-set order, then in session or protocol
/// order), the session total, the cumulative dose with its headroom, the previous chronic-migraine
/// session and the earliest date for the next one and, when the session records its reconstitution and
/// its product is onabotulinumtoxinA (or not recorded), the billing reconciliation.
/// A report is valid when it holds no error.
/// </summary>
/// <remarks>
/// <para>A read-only value type so that validating a valid session allocates nothing (ADR 0030).
/// Equality is by value. The <c>default</c> value is not a report of any session: it is not valid (<see cref="IsValid"/> is <see langword="false"/>), holds no violations and prints as <c>not a validation report (the default value)</c>.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly struct ValidationReport : IEquatable<ValidationReport>
{
    private readonly ImmutableArray<RuleViolation> violations;

    /// <summary>Initializes a report.</summary>
    /// <param name="protocol">The protocol validated against.</param>
    /// <param name="date">The session date.</param>
    /// <param name="violations">The violations, in order.</param>
    /// <param name="totalUnits">The session total.</param>
    /// <param name="injectionCount">The number of injections in the session.</param>
    /// <param name="cumulative">The cumulative dose across indications: the policy's figure, its window and limit, and the rolling calendar-month figure.</param>
    /// <param name="previousSessionDate">The last chronic-migraine administration on or before the session date, if any.</param>
    /// <param name="nextEligibleDate">The first date the next chronic-migraine session may be given.</param>
    /// <param name="reconciliation">The billing reconciliation, when the session records its reconstitution.</param>
    /// <exception cref="ArgumentException">An element of <paramref name="violations"/> is <see langword="null"/>, or <paramref name="injectionCount"/> is negative.</exception>
    public ValidationReport(
        ProtocolId protocol,
        DateOnly date,
        ImmutableArray<RuleViolation> violations,
        ToxinUnits totalUnits,
        int injectionCount,
        CumulativeDoseSummary cumulative,
        DateOnly? previousSessionDate,
        DateOnly nextEligibleDate,
        BillingReconciliation? reconciliation)
    {
        var v = violations.IsDefault ? [] : violations;
        var errors = 0;
        foreach (var x in v)
        {
            Preconditions.CheckArgument(x is not null, nameof(violations), "A report must not contain null violations.");
            errors += x.IsError ? 1 : 0;
        }

        if (injectionCount < 0)
        {
            // Not Preconditions.CheckRange: its object parameter would box on the valid path (0 B goal).
            throw new ArgumentOutOfRangeException(nameof(injectionCount), injectionCount, "The number of injections must not be negative.");
        }

        Protocol = protocol;
        Date = date;
        this.violations = v;
        ErrorCount = errors;
        TotalUnits = totalUnits;
        InjectionCount = injectionCount;
        Cumulative = cumulative;
        PreviousSessionDate = previousSessionDate;
        NextEligibleDate = nextEligibleDate;
        Reconciliation = reconciliation;
    }

    /// <summary>Gets the protocol validated against.</summary>
    public ProtocolId Protocol { get; }

    /// <summary>Gets the session date.</summary>
    public DateOnly Date { get; }

    /// <summary>Gets the violations, in rule-set order, then in session or protocol order within a rule.</summary>
    public ImmutableArray<RuleViolation> Violations => violations.IsDefault ? [] : violations;

    /// <summary>Gets a value indicating whether the session is valid: no violation is an error. <see langword="false"/> for the <c>default</c> value, which reports on no session.</summary>
    public bool IsValid => !violations.IsDefault && ErrorCount == 0;

    /// <summary>Gets the number of errors.</summary>
    public int ErrorCount { get; }

    /// <summary>Gets the number of warnings.</summary>
    public int WarningCount => Violations.Length - ErrorCount;

    /// <summary>Gets the number of errors whose source is not <see cref="Primitives.VerificationLevel.Verified"/> (a secondary or
    /// unverified source): findings to re-check against the primary source before acting on them.</summary>
    public int ErrorsOnUnverifiedSources => Violations.Count(v => v.IsError && v.Source.Verification != Primitives.VerificationLevel.Verified);

    /// <summary>Gets the session total.</summary>
    public ToxinUnits TotalUnits { get; }

    /// <summary>Gets the number of injections in the session.</summary>
    public int InjectionCount { get; }

    /// <summary>Gets the cumulative dose across indications: the figure under the options' policy (one treatment cycle by default), its limit and headroom, and the rolling calendar-month figure as information.</summary>
    public CumulativeDoseSummary Cumulative { get; }

    /// <summary>Gets the units given in the cumulative window under the options' policy (all indications), including this session.</summary>
    public ToxinUnits CumulativeUnits => Cumulative.Units;

    /// <summary>Gets the first day of the cumulative window under the options' policy (inclusive; the session date is the last).</summary>
    public DateOnly CumulativeWindowStart => Cumulative.WindowStart;

    /// <summary>Gets the headroom: how many more units may still be given in this session's window (treatment cycle by default) without exceeding the cumulative limit.</summary>
    public ToxinUnits CumulativeHeadroom => Cumulative.Headroom;

    /// <summary>Gets the last chronic-migraine administration on or before the session date, if any.</summary>
    public DateOnly? PreviousSessionDate { get; }

    /// <summary>
    /// Gets the earliest date for the next chronic-migraine session that satisfies both the retreatment
    /// interval (the session date plus the protocol's interval, 84 days for the built-in protocols, less the
    /// options' tolerance) and the cumulative limit for a repeat of this session's total, counting this
    /// session and the history (<see cref="CumulativeDose.EarliestDate"/>); never before the session date. Information for the clinician, not a decision.
    /// </summary>
    public DateOnly NextEligibleDate { get; }

    /// <summary>Gets the billing reconciliation, or <see langword="null"/> when the session does not record its reconstitution or records a product other than onabotulinumtoxinA (no J0585 for another toxin; rule <c>product</c>).</summary>
    public BillingReconciliation? Reconciliation { get; }

    /// <summary>Returns the violations with a given code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The violations, in report order.</returns>
    public IEnumerable<RuleViolation> ViolationsOf(RuleId code) => Violations.Where(v => v.Code == code);

    /// <inheritdoc />
    public bool Equals(ValidationReport other) =>
        Protocol == other.Protocol && Date == other.Date && Violations.SequenceEqual(other.Violations) && TotalUnits == other.TotalUnits
        && InjectionCount == other.InjectionCount && Cumulative == other.Cumulative
        && PreviousSessionDate == other.PreviousSessionDate && NextEligibleDate == other.NextEligibleDate && Equals(Reconciliation, other.Reconciliation);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValidationReport other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Protocol, Date, Violations.Length, TotalUnits, NextEligibleDate);

    /// <summary>Returns <c>valid|invalid: n errors, m warnings</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => violations.IsDefault ? "not a validation report (the default value)" : $"{(IsValid ? "valid" : "invalid")}: {ErrorCount} errors, {WarningCount} warnings";

    /// <summary>Compares two reports for equality.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ValidationReport left, ValidationReport right) => left.Equals(right);

    /// <summary>Compares two reports for inequality.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(ValidationReport left, ValidationReport right) => !left.Equals(right);
}
