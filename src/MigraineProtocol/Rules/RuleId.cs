using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Rules;

/// <summary>
/// The stable code of a rule, for example <c>missing-site</c>. Integrators key on these codes; the
/// built-in codes never change (docs/rules.md lists each with its severity, meaning and source).
/// </summary>
/// <remarks>Equality is ordinal. The <c>default</c> value has an empty <see cref="Value"/>; it is safe to compare, hash and print.</remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
[JsonConverter(typeof(TextIdJsonConverter<RuleId>))]
public readonly partial struct RuleId : IEquatable<RuleId>
{
    private const string Kind = "rule id";
    private readonly string? value;

    private RuleId(string value) => this.value = value;

    /// <summary>Gets <c>unknown-site</c>: an id that is neither a fixed site of the protocol nor a follow-the-pain id of a known muscle.</summary>
    public static RuleId UnknownSite { get; } = new("unknown-site");

    /// <summary>Gets <c>duplicate-site</c>: a fixed site injected more than once.</summary>
    public static RuleId DuplicateSite { get; } = new("duplicate-site");

    /// <summary>Gets <c>missing-site</c>: a fixed site of the protocol not injected.</summary>
    public static RuleId MissingSite { get; } = new("missing-site");

    /// <summary>Gets <c>site-dose</c>: a dose at a site other than the protocol's.</summary>
    public static RuleId SiteDose { get; } = new("site-dose");

    /// <summary>Gets <c>follow-the-pain-limit</c>: follow-the-pain beyond a muscle's allowance, in a muscle without one, or under a protocol without it.</summary>
    public static RuleId FollowThePainLimit { get; } = new("follow-the-pain-limit");

    /// <summary>Gets <c>total-dose-limit</c>: a session total over the protocol's maximum.</summary>
    public static RuleId TotalDoseLimit { get; } = new("total-dose-limit");

    /// <summary>Gets <c>retreatment-interval</c>: fewer days than the protocol's interval since the last chronic-migraine session.</summary>
    public static RuleId RetreatmentInterval { get; } = new("retreatment-interval");

    /// <summary>Gets <c>cumulative-dose-limit</c>: more than 400 U, all indications, in the session's window: its treatment cycle (administrations fewer than 84 days before, by default) or the rolling 3 calendar months (opt-in).</summary>
    public static RuleId CumulativeDoseLimit { get; } = new("cumulative-dose-limit");

    /// <summary>Gets <c>expired-lot</c>: the lot's recorded expiry date is before the session date.</summary>
    public static RuleId ExpiredLot { get; } = new("expired-lot");

    /// <summary>Gets <c>reconstitution-concentration</c>: the recorded reconstitution does not give 5 U per 0.1 mL.</summary>
    public static RuleId ReconstitutionConcentration { get; } = new("reconstitution-concentration");

    /// <summary>Gets <c>product</c>: the recorded product is not onabotulinumtoxinA (an error: units of other toxins are not interchangeable), or no product is recorded (a warning: onabotulinumtoxinA assumed).</summary>
    public static RuleId Product { get; } = new("product");

    /// <summary>Gets <c>reconstitution-age</c>: the vials were reconstituted more than 24 hours before the session.</summary>
    public static RuleId ReconstitutionAge { get; } = new("reconstitution-age");

    /// <summary>Gets <c>vial-count</c>: the vials recorded as opened hold fewer units than were given.</summary>
    public static RuleId VialCount { get; } = new("vial-count");

    /// <summary>Gets <c>prior-distant-spread</c>: a prior administration carries a distant-spread event of the boxed warning (dysphagia, breathing difficulty, dysphonia, diplopia, generalised weakness); an error until the session records the clinician's acknowledgement, then an acknowledged warning.</summary>
    public static RuleId PriorDistantSpread { get; } = new("prior-distant-spread");

    /// <summary>Gets <c>prior-local-weakness</c>: eyelid ptosis or neck weakness after the last chronic-migraine session; a warning naming the muscles involved, never a dose suggestion.</summary>
    public static RuleId PriorLocalWeakness { get; } = new("prior-local-weakness");

    /// <summary>Gets the code text, for example <c>missing-site</c>.</summary>
    /// <value>The empty string for <c>default</c>.</value>
    public string Value => value ?? string.Empty;

    /// <summary>Creates a rule id from its code.</summary>
    /// <param name="value">The code: lower-case kebab-case, for example <c>clinic-max-ftp</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> does not follow the id grammar.</exception>
    public static RuleId From(string value) => new(Identifier.Check(value, Kind, nameof(value)));

    /// <summary>Tries to parse a rule id; never throws.</summary>
    /// <param name="s">The text, possibly <see langword="null"/>.</param>
    /// <param name="provider">Ignored: ids are culture-invariant.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RuleId result)
    {
        result = s is not null && Identifier.IsValid(s) ? new RuleId(s) : default;
        return result.value is not null;
    }

    /// <inheritdoc />
    public bool Equals(RuleId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RuleId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the code.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Value;

    /// <summary>Compares two ids for equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(RuleId left, RuleId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(RuleId left, RuleId right) => !left.Equals(right);
}
