namespace MigraineProtocol.Docs.Tests.Samples;

/// <summary>Finds the worked examples of docs/examples, copied next to the test assembly.</summary>
internal static class Examples
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}
