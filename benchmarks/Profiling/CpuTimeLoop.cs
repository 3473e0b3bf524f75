using System.Globalization;

namespace RustScope.Benchmarks.Profiling;

/// <summary>
/// `-- --cpu-time`: the targets timed by the calling thread's CPU time instead of the wall clock, on one thread
/// and with a second thread calling the same method throughout. A cross-check for loaded machines, where
/// BenchmarkDotNet's wall-clock figures are dominated by preemption.
/// </summary>
internal static class CpuTimeLoop
{
    private const int CallsPerRepetition = 2_000_000;
    private const int WarmupRepetitions = 3;
    private const int Repetitions = 15;

    public static void Run()
    {
        var targets = new (string Name, Func<int, int> Call)[] { ("Empty", Targets.Empty), ("TimestampPair", Targets.TimestampPair), ("TimestampAndAllocationPairs", Targets.TimestampAndAllocationPairs), ("ClockPair", Targets.ClockPair), ("Profiled", Targets.Profiled) };
        Console.WriteLine("| Method | Threads | Median (thread CPU) | Min (thread CPU) |");
        Console.WriteLine("| --- | --- | ---: | ---: |");
        foreach (var threads in new[] { 1, 2 })
        {
            foreach (var (name, call) in targets)
            {
                var samples = Measure(call, threads);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {threads} | {samples[samples.Length / 2]:F1} ns | {samples[0]:F1} ns |"));
            }
        }
    }

    private static double[] Measure(Func<int, int> call, int threads)
    {
        using var stop = new CancellationTokenSource();
        var second = threads == 2 ? new Thread(() => CallUntil(call, stop.Token)) { IsBackground = true } : null;
        second?.Start();
        var samples = new List<double>();
        for (var repetition = 0; repetition < WarmupRepetitions + Repetitions; repetition++)
        {
            var x = 0;
            var start = ThreadCpuClock.Nanoseconds();
            for (var i = 0; i < CallsPerRepetition; i++)
            {
                x = call(x);
            }

            var perCall = (ThreadCpuClock.Nanoseconds() - start) / (double)CallsPerRepetition;
            GC.KeepAlive(x);
            if (repetition >= WarmupRepetitions)
            {
                samples.Add(perCall);
            }
        }

        stop.Cancel();
        second?.Join();
        return [.. samples.Order()];
    }

    private static void CallUntil(Func<int, int> call, CancellationToken stop)
    {
        var x = 0;
        while (!stop.IsCancellationRequested)
        {
            for (var i = 0; i < 1_000; i++)
            {
                x = call(x);
            }
        }

        GC.KeepAlive(x);
    }
}
