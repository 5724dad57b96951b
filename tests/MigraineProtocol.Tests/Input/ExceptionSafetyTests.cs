
namespace MigraineProtocol.Tests.Input;

/// <summary>Issue 12, "Exception safety": ToString never throws, also on the default value of every public struct.</summary>
public class ExceptionSafetyTests
{
    public static TheoryData<string> PublicStructs() =>
        [.. typeof(MigraineProtocol.Input.InputProblem).Assembly.GetExportedTypes()
            .Where(t => t.IsValueType && !t.IsEnum && !t.IsGenericTypeDefinition && !t.IsByRefLike)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(PublicStructs))]
    public void TheDefaultValueHasAText(string typeName)
    {
        var type = typeof(MigraineProtocol.Input.InputProblem).Assembly.GetType(typeName)!;
        var value = Activator.CreateInstance(type)!;
        Assert.NotNull(value.ToString());
        _ = value.GetHashCode();
        Assert.True(value.Equals(Activator.CreateInstance(type)));
    }

    [Fact]
    public void ABuilderWhoseTotalsOverflowReportsAProblem()
    {
        var builder = MigraineProtocol.Definitions.KnownProtocols.Preempt.ToBuilder();
        foreach (var site in MigraineProtocol.Definitions.KnownProtocols.Preempt.Sites)
        {
            builder.SetSite(site.Site.Id, MigraineProtocol.Dosing.ToxinUnits.MaxValue);
        }

        var e = Assert.Throws<MigraineProtocol.Primitives.DefinitionException>(builder.Build);
        Assert.Contains("add up to more than", Assert.Single(e.Problems), StringComparison.Ordinal);
    }
}
