using RustScope.Profiling.Recording;

namespace RustScope.Profiling;

/// <summary>
/// A profiled region of code without a method of its own: <c>using var _ = Profiler.Scope("name");</c>. A scope may
/// end on another thread than it started on (across an await): it is then recorded by its wall time.
/// </summary>
public readonly struct ProfileScope : IDisposable
{
    private readonly ProfiledCall _call;
    private readonly int _functionId;
    private readonly long _start;

    internal ProfileScope(int functionId)
    {
        _functionId = functionId;
        _call = FunctionRegistry.Current.Enter(functionId, FrameKind.Call);
        _start = _call.Recorder.StartOf(_call.Depth);
    }

    /// <summary>Ends the scope and records it.</summary>
    public void Dispose()
    {
        var recorder = _call.Recorder;
        if (recorder is null)
        {
            return;
        }

        var current = FunctionRegistry.Current;
        var depth = _call.Depth;
        if (current == recorder && current.IsOpen(depth, _functionId, _start))
        {
            current.Exit(_call.Slot, depth);
            return;
        }

        // Ended elsewhere: record it here, and let the entering thread drop its frame itself.
        current.RecordDetached(_functionId, CallClock.Now() - _start, depth);
        if (current != recorder)
        {
            recorder.Detach(new DetachedScope(depth, _functionId, _start));
        }
    }
}
