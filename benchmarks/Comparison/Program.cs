using System.Globalization;
using BenchmarkDotNet.Running;
using RustScope.Benchmarks.Comparison;

// `changepoints-cpu` prints change-point detection's CPU time; `generate FOLDER FUNCTIONS BENCHMARKS` writes the
// whole-command load for run.sh; `phases BASE HEAD FOLDER [ROUNDS]` prints the CPU of each phase of `compare`; anything else runs BenchmarkDotNet.
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

if (args is ["phases", var baseline, var head, var reports, .. var rest])
{
    CommandPhases.Print(baseline, head, reports, rest is [var rounds] ? int.Parse(rounds, CultureInfo.InvariantCulture) : 1, Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CompareSessionsBenchmark).Assembly).Run(args);
