using Microsoft.Diagnostics.Tracing.Etlx;
using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>Turns a call stack TraceLog interned into frames, root first, caching one array per call-stack node.</summary>
internal sealed class ManagedStackReader(TraceLog log, ModuleNames modules, ProcessModuleMap maps)
{
    private readonly Dictionary<CallStackIndex, StackFrame[]> _cache = [];

    /// <summary>The stack root first; empty when the event carried none.</summary>
    public IReadOnlyList<StackFrame> Read(CallStackIndex index) =>
        index == CallStackIndex.Invalid ? [] : Read(log.CallStacks[index]);

    private StackFrame[] Read(TraceCallStack stack)
    {
        if (_cache.TryGetValue(stack.CallStackIndex, out var cached))
        {
            return cached;
        }

        var callers = stack.Caller is { } caller ? Read(caller) : [];
        var frames = new StackFrame[callers.Length + 1];
        callers.CopyTo(frames, 0);
        frames[^1] = Frame(stack.CodeAddress);
        _cache.Add(stack.CallStackIndex, frames);
        return frames;
    }

    private StackFrame Frame(TraceCodeAddress address)
    {
        var method = address.FullMethodName;
        // Without load or rundown events (a crashed target) the trace knows no module: the process's maps do.
        var module = address.ModuleName is { Length: > 0 } name ? modules.Restore(name) : maps.ModuleAt(address.Address);
        // Unresolved addresses of one module fold into one frame so they do not split the flamegraph per address.
        return new StackFrame { Name = string.IsNullOrEmpty(method) ? $"{module ?? "?"}!?" : method, Module = module };
    }
}
