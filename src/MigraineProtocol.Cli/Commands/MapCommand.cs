using System.CommandLine;
using System.Globalization;
using MigraineProtocol.Cli.Input;
using MigraineProtocol.Cli.Output;
using MigraineProtocol.Rendering;
using MigraineProtocol.Rules;

namespace MigraineProtocol.Cli.Commands;

/// <summary>
/// <c>migraine-protocol map [--protocol NAME] [--session SESSION.json] [--view front|back|left|right|all] --output FILE.svg</c>:
/// draws a protocol's injection sites as SVG, optionally with a session's doses over them. The session is
/// validated with the built-in rules (<see cref="RuleSet.Default"/>, plus <c>--history</c>), and the
/// overlay's statuses and diagnostics come from that report, so the map and <c>validate</c> agree. The map
/// is a picture: an invalid session still exits 0; the verdict is printed (docs/adr/0080).
/// </summary>
internal static class MapCommand
{
    internal static Command Create(CliIo io)
    {
        var protocol = CommonOptions.Protocol();
        var session = new Option<string?>("--session", "-s")
        {
            Description = "A session file (JSON: {\"date\": \"2026-03-02\", \"injections\": [{\"site\": \"procerus\", \"units\": 5}, ...]}) to draw over the protocol: doses given, missed and over-dosed sites highlighted.",
        };
        var history = new Option<string?>("--history")
        {
            Description = "With --session: the patient's prior administrations ({\"administrations\": [{\"date\", \"units\", \"indication\"}, ...]}), for the retreatment-interval and cumulative-dose rules, as in validate.",
        };
        var view = CommonOptions.Choice(new Option<string>("--view"), "The view ('all': front, back, left and right)", [.. MapViews.All.Select(MapViews.Format)]);
        var output = new Option<string?>("--output", "-o") { Description = "The SVG file to write (required)." };
        var command = new Command("map", "Draw a protocol's injection sites as an SVG map (schematic head and shoulders, markers coloured by muscle, follow-the-pain zones shaded), optionally with a session's doses.")
        {
            protocol, session, history, view, output,
        };
        command.Options.Add(CommonOptions.Definitions);
        command.Validators.Add(r =>
        {
            if (string.IsNullOrWhiteSpace(r.GetValue(output)))
            {
                r.AddError("--output FILE.svg is required: the map is written to a file.");
            }
            else if (r.GetValue(session) is null && r.GetValue(history) is not null)
            {
                r.AddError("--history needs --session: the history only matters to a session's rules.");
            }
        });
        command.SetAction(result =>
        {
            _ = MapViews.TryParse(result.GetValue(view), out var v);
            var path = result.GetValue(output)!;
            var p = CommonOptions.ResolveProtocol(CommonOptions.Catalog(result), result.GetValue(protocol)!);
            SessionOverlay? overlay = null;
            ValidationReport report = default;
            if (result.GetValue(session) is { } sessionPath)
            {
                var s = RecordFiles.ReadSession(sessionPath);
                var h = result.GetValue(history) is { } historyPath ? RecordFiles.ReadHistory(historyPath) : null;
                report = RuleSet.Default.Validate(p, s, h);
                overlay = SessionOverlay.FromReport(p, s, report);
            }

            OutputFiles.Write(path, SiteMap.Render(p, v, new SiteMapOptions { Overlay = overlay }), "map");
            var summary = overlay is null
                ? string.Empty
                : string.Create(CultureInfo.InvariantCulture, $"; session {overlay.Date:yyyy-MM-dd}: {overlay.GivenUnits} given; {overlay.Count(SiteDoseStatus.Missed)} missed, {overlay.Count(SiteDoseStatus.UnderDosed)} under-dosed, {overlay.Count(SiteDoseStatus.OverDosed)} over-dosed, {overlay.Count(SiteDoseStatus.Unplanned)} unplanned");
            io.Out.Write(string.Create(CultureInfo.InvariantCulture, $"{path}: {p.Id}, {MapViews.Format(v)} view{(v == MapView.All ? "s" : string.Empty)}, {SiteMap.MarkerCount(p, v, overlay)} site markers{summary}.\n"));
            if (overlay is not null)
            {
                io.Out.Write(ValidationText.Verdict(report));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
