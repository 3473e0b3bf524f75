namespace RustScope.Profiling;

/// <summary>What the profiler recorded for one function, merged over all threads.</summary>
public sealed record FunctionReport
{
    /// <summary>The function's name.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// For a woven method, its metadata name as the compiler wrote it (<c>Program.&lt;&gt;c.&lt;&lt;Main&gt;$&gt;b__0_0</c> for what
    /// <see cref="Name"/> reads as <c>Program.Main.lambda#1</c>), for tools that look methods up; null for scopes.
    /// </summary>
    public string? Symbol { get; init; }

    /// <summary>Completed calls.</summary>
    public long Calls { get; init; }

    /// <summary>Calls that ended with an exception, async calls whose task was canceled or faulted included.</summary>
    public long Exceptions { get; init; }

    /// <summary>
    /// Of <see cref="Exceptions"/>, the calls that ended canceled: an <see cref="OperationCanceledException"/> left the
    /// method, or an async method's task ended <see cref="TaskStatus.Canceled"/>.
    /// </summary>
    public long Cancellations { get; init; }

    /// <summary>Mean latency (wall time for async methods; for iterators and async iterators, from GetEnumerator or GetAsyncEnumerator to the end of the enumeration), in nanoseconds.</summary>
    public double MeanNs { get; init; }

    /// <summary>Median latency in nanoseconds (from the histogram: within about 6 %).</summary>
    public double P50Ns { get; init; }

    /// <summary>95th percentile latency in nanoseconds.</summary>
    public double P95Ns { get; init; }

    /// <summary>99th percentile latency in nanoseconds.</summary>
    public double P99Ns { get; init; }

    /// <summary>Slowest call in nanoseconds.</summary>
    public double MaxNs { get; init; }

    /// <summary>Standard deviation of latency in nanoseconds.</summary>
    public double StdevNs { get; init; }

    /// <summary>Sum of all calls' durations, nested profiled calls included.</summary>
    public long TotalNs { get; init; }

    /// <summary>Sum of all calls' durations minus the nested profiled calls.</summary>
    public long SelfNs { get; init; }

    /// <summary>
    /// For async methods: mean busy time per call, the method's own synchronous segments between awaits (each ends
    /// before the method's completion runs the awaiting code inline).
    /// </summary>
    public double? BusyNsPerCall { get; init; }

    /// <summary>
    /// For iterators and async iterators (<see cref="IEnumerable{T}"/>, <see cref="IAsyncEnumerable{T}"/>), where a call
    /// is one enumeration: mean items it produced.
    /// </summary>
    public double? ItemsPerCall { get; init; }

    /// <summary>
    /// Mean bytes allocated per call (nested calls included). For async methods: the segments' own allocations, the
    /// state machine's box among them (8 bytes larger for the start time the weaver adds to it), never the awaiting
    /// code's continuations.
    /// </summary>
    public double AllocatedBytesPerCall { get; init; }

    /// <summary>Deepest nesting of profiled calls seen at a call of this function.</summary>
    public int MaxStackDepth { get; init; }

    /// <summary>Calls beyond the outlier threshold after warm-up.</summary>
    public long Outliers { get; init; }

    /// <summary>When the most recent outliers happened, Unix epoch milliseconds, newest last.</summary>
    public IReadOnlyList<long> RecentOutliers { get; init; } = [];
}
