using RustScope.Collectors.Process;
using RustScope.Collectors.Process.Native;
using RustScope.Core.Model;

namespace RustScope.Collectors;

/// <summary>
/// Profiles one run of a command (or one attached process) from start to session: the /proc sampler on its own
/// thread, the collectors beside it, and the stop sequence on timeout or interrupt — signal, grace period, SIGKILL.
/// </summary>
internal sealed class ProfileRunner(IReadOnlyList<ISessionCollector> collectors)
{
    /// <exception cref="CommandNotFoundException">The command does not exist.</exception>
    /// <exception cref="TargetNotFoundException">The process to attach to does not exist.</exception>
    public async Task<ProfileSession> RunAsync(RunRequest request, ISamplingObserver? observer, CancellationToken interrupt)
    {
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
        foreach (var collector in collectors)
        {
            await collector.PrepareLaunchAsync(launch, interrupt).ConfigureAwait(false);
        }

        using var child = ChildProcess.Start(launch, request.ChildOutputLog);
        await StartCollectorsAsync(child.Pid, interrupt).ConfigureAwait(false);
        var surroundings = SessionRecorder.PrepareAsync(request);
        using var tree = new ProcessTree(child.Pid);
        using var stopSampling = new CancellationTokenSource();
        var sampling = StartSampling(tree, request, observer, stopSampling.Token);

        var exited = child.WaitForExitAsync(CancellationToken.None);

        // The sampler also ends by itself, when /proc stops answering for the root (or when it fails): either ends the wait.
        var stopReason = await WaitForStopAsync(Task.WhenAny(exited, sampling), request.Duration, interrupt).ConfigureAwait(false);
        if (stopReason is { } reason)
        {
            await StopTreeAsync(tree, child.Pid, exited, reason == Termination.Timeout ? Libc.SigTerm : Libc.SigInt, request.Grace).ConfigureAwait(false);
        }
        else if (!exited.IsCompleted && await Task.WhenAny(exited, Task.Delay(request.Grace, interrupt)).ConfigureAwait(false) != exited)
        {
            // Normally the sampler saw the exit just before the runtime reaped it; a command that still runs although
            // /proc no longer shows it is stopped rather than waited for without being profiled, or left behind.
            await StopTreeAsync(tree, child.Pid, exited, Libc.SigTerm, request.Grace).ConfigureAwait(false);
        }

        await stopSampling.CancelAsync().ConfigureAwait(false);
        var result = await sampling.ConfigureAwait(false);
        var termination = stopReason ?? (IsDeathBySignal(child.ExitCode) ? Termination.Signaled : Termination.Exited);
        var outcome = new TargetOutcome(launch.FileName, launch.Arguments, child.Pid, child.ExitCode, termination);
        return SessionRecorder.Build(result, outcome, request, await surroundings.ConfigureAwait(false));
    }

    private async Task<ProfileSession> AttachAsync(int pid, RunRequest request, ISamplingObserver? observer, CancellationToken interrupt)
    {
        var binary = TargetIdentity.Executable(pid) ?? throw new TargetNotFoundException(pid);
        var arguments = TargetIdentity.Arguments(pid);
        await StartCollectorsAsync(pid, interrupt).ConfigureAwait(false);
        var surroundings = SessionRecorder.PrepareAsync(request);
        using var tree = new ProcessTree(pid, attached: true);
        using var stopSampling = new CancellationTokenSource();
        var sampling = StartSampling(tree, request, observer, stopSampling.Token);

        // An attached process is not ours to stop: an interrupt or timeout only ends the profiling.
        var stopReason = await WaitForStopAsync(sampling, request.Duration, interrupt).ConfigureAwait(false);
        await stopSampling.CancelAsync().ConfigureAwait(false);
        var result = await sampling.ConfigureAwait(false);
        var outcome = new TargetOutcome(binary, arguments, pid, null, stopReason ?? Termination.Exited);
        return SessionRecorder.Build(result, outcome, request, await surroundings.ConfigureAwait(false));
    }

    private async Task StartCollectorsAsync(int pid, CancellationToken cancellationToken)
    {
        foreach (var collector in collectors)
        {
            await collector.StartAsync(pid, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<SamplingResult> StartSampling(ProcessTree tree, RunRequest request, ISamplingObserver? observer, CancellationToken stop) =>
        Task.Factory.StartNew(
            () => new TreeSampler(tree, request.Hz, request.Spikes, observer).Run(stop),
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

    /// <summary>Signals every process of the tree, gives them the grace period, then SIGKILLs whatever is left of it.</summary>
    private static async Task StopTreeAsync(ProcessTree tree, int rootPid, Task rootExited, int signal, TimeSpan grace)
    {
        IReadOnlyList<int> targets = [.. tree.LivePids.Where(p => p != rootPid), rootPid];
        foreach (var pid in targets)
        {
            Libc.Kill(pid, signal);
        }

        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline && (!rootExited.IsCompleted || targets.Any(TargetIdentity.IsRunning)))
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        // The tree as the sampler knows it now: it may have grown during the grace period.
        TreeKiller.KillAll(targets.Concat(tree.LivePids).Distinct().Where(TargetIdentity.IsRunning));

        await rootExited.ConfigureAwait(false);
    }

    // .NET reports a child killed by signal N as exit code 128 + N, like a shell does; an exit(130) looks the same.
    private static bool IsDeathBySignal(int exitCode) => exitCode is > 128 and <= 128 + 64;
}
