using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MigraineProtocol.Tests.Architecture;

/// <summary>
/// The namespaces of the core package, the FHIR package and the command line are layers with one-way
/// dependencies. The layer map is the table in docs/architecture.md; this test reads it and checks
/// every reference in the compiled assemblies against it (see <see cref="MetadataReferences"/>).
/// </summary>
public partial class LayeringTests
{
    private const string Root = "MigraineProtocol";

    [GeneratedRegex(@"^\|\s*`(?<ns>[A-Za-z.]+)`\s*\|(?<uses>[^|]*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"`(?<ns>[A-Za-z.]+)`")]
    private static partial Regex Name();

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MigraineProtocol.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (MigraineProtocol.sln) was not found above the test assembly.");
    }

    /// <summary>Reads the layer map from docs/architecture.md: each namespace (without the <c>MigraineProtocol.</c> prefix) and those it may use.</summary>
    internal static Dictionary<string, HashSet<string>> LayerMap()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "architecture.md"));
        var begin = text.IndexOf("<!-- layer-map:begin -->", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- layer-map:end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "docs/architecture.md has no layer-map block.");
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (Match row in Row().Matches(text[begin..end]))
        {
            Assert.True(map.TryAdd(row.Groups["ns"].Value, [.. Name().Matches(row.Groups["uses"].Value).Select(m => m.Groups["ns"].Value)]), $"The layer map lists {row.Groups["ns"].Value} twice.");
        }

        return map;
    }

    /// <summary>Returns every reference of an assembly that the layer map forbids, as readable lines.</summary>
    internal static List<string> Violations(IReadOnlyList<TypeReferenceEdge> edges, Dictionary<string, HashSet<string>> map)
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var edge in edges)
        {
            if (!Ours(edge.FromNamespace))
            {
                continue;
            }

            var from = RowOf(edge.FromNamespace, map);
            if (from is null)
            {
                violations.Add($"{edge.FromNamespace} is not placed in the layer map of docs/architecture.md.");
                continue;
            }

            if (!Ours(edge.ToNamespace))
            {
                continue;
            }

            var to = RowOf(edge.ToNamespace, map) ?? edge.ToNamespace;
            if (to != from && !map[from].Contains(to))
            {
                violations.Add($"{edge.FromNamespace}.{edge.FromType} uses {edge.ToNamespace}.{edge.ToType}: {from} may not use {to}.");
            }
        }

        return [.. violations];
    }

    private static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            Assert.Fail(string.Join(Environment.NewLine, list));
        }
    }

    private static bool Ours(string ns) => ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal);

    private static string? RowOf(string ns, Dictionary<string, HashSet<string>> map)
    {
        var name = ns == Root ? string.Empty : ns[(Root.Length + 1)..];
        while (name.Length > 0)
        {
            if (map.ContainsKey(name))
            {
                return name;
            }

            var dot = name.LastIndexOf('.');
            name = dot < 0 ? string.Empty : name[..dot];
        }

        return null;
    }

    public static TheoryData<string> Assemblies() =>
    [
        typeof(MigraineProtocol.Primitives.SiteId).Assembly.Location,
        typeof(MigraineProtocol.Fhir.Mapping.FhirExportOptions).Assembly.Location,
        typeof(MigraineProtocol.Cli.CliApp).Assembly.Location,
        typeof(MigraineProtocol.CdsHooks.CdsHooksOptions).Assembly.Location,
    ];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void EveryReferenceFollowsTheLayerMap(string assembly)
    {
        var edges = MetadataReferences.Read(assembly);
        Assert.Contains(edges, e => Ours(e.FromNamespace) && Ours(e.ToNamespace) && e.FromNamespace != e.ToNamespace);
        AssertNone(Violations(edges, LayerMap()));
    }

    [Fact]
    public void TheLayerMapIsExactEveryRowAndAllowanceIsUsed()
    {
        var map = LayerMap();
        var used = new HashSet<(string From, string To)>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edge in Assemblies().SelectMany(a => MetadataReferences.Read(a.Data)).Where(e => Ours(e.FromNamespace)))
        {
            var from = RowOf(edge.FromNamespace, map);
            var to = Ours(edge.ToNamespace) ? RowOf(edge.ToNamespace, map) : null;
            if (from is not null)
            {
                rows.Add(from);
                if (to is not null && to != from)
                {
                    used.Add((from, to));
                }
            }
        }

        Assert.Empty(map.Keys.Where(r => !rows.Contains(r)).Select(r => $"{r} has a row but no types"));
        AssertNone(map.SelectMany(r => r.Value.Where(u => !used.Contains((r.Key, u))).Select(u => $"{r.Key} may use {u} but does not")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheLayerMapHasNoCycleAndNamesOnlyItsOwnRows()
    {
        var map = LayerMap();
        Assert.Empty(map.SelectMany(r => r.Value.Where(u => !map.ContainsKey(u)).Select(u => $"{r.Key} uses {u}, which has no row")));
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var cycles = new List<string>();
        void Visit(string ns, Stack<string> path)
        {
            state[ns] = 1;
            path.Push(ns);
            foreach (var used in map[ns].Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(used) == 1)
                {
                    cycles.Add(string.Join(" -> ", path.Reverse().Append(used)));
                }
                else if (state.GetValueOrDefault(used) == 0)
                {
                    Visit(used, path);
                }
            }

            path.Pop();
            state[ns] = 2;
        }

        foreach (var ns in map.Keys.Order(StringComparer.Ordinal).Where(n => !state.ContainsKey(n)))
        {
            Visit(ns, new Stack<string>());
        }

        Assert.Empty(cycles);
    }

    [Fact]
    public void APartiallyQualifiedReferenceIsCaught()
    {
        // In namespace MigraineProtocol.Dosing, "Rules.RuleId" binds to MigraineProtocol.Rules.RuleId with no
        // using directive and no "MigraineProtocol." in the text: a source-text check misses it, metadata does not.
        const string Source = """
            namespace MigraineProtocol.Dosing
            {
                public static class Sneaky
                {
                    public static string Name() => Rules.RuleId.TotalDoseLimit.ToString();
                }
            }
            """;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(MigraineProtocol.Primitives.SiteId).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Sneaky", [CSharpSyntaxTree.ParseText(Source, cancellationToken: TestContext.Current.CancellationToken)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));

        var violations = Violations(MetadataReferences.Read(image.ToArray()), LayerMap());

        Assert.Contains("MigraineProtocol.Dosing.Sneaky uses MigraineProtocol.Rules.RuleId: Dosing may not use Rules.", violations);
        Assert.DoesNotContain("MigraineProtocol.", Source.Replace("namespace MigraineProtocol.Dosing", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void TheCorePackageHasNoPackageDependencies()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "MigraineProtocol", "MigraineProtocol.csproj"));
        Assert.DoesNotContain("<PackageReference", project, StringComparison.Ordinal);
        Assert.DoesNotContain("<ProjectReference", project, StringComparison.Ordinal);
    }
}
