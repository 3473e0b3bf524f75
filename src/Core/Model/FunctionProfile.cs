namespace RustScope.Core.Model;

/// <summary>What is known of one function, sampled or instrumented.</summary>
public sealed record FunctionProfile
{
    /// <summary>Fully qualified function name.</summary>
    public required string Name { get; init; }

    /// <summary>For instrumented methods, the metadata name as the compiler wrote it (lambdas, local functions), for tools.</summary>
    public string? Symbol { get; init; }

    /// <summary>Module (assembly or shared object) the function lives in.</summary>
    public string? Module { get; init; }

    /// <summary>Number of calls (instrumented) or samples (sampled).</summary>
    public long? Calls { get; init; }

    /// <summary>Share of CPU samples where the function was on top of the stack.</summary>
    public double? SelfPct { get; init; }

    /// <summary>Share of CPU samples where the function was anywhere on the stack.</summary>
    public double? TotalPct { get; init; }

    /// <summary>Share of the waiting samples (<see cref="ProfileSession.WaitStacks"/>) where the function was anywhere on the stack.</summary>
    public double? WaitPct { get; init; }

    /// <summary>Latency distribution of calls, in nanoseconds.</summary>
    public LatencyStats? LatencyNs { get; init; }

    /// <summary>Mean bytes allocated per call.</summary>
    public double? AllocBytesPerCall { get; init; }

    /// <summary>Deepest nesting of profiled calls seen with this function on the stack.</summary>
    public int? MaxStackDepth { get; init; }

    /// <summary>Calls flagged as outliers by the online detector.</summary>
    public long? Outliers { get; init; }

    /// <summary>Sum of all calls' durations in nanoseconds, nested profiled calls included (instrumented).</summary>
    public long? TotalTimeNs { get; init; }

    /// <summary>Sum of all calls' durations minus nested profiled calls, in nanoseconds (instrumented).</summary>
    public long? SelfTimeNs { get; init; }

    /// <summary>For async methods: mean busy time per call, the method's own synchronous segments between awaits.</summary>
    public double? BusyNsPerCall { get; init; }

    /// <summary>Calls that ended with an exception, async calls whose task was canceled or faulted included.</summary>
    public long? Exceptions { get; init; }

    /// <summary>Of <see cref="Exceptions"/>, the calls ended by an OperationCanceledException, sync or async (instrumented).</summary>
    public long? Cancellations { get; init; }

    /// <summary>For iterators and async iterators, where a call is one enumeration: mean items per enumeration (instrumented).</summary>
    public double? ItemsPerCall { get; init; }

    /// <summary>When the latest outliers happened, Unix epoch milliseconds.</summary>
    public IReadOnlyList<long>? RecentOutliers { get; init; }

    /// <summary>Where the data came from.</summary>
    public FunctionSource Source { get; init; } = FunctionSource.Sampled;
}
