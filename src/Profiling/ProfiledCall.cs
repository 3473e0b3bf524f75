using System.ComponentModel;
using RustScope.Profiling.Recording;

namespace RustScope.Profiling;

/// <summary>
/// A profiled call in progress, kept in a local by the woven code: it carries the thread's recorder, so a call
/// looks the thread-static recorder up once, not twice. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ProfiledCall
{
    internal ProfiledCall(ThreadRecorder recorder, int depth)
    {
        Recorder = recorder;
        Depth = depth;
    }

    internal ThreadRecorder Recorder { get; }

    internal int Depth { get; }
}
