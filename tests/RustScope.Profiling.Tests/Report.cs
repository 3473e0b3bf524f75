using RustScope.Profiling;

namespace RustScope.Profiling.Tests;

internal static class Report
{
    public static FunctionReport Of(string name) => Assert.Single(Profiler.Functions(), f => f.Name == name);

    /// <summary>
    /// A call's total is its self time plus its only child function's total, to the nanosecond (each is rounded down on
    /// its own). Both come from one report: the call clock's rate is still being refined in the first second, so two
    /// reports a moment apart may convert ticks to nanoseconds slightly differently.
    /// </summary>
    public static void AssertTotalIsSelfPlusChildren(string caller, string child)
    {
        var functions = Profiler.Functions();
        var (call, children) = (Assert.Single(functions, f => f.Name == caller), Assert.Single(functions, f => f.Name == child));
        Assert.InRange(call.TotalNs - (call.SelfNs + children.TotalNs), -1, 1);
    }
}
