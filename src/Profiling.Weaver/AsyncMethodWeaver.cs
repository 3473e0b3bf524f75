using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace RustScope.Profiling.Weaver;

/// <summary>
/// Async methods and async iterators. The state machine gets a field with the call's start time, set where a call
/// starts: in the stub before the builder starts the machine, or, for an async iterator (a call is one enumeration),
/// in GetAsyncEnumerator. Each MoveNext is a segment (busy time). The call ends in MoveNext itself, just before the
/// builder's SetResult or SetException (an iterator's promise's): those may run the awaiting code's continuation
/// inline, which is the caller's work, never this call's — and no continuation of the profiler's is allocated.
/// </summary>
internal static class AsyncMethodWeaver
{
    public static void Weave(MethodDefinition stub, TypeDefinition stateMachine, FieldReference functionId, RuntimeReferences runtime)
    {
        var start = new FieldDefinition(StateMachineCode.StartField, FieldAttributes.Public, stub.Module.TypeSystem.Int64);
        stateMachine.Fields.Add(start);
        var enumerator = stateMachine.Methods.SingleOrDefault(m => m.Name.EndsWith("GetAsyncEnumerator", StringComparison.Ordinal));
        if (enumerator is null)
        {
            StampInStub(stub, start, runtime);
        }
        else
        {
            StateMachineCode.StampOnReturn(enumerator, start, runtime);
        }

        var moveNext = stateMachine.Methods.Single(m => m.Name == "MoveNext");
        var segment = BodyWrapper.Wrap(moveNext, functionId, runtime.EnterSegment, thrown: null, runtime.ExitSegment);
        var completer = stateMachine.Fields.Single(f => f.Name == (enumerator is null ? "<>t__builder" : "<>v__promiseOfValueOrEnd")).FieldType;
        EndAtCompletion(moveNext, segment, StateMachineCode.Instance(start, moveNext), completer, iterator: enumerator is not null, runtime);
    }

    /// <summary>The stub sets the state before starting the machine: the start time is stored right after.</summary>
    private static void StampInStub(MethodDefinition stub, FieldDefinition start, RuntimeReferences runtime)
    {
        stub.Body.SimplifyMacros();
        var setState = stub.Body.Instructions.First(i => i.OpCode == OpCodes.Stfld && i.Operand is FieldReference { Name: "<>1__state" });
        var loadMachine = setState.Previous.Previous;
        if (loadMachine.OpCode != OpCodes.Ldloca && loadMachine.OpCode != OpCodes.Ldloc)
        {
            throw new InvalidOperationException($"{stub.FullName}: the async stub does not set its state machine's state from a local");
        }

        var il = stub.Body.GetILProcessor();
        var store = il.Create(OpCodes.Stfld, StateMachineCode.Instance(start, stub));
        il.InsertAfter(setState, store);
        il.InsertBefore(store, il.Create(loadMachine.OpCode, (VariableDefinition)loadMachine.Operand));
        il.InsertBefore(store, il.Create(OpCodes.Call, runtime.Timestamp));
        stub.Body.OptimizeMacros();
    }

    private static void EndAtCompletion(MethodDefinition moveNext, VariableDefinition segment, FieldReference start, TypeReference completer, bool iterator, RuntimeReferences runtime)
    {
        var body = moveNext.Body;
        body.SimplifyMacros();
        var il = body.GetILProcessor();
        var completerType = completer.GetElementType().FullName;
        var completions = body.Instructions
            .Where(i => i.OpCode == OpCodes.Call && i.Operand is MethodReference { Name: "SetResult" or "SetException" } m && m.DeclaringType.GetElementType().FullName == completerType)
            .ToList();
        if (completions.Count == 0)
        {
            throw new InvalidOperationException($"{moveNext.FullName}: no call completes the async method's {completerType}");
        }

        foreach (var completion in completions)
        {
            // On the stack: the builder (or promise), and the exception, or an iterator's "an item is ready".
            var failed = ((MethodReference)completion.Operand).Name == "SetException";
            var end = failed ? runtime.Failed : iterator ? runtime.Produced : runtime.Completed;
            Instruction[] record = [il.Create(OpCodes.Ldloca, segment), il.Create(OpCodes.Ldarg_0), il.Create(OpCodes.Ldfld, start), il.Create(OpCodes.Call, end)];
            StateMachineCode.Prepend(il, completion, failed || iterator ? [il.Create(OpCodes.Dup), .. record] : record);
        }

        body.OptimizeMacros();
    }
}
