using System.Text.RegularExpressions;

namespace MigraineProtocol.Tests.Architecture;

/// <summary>
/// The folders of the core package are layers with one-way dependencies. This test reads the sources
/// and fails when a namespace uses one it may not (or when a new folder is not yet placed in the map).
/// </summary>
public partial class LayeringTests
{
    /// <summary>Each namespace of the core and the namespaces it may use (besides itself and the BCL).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Utility"] = [],
        ["Input"] = ["Utility"],
        ["Primitives"] = ["Utility"],
        ["Dosing"] = ["Primitives", "Utility"],
        ["Anatomy"] = ["Primitives", "Utility", "Definitions"],
        ["Definitions"] = ["Primitives", "Utility", "Input", "Dosing", "Anatomy", "Protocols"],
        ["Protocols"] = ["Primitives", "Utility", "Input", "Dosing", "Anatomy", "Definitions"],
        ["Sessions"] = ["Primitives", "Utility", "Dosing", "Anatomy", "Protocols"],
        ["Billing"] = ["Primitives", "Utility", "Dosing", "Sessions"],
        ["Rules"] = ["Primitives", "Utility", "Dosing", "Anatomy", "Protocols", "Sessions", "Billing"],
        ["Serialization"] = ["Primitives", "Utility", "Input", "Dosing", "Definitions", "Protocols", "Sessions", "Billing", "Rules"],
        ["Outcomes"] = ["Primitives", "Utility", "Input"],
        ["Diaries"] = ["Primitives", "Utility", "Input"],
        ["Rendering"] = ["Primitives", "Utility", "Dosing", "Anatomy", "Protocols", "Sessions", "Rules"],
        ["Localization"] = ["Utility"],
        ["Charts"] = ["Primitives", "Utility", "Diaries", "Outcomes", "Localization"],
        ["Reports"] = ["Primitives", "Utility", "Dosing", "Anatomy", "Protocols", "Sessions", "Billing", "Rules", "Diaries", "Outcomes", "Rendering", "Localization", "Charts"],
    };

    [GeneratedRegex(@"^\s*namespace\s+MigraineProtocol\.(?<ns>[A-Za-z]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\bMigraineProtocol\.(?<ns>[A-Z][A-Za-z]+)\b")]
    private static partial Regex NamespaceUse();

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MigraineProtocol.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (MigraineProtocol.sln) was not found above the test assembly.");
    }

    [Fact]
    public void CoreNamespacesDependOnlyOnLowerLayers()
    {
        var src = Path.Combine(RepositoryRoot(), "src", "MigraineProtocol");
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var declared = NamespaceDeclaration().Match(text);
            if (!declared.Success)
            {
                continue;
            }

            var ns = declared.Groups["ns"].Value;
            if (!Allowed.TryGetValue(ns, out var allowed))
            {
                violations.Add($"{Path.GetRelativePath(src, file)}: namespace MigraineProtocol.{ns} is not placed in the layer map of {nameof(LayeringTests)}.");
                continue;
            }

            foreach (var used in NamespaceUse().Matches(text).Select(m => m.Groups["ns"].Value).Distinct(StringComparer.Ordinal))
            {
                if (used != ns && !allowed.Contains(used, StringComparer.Ordinal))
                {
                    violations.Add($"{Path.GetRelativePath(src, file)}: MigraineProtocol.{ns} uses MigraineProtocol.{used}.");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void TheCorePackageHasNoPackageDependencies()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "MigraineProtocol", "MigraineProtocol.csproj"));
        Assert.DoesNotContain("<PackageReference", project, StringComparison.Ordinal);
        Assert.DoesNotContain("<ProjectReference", project, StringComparison.Ordinal);
    }
}
