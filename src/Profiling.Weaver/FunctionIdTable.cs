using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RustScope.Profiling.Weaver;

/// <summary>
/// A generated static class holding one int field per profiled function, filled by its static constructor from
/// ProfilerRuntime.Register. A woven call then loads its id with one ldsfld: an array index at run time, no lookup.
/// Its presence also marks an assembly as already woven (CoreCompile may be skipped on an incremental build).
/// </summary>
internal sealed class FunctionIdTable
{
    public const string TypeName = "<RustScopeProfiling>FunctionIds";
    private readonly ModuleDefinition _module;
    private readonly TypeDefinition _type;
    private readonly ILProcessor _initializer;
    private readonly MethodReference _register;

    public FunctionIdTable(ModuleDefinition module, MethodReference register)
    {
        _module = module;
        _register = register;
        _type = new TypeDefinition(string.Empty, TypeName,
            TypeAttributes.NotPublic | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit | TypeAttributes.Class,
            module.TypeSystem.Object);
        var cctor = new MethodDefinition(".cctor",
            MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName | MethodAttributes.HideBySig,
            module.TypeSystem.Void);
        _type.Methods.Add(cctor);
        _initializer = cctor.Body.GetILProcessor();
        module.Types.Add(_type);
    }

    public static bool IsWoven(ModuleDefinition module) => module.Types.Any(t => t.Name == TypeName);

    /// <summary>A field holding the id of <paramref name="functionName"/>, whose metadata name is <paramref name="symbol"/>.</summary>
    public FieldReference Add(string functionName, string symbol)
    {
        var field = new FieldDefinition($"F{_type.Fields.Count}", FieldAttributes.Assembly | FieldAttributes.Static | FieldAttributes.InitOnly, _module.TypeSystem.Int32);
        _type.Fields.Add(field);
        _initializer.Emit(OpCodes.Ldstr, functionName);
        _initializer.Emit(OpCodes.Ldstr, symbol);
        _initializer.Emit(OpCodes.Call, _register);
        _initializer.Emit(OpCodes.Stsfld, field);
        return field;
    }

    public void Complete() => _initializer.Emit(OpCodes.Ret);
}
