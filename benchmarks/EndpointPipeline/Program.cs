using BenchmarkDotNet.Running;
using RustScope.Benchmarks.EndpointPipeline;

BenchmarkSwitcher.FromAssembly(typeof(InactiveEndpointBenchmark).Assembly).Run(args);
