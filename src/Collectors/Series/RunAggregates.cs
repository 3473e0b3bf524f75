using MathNet.Numerics.Statistics;
using RustScope.Core.Model;

namespace RustScope.Collectors.Series;

/// <summary>Reduces one run's session to the aggregates the gate compares across runs.</summary>
internal static class RunAggregates
{
    public static RunAggregate From(ProfileSession run, int index) => new()
    {
        Index = index,
        WallTimeS = run.Summary.DurationS,
        PeakRssMb = run.Summary.PeakRssMb,
        CpuPctMean = run.Summary.CpuPctMean,
        CpuS = run.Summary.CpuS,
        ExitCode = run.Meta.ExitCode,
        MachineLoad = run.Meta.MachineLoad,
        Functions = [.. run.Functions.Select(f => new RunFunctionAggregate
        {
            Name = f.Name,
            Calls = f.Calls ?? 0,
            LatencyNs = f.LatencyNs,
            AllocBytesPerCall = f.AllocBytesPerCall,
            SelfPct = f.SelfPct,
        })],
        Benchmarks = [.. run.Benchmarks.Where(b => b.Samples.Count > 0).Select(b => new RunBenchmarkAggregate
        {
            Name = b.Name,
            Median = b.Samples.Median(),
            AllocBytesPerOp = b.AllocBytesPerOp,
        })],
    };
}
