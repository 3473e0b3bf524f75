using System.Diagnostics;
using System.Globalization;
using RustScope.Collectors.Process.Native;

namespace RustScope.Collectors.Process;

/// <summary>
/// The profiled command, started without a shell (each argument one argv entry, spaces and quotes included) and
/// reaped by a thread of its own with wait4, which hands over the kernel's exact figures: spawn-to-reap time, CPU
/// seconds and peak memory of the command and of everything it reaped, however short-lived.
/// </summary>
internal sealed class ChildProcess
{
    private readonly long _spawnerPeakRssBytes;

    private ChildProcess(int pid, long spawnedAtTimestamp, long spawnedAtUnixMs)
    {
        Pid = pid;
        SpawnedAtTimestamp = spawnedAtTimestamp;
        SpawnedAtUnixMs = spawnedAtUnixMs;

        // The spawn has exec'd by now (posix_spawn waits for it); rustscope's peak can only have grown since.
        _spawnerPeakRssBytes = OwnPeakRssBytes();
        Exited = Task.Factory.StartNew(Reap, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public int Pid { get; }

    /// <summary>Stopwatch timestamp taken just before the spawn: the origin of the session's clock.</summary>
    public long SpawnedAtTimestamp { get; }

    public long SpawnedAtUnixMs { get; }

    /// <summary>Completes when the command has ended and been reaped.</summary>
    public Task<ChildExit> Exited { get; }

    /// <summary>Starts the command. <paramref name="outputLog"/> null passes stdout/stderr through.</summary>
    /// <param name="cpus">The CPUs the command's tree may run on; empty leaves rustscope's own set.</param>
    /// <exception cref="CommandNotFoundException">The program does not exist, is not executable or cannot be run.</exception>
    public static ChildProcess Start(LaunchSpec launch, string? outputLog, IReadOnlyList<int> cpus)
    {
        var executable = CommandResolver.Resolve(launch.FileName, Environment.GetEnvironmentVariable("PATH"))
            ?? throw new CommandNotFoundException(launch.FileName);
        foreach (var action in launch.BeforeSpawn)
        {
            action();
        }

        try
        {
            var (pid, timestamp) = Pinned(cpus, () => PosixSpawn.Spawn(executable, [launch.FileName, .. launch.Arguments], EnvironmentOf(launch),
                launch.WorkingDirectory ?? Environment.CurrentDirectory, outputLog));
            var unixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (long)Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds;
            foreach (var action in launch.AfterSpawn)
            {
                action(pid);
            }

            return new ChildProcess(pid, timestamp, unixMs);
        }
        catch (SpawnException e)
        {
            // execve itself failed: a script without a shebang ("Exec format error"), no permission for this user.
            throw new CommandNotFoundException(launch.FileName, e.Message, e);
        }
    }

    /// <summary>
    /// Runs the spawn with the calling thread pinned to <paramref name="cpus"/>: the child is a clone of this thread and
    /// inherits its CPU set from its first instruction, where a sched_setaffinity on the pid after the spawn would
    /// race the threads the program starts at once (the .NET runtime starts several) and miss them.
    /// </summary>
    private static (int Pid, long Timestamp) Pinned(IReadOnlyList<int> cpus, Func<(int, long)> spawn)
    {
        if (cpus.Count == 0)
        {
            return spawn();
        }

        var own = Affinity.OfCallingThread();
        Affinity.SetCallingThread(cpus);
        try
        {
            return spawn();
        }
        finally
        {
            Affinity.SetCallingThread(own);
        }
    }

    private static List<string> EnvironmentOf(LaunchSpec launch)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        foreach (var (name, value) in launch.Environment)
        {
            variables[name] = value;
        }

        return [.. variables.Select(v => $"{v.Key}={v.Value}")];
    }

    /// <summary>VmHWM of /proc/self/status: this process's peak resident set.</summary>
    private static long OwnPeakRssBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
            {
                return kib * 1024;
            }
        }

        return long.MaxValue;
    }

    private ChildExit Reap()
    {
        if (!Reaper.TryWait(Pid, out var status, out var usage))
        {
            throw new InvalidOperationException($"process {Pid} was reaped by someone else: its exit status is lost");
        }

        var reapedAt = Stopwatch.GetTimestamp();
        var signal = status & 0x7f;

        // exec records the replaced address space's peak in the child's maxrss, and until its exec the child ran in
        // rustscope's: a maxrss no higher than rustscope's own peak may be rustscope's and says nothing of the tree.
        var maxRssBytes = usage.MaxRssKib * 1024;
        var exited = signal == 0;
        return new ChildExit(
            ExitCode: exited ? (status >> 8) & 0xff : 128 + signal,
            Signal: exited ? null : signal,
            SpawnToReapS: Stopwatch.GetElapsedTime(SpawnedAtTimestamp, reapedAt).TotalSeconds,
            CpuS: usage.UserS + usage.SystemS,
            MaxRssBytes: maxRssBytes > _spawnerPeakRssBytes ? maxRssBytes : 0);
    }
}
