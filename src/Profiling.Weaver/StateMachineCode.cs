using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace RustScope.Profiling.Weaver;

/// <summary>What the async and iterator weavers add to a compiler-generated state machine: the start field and code around it.</summary>
internal static class StateMachineCode
{
    /// <summary>The field the weaver adds to a state machine: when its call (or enumeration) started, on the call clock.</summary>
    public const string StartField = "<RustScope>start";

    /// <summary>
    /// The method hands out the machine that runs one enumeration (GetEnumerator, GetAsyncEnumerator): each return
    /// stores the start time on it.
    /// </summary>
    public static void StampOnReturn(MethodDefinition method, FieldDefinition start, RuntimeReferences runtime)
    {
        var body = method.Body;
        body.SimplifyMacros();
        var il = body.GetILProcessor();
        var field = Instance(start, method);
        foreach (var ret in body.Instructions.Where(i => i.OpCode == OpCodes.Ret).ToList())
        {
            Prepend(il, ret, il.Create(OpCodes.Dup), il.Create(OpCodes.Call, runtime.Timestamp), il.Create(OpCodes.Stfld, field));
        }

        body.OptimizeMacros();
    }

    /// <summary>
    /// Inserts code before <paramref name="target"/> by turning it into the first inserted instruction and re-adding it
    /// after the rest: branches and handler bounds that pointed at it reach the inserted code first.
    /// </summary>
    public static void Prepend(ILProcessor il, Instruction target, params Instruction[] code)
    {
        var original = Instruction.Create(OpCodes.Nop);
        original.OpCode = target.OpCode;
        original.Operand = target.Operand;
        target.OpCode = code[0].OpCode;
        target.Operand = code[0].Operand;
        var last = target;
        foreach (var instruction in code.Skip(1).Append(original))
        {
            il.InsertAfter(last, instruction);
            last = instruction;
        }
    }

    /// <summary>
    /// The field as <paramref name="method"/> must reference it: on the state machine's generic instance when the
    /// machine is generic, the same type the method's own accesses to the state field use (in the stub, that is the
    /// machine instantiated with the stub's type parameters); a method of the machine that never reads its state
    /// gets the machine instantiated with its own parameters.
    /// </summary>
    public static FieldReference Instance(FieldDefinition field, MethodDefinition method)
    {
        var state = method.Body.Instructions.Select(i => i.Operand).OfType<FieldReference>().FirstOrDefault(f => f.Name == "<>1__state");
        var owner = state?.DeclaringType ?? field.DeclaringType;
        if (state is null && owner.HasGenericParameters)
        {
            var self = new GenericInstanceType(owner);
            foreach (var parameter in owner.GenericParameters)
            {
                self.GenericArguments.Add(parameter);
            }

            owner = self;
        }

        return new FieldReference(field.Name, field.FieldType, owner);
    }
}
