using MigraineProtocol.Billing;
using MigraineProtocol.Dosing;
using MigraineProtocol.Protocols;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Rules;

/// <summary>
/// A rule set bound to one protocol and one set of options, ready to validate sessions: the protocol's
/// lookup tables are built once, and validating a valid session allocates nothing.
/// </summary>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class SessionValidator
{
    private readonly CompiledProtocol compiled;
    private readonly RuleSet.Entry[] entries;

    internal SessionValidator(RuleSet rules, TreatmentProtocol protocol, ValidationOptions options)
    {
        Rules = rules;
        Options = options;
        compiled = CompiledProtocol.For(protocol);
        entries = rules.Entries;
    }

    /// <summary>Gets the protocol sessions are validated against.</summary>
    public TreatmentProtocol Protocol => compiled.Protocol;

    /// <summary>Gets the rules.</summary>
    public RuleSet Rules { get; }

    /// <summary>Gets the options.</summary>
    public ValidationOptions Options { get; }

    /// <summary>Validates a session.</summary>
    /// <param name="session">The session.</param>
    /// <param name="history">The patient's prior administrations (not including this session), or <see langword="null"/> for none.</param>
    /// <returns>The report.</returns>
    public ValidationReport Validate(TreatmentSession session, TreatmentHistory? history = null) =>
        Run(compiled, entries, session, history ?? TreatmentHistory.Empty, Options);

    internal static ValidationReport Run(CompiledProtocol c, RuleSet.Entry[] entries, TreatmentSession session, TreatmentHistory history, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        var injections = session.Injections;
        var n = injections.Length;
        var siteCount = c.SiteCount;
        var muscleCount = c.Muscles.Length;
        Span<int> slots = n <= 128 ? stackalloc int[n] : new int[n];
        Span<int> fixedCounts = siteCount <= 256 ? stackalloc int[siteCount] : new int[siteCount];
        Span<int> ftpCounts = muscleCount <= 64 ? stackalloc int[muscleCount] : new int[muscleCount];
        Span<long> ftpUnits = muscleCount <= 64 ? stackalloc long[muscleCount] : new long[muscleCount];
        var ids = c.SiteIds;
        long total = 0;
        int unknown = 0, ftp = 0, guess = 0;
        var repeated = false;
        for (var i = 0; i < n; i++)
        {
            var injection = injections[i];
            var id = injection.Site.Value;
            var hundredths = injection.Units.Hundredths;
            total = Math.Min(total + hundredths, ToxinUnits.MaxValue.Hundredths);

            // Sessions usually list the fixed sites in protocol order (or its reverse): try the
            // neighbours of the last fixed site before hashing.
            int slot;
            if ((uint)guess < (uint)ids.Length && string.Equals(id, ids[guess], StringComparison.Ordinal))
            {
                slot = guess;
            }
            else if (guess >= 2 && string.Equals(id, ids[guess - 2], StringComparison.Ordinal))
            {
                slot = guess - 2;
            }
            else if (!c.Slots.TryGetValue(id, out slot))
            {
                slot = -1;
            }

            slots[i] = slot;
            if (slot < 0)
            {
                unknown++;
            }
            else if (slot < siteCount)
            {
                repeated |= ++fixedCounts[slot] > 1;
                guess = slot + 1;
            }
            else
            {
                var m = (slot - siteCount) >> 1;
                ftpCounts[m]++;
                ftpUnits[m] = Math.Min(ftpUnits[m] + hundredths, ToxinUnits.MaxValue.Hundredths);
                ftp++;
            }
        }

        var date = session.Date;
        var windowStart = options.CumulativeWindowStart(date);
        var rollingStart = options.RollingWindowStart(date);
        var cumulative = total;
        var rolling = total;
        DateOnly? previous = null;
        foreach (var a in history.Administrations)
        {
            if (a.Date > date)
            {
                break;
            }

            if (a.Date >= windowStart)
            {
                cumulative = Math.Min(cumulative + a.Units.Hundredths, ToxinUnits.MaxValue.Hundredths);
            }

            if (a.Date >= rollingStart)
            {
                rolling = Math.Min(rolling + a.Units.Hundredths, ToxinUnits.MaxValue.Hundredths);
            }

            if (a.IsChronicMigraine)
            {
                previous = a.Date;
            }
        }

        var analysis = new SessionAnalysis
        {
            Compiled = c,
            Session = session,
            History = history,
            Options = options,
            Slots = slots,
            FixedCounts = fixedCounts,
            FollowThePainCounts = ftpCounts,
            FollowThePainHundredths = ftpUnits,
            TotalHundredths = total,
            UnknownCount = unknown,
            FollowThePainInjections = ftp,
            AnyRepeated = repeated,
            CumulativeHundredths = cumulative,
            CumulativeWindowStart = windowStart,
            PreviousSessionDate = previous,
        };

        List<RuleViolation>? found = null;
        foreach (var entry in entries)
        {
            entry.Rule.Evaluate(new RuleContext(ref found, analysis, entry.Id, entry.Severity, entry.Source));
        }

        var summary = new CumulativeDoseSummary(options.CumulativePolicy, options.CumulativeLimit, windowStart, ToxinUnits.FromHundredths(cumulative), rollingStart, ToxinUnits.FromHundredths(rolling));

        // The earliest next chronic-migraine session that satisfies both the interval (less any tolerance)
        // and the cumulative limit, for a repeat of this session's total; this session counts in the windows.
        // Never before this session: a tolerance as long as the interval leaves the cumulative limit to decide.
        var intervalDate = TreatmentHistory.AddDaysSaturating(date, Math.Max(0, c.Protocol.RetreatmentIntervalDays - options.RetreatmentToleranceDays));
        var next = CumulativeDose.Earliest(history.Administrations, date, total, total, intervalDate, options) ?? intervalDate;
        var billable = ToxinProducts.IsOnabotulinumtoxinA(session.Product) != false;
        return new ValidationReport(
            c.Protocol.Id,
            date,
            found is null ? [] : [.. found],
            ToxinUnits.FromHundredths(total),
            n,
            summary,
            previous,
            next,
            billable && session.Reconstitution is { } r ? BillingReconciliation.Create(ToxinUnits.FromHundredths(total), r, session.VialsOpened) : null);
    }
}
