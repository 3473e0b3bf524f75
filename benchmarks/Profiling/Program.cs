using BenchmarkDotNet.Running;
using RustScope.Benchmarks.Profiling;

if (args is ["--cpu-time"])
{
    CpuTimeLoop.Run();
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(CallOverheadBenchmark).Assembly).Run(args);
}
