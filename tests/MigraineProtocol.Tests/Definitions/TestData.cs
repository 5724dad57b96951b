namespace MigraineProtocol.Tests.Definitions;

/// <summary>Paths of the files copied next to the test assembly (see the test project file).</summary>
internal static class TestData
{
    internal static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
}
