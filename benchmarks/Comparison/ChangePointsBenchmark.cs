using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using RustScope.Core.Statistics.ChangePoints;

namespace RustScope.Benchmarks.Comparison;

/// <summary>
/// Issue 26's load: change points for one metric over 1,000 commits (goal: trend + change points under 100 ms), under
/// 3 % noise with no step, two steps, and five steps. The cost grows with the steps found: each accepted step runs all
/// its permutations over the levels it leaves, while a failing test stops early.
/// </summary>
[MemoryDiagnoser]
public class ChangePointsBenchmark
{
    private const int Commits = 1_000;
    private IReadOnlyList<TrendPoint> _series = null!;

    /// <summary>How many steps the history holds.</summary>
    [Params(0, 2, 5)]
    public int Steps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(26);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _series = [.. Enumerable.Range(0, Commits).Select(i =>
        {
            // Steps alternate +4 % and −3 %, evenly spaced.
            var level = 100.0;
            for (var s = 1; s <= Steps; s++)
            {
                level *= i >= s * Commits / (Steps + 1) ? (s % 2 == 1 ? 1.04 : 0.97) : 1;
            }

            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return new TrendPoint($"{i:x40}", start.AddHours(i), level * (1 + (0.03 * normal)), 5);
        })];
    }

    [Benchmark]
    public int Detect() => ChangePointDetector.Detect(_series).Count;

    /// <summary>
    /// The process's CPU time per <see cref="Detect"/> (median of 21 after warm-up) for 0, 2 and 5 steps: on a shared,
    /// overloaded runner the wall clock BenchmarkDotNet reads mostly measures the wait for a core, the CPU time does not.
    /// </summary>
    public static void PrintCpuTime(TextWriter output)
    {
        foreach (var steps in new[] { 0, 2, 5 })
        {
            var benchmark = new ChangePointsBenchmark { Steps = steps };
            benchmark.Setup();
            var found = benchmark.Detect();
            var times = new double[21];
            for (var i = 0; i < times.Length; i++)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                benchmark.Detect();
                times[i] = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
            }

            Array.Sort(times);
            output.WriteLine(FormattableString.Invariant($"{Commits} commits, {steps} steps (found {found}): CPU time per detection median {times[10]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms"));
        }
    }
}
