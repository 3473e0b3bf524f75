using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace RustScope.Profiling.Weaver;

/// <summary>
/// Async methods: the stub that starts the state machine records the start time and hands the task it returns to
/// ProfilerRuntime.TrackTask, which records the wall time when the task completes. Each MoveNext of the state
/// machine is wrapped as a segment: the sum of segments is the busy time between awaits.
/// </summary>
internal static class AsyncStubWeaver
{
    public static void Weave(MethodDefinition stub, MethodDefinition moveNext, FieldReference functionId, RuntimeReferences runtime)
    {
        var module = stub.Module;
        var body = stub.Body;
        body.SimplifyMacros();
        var il = body.GetILProcessor();
        var start = new VariableDefinition(module.TypeSystem.Int64);
        body.Variables.Add(start);
        var track = stub.ReturnType is GenericInstanceType { ElementType.FullName: "System.Threading.Tasks.Task`1" } taskOfT
            ? new GenericInstanceMethod(runtime.TrackTaskOfT) { GenericArguments = { taskOfT.GenericArguments[0] } }
            : runtime.TrackTask;
        foreach (var ret in body.Instructions.Where(i => i.OpCode == OpCodes.Ret).ToList())
        {
            // The task is on the stack: TrackTask(task, id, start) returns it. The ret is mutated in place so a
            // branch to it still runs the tracking.
            ret.OpCode = OpCodes.Ldsfld;
            ret.Operand = functionId;
            var loadStart = il.Create(OpCodes.Ldloc, start);
            il.InsertAfter(ret, loadStart);
            var call = il.Create(OpCodes.Call, track);
            il.InsertAfter(loadStart, call);
            il.InsertAfter(call, il.Create(OpCodes.Ret));
        }

        var first = body.Instructions[0];
        il.InsertBefore(first, il.Create(OpCodes.Call, runtime.Timestamp));
        il.InsertBefore(first, il.Create(OpCodes.Stloc, start));
        body.OptimizeMacros();

        BodyWrapper.Wrap(moveNext, functionId, runtime.EnterSegment, faulted: null, runtime.Exit);
    }
}
