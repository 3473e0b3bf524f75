using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace RustScope.Profiling.Weaver;

/// <summary>
/// Wraps a method body as
/// <c>call = Enter(id); try { try { body } catch when (Thrown(exception, call)) { } } fault { Exit(call); } Exit(call);</c>,
/// the call (a ProfiledCall value: the thread's recorder, the function's slot and the frame's depth) in a local. Every
/// <c>ret</c> becomes a store of the result and a <c>leave</c> to a single return after the handlers, so all exits —
/// returns and exceptions — end the call exactly once. The filter never catches: it sees the exception leaving the
/// call (faulted, or canceled), which a fault handler cannot. Returns the local holding the call.
/// </summary>
internal static class BodyWrapper
{
    public static VariableDefinition Wrap(MethodDefinition method, FieldReference functionId, MethodReference enter, MethodReference? thrown, MethodReference exit)
    {
        var body = method.Body;
        body.SimplifyMacros();
        var il = body.GetILProcessor();
        var call = new VariableDefinition(enter.ReturnType);
        body.Variables.Add(call);
        var returnsValue = method.ReturnType.MetadataType != MetadataType.Void;
        VariableDefinition? result = null;
        if (returnsValue)
        {
            result = new VariableDefinition(method.ReturnType);
            body.Variables.Add(result);
        }

        var firstOriginal = MeasuredStart(method)!;
        var returnLabel = il.Create(OpCodes.Ldloc, call);
        foreach (var ret in body.Instructions.Where(i => i.OpCode == OpCodes.Ret).ToList())
        {
            // Mutate in place: branches that targeted the ret still land on the first replacement instruction.
            if (returnsValue)
            {
                ret.OpCode = OpCodes.Stloc;
                ret.Operand = result;
                il.InsertAfter(ret, il.Create(OpCodes.Leave, returnLabel));
            }
            else
            {
                ret.OpCode = OpCodes.Leave;
                ret.Operand = returnLabel;
            }
        }

        il.InsertBefore(firstOriginal, il.Create(OpCodes.Ldsfld, functionId));
        il.InsertBefore(firstOriginal, il.Create(OpCodes.Call, enter));
        il.InsertBefore(firstOriginal, il.Create(OpCodes.Stloc, call));

        // Exceptions end the call in a fault handler; returns end it after the protected region, where the JIT
        // inlines the clock's unmanaged call (it never does inside a try or a handler: there it goes through a stub).
        var faultStart = il.Create(OpCodes.Ldloc, call);
        Instruction? filterStart = null, filterHandler = null;
        if (thrown is not null)
        {
            // The filter starts with the exception on the stack; its handler is never entered.
            filterStart = il.Create(OpCodes.Ldloc, call);
            filterHandler = il.Create(OpCodes.Pop);
            il.Append(filterStart);
            il.Append(il.Create(OpCodes.Call, thrown));
            il.Append(il.Create(OpCodes.Endfilter));
            il.Append(filterHandler);
            il.Append(il.Create(OpCodes.Rethrow));
        }

        il.Append(faultStart);

        // A handler that ran to the end of the method (a catch or finally holding its last instruction: a worker loop
        // `while (true) { try { … } catch { … } }`, a catch that rethrows) ends there still, not at the method's new end.
        foreach (var handler in body.ExceptionHandlers.Where(h => h.HandlerEnd is null))
        {
            handler.HandlerEnd = filterStart ?? faultStart;
        }

        il.Append(il.Create(OpCodes.Call, exit));
        il.Append(il.Create(OpCodes.Endfinally));
        il.Append(returnLabel);
        il.Append(il.Create(OpCodes.Call, exit));
        if (returnsValue)
        {
            il.Append(il.Create(OpCodes.Ldloc, result));
        }

        il.Append(il.Create(OpCodes.Ret));
        if (filterStart is not null)
        {
            body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Filter)
            {
                TryStart = firstOriginal, TryEnd = filterStart, FilterStart = filterStart, HandlerStart = filterHandler, HandlerEnd = faultStart,
            });
        }

        body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Fault)
        {
            TryStart = firstOriginal, TryEnd = faultStart, HandlerStart = faultStart, HandlerEnd = returnLabel,
        });
        body.InitLocals = true;
        body.OptimizeMacros();
        return call;
    }

    /// <summary>
    /// Where the measured region starts: the first instruction, or in a class's instance constructor the one after its
    /// base (or this) constructor call, since the object does not exist before that call and may not be used in a try.
    /// Null when a constructor has no such call.
    /// </summary>
    public static Instruction? MeasuredStart(MethodDefinition method)
    {
        var instructions = method.Body.Instructions;
        if (!method.IsConstructor || method.IsStatic || method.DeclaringType.IsValueType)
        {
            return instructions[0];
        }

        var type = method.DeclaringType;
        return instructions.FirstOrDefault(i => i.OpCode.Code is Code.Call && i.Operand is MethodReference { Name: ".ctor" } target
            && (IsSame(target.DeclaringType, type) || IsSame(target.DeclaringType, type.BaseType)))?.Next;
    }

    private static bool IsSame(TypeReference candidate, TypeReference? type) =>
        type is not null && candidate.GetElementType().FullName == type.GetElementType().FullName;
}
