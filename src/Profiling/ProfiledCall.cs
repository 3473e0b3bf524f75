using System.ComponentModel;
using RustScope.Profiling.Recording;

namespace RustScope.Profiling;

/// <summary>
/// A profiled call in progress, kept in a local by the woven code: it carries the thread's recorder and the
/// function's slot, so a call looks the thread-static recorder and the slot up once, before its clock starts. Not for
/// direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ProfiledCall
{
    internal ProfiledCall(ThreadRecorder recorder, FunctionSlot slot, int depth)
    {
        Recorder = recorder;
        Slot = slot;
        Depth = depth;
    }

    internal ThreadRecorder Recorder { get; }

    internal FunctionSlot Slot { get; }

    internal int Depth { get; }
}
