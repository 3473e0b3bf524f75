using System.Diagnostics;
using RustScope.Profiling.Recording;

namespace RustScope.Profiling;

/// <summary>
/// A profiled region of code without a method of its own: <c>using var _ = Profiler.Scope("name");</c>. A scope may
/// end on another thread than it started on (across an await): it is then recorded by its wall time.
/// </summary>
public readonly struct ProfileScope : IDisposable
{
    private readonly ThreadRecorder? _recorder;
    private readonly int _functionId;
    private readonly int _depth;
    private readonly long _start;

    internal ProfileScope(int functionId)
    {
        _recorder = FunctionRegistry.Current;
        _functionId = functionId;
        _depth = _recorder.Enter(functionId, FrameKind.Call);
        _start = _recorder.StartOf(_depth);
    }

    /// <summary>Ends the scope and records it.</summary>
    public void Dispose()
    {
        if (_recorder is null)
        {
            return;
        }

        var current = FunctionRegistry.Current;
        if (current == _recorder && current.IsOpen(_depth, _functionId, _start))
        {
            current.Exit(_depth);
            return;
        }

        // Ended elsewhere: record it here, and let the entering thread drop its frame itself.
        current.RecordDetached(_functionId, Stopwatch.GetTimestamp() - _start, _depth);
        if (current != _recorder)
        {
            _recorder.Detach(new DetachedScope(_depth, _functionId, _start));
        }
    }
}
