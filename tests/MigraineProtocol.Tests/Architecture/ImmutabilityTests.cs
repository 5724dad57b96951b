using System.Reflection;
using System.Runtime.CompilerServices;
using MigraineProtocol.Dosing;

namespace MigraineProtocol.Tests.Architecture;

/// <summary>Reflection checks that the public surface cannot be mutated (builders excepted).</summary>
public class ImmutabilityTests
{
    private static readonly Type[] PublicTypes = typeof(ToxinUnits).Assembly.GetExportedTypes();

    private static bool IsBuilder(Type t) => t.Name.EndsWith("Builder", StringComparison.Ordinal);

    private static bool IsExceptionType(Type t) => typeof(Exception).IsAssignableFrom(t);

    [Fact]
    public void NoPublicSettersOutsideBuilders()
    {
        var offenders = PublicTypes
            .Where(t => !IsBuilder(t) && !IsExceptionType(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(p => (t, p)))
            .Where(x => x.p.SetMethod is { IsPublic: true } set && !IsInitOnly(set))
            .Select(x => $"{x.t.Name}.{x.p.Name}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void NoPublicMutableFields()
    {
        var offenders = PublicTypes
            .Where(t => !t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(f => (t, f)))
            .Where(x => !x.f.IsInitOnly && !x.f.IsLiteral)
            .Select(x => $"{x.t.Name}.{x.f.Name}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void ValueTypesAreReadOnly()
    {
        var offenders = PublicTypes
            .Where(t => t.IsValueType && !t.IsEnum && t.GetCustomAttribute<IsReadOnlyAttribute>() is null)
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void ClassesAreSealedOrStatic()
    {
        var offenders = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed) && !IsExceptionType(t))
            .Where(t => !t.IsAbstract)
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void OnlyBuildersExposeMutableCollections()
    {
        var offenders = PublicTypes
            .Where(t => !IsBuilder(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(p => (t, p)))
            .Where(x => x.p.PropertyType.IsGenericType && x.p.PropertyType.GetGenericTypeDefinition() is var g
                && (g == typeof(List<>) || g == typeof(Dictionary<,>) || g == typeof(HashSet<>) || g == typeof(IList<>) || g == typeof(ICollection<>)))
            .Select(x => $"{x.t.Name}.{x.p.Name}")
            .ToList();
        Assert.Empty(offenders);
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
