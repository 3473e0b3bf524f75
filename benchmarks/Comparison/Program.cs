using BenchmarkDotNet.Running;

if (args is ["changepoints-cpu"])
{
    RustScope.Benchmarks.Comparison.ChangePointsBenchmark.PrintCpuTime(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RustScope.Benchmarks.Comparison.CompareSessionsBenchmark).Assembly).Run(args);
