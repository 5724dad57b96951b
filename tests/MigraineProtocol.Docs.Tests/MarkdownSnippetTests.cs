using System.Text.RegularExpressions;

namespace MigraineProtocol.Docs.Tests;

/// <summary>
/// Keeps the C# in the Markdown honest. Every ```csharp block in the README and docs/ (ADRs aside:
/// they record a decision as it was made) must equal, line for line, a #region of Samples/*.cs, whose
/// tests compile and run it; its using lines must be usings of that file. Every docfx code include
/// ([!code-csharp[](path#region)]) must name a file and region that exist. A mismatch names the page,
/// the line and the closest region, so an API change shows exactly which page to fix.
/// </summary>
public sealed partial class MarkdownSnippetTests
{
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MigraineProtocol.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (MigraineProtocol.sln) is not above " + AppContext.BaseDirectory);
    }

    private static string SamplesDirectory => Path.Combine(RepositoryRoot, "tests", "MigraineProtocol.Docs.Tests", "Samples");

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("docs/adr/", StringComparison.Ordinal) && !f.StartsWith("docs/_site/", StringComparison.Ordinal) && !f.StartsWith("docs/api/", StringComparison.Ordinal) && !f.StartsWith("docs/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            pages.Add(file);
        }

        foreach (var readme in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src"), "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(RepositoryRoot, readme).Replace('\\', '/'));
        }

        return pages;
    }

    /// <summary>Every region of every sample file, by name, with its file's using directives.</summary>
    private static Dictionary<string, (string File, string[] Lines, HashSet<string> Usings)> Regions { get; } = ReadRegions();

    private static Dictionary<string, (string File, string[] Lines, HashSet<string> Usings)> ReadRegions()
    {
        var regions = new Dictionary<string, (string, string[], HashSet<string>)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SamplesDirectory, "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            var usings = lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal)).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < lines.Length; i++)
            {
                var start = RegionStart().Match(lines[i]);
                if (!start.Success)
                {
                    continue;
                }

                var end = Array.FindIndex(lines, i + 1, l => l.Trim().StartsWith("#endregion", StringComparison.Ordinal));
                Assert.True(end > i, $"{file}: #region {start.Groups[1].Value} has no #endregion");
                regions.Add(start.Groups[1].Value, (Path.GetFileName(file), Dedent(lines[(i + 1)..end]), usings));
            }
        }

        return regions;
    }

    private static string[] Dedent(string[] lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return [.. lines.Select(l => (l.Length >= indent ? l[indent..] : l.TrimStart()).TrimEnd())];
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryCSharpBlockIsATestedSample(string page)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot, page));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() is not ("```csharp" or "```cs" or "```c#"))
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            Assert.True(end > i, $"{page}:{i + 1}: unclosed code block");
            var block = lines[(i + 1)..end].Select(l => l.TrimEnd()).ToArray();
            var usings = block.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Length == 0).ToArray();
            var code = block[usings.Length..];
            var match = Regions.Values.FirstOrDefault(r => r.Lines.SequenceEqual(code));
            Assert.True(
                match.Lines is not null,
                $"{page}:{i + 2}: this C# block is not a region of {Path.GetRelativePath(RepositoryRoot, SamplesDirectory)}/*.cs, so no test compiles or runs it. "
                + $"Copy it from the region it shows (closest: {Closest(code)}), or add a region with a test.");
            foreach (var u in usings.Where(u => u.Length > 0))
            {
                Assert.True(match.Usings.Contains(u.Trim()), $"{page}:{i + 2}: '{u.Trim()}' is not a using of {match.File}");
            }

            i = end;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryCodeIncludeNamesAnExistingRegion(string page)
    {
        var path = Path.Combine(RepositoryRoot, page);
        var text = File.ReadAllText(path);
        foreach (Match m in CodeInclude().Matches(text))
        {
            var file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, m.Groups["file"].Value));
            Assert.True(File.Exists(file), $"{page}: {m.Value} names a missing file");
            if (m.Groups["region"].Success)
            {
                Assert.True(
                    Regions.TryGetValue(m.Groups["region"].Value, out var region) && region.File == Path.GetFileName(file),
                    $"{page}: {m.Value} names a region that {Path.GetFileName(file)} does not have");
            }
        }
    }

    [Fact]
    public void RegionNamesAreUniqueAndEachIsUsedByAPage()
    {
        var used = Pages().Select(p => File.ReadAllText(Path.Combine(RepositoryRoot, (string)p.Data))).ToArray();
        foreach (var (name, region) in Regions)
        {
            Assert.True(
                used.Any(t => t.Contains("#" + name + ")]", StringComparison.Ordinal) || ContainsBlock(t, region.Lines)),
                $"region {name} of {region.File} is shown by no page");
        }
    }

    private static bool ContainsBlock(string text, string[] lines) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Contains(string.Join('\n', lines), StringComparison.Ordinal);

    private static string Closest(string[] code)
    {
        var best = Regions.MaxBy(r => r.Value.Lines.Intersect(code, StringComparer.Ordinal).Count());
        var differing = code.Except(best.Value.Lines, StringComparer.Ordinal).FirstOrDefault();
        return $"{best.Key} in {best.Value.File}" + (differing is null ? "" : $"; this line differs: {differing.Trim()}");
    }

    [GeneratedRegex(@"^\s*#region\s+([A-Za-z0-9-]+)\s*$")]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"\[!code-(?:csharp|cs)\[[^\]]*\]\((?<file>[^)#]+)(?:#(?<region>[A-Za-z0-9-]+))?\)\]")]
    private static partial Regex CodeInclude();
}
