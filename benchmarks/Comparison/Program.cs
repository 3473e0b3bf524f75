using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(RustScope.Benchmarks.Comparison.CompareSessionsBenchmark).Assembly).Run(args);
