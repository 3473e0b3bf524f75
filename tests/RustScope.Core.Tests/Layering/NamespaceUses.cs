using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RustScope.Core.Tests.Layering;

/// <summary>
/// Which namespaces of an assembly use which, read from its compiled metadata and IL: every type a type's signatures,
/// attributes (typeof arguments too), locals and instructions name. Source <c>using</c>s would miss fully qualified
/// names and keep unused ones; the IL is what the assembly really depends on.
/// </summary>
internal static class NamespaceUses
{
    /// <summary>The uses between namespaces starting with <paramref name="prefix"/> in the assembly at <paramref name="path"/>.</summary>
    public static IReadOnlyList<NamespaceUse> Of(string path, string prefix)
    {
        using var module = ModuleDefinition.ReadModule(path);
        var uses = new List<NamespaceUse>();
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type);
            if (!owner.Namespace.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var used in Referenced(type).SelectMany(Expand).Select(Outermost).Distinct())
            {
                if (used.Namespace.StartsWith(prefix, StringComparison.Ordinal) && used.Namespace != owner.Namespace)
                {
                    uses.Add(new NamespaceUse(owner.Namespace, owner.FullName, used.Namespace, used.FullName));
                }
            }
        }

        return uses;
    }

    private static IEnumerable<TypeReference?> Referenced(TypeDefinition type)
    {
        yield return type.BaseType;
        foreach (var reference in type.Interfaces.Select(static i => i.InterfaceType)
            .Concat(Attributes(type)).Concat(Constraints(type))
            .Concat(type.Fields.SelectMany(static f => Attributes(f).Prepend(f.FieldType)))
            .Concat(type.Properties.SelectMany(static p => Attributes(p).Prepend(p.PropertyType)))
            .Concat(type.Events.SelectMany(static e => Attributes(e).Prepend(e.EventType)))
            .Concat(type.Methods.SelectMany(Method)))
        {
            yield return reference;
        }
    }

    private static IEnumerable<TypeReference?> Method(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var reference in method.Parameters.SelectMany(static p => Attributes(p).Prepend(p.ParameterType))
            .Concat(Attributes(method)).Concat(Attributes(method.MethodReturnType)).Concat(Constraints(method)))
        {
            yield return reference;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var reference in method.Body.Variables.Select(static v => v.VariableType)
            .Concat(method.Body.ExceptionHandlers.Select(static h => h.CatchType))
            .Concat(method.Body.Instructions.SelectMany(static i => Operand(i.Operand))))
        {
            yield return reference;
        }
    }

    private static IEnumerable<TypeReference?> Operand(object? operand) => operand switch
    {
        TypeReference type => [type],
        GenericInstanceMethod generic => [.. Member(generic), .. generic.GenericArguments],
        MethodReference method => Member(method),
        FieldReference field => [field.DeclaringType, field.FieldType],
        CallSite site => [site.ReturnType, .. site.Parameters.Select(static p => p.ParameterType)],
        _ => [],
    };

    private static IEnumerable<TypeReference?> Member(MethodReference method) =>
        [method.DeclaringType, method.ReturnType, .. method.Parameters.Select(static p => p.ParameterType)];

    private static IEnumerable<TypeReference?> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.SelectMany(static a => a.ConstructorArguments.Concat(a.Properties.Select(static p => p.Argument)).Concat(a.Fields.Select(static f => f.Argument))
            .Select(static argument => argument.Value as TypeReference).Prepend(a.AttributeType));

    private static IEnumerable<TypeReference?> Constraints(IGenericParameterProvider provider) =>
        provider.GenericParameters.SelectMany(static p => p.Constraints.Select(static c => c.ConstraintType));

    // The named types inside arrays, by-refs, modifiers and generic instances; generic parameters name none.
    private static IEnumerable<TypeReference> Expand(TypeReference? reference) => reference switch
    {
        null or GenericParameter => [],
        GenericInstanceType generic => Expand(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Expand)),
        IModifierType modified => Expand(modified.ModifierType).Concat(Expand(modified.ElementType)),
        FunctionPointerType pointer => Expand(pointer.ReturnType).Concat(pointer.Parameters.SelectMany(p => Expand(p.ParameterType))),
        TypeSpecification specification => Expand(specification.ElementType),
        _ => [reference],
    };

    // Nested types (closures, state machines, JSON contexts' helpers) belong to the namespace of the type around them.
    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }
}
