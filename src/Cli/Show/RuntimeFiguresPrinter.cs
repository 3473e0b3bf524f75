using RustScope.Core.Comparison;
using RustScope.Core.Model;
using static System.FormattableString;

namespace RustScope.Cli.Show;

/// <summary>The .NET runtime's figures over the samples (GC, allocation rate, thread pool), for sessions of .NET targets.</summary>
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

        if (lines.Count == 0)
        {
            return;
        }

        output.WriteLine();

        // samples[] is the last run's only: a series keeps one set of per-second samples.
        output.WriteLine(Invariant($"Runtime (.NET, {samples.Count} one-second samples{(session.Runs.Count > 0 ? " of the last run" : string.Empty)})"));
        LabelledLines.Write(output, lines);
    }

    private static double[] Figures(IEnumerable<Sample> samples, Func<Sample, double?> figure) => [.. samples.Select(figure).OfType<double>()];
}
