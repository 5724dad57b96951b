using System.Text.RegularExpressions;

namespace MigraineProtocol.Docs.Tests;

/// <summary>
/// Each package under src/ ships its own short README (ADR 0141): what it is, how to install it, an
/// example, and links that work on nuget.org, so absolute URLs only (a relative link there is dead).
/// </summary>
public sealed partial class PackageReadmeTests
{
    public static TheoryData<string> Packages() =>
        [.. Directory.EnumerateFiles(Path.Combine(MarkdownSnippetTests.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Packages))]
    public void EachPackageHasAShortReadmeWithAbsoluteLinks(string package)
    {
        var path = Path.Combine(MarkdownSnippetTests.RepositoryRoot, "src", package, "README.md");
        Assert.True(File.Exists(path), $"src/{package}/README.md is missing: the package would ship without a README");
        var lines = File.ReadAllLines(path);
        Assert.Equal($"# {package}", lines[0]);
        Assert.True(lines.Length <= 60, $"src/{package}/README.md has {lines.Length} lines: keep it short and link to the docs");
        Assert.Contains("## Install", lines);
        Assert.Contains(lines, l => l.Contains($"dotnet add package {package}", StringComparison.Ordinal) || l.Contains($"dotnet tool install --global {package}", StringComparison.Ordinal));
        var links = Link().Matches(string.Join('\n', lines)).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.True(l.StartsWith("https://", StringComparison.Ordinal), $"src/{package}/README.md links to '{l}': nuget.org needs an absolute URL"));
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
