using System.CommandLine;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Dosing;
using MigraineProtocol.Protocols;
using MigraineProtocol.Serialization;

namespace MigraineProtocol.Cli.Commands;

/// <summary><c>migraine-protocol plan [--protocol NAME] [--vial 50|100|200] [--format table|json|csv]</c>: prints a protocol's injection plan
/// (JSON <see cref="PlanJson"/>, CSV <see cref="PlanCsv"/>, table <see cref="PlanText"/>).</summary>
internal static class PlanCommand
{
    internal static Command Create(CliIo io)
    {
        var protocol = CommonOptions.Protocol();
        var format = CommonOptions.Format("table", "json", "csv");
        var vial = CommonOptions.Choice(
            new Option<int>("--vial"),
            "The vial size in units, reconstituted at 5 U per 0.1 mL (50 U in 1 mL, 100 U in 2 mL, 200 U in 4 mL)",
            [.. Reconstitution.StandardVialSizes.Select(v => v.Units.ToString("0", null))],
            "100");
        var command = new Command("plan", "Print the injection plan of a protocol: sites grouped by lay region and muscle, doses, volumes, subtotals, totals, the follow-the-pain allowance and the vials needed.")
        {
            protocol,
            format,
            vial,
        };
        command.Options.Add(CommonOptions.Definitions);
        command.SetAction(result =>
        {
            var p = CommonOptions.ResolveProtocol(CommonOptions.Catalog(result), result.GetValue(protocol)!);
            if (!ProtocolPlan.TryCreate(p, Reconstitution.ForVial(ToxinUnits.FromUnits(result.GetValue(vial))), out var plan))
            {
                throw new CliException($"protocol '{p.Id}': its doses need more solution or vials than can be planned at this reconstitution (at most {Volume.MaxValue} and {ToxinUnits.MaxValue}).");
            }

            switch (result.GetValue(format))
            {
                case "json":
                    io.Out.Write(PlanJson.Write(plan) + "\n");
                    break;
                case "csv":
                    io.Out.Write(PlanCsv.Write(plan));
                    break;
                default:
                    PlanText.Write(io.Out, plan);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
