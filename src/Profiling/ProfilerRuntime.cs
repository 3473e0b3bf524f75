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

    /// <summary>Marks the call as ended by an exception.</summary>
    public static void Faulted(ProfiledCall call) => call.Recorder.MarkFaulted(call.Depth);

    /// <summary>Ends a call or segment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(ProfiledCall call) => call.Recorder.Exit(call.Slot, call.Depth);

    /// <summary>Now, on the clock every profiled call reads (the time-stamp counter where it can be trusted, else Stopwatch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Timestamp() => CallClock.Now();

    /// <summary>Records an async call's wall time when its task completes; returns the same task.</summary>
    public static Task TrackTask(Task task, int functionId, long startTimestamp)
    {
        if (task.IsCompleted)
        {
            Complete(task, functionId, startTimestamp);
            return task;
        }

        // The continuation is the profiler's allocation, not the caller's.
        var recorder = FunctionRegistry.Current;
        var before = GC.GetAllocatedBytesForCurrentThread();
        task.ContinueWith(static (t, state) => Complete(t, ((AsyncCall)state!).FunctionId, ((AsyncCall)state!).StartTimestamp), new AsyncCall(functionId, startTimestamp), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        recorder.ExcludeAllocation(GC.GetAllocatedBytesForCurrentThread() - before);
        return task;
    }

    /// <summary>Records an async call's wall time when its task completes; returns the same task.</summary>
    public static Task<T> TrackTask<T>(Task<T> task, int functionId, long startTimestamp)
    {
        TrackTask((Task)task, functionId, startTimestamp);
        return task;
    }

    private static void Complete(Task task, int functionId, long start) =>
        FunctionRegistry.Current.RecordCompleted(functionId, CallClock.Now() - start, task.IsFaulted);
}
