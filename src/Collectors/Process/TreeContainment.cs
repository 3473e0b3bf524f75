using System.Globalization;
using RustScope.Collectors.Host;
using RustScope.Collectors.Process.Native;

namespace RustScope.Collectors.Process;

/// <summary>
/// Keeps a started tree together so that nothing of it escapes the session: rustscope becomes the child subreaper of
/// its descendants (a daemon that double-forks or calls <c>setsid</c> is re-parented to rustscope, not to init), and,
/// where this process may create one, the tree gets a cgroup v2 of its own, whose <c>cgroup.procs</c> lists every
/// member however it was started and whose <c>cgroup.kill</c> ends them all at once, a fork bomb included.
/// </summary>
internal sealed class TreeContainment : IDisposable
{
    /// <summary>Set to <c>subreaper</c> to leave cgroups alone (a host whose cgroup tree is managed by someone else).</summary>
    public const string ModeVariable = "RUSTSCOPE_CONTAINMENT";
    private static readonly TimeSpan EmptyTimeout = TimeSpan.FromSeconds(10);
    private readonly HashSet<int> _seen = [];
    private string? _cgroup;
    private int _rootPid;

    private TreeContainment(bool subreaper, string? cgroup, string? refusal)
    {
        Subreaper = subreaper;
        _cgroup = cgroup;
        Refusal = refusal;
    }

    /// <summary>rustscope is the subreaper of the tree.</summary>
    public bool Subreaper { get; }

    /// <summary>The tree's cgroup directory, or null when the tree runs in rustscope's own.</summary>
    public string? Cgroup => _cgroup;

    /// <summary>Why the tree has no cgroup of its own, or null when it has one.</summary>
    public string? Refusal { get; private set; }

    /// <summary>What contains the tree, for the session's meta: <c>cgroup</c>, <c>subreaper</c> or <c>none</c>.</summary>
    public string Kind => _cgroup is not null ? "cgroup" : Subreaper ? "subreaper" : "none";

    /// <summary>Becomes the subreaper and creates the tree's cgroup where allowed; never throws.</summary>
    /// <param name="mountInfo">Where the cgroup2 mount is looked up.</param>
    /// <param name="membership">This process's cgroups.</param>
    public static TreeContainment Create(string mountInfo = "/proc/self/mountinfo", string membership = "/proc/self/cgroup")
    {
        var subreaper = Native.Subreaper.Become();
        if (Environment.GetEnvironmentVariable(ModeVariable) == "subreaper")
        {
            return new TreeContainment(subreaper, null, $"{ModeVariable}=subreaper");
        }

        if (CgroupV2Mount(mountInfo) is not { } mount)
        {
            return new TreeContainment(subreaper, null, "no cgroup v2 hierarchy is mounted");
        }

        var parent = Path.Combine(mount, CgroupLimits.OwnPath(membership, null).Trim('/'));
        RemoveStale(parent);
        var directory = Path.Combine(parent, $"rustscope-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(directory);
            if (!File.Exists(Path.Combine(directory, "cgroup.kill")))
            {
                // Before Linux 5.14 there is no cgroup.kill: stopping one by one is what the subreaper does anyway.
                Directory.Delete(directory);
                return new TreeContainment(subreaper, null, "this kernel's cgroups have no cgroup.kill (Linux 5.14+)");
            }

            return new TreeContainment(subreaper, directory, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new TreeContainment(subreaper, null, $"no cgroup could be created under {parent} ({e.Message})");
        }
    }

    /// <summary>
    /// Moves the just-started root into the tree's cgroup; what it forks from then on is born there. A child forked in
    /// the microseconds before stays outside, and is found and stopped through the process tree like any other.
    /// </summary>
    public void Enter(int rootPid)
    {
        _rootPid = rootPid;
        if (_cgroup is null)
        {
            return;
        }

        try
        {
            File.WriteAllText(Path.Combine(_cgroup, "cgroup.procs"), rootPid.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Refusal = $"the target could not be moved into {_cgroup} ({e.Message})";
            RemoveDirectory(_cgroup);
            _cgroup = null;
        }
    }

    /// <summary>
    /// Appends the processes known to belong to the tree apart from its parent-child links: the cgroup's members, or
    /// without a cgroup, rustscope's children other than the root and its helpers (orphans of the tree re-parented to
    /// the subreaper; in a host that starts other children of its own, those would count too, so a cgroup is preferred).
    /// </summary>
    public void AddMembersTo(List<int> found)
    {
        var from = found.Count;
        if (_cgroup is not null)
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(_cgroup, "cgroup.procs")))
                {
                    if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                    {
                        found.Add(pid);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Removed underneath us: the subreaper's view below still holds.
            }
        }

        else if (Subreaper)
        {
            HelperProcesses.OrphansOf(_rootPid, found);
        }

        lock (_seen)
        {
            _seen.UnionWith(found.Skip(from));
        }
    }

    /// <summary>Reaps <paramref name="pid"/> if it is an ended orphan of the tree (never the root: its reaper waits for it).</summary>
    public void Reap(int pid)
    {
        if (Subreaper && pid != _rootPid && !HelperProcesses.Contains(pid))
        {
            Reaper.TryReapEnded(pid);
        }
    }

    /// <summary>
    /// Reaps the ended orphans among the processes ever listed as the tree's: only those, so that a host's other
    /// children (a test host's) keep their exit status for whoever waits for them.
    /// </summary>
    public void ReapOrphans()
    {
        int[] seen;
        lock (_seen)
        {
            seen = [.. _seen];
        }

        foreach (var pid in seen)
        {
            Reap(pid);
        }
    }

    /// <summary>SIGKILLs every member of the tree's cgroup at once; false without a cgroup.</summary>
    public bool KillAll()
    {
        if (_cgroup is null)
        {
            return false;
        }

        try
        {
            File.WriteAllText(Path.Combine(_cgroup, "cgroup.kill"), "1");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Waits (boundedly) until the cgroup has no live member and removes it.</summary>
    public void Dispose()
    {
        ReapOrphans();
        if (_cgroup is null)
        {
            return;
        }

        var deadline = DateTime.UtcNow + EmptyTimeout;
        while (Populated(_cgroup) && DateTime.UtcNow < deadline)
        {
            ReapOrphans();
            Thread.Sleep(20);
        }

        RemoveDirectory(_cgroup);
    }

    /// <summary>The cgroup2 mount point from <c>/proc/self/mountinfo</c>, when its root is the hierarchy's root.</summary>
    internal static string? CgroupV2Mount(string mountInfo)
    {
        try
        {
            foreach (var line in File.ReadLines(mountInfo))
            {
                // "36 25 0:31 / /sys/fs/cgroup rw,… shared:9 - cgroup2 cgroup2 rw,…": fields before " - ", then the type.
                var separator = line.IndexOf(" - ", StringComparison.Ordinal);
                if (separator < 0 || !line.AsSpan(separator + 3).StartsWith("cgroup2 ", StringComparison.Ordinal))
                {
                    continue;
                }

                var fields = line[..separator].Split(' ');
                if (fields.Length >= 5 && fields[3] == "/")
                {
                    return fields[4].Replace("\\040", " ", StringComparison.Ordinal);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No /proc: no cgroup either.
        }

        return null;
    }

    /// <summary>Removes the empty cgroups runs that were killed left behind (rmdir refuses a populated one).</summary>
    private static void RemoveStale(string parent)
    {
        foreach (var directory in StaleRunFiles.OfDeadRuns(parent, "rustscope-"))
        {
            RemoveDirectory(directory);
        }
    }

    private static bool Populated(string cgroup)
    {
        try
        {
            return File.ReadLines(Path.Combine(cgroup, "cgroup.events")).Any(line => line == "populated 1");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void RemoveDirectory(string directory)
    {
        try
        {
            // A cgroup's files cannot be deleted: rmdir on the directory itself removes it.
            Directory.Delete(directory, recursive: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still populated or not ours: left as it is.
        }
    }
}
