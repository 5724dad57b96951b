using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using MigraineProtocol.Protocols;
using MigraineProtocol.Sessions;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Rules;

/// <summary>
/// An ordered set of session rules, each with its effective severity. <see cref="Default"/> holds the
/// built-in rules (docs/rules.md); sets compose without forking the library: add a rule of your own,
/// change a rule's severity, or remove one.
/// </summary>
/// <example><code>
/// var rules = RuleSet.Default
///     .With(new MyClinicRule())
///     .WithSeverity(RuleId.RetreatmentInterval, Severity.Error)
///     .Without(RuleId.ReconstitutionConcentration);
/// ValidationReport report = rules.Validate(KnownProtocols.Preempt, session, history);
/// </code></example>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class RuleSet
{
    private RuleSet(Entry[] entries) => Entries = entries;

    /// <summary>Gets the built-in rules, in report order: product, unknown-site, duplicate-site, missing-site, site-dose, follow-the-pain-limit, total-dose-limit, retreatment-interval, cumulative-dose-limit, expired-lot, reconstitution-concentration, reconstitution-age, vial-count.</summary>
    public static RuleSet Default { get; } = new([.. BuiltInRules.All.Select(r => new Entry(r, r.DefaultSeverity))]);

    /// <summary>Gets the empty rule set.</summary>
    public static RuleSet Empty { get; } = new([]);

    /// <summary>Gets the rules, in report order.</summary>
    public ImmutableArray<ISessionRule> Rules => [.. Entries.Select(e => e.Rule)];

    /// <summary>Gets the rule codes, in report order.</summary>
    public IEnumerable<RuleId> Ids => Entries.Select(e => e.Rule.Id);

    internal Entry[] Entries { get; }

    /// <summary>Returns whether the set holds a rule.</summary>
    /// <param name="id">The rule's code.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(RuleId id) => IndexOf(id) >= 0;

    /// <summary>Looks up a rule; never throws.</summary>
    /// <param name="id">The rule's code.</param>
    /// <param name="rule">The rule when present.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool TryGetRule(RuleId id, [NotNullWhen(true)] out ISessionRule? rule)
    {
        var i = IndexOf(id);
        rule = i >= 0 ? Entries[i].Rule : null;
        return rule is not null;
    }

    /// <summary>Returns the effective severity of a rule.</summary>
    /// <param name="id">The rule's code.</param>
    /// <returns>The severity.</returns>
    /// <exception cref="KeyNotFoundException">The set holds no such rule.</exception>
    public Severity SeverityOf(RuleId id) => Entries[Require(id)].Severity;

    /// <summary>Returns a new set with a rule added at the end at its default severity, or replacing (in place) the rule with the same code.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The new set.</returns>
    public RuleSet With(ISessionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return With(rule, rule.DefaultSeverity);
    }

    /// <summary>Returns a new set with a rule added at the end at a severity, or replacing (in place) the rule with the same code.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="severity">The severity.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentException">The rule's code is <c>default</c>, its source is <see langword="null"/>, or the severity is undefined.</exception>
    public RuleSet With(ISessionRule rule, Severity severity)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Preconditions.CheckArgument(rule.Id.Value.Length > 0, nameof(rule), "A rule's code must not be the default (empty) rule id.");
        Preconditions.CheckArgument(rule.Source is not null, nameof(rule), $"Rule '{rule.Id}' must cite a source.");
        Preconditions.CheckRange(Enum.IsDefined(severity), nameof(severity), severity, "A severity is Warning or Error.");
        var entries = Entries.ToList();
        var i = IndexOf(rule.Id);
        if (i >= 0)
        {
            entries[i] = new Entry(rule, severity);
        }
        else
        {
            entries.Add(new Entry(rule, severity));
        }

        return new RuleSet([.. entries]);
    }

    /// <summary>Returns a new set with a rule's severity changed.</summary>
    /// <param name="id">The rule's code.</param>
    /// <param name="severity">The severity.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="KeyNotFoundException">The set holds no such rule.</exception>
    public RuleSet WithSeverity(RuleId id, Severity severity) => With(Entries[Require(id)].Rule, severity);

    /// <summary>Returns a new set without a rule.</summary>
    /// <param name="id">The rule's code.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="KeyNotFoundException">The set holds no such rule.</exception>
    public RuleSet Without(RuleId id)
    {
        var i = Require(id);
        return new RuleSet([.. Entries.Where((_, j) => j != i)]);
    }

    /// <summary>Validates a session against a protocol.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="session">The session.</param>
    /// <param name="history">The patient's prior administrations (not including this session), or <see langword="null"/> for none.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ValidationOptions.Default"/>.</param>
    /// <returns>The report.</returns>
    public ValidationReport Validate(TreatmentProtocol protocol, TreatmentSession session, TreatmentHistory? history = null, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        return SessionValidator.Run(CompiledProtocol.For(protocol), Entries, session, history ?? TreatmentHistory.Empty, options ?? ValidationOptions.Default);
    }

    /// <summary>Returns a validator bound to a protocol and options, for validating many sessions.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ValidationOptions.Default"/>.</param>
    /// <returns>The validator.</returns>
    public SessionValidator Compile(TreatmentProtocol protocol, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        return new SessionValidator(this, protocol, options ?? ValidationOptions.Default);
    }

    private int IndexOf(RuleId id)
    {
        for (var i = 0; i < Entries.Length; i++)
        {
            if (Entries[i].Rule.Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private int Require(RuleId id)
    {
        var i = IndexOf(id);
        return i >= 0 ? i : throw new KeyNotFoundException($"The rule set holds no rule '{id}'. Rules: {string.Join(", ", Ids)}.");
    }

    /// <summary>A rule with its effective severity; the rule's code and source are read once, here, not per validation.</summary>
    internal readonly record struct Entry(ISessionRule Rule, Severity Severity)
    {
        public RuleId Id { get; } = Rule.Id;

        public Primitives.Citation Source { get; } = Rule.Source;
    }
}
