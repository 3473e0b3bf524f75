using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>Turns the stack TraceLog resolved for an event into frames, root first, caching per call-stack node.</summary>
internal sealed class ManagedStackReader
{
    private readonly Dictionary<CallStackIndex, StackFrame[]> _cache = [];

    /// <summary>The event's stack root first; empty when the event carried none.</summary>
    public IReadOnlyList<StackFrame> Read(TraceEvent data)
    {
        var stack = data.CallStack();
        return stack is null ? [] : Read(stack);
    }

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

    private static StackFrame Frame(TraceCodeAddress address)
    {
        var module = address.ModuleName is { Length: > 0 } name ? name : null;
        var method = address.FullMethodName;
        // Unresolved addresses of one module fold into one frame so they do not split the flamegraph per address.
        return new StackFrame { Name = string.IsNullOrEmpty(method) ? $"{module ?? "?"}!?" : method, Module = module };
    }
}
