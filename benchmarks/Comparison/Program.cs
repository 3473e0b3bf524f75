using System.Globalization;
using BenchmarkDotNet.Running;
using RustScope.Benchmarks.Comparison;

// `changepoints-cpu` prints change-point detection's CPU time; `generate FOLDER FUNCTIONS BENCHMARKS` writes the
// whole-command load for run.sh; anything else runs BenchmarkDotNet.
if (args is ["changepoints-cpu"])
{
    ChangePointsBenchmark.PrintCpuTime(Console.Out);
    return;
}

if (args is ["generate", var folder, var functions, var benchmarks])
{
    LargeSessions.Write(folder, int.Parse(functions, CultureInfo.InvariantCulture), int.Parse(benchmarks, CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CompareSessionsBenchmark).Assembly).Run(args);
