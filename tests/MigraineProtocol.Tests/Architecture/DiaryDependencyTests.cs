using System.Reflection;
using MigraineProtocol.Diaries;

namespace MigraineProtocol.Tests.Architecture;

/// <summary>The diary model depends only on Primitives: no public signature under MigraineProtocol.Diaries mentions anatomy, dosing, protocols or sessions.</summary>
public class DiaryDependencyTests
{
    private static readonly string[] Forbidden = ["MigraineProtocol.Anatomy", "MigraineProtocol.Dosing", "MigraineProtocol.Protocols", "MigraineProtocol.Sessions", "MigraineProtocol.Definitions"];

    [Fact]
    public void DiarySignaturesUseOnlyPrimitivesAndTheBcl()
    {
        var types = typeof(HeadacheDiary).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("MigraineProtocol.Diaries", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(types);
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = types.SelectMany(t =>
            t.GetFields(All).Select(f => f.FieldType)
                .Concat(t.GetProperties(All).Select(p => p.PropertyType))
                .Concat(t.GetMethods(All).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(t.GetConstructors(All).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)))
                .Select(u => (t, u)));
        var offenders = used.Where(x => Forbidden.Any(f => Unwrap(x.u).Any(n => n.StartsWith(f, StringComparison.Ordinal)))).Select(x => $"{x.t.Name}: {x.u}").Distinct().ToList();
        Assert.Empty(offenders);
    }

    private static IEnumerable<string> Unwrap(Type t) =>
        (t.IsGenericType ? t.GetGenericArguments().SelectMany(Unwrap) : []).Concat(t.HasElementType ? Unwrap(t.GetElementType()!) : []).Append(t.Namespace ?? string.Empty);
}
