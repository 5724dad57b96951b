using MigraineProtocol.Dosing;

namespace MigraineProtocol.Rules;

/// <summary>
/// The cumulative dose across indications at a session (clinical-facts.md §1.2, S18, VERIFIED-2nd): the
/// figure under the options' policy that the <c>cumulative-dose-limit</c> rule judges, the headroom left
/// in the window, and the rolling calendar-month figure as information (ADR 0090).
/// </summary>
/// <remarks>Equality is by value. The <c>default</c> value has zero units, a zero limit and default dates.</remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly struct CumulativeDoseSummary : IEquatable<CumulativeDoseSummary>
{
    /// <summary>Initializes a summary.</summary>
    /// <param name="policy">The policy the units are counted under.</param>
    /// <param name="limit">The limit (400 U by default).</param>
    /// <param name="windowStart">The first day (inclusive) of the policy's window; the session date is the last.</param>
    /// <param name="units">The units in the policy's window, all indications, including the session.</param>
    /// <param name="rollingWindowStart">The first day of the rolling calendar-month window.</param>
    /// <param name="rollingUnits">The units in the rolling calendar-month window, including the session.</param>
    public CumulativeDoseSummary(CumulativeWindowPolicy policy, ToxinUnits limit, DateOnly windowStart, ToxinUnits units, DateOnly rollingWindowStart, ToxinUnits rollingUnits)
    {
        Policy = policy;
        Limit = limit;
        WindowStart = windowStart;
        Units = units;
        RollingWindowStart = rollingWindowStart;
        RollingUnits = rollingUnits;
    }

    /// <summary>Gets the policy the units are counted under.</summary>
    public CumulativeWindowPolicy Policy { get; }

    /// <summary>Gets the limit.</summary>
    public ToxinUnits Limit { get; }

    /// <summary>Gets the first day (inclusive) of the policy's window.</summary>
    public DateOnly WindowStart { get; }

    /// <summary>Gets the units in the policy's window, all indications, including the session.</summary>
    public ToxinUnits Units { get; }

    /// <summary>Gets the headroom: how many more units may still be given in this window (cycle) without exceeding the limit; zero when at or over it.</summary>
    public ToxinUnits Headroom => Units >= Limit ? ToxinUnits.Zero : Limit - Units;

    /// <summary>Gets a value indicating whether the units are over the limit.</summary>
    public bool IsOverLimit => Units > Limit;

    /// <summary>Gets the first day of the rolling calendar-month window (information under the treatment-cycle policy).</summary>
    public DateOnly RollingWindowStart { get; }

    /// <summary>Gets the units in the rolling calendar-month window, including the session (information under the treatment-cycle policy).</summary>
    public ToxinUnits RollingUnits { get; }

    /// <inheritdoc />
    public bool Equals(CumulativeDoseSummary other) =>
        Policy == other.Policy && Limit == other.Limit && WindowStart == other.WindowStart && Units == other.Units
        && RollingWindowStart == other.RollingWindowStart && RollingUnits == other.RollingUnits;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CumulativeDoseSummary other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Policy, Limit, WindowStart, Units, RollingUnits);

    /// <summary>Returns <c>units of limit from start (policy)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Units} of {Limit} from {WindowStart:yyyy-MM-dd} ({(Policy == CumulativeWindowPolicy.TreatmentCycle ? "treatment cycle" : "rolling calendar months")})";

    /// <summary>Compares two summaries for equality.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(CumulativeDoseSummary left, CumulativeDoseSummary right) => left.Equals(right);

    /// <summary>Compares two summaries for inequality.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(CumulativeDoseSummary left, CumulativeDoseSummary right) => !left.Equals(right);
}
