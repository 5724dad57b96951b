using MigraineProtocol.Utility;

namespace MigraineProtocol.Definitions;

/// <summary>
/// The text of one definition file (JSON: regions, muscles, sites and protocols; see
/// docs/definition-format.md and docs/schema/definitions.schema.json) and the name it is reported under.
/// </summary>
public sealed class DefinitionFile
{
    private DefinitionFile(string name, string json)
    {
        Name = name;
        Json = json;
    }

    /// <summary>Gets the name problems are reported under (usually the path).</summary>
    public string Name { get; }

    /// <summary>Gets the JSON text.</summary>
    public string Json { get; }

    /// <summary>Returns a definition file from JSON text.</summary>
    /// <param name="name">The name problems are reported under.</param>
    /// <param name="json">The JSON text.</param>
    /// <returns>The definition file.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static DefinitionFile FromJson(string name, string json) => new(Preconditions.CheckNotBlank(name), Preconditions.CheckNotNull(json));

    /// <summary>Reads a definition file from disk (UTF-8).</summary>
    /// <param name="path">The path; also the name problems are reported under.</param>
    /// <returns>The definition file.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DefinitionFile FromPath(string path) => new(Preconditions.CheckNotBlank(path), File.ReadAllText(path));

    /// <summary>Returns the built-in definition files, embedded in the assembly, in load order.</summary>
    /// <returns>The built-in files (<c>anatomy.json</c>, <c>protocols.json</c>).</returns>
    public static IReadOnlyList<DefinitionFile> BuiltIn() => [.. BuiltInDefinitions.Files().Select(f => new DefinitionFile(f.Name, f.Json))];

    /// <summary>Returns the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
