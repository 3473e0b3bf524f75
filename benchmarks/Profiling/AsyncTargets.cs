using RustScope.Profiling;

namespace RustScope.Benchmarks.Profiling;

/// <summary>The async methods measured, each unprofiled and with [Profile]: the same body, so the difference is the profiler's.</summary>
internal static class AsyncTargets
{
    public static async Task<int> CompletedBare(int x)
    {
        await Task.CompletedTask;
        return x + 1;
    }

    [Profile]
    public static async Task<int> CompletedProfiled(int x)
    {
        await Task.CompletedTask;
        return x + 1;
    }

    public static async Task<int> YieldBare(int x)
    {
        await Task.Yield();
        return x + 1;
    }

    [Profile]
    public static async Task<int> YieldProfiled(int x)
    {
        await Task.Yield();
        return x + 1;
    }

    public static async ValueTask<int> ValueTaskBare(int x)
    {
        await Task.CompletedTask;
        return x + 1;
    }

    [Profile]
    public static async ValueTask<int> ValueTaskProfiled(int x)
    {
        await Task.CompletedTask;
        return x + 1;
    }
}
