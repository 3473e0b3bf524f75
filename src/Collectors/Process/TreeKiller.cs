using RustScope.Collectors.Process.Native;

namespace RustScope.Collectors.Process;

/// <summary>
/// SIGKILLs a process tree without leaving stragglers. Killing the known processes one by one lets one fork in
/// between, and its child lives on as an orphan of init. So every process is stopped first (a stopped process cannot
/// fork), the children of the stopped ones are looked up and stopped in turn until no new one appears, and only then
/// is everything killed.
/// </summary>
internal static class TreeKiller
{
    // Long enough for a SIGSTOP to land on a process that was running (it may fork until it is actually stopped).
    private static readonly TimeSpan StopSettle = TimeSpan.FromMilliseconds(10);

    public static void KillAll(IEnumerable<int> pids)
    {
        var stopped = new HashSet<int>();
        var found = pids.ToList();
        while (found.Count > 0)
        {
            foreach (var pid in found.Where(stopped.Add))
            {
                Libc.Kill(pid, Libc.SigStop);
            }

            Thread.Sleep(StopSettle);
            found = [.. stopped.SelectMany(ProcChildren.Of).Where(child => !stopped.Contains(child)).Distinct()];
        }

        foreach (var pid in stopped)
        {
            Libc.Kill(pid, Libc.SigKill);
        }
    }
}
