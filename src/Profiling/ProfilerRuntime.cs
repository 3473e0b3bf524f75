using System.ComponentModel;
using System.Diagnostics;
using RustScope.Profiling.Recording;

namespace RustScope.Profiling;

/// <summary>The entry points the build weaves into <see cref="ProfileAttribute"/> methods. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ProfilerRuntime
{
    /// <summary>Returns the id of a function, registering it on first use.</summary>
    public static int Register(string name) => FunctionRegistry.Register(name);

    /// <summary>Starts a call; the returned token ends it.</summary>
    public static int Enter(int functionId) => FunctionRegistry.Current.Enter(functionId, isSegment: false);

    /// <summary>Starts a synchronous segment of an async call (one MoveNext): busy time, not a call.</summary>
    public static int EnterSegment(int functionId) => FunctionRegistry.Current.Enter(functionId, isSegment: true);

    /// <summary>Marks the call as ended by an exception.</summary>
    public static void Faulted(int token) => FunctionRegistry.Current.MarkFaulted(token);

    /// <summary>Ends a call or segment.</summary>
    public static void Exit(int token) => FunctionRegistry.Current.Exit(token);

    /// <summary>The clock an async call's wall time starts from.</summary>
    public static long Timestamp() => Stopwatch.GetTimestamp();

    /// <summary>Records an async call's wall time when its task completes; returns the same task.</summary>
    public static Task TrackTask(Task task, int functionId, long startTimestamp)
    {
        if (task.IsCompleted)
        {
            Complete(task, functionId, startTimestamp);
        }
        else
        {
            task.ContinueWith(static (t, state) => Complete(t, ((AsyncCall)state!).FunctionId, ((AsyncCall)state!).Start), new AsyncCall(functionId, startTimestamp), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return task;
    }

    /// <summary>Records an async call's wall time when its task completes; returns the same task.</summary>
    public static Task<T> TrackTask<T>(Task<T> task, int functionId, long startTimestamp)
    {
        TrackTask((Task)task, functionId, startTimestamp);
        return task;
    }

    private static void Complete(Task task, int functionId, long start) =>
        FunctionRegistry.Current.RecordCompleted(functionId, (long)Stopwatch.GetElapsedTime(start).TotalNanoseconds, task.IsFaulted, Profiler.Options);

    private sealed record AsyncCall(int FunctionId, long Start);
}
