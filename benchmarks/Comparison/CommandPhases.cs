using System.Diagnostics;
using RustScope.Core.Comparison;
using RustScope.Core.Formats;
using RustScope.Reporters;
using RustScope.Reporters.Console;

namespace RustScope.Benchmarks.Comparison;

/// <summary>
/// Where the whole `compare` command's CPU goes: the phases the command runs (read, judge, each report), in one
/// process as the command does, each with its CPU seconds (JIT and GC included, as the command pays them), and the
/// garbage collector's running totals after it.
/// </summary>
internal static class CommandPhases
{
    /// <summary>
    /// Runs the phases on <paramref name="baseline"/> and <paramref name="head"/>, writing reports into
    /// <paramref name="folder"/>; judging and reporting <paramref name="rounds"/> times.
    /// </summary>
    public static void Print(string baseline, string head, string folder, int rounds, TextWriter output)
    {
        using var process = Process.GetCurrentProcess();
        var last = process.TotalProcessorTime;
        void Phase(string name, Action action)
        {
            action();
            process.Refresh();
            var now = process.TotalProcessorTime;
            output.WriteLine(FormattableString.Invariant($"{name,-16} {(now - last).TotalSeconds,6:F2} s cpu, {GC.GetTotalAllocatedBytes() >> 20,5} MB allocated so far, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s"));
            last = now;
        }

        var (baseSession, headSession) = (default(Core.Model.ProfileSession)!, default(Core.Model.ProfileSession)!);
        ComparisonResult result = null!;
        void Judge() => result = SessionComparer.Compare(baseSession, headSession, new ComparisonOptions { HeadName = head, BaselineName = baseline });
        // Both at once, head first, as the command reads them; the second time with the reading code compiled.
        Phase("read both", () => (headSession, baseSession) = SessionInput.LoadBoth(head, baseline));
        Phase("read both 2", () => (headSession, baseSession) = SessionInput.LoadBoth(head, baseline));
        Phase("compare", Judge);
        // Later rounds repeat the reports with their code compiled: the difference to the first is JIT and tiering.
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var format in ReportFormat.Files)
            {
                Phase($"{format.Name} {round}", () => ReporterCatalog.ForFile(format, FailOn.Regressed).WriteFile(result, Path.Combine(folder, "phases" + format.Suffix)));
            }

            Phase($"console {round}", () => new ConsoleReporter(colors: false).Write(result, TextWriter.Null));
            Phase($"compare {round + 1}", Judge);
        }

        output.WriteLine(FormattableString.Invariant($"{"total",-16} {process.TotalProcessorTime.TotalSeconds,6:F2} s cpu, peak working set {process.PeakWorkingSet64 / (1 << 20)} MB"));
    }
}
