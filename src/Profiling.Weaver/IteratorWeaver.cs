using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace RustScope.Profiling.Weaver;

/// <summary>
/// Synchronous iterators, measured like async ones: a call is one enumeration, from GetEnumerator to its end. The
/// machine gets a start field, set when GetEnumerator hands it out; each MoveNext is a segment (busy time, so the
/// consumer's loop body between items is never counted) that records an item when it returns true and ends the call
/// when it returns false or an exception leaves it; a Dispose while the enumeration still runs (the consumer left the
/// loop) ends it there.
/// </summary>
internal static class IteratorWeaver
{
    public static void Weave(TypeDefinition iterator, FieldReference functionId, RuntimeReferences runtime)
    {
        var start = new FieldDefinition(StateMachineCode.StartField, FieldAttributes.Public, iterator.Module.TypeSystem.Int64);
        iterator.Fields.Add(start);
        StateMachineCode.StampOnReturn(iterator.Methods.Single(IsGenericGetEnumerator), start, runtime);

        var moveNext = iterator.Methods.Single(m => m.Name == "MoveNext");
        var segment = BodyWrapper.Wrap(moveNext, functionId, runtime.EnterSegment, runtime.Thrown, runtime.ExitSegment);
        EndInMoveNext(moveNext, segment, StateMachineCode.Instance(start, moveNext), runtime);

        var dispose = iterator.Methods.Single(m => m.Name == "System.IDisposable.Dispose");
        var il = dispose.Body.GetILProcessor();
        dispose.Body.SimplifyMacros();
        StateMachineCode.Prepend(il, dispose.Body.Instructions[0],
            il.Create(OpCodes.Ldsfld, functionId), il.Create(OpCodes.Ldarg_0), il.Create(OpCodes.Ldflda, StateMachineCode.Instance(start, dispose)),
            il.Create(OpCodes.Call, runtime.IterationDisposed));
        dispose.Body.OptimizeMacros();
    }

    private static bool IsGenericGetEnumerator(MethodDefinition method) =>
        method.Name.EndsWith(".GetEnumerator", StringComparison.Ordinal) && method.ReturnType.GetElementType().FullName == "System.Collections.Generic.IEnumerator`1";

    /// <summary>
    /// In the wrapped MoveNext: the return block (the segment's exit, then <c>ret result</c>) first records the item or
    /// the enumeration's end; the fault handler ends the enumeration as faulted (or canceled, as the filter marked it).
    /// </summary>
    private static void EndInMoveNext(MethodDefinition moveNext, VariableDefinition segment, FieldReference start, RuntimeReferences runtime)
    {
        var body = moveNext.Body;
        body.SimplifyMacros();
        var il = body.GetILProcessor();
        var fault = body.ExceptionHandlers.Last(h => h.HandlerType == ExceptionHandlerType.Fault);
        var result = (VariableDefinition)body.Instructions[^2].Operand;

        var exitOnFault = fault.HandlerStart.Next;
        exitOnFault.Operand = runtime.IterationFaulted;
        il.InsertBefore(exitOnFault, il.Create(OpCodes.Ldarg_0));
        il.InsertBefore(exitOnFault, il.Create(OpCodes.Ldflda, start));

        StateMachineCode.Prepend(il, fault.HandlerEnd,
            il.Create(OpCodes.Ldloc, result), il.Create(OpCodes.Ldloca, segment), il.Create(OpCodes.Ldarg_0), il.Create(OpCodes.Ldflda, start),
            il.Create(OpCodes.Call, runtime.Iterated));
        body.OptimizeMacros();
    }
}
