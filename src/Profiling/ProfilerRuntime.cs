using System.ComponentModel;
using System.Runtime.CompilerServices;
using RustScope.Profiling.Recording;

namespace RustScope.Profiling;

/// <summary>The entry points the build weaves into <see cref="ProfileAttribute"/> methods. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ProfilerRuntime
{
    /// <summary>Returns the id of a function, registering it on first use.</summary>
    public static int Register(string name) => FunctionRegistry.Register(name);

    /// <summary>Returns the id of a woven method, registering it with its metadata name on first use.</summary>
    public static int Register(string name, string symbol) => FunctionRegistry.Register(name, symbol);

    /// <summary>Starts a call; the returned value ends it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ProfiledCall Enter(int functionId)
    {
        return FunctionRegistry.Current.Enter(functionId, FrameKind.Call);
    }

    /// <summary>Starts a synchronous segment of an async call (one MoveNext): busy time, not a call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ProfiledCall EnterSegment(int functionId)
    {
        return FunctionRegistry.Current.Enter(functionId, FrameKind.Segment);
    }

    /// <summary>
    /// An exception is leaving the call (an exception filter of the woven method, run while the runtime looks for a
    /// handler): marks it faulted, or canceled for an <see cref="OperationCanceledException"/>. Never catches.
    /// </summary>
    public static bool Thrown(object exception, ProfiledCall call)
    {
        call.Recorder.MarkThrown(call.Depth, OutcomeOf(exception));
        return false;
    }

    /// <summary>Ends a call or segment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(ProfiledCall call) => call.Recorder.Exit(call.Slot, call.Depth);

    /// <summary>Now, on the clock every profiled call reads (the time-stamp counter where it can be trusted, else Stopwatch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Timestamp() => CallClock.Now();

    /// <summary>Ends a segment of an async call (one MoveNext) unless the call's completion already ended it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ExitSegment(ProfiledCall segment) => segment.Recorder?.Exit(segment.Slot, segment.Depth);

    /// <summary>
    /// An async call returns: called from its MoveNext just before the builder's SetResult, which may run the awaiting
    /// code inline. Ends the segment and the call, and clears <paramref name="segment"/> so the segment is not ended twice.
    /// </summary>
    public static void Completed(ref ProfiledCall segment, long startTimestamp) => End(ref segment, startTimestamp, CallOutcome.Returned);

    /// <summary>As <see cref="Completed"/>, before SetException: the call faulted, or was canceled.</summary>
    public static void Failed(Exception exception, ref ProfiledCall segment, long startTimestamp) =>
        End(ref segment, startTimestamp, OutcomeOf(exception));

    /// <summary>
    /// An async iterator signals its consumer (before its promise's SetResult): an item (<paramref name="item"/>) ends
    /// the segment; the end of the enumeration ends the call.
    /// </summary>
    public static void Produced(bool item, ref ProfiledCall segment, long startTimestamp)
    {
        if (segment.Recorder is null)
        {
            return;
        }

        var slot = segment.Slot;
        slot.Iterates = true;
        if (!item)
        {
            End(ref segment, startTimestamp, CallOutcome.Returned);
            return;
        }

        slot.Items++;
        segment.Recorder.Exit(slot, segment.Depth);
        segment = default;
    }

    /// <summary>
    /// A synchronous iterator's MoveNext returns (after its segment's last instruction): an item (<paramref name="item"/>)
    /// ends the segment; the end of the enumeration ends the call and clears <paramref name="startTimestamp"/>, so the
    /// consumer's Dispose that follows does not end it again.
    /// </summary>
    public static void Iterated(bool item, ref ProfiledCall segment, ref long startTimestamp)
    {
        Produced(item, ref segment, startTimestamp);
        if (!item)
        {
            startTimestamp = 0;
        }
    }

    /// <summary>An exception leaves a synchronous iterator's MoveNext (its fault handler): ends the segment and the call.</summary>
    public static void IterationFaulted(ProfiledCall segment, ref long startTimestamp)
    {
        segment.Slot.Iterates = true;
        segment.Recorder.ExitFaultedIteration(segment.Slot, segment.Depth, startTimestamp);
        startTimestamp = 0;
    }

    /// <summary>
    /// A synchronous iterator is disposed: an enumeration still running (its consumer left the loop early) ends here.
    /// Dispose called from inside MoveNext (the iterator's own fault path) leaves the ending to MoveNext.
    /// </summary>
    public static void IterationDisposed(int functionId, ref long startTimestamp)
    {
        var start = startTimestamp;
        var recorder = FunctionRegistry.Current;
        if (start == 0 || recorder.InSegmentOf(functionId))
        {
            return;
        }

        recorder.RecordEnded(functionId, CallClock.Now() - start);
        startTimestamp = 0;
    }

    private static CallOutcome OutcomeOf(object exception) =>
        exception is OperationCanceledException ? CallOutcome.Canceled : CallOutcome.Faulted;

    private static void End(ref ProfiledCall segment, long startTimestamp, CallOutcome outcome)
    {
        segment.Recorder?.ExitAsync(segment.Slot, segment.Depth, startTimestamp, outcome);
        segment = default;
    }
}
