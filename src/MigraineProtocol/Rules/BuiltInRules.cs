using System.Globalization;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Rules;

/// <summary>The built-in rules (docs/rules.md). Each allocates only when it reports.</summary>
internal static class BuiltInRules
{
    internal static readonly ISessionRule[] All =
    [
        new ProductRule(),
        new UnknownSiteRule(),
        new DuplicateSiteRule(),
        new MissingSiteRule(),
        new SiteDoseRule(),
        new FollowThePainLimitRule(),
        new TotalDoseLimitRule(),
        new RetreatmentIntervalRule(),
        new CumulativeDoseLimitRule(),
        new ExpiredLotRule(),
        new ReconstitutionConcentrationRule(),
        new ReconstitutionAgeRule(),
        new VialCountRule(),
        new PriorDistantSpreadRule(),
        new PriorLocalWeaknessRule(),
    ];

    internal static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Count(int n, string thing) => n == 1 ? $"1 {thing}" : $"{n.ToString(CultureInfo.InvariantCulture)} {thing}s";

    private abstract class Rule(RuleId id, Severity severity, Citation source, string description) : ISessionRule
    {
        public RuleId Id { get; } = id;

        public Severity DefaultSeverity { get; } = severity;

        public Citation Source { get; } = source;

        public string Description { get; } = description;

        public abstract void Evaluate(in RuleContext context);
    }

    private sealed class ProductRule() : Rule(RuleId.Product, Severity.Error, ToxinProductsSource, "The recorded product is not onabotulinumtoxinA (BOTOX): units of other botulinum toxins are not interchangeable (error); no product recorded: onabotulinumtoxinA is assumed (warning).")
    {
        public override void Evaluate(in RuleContext context)
        {
            var product = context.Session.Product;
            switch (Sessions.ToxinProducts.IsOnabotulinumtoxinA(product))
            {
                case false:
                    context.Report($"The recorded product '{product}' is not onabotulinumtoxinA (BOTOX): units of other botulinum toxin products are not interchangeable with BOTOX units, so this protocol's doses and limits do not apply and no J0585 is billed.");
                    break;
                case null:
                    context.ReportAtMost(Severity.Warning, "No product recorded: onabotulinumtoxinA (BOTOX) is assumed for the doses, limits and billing; record the product.");
                    break;
            }
        }
    }

    private static Citation ToxinProductsSource => Sessions.ToxinProducts.Source;

    private sealed class UnknownSiteRule() : Rule(RuleId.UnknownSite, Severity.Error, RuleSources.FixedSites, "An injection site id that is neither a fixed site of the protocol nor a follow-the-pain id '<muscle>-<left|right>-ftp' of a muscle of the anatomy.")
    {
        public override void Evaluate(in RuleContext context)
        {
            ref readonly var a = ref context.Analysis;
            if (a.UnknownCount == 0)
            {
                return;
            }

            var p = context.Protocol;
            var injections = context.Session.Injections;
            for (var i = 0; i < injections.Length; i++)
            {
                if (a.Slots[i] >= 0)
                {
                    continue;
                }

                var id = injections[i].Site;
                var message = id.TryGetFollowThePain(out var muscle, out _)
                    ? $"'{id}' is follow-the-pain into '{muscle}', which is not a muscle of the anatomy of protocol '{p.Id}'."
                    : p.Anatomy.TryGetSite(id, out _)
                        ? $"'{id}' is a site of the anatomy but not of protocol '{p.Id}'."
                        : $"'{id}' is not a site of protocol '{p.Id}': neither one of its {p.FixedSiteCount} fixed sites nor a follow-the-pain id '<muscle>-<left|right>-ftp'.";
                context.ReportLimit(message, id);
            }
        }
    }

    private sealed class DuplicateSiteRule() : Rule(RuleId.DuplicateSite, Severity.Error, RuleSources.FixedSites, "A fixed site injected more than once.")
    {
        public override void Evaluate(in RuleContext context)
        {
            ref readonly var a = ref context.Analysis;
            if (!a.AnyRepeated)
            {
                return;
            }

            var p = context.Protocol;
            for (var k = 0; k < a.FixedCounts.Length; k++)
            {
                if (a.FixedCounts[k] > 1)
                {
                    var id = p.Sites[k].Site.Id;
                    context.ReportLimit($"Fixed site '{id}' is injected {a.FixedCounts[k].ToString(CultureInfo.InvariantCulture)} times; protocol '{p.Id}' injects it once.", id);
                }
            }
        }
    }

    private sealed class MissingSiteRule() : Rule(RuleId.MissingSite, Severity.Error, RuleSources.FixedSites, "A fixed site of the protocol that the session does not inject.")
    {
        public override void Evaluate(in RuleContext context)
        {
            var counts = context.Analysis.FixedCounts;
            if (counts.IndexOf(0) < 0)
            {
                return;
            }

            for (var k = 0; k < counts.Length; k++)
            {
                if (counts[k] == 0)
                {
                    var site = context.Protocol.Sites[k];
                    context.ReportLimit($"Fixed site '{site.Site.Id}' ({site.Site.Muscle}) is not injected; protocol '{context.Protocol.Id}' gives it {site.Units}.", site.Site.Id);
                }
            }
        }
    }

    private sealed class SiteDoseRule() : Rule(RuleId.SiteDose, Severity.Error, RuleSources.DosePerSite, "A dose at a fixed site, or per follow-the-pain injection, other than the protocol's (5 U).")
    {
        public override void Evaluate(in RuleContext context)
        {
            ref readonly var a = ref context.Analysis;
            var c = a.Compiled;
            var injections = context.Session.Injections;
            for (var i = 0; i < injections.Length; i++)
            {
                var slot = a.Slots[i];
                var given = injections[i].Units.Hundredths;
                if (slot < 0)
                {
                    continue;
                }

                if (slot < c.SiteCount)
                {
                    if (given != c.SiteHundredths[slot])
                    {
                        var id = injections[i].Site;
                        context.ReportLimit($"'{id}' was given {injections[i].Units}; protocol '{c.Protocol.Id}' gives {ToxinUnits.FromHundredths(c.SiteHundredths[slot])} at this site.", id);
                    }
                }
                else if (c.Allowances[(slot - c.SiteCount) >> 1] is { } allowance && given != allowance.UnitsPerSite.Hundredths)
                {
                    var id = injections[i].Site;
                    context.ReportLimit($"'{id}' was given {injections[i].Units}; protocol '{c.Protocol.Id}' gives {allowance.UnitsPerSite} per follow-the-pain injection into {allowance.Muscle}.", id);
                }
            }
        }
    }

    private sealed class FollowThePainLimitRule() : Rule(RuleId.FollowThePainLimit, Severity.Error, RuleSources.FollowThePain, "Follow-the-pain beyond a muscle's allowance, in a muscle without one (frontalis, corrugator, procerus, cervical paraspinal), or under a protocol without it.")
    {
        public override void Evaluate(in RuleContext context)
        {
            ref readonly var a = ref context.Analysis;
            if (a.FollowThePainInjections == 0)
            {
                return;
            }

            var c = a.Compiled;
            var p = c.Protocol;
            for (var m = 0; m < c.Muscles.Length; m++)
            {
                var count = a.FollowThePainCounts[m];
                if (count == 0)
                {
                    continue;
                }

                var units = ToxinUnits.FromHundredths(a.FollowThePainHundredths[m]);
                var muscle = c.Muscles[m];
                var allowance = c.Allowances[m];
                if (!p.AllowsFollowThePain)
                {
                    context.ReportLimit($"Follow-the-pain into {muscle} ({Given(count, units)}): protocol '{p.Id}' allows no follow-the-pain injections.", FirstSite(context, m));
                }
                else if (allowance is null)
                {
                    context.ReportLimit($"Follow-the-pain into {muscle} ({Given(count, units)}): {muscle} has no follow-the-pain allowance in protocol '{p.Id}' (only {string.Join(", ", p.FollowThePain.Select(f => f.Muscle))}).", FirstSite(context, m));
                }
                else if (count > allowance.MaxExtraSites || units > allowance.MaxExtraUnits)
                {
                    context.Report($"Follow-the-pain into {muscle} ({Given(count, units)}) is over its allowance in protocol '{p.Id}' of up to {Count(allowance.MaxExtraSites, "injection")} and {allowance.MaxExtraUnits}.", FirstSite(context, m), allowance.Source);
                }
            }
        }

        private static string Given(int count, ToxinUnits units) => $"{Count(count, "injection")}, {units}";

        private static SiteId FirstSite(in RuleContext context, int muscle)
        {
            ref readonly var a = ref context.Analysis;
            var first = a.Compiled.SiteCount + (2 * muscle);
            for (var i = 0; i < a.Slots.Length; i++)
            {
                if (a.Slots[i] == first || a.Slots[i] == first + 1)
                {
                    return context.Session.Injections[i].Site;
                }
            }

            return SiteId.FollowThePain(a.Compiled.Muscles[muscle], Laterality.Left);
        }
    }

    private sealed class TotalDoseLimitRule() : Rule(RuleId.TotalDoseLimit, Severity.Error, RuleSources.TotalDose, "A session total over the protocol's maximum (195 U for PREEMPT with follow-the-pain, 155 U for the US label).")
    {
        public override void Evaluate(in RuleContext context)
        {
            if (context.TotalUnits > context.Protocol.MaximumUnits)
            {
                context.ReportLimit($"The session total of {context.TotalUnits} is over the maximum of {context.Protocol.MaximumUnits} of protocol '{context.Protocol.Id}'.");
            }
        }
    }

    private sealed class RetreatmentIntervalRule() : Rule(RuleId.RetreatmentInterval, Severity.Warning, RuleSources.RetreatmentInterval, "Fewer days than the protocol's retreatment interval (84 days, 12 weeks) since the last chronic-migraine session, less any tolerance in the options.")
    {
        public override void Evaluate(in RuleContext context)
        {
            if (context.PreviousSessionDate is not { } previous)
            {
                return;
            }

            var interval = context.Protocol.RetreatmentIntervalDays;
            var tolerance = context.Options.RetreatmentToleranceDays;
            var days = context.Session.Date.DayNumber - previous.DayNumber;
            if (days >= interval - tolerance)
            {
                return;
            }

            var weeks = interval % 7 == 0 ? $" ({(interval / 7).ToString(CultureInfo.InvariantCulture)} weeks)" : string.Empty;
            var allowed = tolerance > 0 ? $"; with the tolerance of {Count(tolerance, "day")} in the options, {Count(interval - tolerance, "day")} after it is {Date(previous.AddDays(interval - tolerance))}" : string.Empty;
            var message = $"{Count(days, "day")} since the last chronic-migraine session on {Date(previous)}; protocol '{context.Protocol.Id}' retreats every {interval.ToString(CultureInfo.InvariantCulture)} days{weeks}, {Date(previous.AddDays(interval))}{allowed}.";
            if (tolerance > 0)
            {
                context.Report(message, null, ValidationOptions.CompelSource);
            }
            else
            {
                context.ReportLimit(message);
            }
        }
    }

    private sealed class CumulativeDoseLimitRule() : Rule(RuleId.CumulativeDoseLimit, Severity.Error, RuleSources.CumulativeDose, "More than 400 U of onabotulinumtoxinA, all indications together, in the session's treatment cycle (the session and every administration fewer than 84 days before it), or, opt-in, in the 3 calendar months up to and including the session day (secondary source; ADR 0090).")
    {
        public override void Evaluate(in RuleContext context)
        {
            var limit = context.Options.CumulativeLimit;
            var cumulative = context.CumulativeUnits;
            if (cumulative <= limit)
            {
                return;
            }

            ref readonly var a = ref context.Analysis;
            var prior = cumulative - context.TotalUnits;
            var window = context.Options.CumulativePolicy == CumulativeWindowPolicy.TreatmentCycle
                ? $"in the treatment cycle from {Date(a.CumulativeWindowStart)} to {Date(context.Session.Date)} (administrations fewer than {context.Options.CumulativeCycleDays.ToString(CultureInfo.InvariantCulture)} days before the session"
                : $"from {Date(a.CumulativeWindowStart)} to {Date(context.Session.Date)} ({context.Options.CumulativeWindowMonths.ToString(CultureInfo.InvariantCulture)} calendar months";
            context.Report(
                $"{cumulative} {window}, all indications: this session's {context.TotalUnits} plus {prior} given before) is over the cumulative maximum of {limit} (secondary source S18: re-check against the US PI).");
        }
    }

    private sealed class ExpiredLotRule() : Rule(RuleId.ExpiredLot, Severity.Error, RuleSources.SessionRecord, "The lot's recorded expiry date is before the session date.")
    {
        public override void Evaluate(in RuleContext context)
        {
            var s = context.Session;
            if (s.Expiry is { } expiry && expiry < s.Date)
            {
                var lot = s.Lot is null ? "The lot" : $"Lot '{s.Lot}'";
                context.Report($"{lot} expired on {Date(expiry)}, before the session on {Date(s.Date)}.");
            }
        }
    }

    private sealed class ReconstitutionConcentrationRule() : Rule(RuleId.ReconstitutionConcentration, Severity.Warning, RuleSources.Dilution, "The recorded reconstitution does not give 5 U per 0.1 mL (100 U in 2 mL, 200 U in 4 mL, 50 U in 1 mL).")
    {
        public override void Evaluate(in RuleContext context)
        {
            if (context.Session.Reconstitution is not { } r)
            {
                return;
            }

            // 5 U per 0.1 mL exactly: vial hundredths x 100 uL == 500 hundredths x diluent uL.
            if ((decimal)r.VialUnits.Hundredths * 100 != 500m * r.Diluent.Microlitres)
            {
                context.Report($"{r} gives {r.UnitsPerTenthMillilitre} per 0.1 mL; the chronic-migraine paradigm injects 5 U in 0.1 mL per site (100 U in 2 mL, 200 U in 4 mL or 50 U in 1 mL).");
            }
        }
    }

    private sealed class ReconstitutionAgeRule() : Rule(RuleId.ReconstitutionAge, Severity.Warning, RuleSources.ReconstitutionAge, "The vials were reconstituted more than 24 hours before the session (administer within 24 hours of reconstitution; secondary source S19).")
    {
        public override void Evaluate(in RuleContext context)
        {
            var s = context.Session;
            if (s.ReconstitutedAt is not { } at)
            {
                return;
            }

            // The session records a date, not a time: its day runs from 00:00 to 24:00.
            var dayStart = s.Date.ToDateTime(TimeOnly.MinValue);
            var earliestHours = (dayStart - at).TotalHours;
            var latestHours = (dayStart.AddDays(1) - at).TotalHours;
            var when = at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            if (latestHours <= 0)
            {
                context.Report($"The reconstitution time {when} is after the session day {Date(s.Date)}; check the record.");
            }
            else if (earliestHours > 24)
            {
                context.Report($"The vials were reconstituted at {when}, more than 24 hours before the session on {Date(s.Date)}: the manufacturer says to administer within 24 hours of reconstitution (S19, secondary source).");
            }
            else if (latestHours > 24)
            {
                context.Report($"The vials were reconstituted at {when}; by the end of the session day {Date(s.Date)} that is more than 24 hours, and the session time is not recorded: cannot tell whether it was given within 24 hours (S19, secondary source).");
            }
        }
    }

    private sealed class VialCountRule() : Rule(RuleId.VialCount, Severity.Error, RuleSources.SessionRecord, "The vials recorded as opened hold fewer units than the session gives.")
    {
        public override void Evaluate(in RuleContext context)
        {
            var s = context.Session;
            if (s.Reconstitution is not { } r || s.VialsOpened is not { } vials)
            {
                return;
            }

            var opened = (decimal)r.VialUnits.Hundredths * vials;
            if (opened < context.Analysis.TotalHundredths)
            {
                context.Report($"{Count(vials, "vial")} of {r.VialUnits} hold {(opened / 100m).ToString("0.##", CultureInfo.InvariantCulture)} U, less than the {context.TotalUnits} given.");
            }
        }
    }

    private sealed class PriorDistantSpreadRule() : Rule(RuleId.PriorDistantSpread, Severity.Error, RuleSources.DistantSpread, "A prior administration carries a distant-spread event of the boxed warning (dysphagia, breathing difficulty, dysphonia, diplopia, generalised weakness): an error until the session records the clinician's acknowledgement (distantSpreadAcknowledged), then a warning recording it.")
    {
        public override void Evaluate(in RuleContext context)
        {
            var s = context.Session;
            foreach (var a in context.History.Administrations)
            {
                if (a.Date > s.Date)
                {
                    break;
                }

                foreach (var e in a.AdverseEvents)
                {
                    if (!Sessions.AdverseEventTerms.IsDistantSpread(e.Term))
                    {
                        continue;
                    }

                    var what = $"{e}, after the {a.Indication} administration on {Date(a.Date)}";
                    if (s.DistantSpreadAcknowledged)
                    {
                        context.ReportAtMost(Severity.Warning, $"Acknowledged by the clinician for this session: prior distant-spread event of the boxed warning: {what}.");
                    }
                    else
                    {
                        context.Report($"Prior distant-spread event of the boxed warning: {what}. The boxed warning (S2) says the toxin's effect may spread from the injection area and that swallowing and breathing difficulties can be life threatening. A clinician must review it; record the acknowledgement in the session (distantSpreadAcknowledged) to clear this error.");
                    }
                }
            }
        }
    }

    private sealed class PriorLocalWeaknessRule() : Rule(RuleId.PriorLocalWeakness, Severity.Warning, RuleSources.LocalWeakness, "Eyelid ptosis or neck weakness after the last chronic-migraine session: a warning naming the muscles involved (frontal region: frontalis, corrugator, procerus; neck: cervical paraspinal, trapezius). It suggests no dose.")
    {
        private const string FrontalRegion = "the frontal region (frontalis, corrugator, procerus)";
        private const string Neck = "the neck (cervical paraspinal, trapezius)";

        public override void Evaluate(in RuleContext context)
        {
            if (context.History.LastChronicMigraineOnOrBefore(context.Session.Date) is not { } last || last.AdverseEvents.IsEmpty)
            {
                return;
            }

            foreach (var e in last.AdverseEvents)
            {
                if (e.Term is not (Sessions.AdverseEventTerm.EyelidPtosis or Sessions.AdverseEventTerm.MuscularWeakness))
                {
                    continue; // nothing to say, and nothing allocated
                }

                var after = $"after the last chronic-migraine session on {Date(last.Date)}";
                if (e.Term == Sessions.AdverseEventTerm.EyelidPtosis)
                {
                    context.Report($"{e}, {after}: muscles involved: {FrontalRegion}. Review the frontal-region injection sites and technique with the patient; the library suggests no dose.");
                }
                else if (e.Term == Sessions.AdverseEventTerm.MuscularWeakness)
                {
                    var muscle = MuscleOf(e, context.Protocol);
                    if (muscle is null)
                    {
                        context.Report($"{e}, {after}; location not recorded: cannot tell whether {Neck} was involved. Record the site or muscle; the library suggests no dose.");
                    }
                    else if (muscle.Value.Value is "cervical-paraspinal" or "trapezius")
                    {
                        context.Report($"Neck weakness: {e}, {after}: muscles involved: {Neck}, recorded in {muscle}. Review the neck injection sites and depth (superficial in the upper neck) with the patient; the library suggests no dose.");
                    }
                }
            }
        }

        private static MuscleId? MuscleOf(Sessions.AdverseEvent e, Protocols.TreatmentProtocol protocol)
        {
            if (e.Muscle is { } m)
            {
                return m;
            }

            if (e.Site is not { } site)
            {
                return null;
            }

            if (site.TryGetFollowThePain(out var ftp, out _))
            {
                return ftp;
            }

            return protocol.Anatomy.TryGetSite(site, out var s) ? s.Muscle : null;
        }
    }
}
