using RustScope.Collectors.Host;
using RustScope.Collectors.Process;
using RustScope.Collectors.Process.Events;
using RustScope.Collectors.Process.Native;
using RustScope.Core.Model;

namespace RustScope.Collectors;

/// <summary>
/// Profiles one run of a command (or one attached process) from start to session: the /proc sampler on its own
/// thread, the collectors beside it, and the stop sequence on timeout or interrupt — signal, grace period, SIGKILL.
/// </summary>
internal sealed class ProfileRunner(IReadOnlyList<ISessionCollector> collectors)
{
    private static readonly TimeSpan ConnectorSettleTimeout = TimeSpan.FromSeconds(1);
    private readonly MachineProbe _machine = new();

    /// <exception cref="CommandNotFoundException">The command does not exist.</exception>
    /// <exception cref="TargetNotFoundException">The process to attach to does not exist.</exception>
    public async Task<ProfileSession> RunAsync(RunRequest request, ISamplingObserver? observer, CancellationToken interrupt)
    {
        // What runs that were killed left in the temp folder (sockets, flush files) goes before this run adds its own.
        StaleRunFiles.RemoveFrom(Path.GetTempPath());
        var session = request.Launch is { } launch
            ? await RunCommandAsync(launch, request, observer, interrupt).ConfigureAwait(false)
            : await AttachAsync(request.AttachPid ?? throw new ArgumentException("a command or a pid is required", nameof(request)), request, observer, interrupt).ConfigureAwait(false);
        // The trace analysis and the parse of the library's flush file take a core each: run side by side, then merge in order.
        await Task.WhenAll(collectors.Select(collector => collector.FinishAsync())).ConfigureAwait(false);
        foreach (var collector in collectors)
        {
            session = await collector.CompleteAsync(session, CancellationToken.None).ConfigureAwait(false);
        }

        return session;
    }

    private async Task<ProfileSession> RunCommandAsync(LaunchSpec launch, RunRequest request, ISamplingObserver? observer, CancellationToken interrupt)
    {
        // Before the collectors, so a variable a collector needs (the diagnostic port) is never overridden.
        foreach (var (name, value) in request.Isolation?.Environment ?? new Dictionary<string, string>())
        {
            launch.Environment[name] = value;
        }

        foreach (var collector in collectors)
        {
            await collector.PrepareLaunchAsync(launch, interrupt).ConfigureAwait(false);
        }

        // Opened before the spawn: the connector buffers every event from then on, the root's first fork included.
        using var events = ProcessEventConnector.TryOpen(out var eventsRefusal);

        // Before the spawn: an orphan of the tree is re-parented to rustscope only if it is the subreaper by then.
        using var containment = TreeContainment.Create();
        var machineAtStart = _machine.Read();
        var child = ChildProcess.Start(launch, request.ChildOutputLog, request.Isolation?.Cpus ?? []);
        containment.Enter(child.Pid);
        events?.Track(child.Pid);

        // The sampler starts before the collectors (perf, a diagnostic port), so the first tenths of a second are seen.
        using var tree = new ProcessTree(child.Pid, events: events, containment: containment);
        using var stopSampling = new CancellationTokenSource();
        var sampling = StartSampling(tree, request, observer, stopSampling.Token, (child.SpawnedAtTimestamp, child.SpawnedAtUnixMs));
        await StartCollectorsAsync(child.Pid, interrupt).ConfigureAwait(false);
        var surroundings = SessionAssembler.PrepareAsync(request);
        var exited = child.Exited;

        // The sampler also ends by itself, when /proc stops answering for the root (or when it fails): either ends the wait.
        var stopReason = await WaitForStopAsync(Task.WhenAny(exited, sampling), request.Duration, interrupt).ConfigureAwait(false);
        string? killedWarning = null;
        if (stopReason is { } reason)
        {
            // Before the signal: a runtime that exits with a trace session open waits until RustScope has read its rundown.
            // A target that exits meanwhile (a terminal's Ctrl-C reached it too) is not waited for any longer.
            var release = Task.WhenAll(collectors.Select(collector => collector.ReleaseTargetAsync().AsTask()));
            await Task.WhenAny(release, exited).ConfigureAwait(false);

            var signal = reason == Termination.Timeout ? Libc.SigTerm : Libc.SigInt;
            var killed = await StopTreeAsync(tree, containment, child.Pid, exited, signal, request.Grace).ConfigureAwait(false);
            killedWarning = killed > 0 ? KilledWarning(killed, signal, request.Grace) : null;
        }
        else if (!exited.IsCompleted && await Task.WhenAny(exited, Task.Delay(request.Grace, interrupt)).ConfigureAwait(false) != exited)
        {
            // Normally the sampler saw the exit just before the reaper reaped it; a command that still runs although
            // /proc no longer shows it is stopped rather than waited for without being profiled, or left behind.
            var killed = await StopTreeAsync(tree, containment, child.Pid, exited, Libc.SigTerm, request.Grace).ConfigureAwait(false);
            killedWarning = killed > 0 ? KilledWarning(killed, Libc.SigTerm, request.Grace) : null;
        }

        await stopSampling.CancelAsync().ConfigureAwait(false);
        var result = await sampling.ConfigureAwait(false);
        var exit = await exited.ConfigureAwait(false);

        // The root is gone; daemons it left (setsid, nohup, a double fork) are the tree's and end with the session.
        var outlived = await StopOutlivingAsync(tree, containment, request.Grace).ConfigureAwait(false);
        var machine = (machineAtStart, _machine.Read());
        var kernel = await KernelAccountAsync(child, exit, events, eventsRefusal).ConfigureAwait(false);
        var termination = stopReason ?? (exit.Signal is null ? Termination.Exited : Termination.Signaled);
        var outcome = new TargetOutcome(launch.FileName, launch.Arguments, child.Pid, exit.ExitCode, termination);
        var session = SessionAssembler.Assemble(result, outcome, request, await surroundings.ConfigureAwait(false), kernel, machine);
        session = session with { Meta = session.Meta with { Containment = containment.Kind } };
        string?[] warnings = [killedWarning, outlived > 0 ? OutlivedWarning(outlived) : null, ContainmentWarning(containment)];
        return session with { Warnings = [.. session.Warnings, .. warnings.OfType<string>()] };
    }

    private static string OutlivedWarning(int count) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{count} process(es) of the target's tree (daemons: setsid, nohup, double fork) were still running when the target exited and were stopped");

    private static string? ContainmentWarning(TreeContainment containment) => containment switch
    {
        { Kind: "none" } => "rustscope could not become the subreaper of the target's tree: a daemonising child of the target may escape the session",
        { Kind: "subreaper", Refusal: { } refusal } => $"the target's tree has no cgroup of its own ({refusal}): it is contained through rustscope as its subreaper",
        _ => null,
    };

    private static string KilledWarning(int killed, int signal, TimeSpan grace) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{killed} process(es) of the target were still running {grace.TotalSeconds:0.###} s after {(signal == Libc.SigTerm ? "SIGTERM" : "SIGINT")} and were killed (SIGKILL): the target's own data written at exit (such as the [Profile] library's flush file) may be missing or incomplete; --grace gives it longer");

    private static async Task<KernelAccount> KernelAccountAsync(ChildProcess child, ChildExit exit, ProcessEventConnector? events, string? refusal)
    {
        if (events is null)
        {
            return new KernelAccount(exit, child.SpawnedAtTimestamp, null, refusal);
        }

        // The root's exit event is in the socket before its reap: wait until the reader has handled it.
        await events.SettleAsync().WaitAsync(ConnectorSettleTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return events.SawRoot
            ? new KernelAccount(exit, child.SpawnedAtTimestamp, new ConnectorView(events.RootLifetime, events.Lifetimes(), events.Overflowed), null)
            : new KernelAccount(exit, child.SpawnedAtTimestamp, null, "the kernel's process events do not reach this pid namespace");
    }

    private async Task<ProfileSession> AttachAsync(int pid, RunRequest request, ISamplingObserver? observer, CancellationToken interrupt)
    {
        var binary = TargetIdentity.Executable(pid) ?? throw new TargetNotFoundException(pid);
        var arguments = TargetIdentity.Arguments(pid);
        await StartCollectorsAsync(pid, interrupt).ConfigureAwait(false);
        var surroundings = SessionAssembler.PrepareAsync(request);
        using var tree = new ProcessTree(pid, attached: true);
        using var stopSampling = new CancellationTokenSource();
        var machineAtStart = _machine.Read();
        var sampling = StartSampling(tree, request, observer, stopSampling.Token);

        // An attached process is not ours to stop: an interrupt or timeout only ends the profiling.
        var stopReason = await WaitForStopAsync(sampling, request.Duration, interrupt).ConfigureAwait(false);
        await stopSampling.CancelAsync().ConfigureAwait(false);
        var result = await sampling.ConfigureAwait(false);
        var machine = (machineAtStart, _machine.Read());
        var outcome = new TargetOutcome(binary, arguments, pid, null, stopReason ?? Termination.Exited);
        return SessionAssembler.Assemble(result, outcome, request, await surroundings.ConfigureAwait(false), kernel: null, machine);
    }

    private async Task StartCollectorsAsync(int pid, CancellationToken cancellationToken)
    {
        foreach (var collector in collectors)
        {
            await collector.StartAsync(pid, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<SamplingResult> StartSampling(ProcessTree tree, RunRequest request, ISamplingObserver? observer, CancellationToken stop, (long, long)? spawned = null) =>
        Task.Factory.StartNew(
            () => new TreeSampler(tree, request.Hz, request.Spikes, observer, spawned).Run(stop),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    /// <summary>Waits for the target to end by itself; returns why it was stopped otherwise.</summary>
    private static async Task<Termination?> WaitForStopAsync(Task ended, TimeSpan? duration, CancellationToken interrupt)
    {
        using var waitCancel = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        var timeout = Task.Delay(duration is { } d && d > TimeSpan.Zero ? d : Timeout.InfiniteTimeSpan, waitCancel.Token);
        var first = await Task.WhenAny(ended, timeout).ConfigureAwait(false);
        await waitCancel.CancelAsync().ConfigureAwait(false);
        if (first == ended)
        {
            return null;
        }

        return interrupt.IsCancellationRequested ? Termination.Interrupted : Termination.Timeout;
    }

    /// <summary>
    /// Signals every process of the tree, gives them the grace period (counted from the signal), then SIGKILLs whatever
    /// is left of it; returns how many processes that was.
    /// </summary>
    private static async Task<int> StopTreeAsync(ProcessTree tree, TreeContainment containment, int rootPid, Task rootExited, int signal, TimeSpan grace)
    {
        IReadOnlyList<int> targets = [.. Members(tree, containment).Where(p => p != rootPid), rootPid];
        foreach (var pid in targets)
        {
            Libc.Kill(pid, signal);
        }

        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline && (!rootExited.IsCompleted || targets.Any(TargetIdentity.IsRunning)))
        {
            containment.ReapOrphans();
            await Task.Delay(20).ConfigureAwait(false);
        }

        // The tree as it is now: it may have grown during the grace period.
        var survivors = targets.Concat(Members(tree, containment)).Distinct().Where(TargetIdentity.IsRunning).ToList();
        KillAll(containment, survivors);

        await rootExited.ConfigureAwait(false);
        return survivors.Count;
    }

    /// <summary>
    /// Stops what is left of the tree once its root has exited: SIGTERM, the grace period, then SIGKILL. Returns how
    /// many processes were left.
    /// </summary>
    private static async Task<int> StopOutlivingAsync(ProcessTree tree, TreeContainment containment, TimeSpan grace)
    {
        var left = Members(tree, containment).Where(p => p != tree.RootPid && TargetIdentity.IsRunning(p)).ToList();
        if (left.Count == 0)
        {
            return 0;
        }

        foreach (var pid in left)
        {
            Libc.Kill(pid, Libc.SigTerm);
        }

        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline && left.Any(TargetIdentity.IsRunning))
        {
            containment.ReapOrphans();
            await Task.Delay(20).ConfigureAwait(false);
        }

        KillAll(containment, [.. left.Concat(Members(tree, containment)).Distinct().Where(p => p != tree.RootPid && TargetIdentity.IsRunning(p))]);
        return left.Count;
    }

    /// <summary>The tree as the sampler last saw it, with the cgroup's members and the orphans re-parented to rustscope.</summary>
    private static List<int> Members(ProcessTree tree, TreeContainment containment)
    {
        var members = new List<int>(tree.LivePids);
        containment.AddMembersTo(members);
        return [.. members.Distinct()];
    }

    /// <summary>
    /// SIGKILLs <paramref name="survivors"/> and everything they started; the cgroup's kill also reaches what was forked
    /// meanwhile, and orphans re-parented to rustscope are looked for until none is left.
    /// </summary>
    private static void KillAll(TreeContainment containment, List<int> survivors)
    {
        containment.KillAll();
        TreeKiller.KillAll(survivors);
        for (var round = 0; round < 100; round++)
        {
            var orphans = new List<int>();
            containment.AddMembersTo(orphans);
            orphans.RemoveAll(pid => !TargetIdentity.IsRunning(pid));
            if (orphans.Count == 0)
            {
                break;
            }

            containment.KillAll();
            TreeKiller.KillAll(orphans);
        }

        containment.ReapOrphans();
    }
}
