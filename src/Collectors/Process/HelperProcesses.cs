using System.Diagnostics;

namespace RustScope.Collectors.Process;

/// <summary>
/// The children rustscope starts for itself (perf, git, the resume watchdog). Once rustscope is the subreaper of the
/// target's tree, re-parented orphans of the tree are its children too; these are the children that are not the tree's.
/// A helper is started and registered under the lock that <see cref="OrphansOf"/> lists under, so no listing ever sees
/// one unregistered. Process-wide because being a child of this process is.
/// </summary>
internal static class HelperProcesses
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Pids = [];

    /// <summary>Process.Start, registered as a helper.</summary>
    public static System.Diagnostics.Process? Start(ProcessStartInfo startInfo)
    {
        lock (Gate)
        {
            var process = System.Diagnostics.Process.Start(startInfo);
            if (process is not null)
            {
                Pids.Add(process.Id);
            }

            return process;
        }
    }

    /// <summary>Runs <paramref name="spawn"/> (which returns a pid) and registers what it started as a helper.</summary>
    public static int Spawn(Func<int> spawn)
    {
        lock (Gate)
        {
            var pid = spawn();
            Pids.Add(pid);
            return pid;
        }
    }

    /// <summary>The children of this process that are neither a helper nor <paramref name="rootPid"/>: the tree's orphans.</summary>
    public static void OrphansOf(int rootPid, List<int> found)
    {
        lock (Gate)
        {
            found.AddRange(ProcChildren.Of(Environment.ProcessId).Where(pid => pid != rootPid && !Pids.Contains(pid)));
        }
    }

    public static bool Contains(int pid)
    {
        lock (Gate)
        {
            return Pids.Contains(pid);
        }
    }
}
