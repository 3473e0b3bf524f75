using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace RustScope.Profiling.Weaver;

/// <summary>
/// Wraps a method body as <c>call = Enter(id); try { try { body } fault { Faulted(call); } } finally { Exit(call); }</c>,
/// the call (a ProfiledCall value: the thread's recorder, the function's slot and the frame's depth) in a local.
/// Every <c>ret</c> becomes a store of the result and a <c>leave</c> to a single return after the handlers, so all
/// exits — returns and exceptions — end the call exactly once.
/// </summary>
internal static class BodyWrapper
{
    public static void Wrap(MethodDefinition method, FieldReference functionId, MethodReference enter, MethodReference? faulted, MethodReference exit)
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

        var firstOriginal = body.Instructions[0];
        var returnLabel = returnsValue ? il.Create(OpCodes.Ldloc, result) : il.Create(OpCodes.Ret);
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

        Instruction? faultStart = null;
        if (faulted is not null)
        {
            faultStart = il.Create(OpCodes.Ldloc, call);
            il.Append(faultStart);
            il.Append(il.Create(OpCodes.Call, faulted));
            il.Append(il.Create(OpCodes.Endfinally));
        }

        var finallyStart = il.Create(OpCodes.Ldloc, call);
        il.Append(finallyStart);
        il.Append(il.Create(OpCodes.Call, exit));
        il.Append(il.Create(OpCodes.Endfinally));
        il.Append(returnLabel);
        if (returnsValue)
        {
            il.Append(il.Create(OpCodes.Ret));
        }

        if (faultStart is not null)
        {
            body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Fault)
            {
                TryStart = firstOriginal, TryEnd = faultStart, HandlerStart = faultStart, HandlerEnd = finallyStart,
            });
        }

        body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Finally)
        {
            TryStart = firstOriginal, TryEnd = finallyStart, HandlerStart = finallyStart, HandlerEnd = returnLabel,
        });
        body.InitLocals = true;
        body.OptimizeMacros();
    }
}
