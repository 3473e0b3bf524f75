using RustScope.Profiling;

namespace RustScope.Profiling.Tests;

internal static class Report
{
    public static FunctionReport Of(string name) => Assert.Single(Profiler.Functions(), f => f.Name == name);

    /// <summary>A call's total is its self time plus its children's, to the nanosecond: each is rounded down on its own.</summary>
    public static void AssertTotalIsSelfPlusChildren(FunctionReport call, long childrenNs) =>
        Assert.InRange(call.TotalNs - (call.SelfNs + childrenNs), -1, 1);
}
