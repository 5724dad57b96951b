using MigraineProtocol.Anatomy;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Definitions;

/// <summary>The built-in definitions, read once from the embedded definition files.</summary>
internal static class BuiltInDefinitions
{
    private static readonly Lazy<(AnatomyCatalog Anatomy, ProtocolCatalog Protocols)> Loaded = new(() => DefinitionLoader.Load(Files()));

    internal static readonly string[] FileNames = ["anatomy.json", "protocols.json"];

    internal static AnatomyCatalog Anatomy => Loaded.Value.Anatomy;

    internal static ProtocolCatalog Protocols => Loaded.Value.Protocols;

    internal static IEnumerable<(string Name, string Json)> Files() => FileNames.Select(name => (name, Read(name)));

    internal static string Read(string name)
    {
        using var stream = typeof(BuiltInDefinitions).Assembly.GetManifestResourceStream("MigraineProtocol.Definitions." + name)
            ?? throw new InvalidOperationException($"The embedded definition file '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
