using Microsoft.Diagnostics.NETCore.Client;
using RustScope.Collectors.Process;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// One <see cref="EventPipeRecording"/> per .NET process of the tree, each started as its runtime announces itself at
/// the diagnostic port (<see cref="DiagnosticPortListener"/>) and attached through its default socket. A process that
/// cannot be sampled is a warning that names it.
/// </summary>
internal sealed class RuntimeRecordings : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private readonly List<EventPipeRecording> _recordings = [];
    private readonly HashSet<int> _handled = [];
    private readonly List<Task> _starting = [];
    private readonly List<string> _warnings = [];
    // Cancels the starts still in flight when the session ends: a runtime that is exiting may never answer.
    private readonly CancellationTokenSource _stopping = new();
    private Task _following = Task.CompletedTask;
    private bool _stopped;

    /// <summary>
    /// Starts recording <paramref name="pid"/> (once: a pid already handled is skipped). False when it could not be
    /// recorded, with a warning naming the process; a runtime that waits at its port is not resumed here.
    /// </summary>
    /// <param name="fromStart">True for a runtime of the launched tree, false for an attached one.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async Task<bool> StartAsync(DiagnosticsClient client, int pid, bool fromStart, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_stopped || !_handled.Add(pid))
            {
                return false;
            }
        }

        // Named now: a process that fails here has often exited already.
        var process = Describe(pid);
        EventPipeRecording recording;
        try
        {
            recording = await EventPipeRecording.StartAsync(client, pid, fromStart, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ServerNotAvailableException or ServerErrorException or UnsupportedCommandException or IOException or TimeoutException)
        {
            Warn($"the .NET process {process} could not be sampled ({e.Message}); its functions are missing");
            return false;
        }

        lock (_gate)
        {
            if (!_stopped)
            {
                _recordings.Add(recording);
                return true;
            }
        }

        // Started as the session ended: nothing of it would be read.
        await recording.DisposeAsync().ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Records every runtime that announces itself from now on, each as soon as it does, until <see cref="StopAsync"/>.
    /// <paramref name="rootPid"/>'s runtime, should it announce itself only now, waits at a suspending port: it is resumed
    /// (and, unless <paramref name="sampleRoot"/> is false, recorded first).
    /// </summary>
    public void Follow(DiagnosticPortListener port, int rootPid, bool sampleRoot) =>
        _following = Task.Run(async () =>
        {
            await foreach (var pid in port.Runtimes.ReadAllAsync().ConfigureAwait(false))
            {
                var start = Task.Run(() => StartAnnouncedAsync(port, pid, pid != rootPid || sampleRoot, resume: pid == rootPid));
                lock (_gate)
                {
                    _starting.Add(start);
                }
            }
        });

    /// <summary>
    /// Ends the sessions of every recording so far, for at most <paramref name="timeout"/>, before the tree is told to
    /// stop: a runtime that exits with a session open writes its rundown first and makes its own exit wait for it.
    /// </summary>
    public async Task EndSessionsAsync(TimeSpan timeout)
    {
        EventPipeRecording[] recordings;
        lock (_gate)
        {
            recordings = [.. _recordings];
        }

        await Task.WhenAll(recordings.Select(recording => recording.EndSessionsAsync(timeout))).ConfigureAwait(false);
    }

    /// <summary>Ends every recording (processes that exited have ended theirs) and returns what each delivered.</summary>
    public async Task<(IReadOnlyList<SampledProcess> Processes, IReadOnlyList<string> Warnings)> StopAsync()
    {
        Task[] starting;
        lock (_gate)
        {
            _stopped = true;
            starting = [.. _starting];
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(starting).ConfigureAwait(false);
        EventPipeRecording[] recordings;
        lock (_gate)
        {
            recordings = [.. _recordings];
        }

        var processes = await Task.WhenAll(recordings.Select(recording => recording.StopAsync())).ConfigureAwait(false);
        lock (_gate)
        {
            return (processes, [.. _warnings]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The listener is disposed first, which ends the announcements and so the loop.
        await _following.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        EventPipeRecording[] recordings;
        lock (_gate)
        {
            _stopped = true;
            recordings = [.. _recordings];
        }

        foreach (var recording in recordings)
        {
            await recording.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    /// <summary>"1234 (dotnet csc.dll …)": what a warning names a process by.</summary>
    internal static string Describe(int pid)
    {
        var command = string.Join(' ', [Path.GetFileName(TargetIdentity.Executable(pid) ?? "?"), .. TargetIdentity.Arguments(pid)]);
        const int MaxCommand = 120;
        return $"{pid} ({(command.Length > MaxCommand ? command[..MaxCommand] + "…" : command)})";
    }

    private async Task StartAnnouncedAsync(DiagnosticPortListener port, int pid, bool sample, bool resume)
    {
        var client = new DiagnosticsClient(pid);
        var process = Describe(pid);
        try
        {
            if (sample)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                timeout.CancelAfter(StartTimeout);
                await StartAsync(client, pid, fromStart: true, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            Warn(_stopping.IsCancellationRequested
                ? $"the .NET process {process} was still being attached to when the session ended; its functions are missing"
                : $"the .NET process {process} did not open its EventPipe sessions within {StartTimeout.TotalSeconds:0} s; its functions are missing");
        }
        finally
        {
            if (resume)
            {
                await port.ResumeAsync(pid).ConfigureAwait(false);
            }
        }
    }

    private void Warn(string warning)
    {
        lock (_gate)
        {
            _warnings.Add(warning);
        }
    }
}
