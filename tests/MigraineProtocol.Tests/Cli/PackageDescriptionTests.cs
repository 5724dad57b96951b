using System.Xml.Linq;
using MigraineProtocol.Cli;
using MigraineProtocol.Tests.Architecture;

namespace MigraineProtocol.Tests.Cli;

/// <summary>The CLI package's description (what nuget.org shows) names every command the tool has.</summary>
public sealed class PackageDescriptionTests
{
    [Fact]
    public void TheCliPackageDescriptionNamesEveryCommand()
    {
        var project = XDocument.Load(Path.Combine(LayeringTests.RepositoryRoot(), "src", "MigraineProtocol.Cli", "MigraineProtocol.Cli.csproj"));
        var description = project.Descendants("Description").Single().Value;
        var root = CliApp.BuildRoot(TextWriter.Null, TextWriter.Null);
        var commands = root.Subcommands.SelectMany(c => c.Subcommands.Count == 0 ? [c.Name] : c.Subcommands.Select(s => $"{c.Name} {s.Name}")).ToArray();

        Assert.True(commands.Length >= 9, string.Join(", ", commands));
        Assert.All(commands, c => Assert.Contains(c, description, StringComparison.Ordinal));
    }
}
