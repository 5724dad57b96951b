using System.Globalization;
using MigraineProtocol.Dosing;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Cli.Output;

/// <summary>The plan as a table for people (its JSON and CSV are the library's <c>PlanJson</c> and <c>PlanCsv</c>).</summary>
internal static class PlanText
{
    internal static void Write(TextWriter output, ProtocolPlan plan)
    {
        var p = plan.Protocol;
        var r = plan.Reconstitution;
        output.Write($"{p.Name} ({p.Id})\n");
        output.Write($"{p.FixedUnits} at {p.FixedSiteCount} fixed sites; {r.UnitsPerTenthMillilitre} per 0.1 mL ({r}).\n");
        output.Write(p.AllowsFollowThePain
            ? $"Follow-the-pain: up to {p.MaximumUnits} at {p.MaximumSites} sites in all, on one or both sides.\n"
            : "No follow-the-pain injections.\n");
        output.Write($"Retreatment: every {p.RetreatmentIntervalDays} days ({p.RetreatmentIntervalDays / 7.0:0.#} weeks).\n\n");

        var table = new TextTable(("Region / muscle / site", false), ("Side", false), ("Units", true), ("Volume", true));
        foreach (var region in plan.Regions)
        {
            table.Add(region.Region.Name);
            foreach (var muscle in region.Muscles)
            {
                table.Add("  " + muscle.Muscle.Name);
                foreach (var site in muscle.Sites)
                {
                    table.Add("    " + site.Site.Id.Value, Primitives.LateralityText.Format(site.Side), site.Units.ToString(), site.Volume.ToString());
                }

                table.Add($"    subtotal, {Sites(muscle.Sites.Length)}", string.Empty, muscle.Units.ToString(), muscle.Volume.ToString());
            }

            if (region.Muscles.Length > 1)
            {
                table.Add($"  {region.Region.Name}: {Sites(region.SiteCount)}", string.Empty, region.Units.ToString());
            }
        }

        table.Rule();
        table.Add($"Total, {p.FixedSiteCount} sites", string.Empty, p.FixedUnits.ToString(), plan.TotalVolume.ToString());
        table.Write(output);

        if (p.AllowsFollowThePain)
        {
            output.Write("\nFollow-the-pain allowance (optional; one or both sides)\n");
            var ftp = new TextTable(("Muscle", false), ("Extra units", true), ("Extra sites", true), ("Per site", true), ("Muscle maximum", true));
            foreach (var muscle in plan.Regions.SelectMany(x => x.Muscles).Where(m => m.FollowThePain is not null))
            {
                var f = muscle.FollowThePain!;
                ftp.Add(muscle.Muscle.Name, "+" + f.MaxExtraUnits, f.MaxExtraSites.ToString(CultureInfo.InvariantCulture), f.UnitsPerSite.ToString(), $"{muscle.Limit.MaxUnits} at {muscle.Limit.MaxSites} sites");
            }

            ftp.Rule();
            ftp.Add("Maximum, all sites", $"{p.MaximumUnits}", $"{p.MaximumSites}", string.Empty, string.Empty);
            ftp.Write(output);
        }

        output.Write($"\nVials ({r.VialUnits} each): {Describe(plan.FixedVials)} for {p.FixedUnits}");
        output.Write(p.AllowsFollowThePain ? $"; {Describe(plan.MaximumVials)} for {p.MaximumUnits}.\n" : ".\n");
        output.Write("\nSources: " + string.Join("; ", p.Sources.Select(c => c.ToString())) + "\n");
        output.Write("Clinical decision support: this plan informs; a clinician decides.\n");
    }

    private static string Sites(int count) => count == 1 ? "1 site" : $"{count} sites";

    private static string Describe(VialUsage usage) =>
        $"{usage.Vials} vial{(usage.Vials == 1 ? string.Empty : "s")}, {usage.UnitsDiscarded} discarded";
}
