using RustScope.Profiling;

namespace RustScope.Profiling.Tests;

internal static class Report
{
    public static FunctionReport Of(string name) => Assert.Single(Profiler.Functions(), f => f.Name == name);
}
