using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace MigraineProtocol.Tests.Architecture;

/// <summary>One reference from a type of an assembly to a type, read from compiled metadata.</summary>
/// <param name="FromNamespace">The namespace of the referring type (a nested type takes its outermost declaring type's).</param>
/// <param name="FromType">The referring type's name.</param>
/// <param name="ToNamespace">The namespace of the referenced type.</param>
/// <param name="ToType">The referenced type's name.</param>
public readonly record struct TypeReferenceEdge(string FromNamespace, string FromType, string ToNamespace, string ToType);

/// <summary>
/// Reads every type a compiled assembly's types use: base types, interfaces, generic constraints,
/// field, method, property, event and local signatures, custom attributes, exception handlers and every
/// type, field and method token in IL. How the source spelled a reference (a <c>using</c>, a full or
/// partial qualification, <c>var</c>) leaves no trace here, so none escapes.
/// </summary>
internal static class MetadataReferences
{
    private static readonly Dictionary<ushort, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => unchecked((ushort)o.Value), o => o.OperandType);

    public static IReadOnlyList<TypeReferenceEdge> Read(string assemblyPath) => Read(File.ReadAllBytes(assemblyPath));

    public static IReadOnlyList<TypeReferenceEdge> Read(byte[] image)
    {
        using var pe = new PEReader(ImmutableArray.Create(image));
        var md = pe.GetMetadataReader();
        var edges = new HashSet<TypeReferenceEdge>();
        foreach (var handle in md.TypeDefinitions)
        {
            var (ns, name) = NameOf(md, handle);
            var sink = new HashSet<(string Ns, string Name)>();
            var provider = new Provider(md, sink);
            new Walker(md, pe, provider, sink).Type(handle);
            foreach (var (toNs, toName) in sink)
            {
                edges.Add(new TypeReferenceEdge(ns, name, toNs, toName));
            }
        }

        return [.. edges];
    }

    internal static (string Ns, string Name) NameOf(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil ? (md.GetString(type.Namespace), md.GetString(type.Name)) : (NameOf(md, declaring).Ns, $"{NameOf(md, declaring).Name}+{md.GetString(type.Name)}");
    }

    internal static (string Ns, string Name) NameOf(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? (NameOf(md, (TypeReferenceHandle)type.ResolutionScope).Ns, $"{NameOf(md, (TypeReferenceHandle)type.ResolutionScope).Name}+{md.GetString(type.Name)}")
            : (md.GetString(type.Namespace), md.GetString(type.Name));
    }

    private sealed class Walker(MetadataReader md, PEReader pe, Provider provider, HashSet<(string, string)> sink)
    {
        public void Type(TypeDefinitionHandle handle)
        {
            var type = md.GetTypeDefinition(handle);
            Entity(type.BaseType);
            foreach (var i in type.GetInterfaceImplementations())
            {
                Entity(md.GetInterfaceImplementation(i).Interface);
            }

            GenericParameters(type.GetGenericParameters());
            Attributes(type.GetCustomAttributes());
            foreach (var f in type.GetFields())
            {
                var field = md.GetFieldDefinition(f);
                field.DecodeSignature(provider, 0);
                Attributes(field.GetCustomAttributes());
            }

            foreach (var p in type.GetProperties())
            {
                var property = md.GetPropertyDefinition(p);
                property.DecodeSignature(provider, 0);
                Attributes(property.GetCustomAttributes());
            }

            foreach (var e in type.GetEvents())
            {
                Entity(md.GetEventDefinition(e).Type);
            }

            foreach (var m in type.GetMethods())
            {
                Method(m);
            }
        }

        private void Method(MethodDefinitionHandle handle)
        {
            var method = md.GetMethodDefinition(handle);
            method.DecodeSignature(provider, 0);
            GenericParameters(method.GetGenericParameters());
            Attributes(method.GetCustomAttributes());
            foreach (var p in method.GetParameters())
            {
                Attributes(md.GetParameter(p).GetCustomAttributes());
            }

            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, 0);
            }

            foreach (var region in body.ExceptionRegions)
            {
                Entity(region.CatchType);
            }

            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                ushort code = il.ReadByte();
                if (code == 0xFE)
                {
                    code = (ushort)(0xFE00 | il.ReadByte());
                }

                switch (Operands[code])
                {
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                        Entity(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.InlineI8 or OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    default:
                        il.Offset += 4;
                        break;
                }
            }
        }

        private void GenericParameters(GenericParameterHandleCollection parameters)
        {
            foreach (var g in parameters)
            {
                foreach (var c in md.GetGenericParameter(g).GetConstraints())
                {
                    Entity(md.GetGenericParameterConstraint(c).Type);
                }
            }
        }

        private void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var a in attributes)
            {
                Entity(md.GetCustomAttribute(a).Constructor);
            }
        }

        private void Entity(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    sink.Add(NameOf(md, (TypeDefinitionHandle)handle));
                    break;
                case HandleKind.TypeReference:
                    sink.Add(NameOf(md, (TypeReferenceHandle)handle));
                    break;
                case HandleKind.TypeSpecification:
                    md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, 0);
                    break;
                case HandleKind.FieldDefinition:
                    sink.Add(NameOf(md, md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()));
                    break;
                case HandleKind.MethodDefinition:
                    sink.Add(NameOf(md, md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()));
                    break;
                case HandleKind.MethodSpecification:
                    var spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Entity(spec.Method);
                    spec.DecodeSignature(provider, 0);
                    break;
                case HandleKind.MemberReference:
                    var member = md.GetMemberReference((MemberReferenceHandle)handle);
                    Entity(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        member.DecodeMethodSignature(provider, 0);
                    }
                    else
                    {
                        member.DecodeFieldSignature(provider, 0);
                    }

                    break;
            }
        }
    }

    /// <summary>Decodes signatures, adding every type named in them to the sink; the decoded value itself is unused.</summary>
    private sealed class Provider(MetadataReader md, HashSet<(string, string)> sink) : ISignatureTypeProvider<int, int>
    {
        public int GetArrayType(int elementType, ArrayShape shape) => 0;

        public int GetByReferenceType(int elementType) => 0;

        public int GetFunctionPointerType(MethodSignature<int> signature) => 0;

        public int GetGenericInstantiation(int genericType, ImmutableArray<int> typeArguments) => 0;

        public int GetGenericMethodParameter(int genericContext, int index) => 0;

        public int GetGenericTypeParameter(int genericContext, int index) => 0;

        public int GetModifiedType(int modifier, int unmodifiedType, bool isRequired) => 0;

        public int GetPinnedType(int elementType) => 0;

        public int GetPointerType(int elementType) => 0;

        public int GetPrimitiveType(PrimitiveTypeCode typeCode) => 0;

        public int GetSZArrayType(int elementType) => 0;

        public int GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            sink.Add(NameOf(md, handle));
            return 0;
        }

        public int GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            sink.Add(NameOf(md, handle));
            return 0;
        }

        public int GetTypeFromSpecification(MetadataReader reader, int genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            md.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
