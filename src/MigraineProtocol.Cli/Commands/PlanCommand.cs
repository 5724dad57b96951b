using System.CommandLine;
using System.Globalization;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Cli.Commands;

/// <summary><c>migraine-protocol plan [--protocol NAME] [--vial 50|100|200] [--format table|json|csv]</c>: prints a protocol's injection plan.</summary>
internal static class PlanCommand
{
    private static readonly string[] Formats = ["table", "json", "csv"];

    internal static Command Create(CliIo io)
    {
        var protocol = CommonOptions.Protocol();
        var format = CommonOptions.Format(Formats);
        var vial = new Option<int>("--vial")
        {
            Description = "The vial size in units, reconstituted at 5 U per 0.1 mL: 50 (1 mL), 100 (2 mL, default) or 200 (4 mL).",
            DefaultValueFactory = _ => 100,
        };
        var command = new Command("plan", "Print the injection plan of a protocol: sites grouped by lay region and muscle, doses, volumes, subtotals, totals, the follow-the-pain allowance and the vials needed.")
        {
            protocol,
            format,
            vial,
        };
        command.Options.Add(CommonOptions.Definitions);
        command.SetAction(result =>
        {
            var f = CommonOptions.CheckFormat(result.GetValue(format)!, Formats);
            var p = CommonOptions.ResolveProtocol(CommonOptions.Catalog(result), result.GetValue(protocol)!);
            if (!ProtocolPlan.TryCreate(p, VialReconstitution(result.GetValue(vial)), out var plan))
            {
                throw new CliException($"protocol '{p.Id}': its doses need more solution or vials than can be planned at this reconstitution (at most {Volume.MaxValue} and {ToxinUnits.MaxValue}).");
            }

            switch (f)
            {
                case "json":
                    WriteJson(io.Out, plan);
                    break;
                case "csv":
                    WriteCsv(io.Out, plan);
                    break;
                default:
                    WriteTable(io.Out, plan);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static Reconstitution VialReconstitution(int vialUnits) => vialUnits switch
    {
        50 => Reconstitution.Vial50In1Ml,
        100 => Reconstitution.Vial100In2Ml,
        200 => Reconstitution.Vial200In4Ml,
        _ => throw new CliException($"Unsupported vial size {vialUnits.ToString(CultureInfo.InvariantCulture)} for --vial. Use 50, 100 or 200 (each reconstituted at 5 U per 0.1 mL)."),
    };

    internal static void WriteJson(TextWriter output, ProtocolPlan plan) => JsonOutput.Write(output, w =>
    {
        var p = plan.Protocol;
        w.WriteStartObject();
        w.WriteString("protocol", p.Id.Value);
        w.WriteString("name", p.Name);
        w.WriteUnits("totalUnits", p.FixedUnits);
        w.WriteNumber("totalSites", p.FixedSiteCount);
        w.WriteMillilitres("totalVolumeMl", plan.TotalVolume);
        w.WriteUnits("maximumUnits", p.MaximumUnits);
        w.WriteNumber("maximumSites", p.MaximumSites);
        w.WriteNumber("retreatmentIntervalDays", p.RetreatmentIntervalDays);
        w.WriteStartObject("reconstitution");
        w.WriteUnits("vialUnits", plan.Reconstitution.VialUnits);
        w.WriteMillilitres("diluentMl", plan.Reconstitution.Diluent);
        w.WriteUnits("unitsPerTenthMl", plan.Reconstitution.UnitsPerTenthMillilitre);
        w.WriteNumber("vialsForTotal", plan.FixedVials.Vials);
        w.WriteUnits("unitsDiscardedForTotal", plan.FixedVials.UnitsDiscarded);
        w.WriteNumber("vialsForMaximum", plan.MaximumVials.Vials);
        w.WriteUnits("unitsDiscardedForMaximum", plan.MaximumVials.UnitsDiscarded);
        w.WriteEndObject();
        w.WriteStartArray("sites");
        foreach (var s in plan.Sites)
        {
            w.WriteStartObject();
            w.WriteString("site", s.Site.Id.Value);
            w.WriteString("muscle", s.Muscle.Id.Value);
            w.WriteString("side", LateralityText.Format(s.Side));
            w.WriteUnits("units", s.Units);
            w.WriteMillilitres("volumeMl", s.Volume);
            w.WriteString("layRegion", s.Region.Id.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("muscles");
        foreach (var m in plan.Regions.SelectMany(r => r.Muscles))
        {
            w.WriteStartObject();
            w.WriteString("muscle", m.Muscle.Id.Value);
            w.WriteString("name", m.Muscle.Name);
            w.WriteString("layRegion", m.Muscle.Region.Value);
            w.WriteUnits("fixedUnits", m.Limit.FixedUnits);
            w.WriteNumber("fixedSites", m.Limit.FixedSites);
            w.WriteUnits("maxUnits", m.Limit.MaxUnits);
            w.WriteNumber("maxSites", m.Limit.MaxSites);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("followThePain");
        foreach (var f in p.FollowThePain)
        {
            w.WriteStartObject();
            w.WriteString("muscle", f.Muscle.Value);
            w.WriteUnits("maxExtraUnits", f.MaxExtraUnits);
            w.WriteNumber("maxExtraSites", f.MaxExtraSites);
            w.WriteUnits("unitsPerSite", f.UnitsPerSite);
            w.WritePropertyName("source");
            w.WriteCitation(f.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("sources");
        foreach (var c in p.Sources)
        {
            w.WriteCitation(c);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    internal static void WriteCsv(TextWriter output, ProtocolPlan plan)
    {
        Csv.WriteRow(output, "site", "muscle", "side", "units", "volume_ml", "lay_region");
        foreach (var s in plan.Sites)
        {
            Csv.WriteRow(output, s.Site.Id.Value, s.Muscle.Id.Value, LateralityText.Format(s.Side), s.Units.ToString("N", null), s.Volume.ToString("N", null), s.Region.Id.Value);
        }
    }

    internal static void WriteTable(TextWriter output, ProtocolPlan plan)
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
                    table.Add("    " + site.Site.Id.Value, LateralityText.Format(site.Side), site.Units.ToString(), site.Volume.ToString());
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
