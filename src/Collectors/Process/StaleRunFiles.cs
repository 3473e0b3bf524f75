using System.Globalization;

namespace RustScope.Collectors.Process;

/// <summary>
/// What a rustscope that was killed (SIGKILL, OOM) left behind: its temp folder with the diagnostic socket, the
/// instrumentation flush file, the tree's cgroup. Each is named <c>rustscope-PID-…</c> after the run that made it and
/// is removed by the next run once that pid is gone; a folder is also kept while anyone holds its <see cref="LockName"/>
/// (the run's resume watchdog outlives it).
/// </summary>
internal static class StaleRunFiles
{
    /// <summary>The file in a run's folder that the run and its watchdog hold locked while either lives.</summary>
    public const string LockName = "lock";

    /// <summary>The entries of <paramref name="directory"/> named <c>PREFIXPID-…</c> whose PID is not a live process.</summary>
    public static IEnumerable<string> OfDeadRuns(string directory, string prefix)
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(directory, prefix + "*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        return entries.Where(entry => OwnerPid(Path.GetFileName(entry), prefix) is { } pid
            && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}"));
    }

    /// <summary>Removes the temp folders and files of runs that were killed, from <paramref name="tempDirectory"/>.</summary>
    public static void RemoveFrom(string tempDirectory)
    {
        foreach (var entry in OfDeadRuns(tempDirectory, "rustscope-"))
        {
            try
            {
                if (Directory.Exists(entry))
                {
                    if (!IsLocked(entry))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                }
                else
                {
                    File.Delete(entry);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's, or removed by another run meanwhile.
            }
        }
    }

    /// <summary>Opens (creating) the lock of a run's folder and holds it until disposed.</summary>
    public static FileStream Lock(string runDirectory) =>
        new(Path.Combine(runDirectory, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    private static bool IsLocked(string runDirectory)
    {
        try
        {
            // .NET takes an advisory flock for FileShare.None, the lock the run and its watchdog hold.
            using var probe = new FileStream(Path.Combine(runDirectory, LockName), FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static int? OwnerPid(string name, string prefix)
    {
        var rest = name.AsSpan(prefix.Length);
        var end = rest.IndexOf('-');
        return end > 0 && int.TryParse(rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }
}
