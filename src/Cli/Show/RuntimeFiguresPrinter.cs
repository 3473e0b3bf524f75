using RustScope.Core.Comparison;
using RustScope.Core.Model;
using static System.FormattableString;

namespace RustScope.Cli.Show;

/// <summary>
/// The .NET runtime's figures over the samples (GC collections, pauses and heap, allocation rate, thread pool, lock
/// contentions, JIT, exceptions), for sessions of .NET targets.
/// </summary>
internal static class RuntimeFiguresPrinter
{
    public static void Print(ProfileSession session, TextWriter output)
    {
        var samples = session.Samples;
        var lines = new List<(string Label, string Value)>();
        if (samples.Any(s => s.Gen0Gcs is not null))
        {
            lines.Add(("gc collections", Invariant($"gen0 {samples.Sum(s => s.Gen0Gcs ?? 0)}, gen1 {samples.Sum(s => s.Gen1Gcs ?? 0)}, gen2 {samples.Sum(s => s.Gen2Gcs ?? 0)}")));
        }

        if (Figures(samples, s => s.GcHeapMb) is [_, ..] heap)
        {
            lines.Add(("gc heap", $"max {NumberText.Value(heap.Max(), "MB")}"));
        }

        if (Figures(samples, s => s.AllocMbPerS) is [_, ..] allocation)
        {
            lines.Add(("allocation rate", $"mean {NumberText.Value(allocation.Average(), "MB")}/s, max {NumberText.Value(allocation.Max(), "MB")}/s"));
        }

        if (Figures(samples, s => s.ThreadpoolThreads) is [_, ..] threads)
        {
            lines.Add(("thread-pool threads", $"max {NumberText.Value(threads.Max(), "count")}"));
        }

        if (Figures(samples, s => s.ThreadpoolQueueLength) is [_, ..] queue)
        {
            lines.Add(("thread-pool queue", $"mean {NumberText.Value(queue.Average(), "count")}, max {NumberText.Value(queue.Max(), "count")}"));
        }

        if (Figures(samples, s => s.ThreadpoolCompletedPerS) is [_, ..] completed)
        {
            lines.Add(("thread-pool work items", $"mean {NumberText.Value(completed.Average(), "count")}/s"));
        }

        if (Figures(samples, s => s.GcPauseMs) is [_, ..] pauses)
        {
            lines.Add(("gc pauses", $"total {NumberText.Value(pauses.Sum() * 1e6, "ns")}, max {NumberText.Value(pauses.Max() * 1e6, "ns")} in a second"));
        }

        if (Figures(samples, s => s.TimeInGcPct) is [_, ..] timeInGc)
        {
            lines.Add(("time in gc", $"mean {NumberText.Value(timeInGc.Average(), "%")}, max {NumberText.Value(timeInGc.Max(), "%")}"));
        }

        AddCount(lines, "lock contentions", samples, s => s.LockContentions);
        if (Figures(samples, s => s.JitMethods) is [_, ..] jitted)
        {
            var jitTime = Figures(samples, s => s.JitTimeMs);
            lines.Add(("jit", $"{NumberText.Value(jitted.Sum(), "count")} methods compiled, {NumberText.Value(jitTime.Sum() * 1e6, "ns")} compiling"));
        }

        AddCount(lines, "exceptions", samples, s => s.Exceptions);
        if (lines.Count == 0)
        {
            return;
        }

        output.WriteLine();

        // samples[] is the last run's only: a series keeps one set of per-second samples.
        output.WriteLine(Invariant($"Runtime (.NET, {samples.Count} one-second samples{(session.Runs.Count > 0 ? " of the last run" : string.Empty)})"));
        LabelledLines.Write(output, lines);
    }

    // A count per second: its total over the samples and its busiest second.
    private static void AddCount(List<(string Label, string Value)> lines, string label, IEnumerable<Sample> samples, Func<Sample, double?> figure)
    {
        if (Figures(samples, figure) is [_, ..] counts)
        {
            lines.Add((label, $"total {NumberText.Value(counts.Sum(), "count")}, max {NumberText.Value(counts.Max(), "count")}/s"));
        }
    }

    private static double[] Figures(IEnumerable<Sample> samples, Func<Sample, double?> figure) => [.. samples.Select(figure).OfType<double>()];
}
