using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(RustScope.Benchmarks.Profiling.CallOverheadBenchmark).Assembly).Run(args);
