using MigraineProtocol.Definitions;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rules;
using MigraineProtocol.Serialization;

// Reads a session (JSON), loads a definition file over the built-ins, validates and writes the report
// as JSON: the paths a consumer of the core package uses. Exit 0 valid, 1 invalid, 2 bad input.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: aot-consumer SESSION.json [DEFINITIONS.json]");
    return 2;
}

var catalog = args.Length > 1
    ? Catalogs.Load([DefinitionFile.FromJson(args[1], File.ReadAllText(args[1]))])
    : Catalogs.Default;
if (!SessionJson.TryRead(File.ReadAllText(args[0]), args[0], out var session, out var problems))
{
    foreach (var p in problems)
    {
        Console.Error.WriteLine(p);
    }

    return 2;
}

var report = RuleSet.Default.Validate(catalog.Get(ProtocolId.From("preempt")), session);
Console.WriteLine(ReportJson.Write(report));
return report.IsValid ? 0 : 1;
