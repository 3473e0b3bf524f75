using RustScope.Core.Diagnostics;
using RustScope.Core.Model;
using static System.FormattableString;

namespace RustScope.Cli;

/// <summary>Prints the per-process peaks of a tree (busiest first), so the child that used the CPU can be named.</summary>
internal static class ProcessTablePrinter
{
    private const int MaxRows = 10;

    public static void Print(IReadOnlyList<ProcessSummary> processes, TextWriter output)
    {
        // One process is the summary itself: a table would only repeat it.
        if (processes.Count < 2)
        {
            return;
        }

        output.WriteLine(Invariant($"    {"pid",8}  {"ppid",8}  {"name",-16}  {"cpu max",9}  {"peak rss",10}  {"threads",7}  {"fds",5}"));
        foreach (var process in processes.OrderByDescending(p => p.CpuPctMax).ThenByDescending(p => p.PeakRssMb).Take(MaxRows))
        {
            var name = TerminalText.Neutralize(process.Name, TextCap.Name);
            output.WriteLine(Invariant($"    {process.Pid,8}  {process.Ppid,8}  {(name.Length > 16 ? name[..16] : name),-16}  {process.CpuPctMax,7:F1} %  {process.PeakRssMb,7:F1} MB  {process.PeakThreads,7}  {process.PeakFds,5}"));
        }

        if (processes.Count > MaxRows)
        {
            output.WriteLine(Invariant($"    … {processes.Count - MaxRows} more in the session's summary.processes"));
        }
    }
}
