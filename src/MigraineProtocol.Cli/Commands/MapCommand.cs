using System.CommandLine;
using System.Globalization;
using System.Text;
using MigraineProtocol.Cli.Input;
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
    private static readonly string[] Views = ["all", "front", "back", "left", "right"];

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
        var view = new Option<string>("--view")
        {
            Description = "The view: 'all' (default: front, back, left and right), 'front', 'back', 'left' or 'right'.",
            DefaultValueFactory = _ => "all",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The SVG file to write (required).",
        };
        var command = new Command("map", "Draw a protocol's injection sites as an SVG map (schematic head and shoulders, markers coloured by muscle, follow-the-pain zones shaded), optionally with a session's doses.")
        {
            protocol,
            session,
            history,
            view,
            output,
        };
        command.Options.Add(CommonOptions.Definitions);
        command.SetAction(result =>
        {
            var v = ParseView(result.GetValue(view)!);
            var path = result.GetValue(output);
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new CliException("--output FILE.svg is required: the map is written to a file.");
            }

            var p = CommonOptions.ResolveProtocol(CommonOptions.Catalog(result), result.GetValue(protocol)!);
            var sessionPath = result.GetValue(session);
            var historyPath = result.GetValue(history);
            if (sessionPath is null && historyPath is not null)
            {
                throw new CliException("--history needs --session: the history only matters to a session's rules.");
            }

            SessionOverlay? overlay = null;
            ValidationReport report = default;
            if (sessionPath is not null)
            {
                var s = RecordFiles.ReadSession(sessionPath);
                var h = historyPath is null ? null : RecordFiles.ReadHistory(historyPath);
                report = RuleSet.Default.Validate(p, s, h);
                overlay = SessionOverlay.FromReport(p, s, report);
            }

            Input.InputFiles.CheckOutput(path, "map");
            var svg = SiteMap.Render(p, v, new SiteMapOptions { Overlay = overlay });
            var temporary = path + ".partial";
            try
            {
                // Written whole to a side file, then moved over the target: never a partial map.
                File.WriteAllText(temporary, svg, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryDelete(temporary);
                throw new CliException($"{Input.InputFiles.Show(path)}: the map cannot be written ({(e is UnauthorizedAccessException ? "permission denied" : "the disk or path refused it")}).");
            }

            // A site marker is a fixed site of the protocol, or an unplanned site of the anatomy the session injected, drawn in a view.
            var unplanned = overlay is null ? [] : overlay.Sites.Where(d => d.Status == SiteDoseStatus.Unplanned).Select(d => p.Anatomy.TryGetSite(d.Site, out var site) ? site : null).OfType<Anatomy.InjectionSite>().ToList();
            var markers = SiteMap.ViewsOf(v).Sum(x => p.Sites.Count(s => s.Site.TryGetDrawingPoint(x, out _)) + unplanned.Count(s => s.TryGetDrawingPoint(x, out _)));
            var summary = overlay is null
                ? string.Empty
                : string.Create(CultureInfo.InvariantCulture, $"; session {overlay.Date:yyyy-MM-dd}: {overlay.GivenUnits} given; {overlay.Count(SiteDoseStatus.Missed)} missed, {overlay.Count(SiteDoseStatus.UnderDosed)} under-dosed, {overlay.Count(SiteDoseStatus.OverDosed)} over-dosed, {overlay.Count(SiteDoseStatus.Unplanned)} unplanned");
            io.Out.Write(string.Create(CultureInfo.InvariantCulture, $"{path}: {p.Id}, {result.GetValue(view)} view{(v == MapView.All ? "s" : string.Empty)}, {markers} site markers{summary}.\n"));
            if (overlay is not null)
            {
                io.Out.Write(Verdict(report));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The validate verdict in one line, with each rule code and how often it fired, for example
    /// <c>INVALID (3 errors, 0 warnings): missing-site x1, site-dose x2.</c></summary>
    internal static string Verdict(ValidationReport report)
    {
        var head = report.IsValid
            ? string.Create(CultureInfo.InvariantCulture, $"VALID ({report.WarningCount} warnings)")
            : string.Create(CultureInfo.InvariantCulture, $"INVALID ({report.ErrorCount} errors, {report.WarningCount} warnings{WeakSources(report)})");
        var codes = report.Violations.GroupBy(x => x.Code).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} x{g.Count()}")).ToList();
        return codes.Count == 0 ? $"{head}.\n" : $"{head}: {string.Join(", ", codes)}; run validate for the messages.\n";
    }

    /// <summary>Returns "; n of the errors rest on a secondary or unverified source: re-check before acting", or empty when none does.</summary>
    internal static string WeakSources(ValidationReport report)
    {
        var weak = report.Violations.Count(v => v.IsError && v.Source.Verification != Primitives.VerificationLevel.Verified);
        return weak == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; {weak} of the errors rest on a secondary or unverified source: re-check before acting");
    }

    internal static MapView ParseView(string value) => value switch
    {
        "all" => MapView.All,
        "front" => MapView.Front,
        "back" => MapView.Back,
        "left" => MapView.Left,
        "right" => MapView.Right,
        _ => throw new CliException($"Unknown view {CommonOptions.Quote(value)} for --view. Use one of: {string.Join(", ", Views)}."),
    };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the error about the map itself is reported.
        }
    }
}
