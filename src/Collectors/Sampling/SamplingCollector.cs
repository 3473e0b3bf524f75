using Microsoft.Diagnostics.NETCore.Client;
using RustScope.Collectors.Process;
using RustScope.Collectors.Sampling.EventPipe;
using RustScope.Collectors.Sampling.Perf;
using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling;

/// <summary>
/// Function-level sampling: EventPipe (CPU samples, allocation sampling, runtime counters) for every .NET process of
/// the tree, <c>perf</c> for a native target. Whatever goes wrong becomes a session warning; the session is always written.
/// </summary>
/// <param name="enabled">False for <c>--sampling off</c>: the collector does nothing.</param>
/// <param name="connectTimeout">How long a spawned .NET target's runtime may take to reach the diagnostic port (20 s by default).</param>
/// <param name="perfOptions">How perf samples a native target (rate, stack walking); perf's defaults when null.</param>
internal sealed class SamplingCollector(bool enabled = true, TimeSpan? connectTimeout = null, PerfOptions? perfOptions = null) : ISessionCollector
{
    // How long a stop may wait for the target's rundown to be read before the target is signalled all the same.
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);
    private readonly TimeSpan _connectTimeout = connectTimeout ?? TimeSpan.FromSeconds(20);
    // Holds the diagnostic socket (whose path must stay under the 108 bytes of sun_path) and perf.data.
    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), $"rustscope-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private readonly List<string> _warnings = [];
    private readonly RuntimeRecordings _runtimes = new();
    private DiagnosticPortListener? _port;
    private FileStream? _runLock;
    private ResumeWatchdog? _watchdog;
    private LaunchSpec? _watchedLaunch;
    private bool _dotnetRoot;
    private PerfRecording? _perf;
    private string? _perfPath;
    private PerfMaps? _perfMaps;
    private long _startTimestamp;
    private bool _launched;
    private Task<(IReadOnlyList<SampledProcess> Processes, SampledProfile? Perf)>? _finished;

    public string Name => "sampling";

    public ValueTask PrepareLaunchAsync(LaunchSpec launch, CancellationToken cancellationToken)
    {
        _launched = true;
        if (enabled)
        {
            // Every launched tree gets the port: a native root (a script) may start .NET children. Only a .NET root is
            // made to wait for RustScope, which is surely listening then; everything after it never waits.
            _dotnetRoot = DotnetTargetDetector.IsDotnet(launch);
            Directory.CreateDirectory(_workDirectory);
            _runLock = StaleRunFiles.Lock(_workDirectory);
            _port = DiagnosticPortListener.Listen(launch, Path.Combine(_workDirectory, "port.sock"), suspend: _dotnetRoot);
            if (_dotnetRoot)
            {
                // Started before the target: from its first instruction on, someone will resume it should RustScope die.
                _watchdog = ResumeWatchdog.Start(_port.ListeningHandle, _runLock.SafeFileHandle, out var refusal);
                if (_watchdog is { } watchdog)
                {
                    launch.BeforeSpawn.Add(watchdog.Spawning);
                    launch.AfterSpawn.Add(watchdog.Guard);
                    _watchedLaunch = launch;
                }
                else if (refusal is not null)
                {
                    _warnings.Add($"no watchdog could be started to resume the .NET target should RustScope be killed ({refusal})");
                }
            }
            else
            {
                // A native root goes to perf: should a .NET process of its tree not reach the port, perf still names
                // that process's JIT-compiled code through its perf map.
                _perfMaps = PerfMaps.Request(launch, Path.Combine(_workDirectory, "perf-maps"));
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask StartAsync(int rootPid, CancellationToken cancellationToken)
    {
        // The session's zero as near as the collector sees it: the root was spawned (or attached) just before.
        _startTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        if (!enabled)
        {
            return;
        }

        Directory.CreateDirectory(_workDirectory);
        if (_port is not null)
        {
            var sampleLateRoot = !_dotnetRoot || await StartSuspendedRootAsync(rootPid, cancellationToken).ConfigureAwait(false);
            _runtimes.Follow(_port, rootPid, sampleLateRoot);
            if (!_dotnetRoot)
            {
                StartPerf(rootPid);
            }
        }
        // Only an attached process is looked for among the published ones: a spawned native target may have the pid of
        // a crashed .NET process whose diagnostic socket was left behind in /tmp.
        else if (!_launched && DiagnosticsClient.GetPublishedProcesses().Contains(rootPid))
        {
            await StartAttachedAsync(rootPid, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            StartPerf(rootPid);
        }
    }

    /// <inheritdoc/>
    public async ValueTask ReleaseTargetAsync() => await _runtimes.EndSessionsAsync(ReleaseTimeout).ConfigureAwait(false);

    public Task FinishAsync() => Finished();

    public async ValueTask<ProfileSession> CompleteAsync(ProfileSession session, CancellationToken cancellationToken)
    {
        var (processes, perf) = await Finished().ConfigureAwait(false);
        // A native tree's perf profile stands alone until a .NET process of it was sampled through EventPipe; then each
        // process counts once, from the source that names its functions.
        var profile = processes.Count > 0
            ? ProcessProfileMerger.Merge(processes, session.Meta.StartTs, perf?.Stacks, (perfOptions ?? new PerfOptions()).Hz)
            : perf ?? new SampledProfile();
        if (processes.Count > 0 && perf is not null)
        {
            profile = profile with { Warnings = [.. perf.Warnings, .. profile.Warnings] };
        }

        return Merge(session, profile with { Warnings = [.. _warnings, .. profile.Warnings] });
    }

    // On the pool: the stacks are resolved synchronously once the streams have ended, which must not hold up the other
    // collectors' FinishAsync.
    private Task<(IReadOnlyList<SampledProcess> Processes, SampledProfile? Perf)> Finished() => _finished ??= Task.Run(FinishRecordingsAsync);

    public async ValueTask DisposeAsync()
    {
        if (_port is not null)
        {
            await _port.DisposeAsync().ConfigureAwait(false);
        }

        // After the port: nothing waits at it any longer, so the watchdog may go. The launch is used again by the next
        // run of a series (which brings its own watchdog): this one's hooks leave it.
        if (_watchdog is { } watchdog)
        {
            _watchedLaunch?.BeforeSpawn.Remove(watchdog.Spawning);
            _watchedLaunch?.AfterSpawn.Remove(watchdog.Guard);
            watchdog.Dispose();
        }

        await _runtimes.DisposeAsync().ConfigureAwait(false);
        if (_perf is not null)
        {
            await _perf.DisposeAsync().ConfigureAwait(false);
        }

        _runLock?.Dispose();
        if (Directory.Exists(_workDirectory))
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
    }

    private ProfileSession Merge(ProfileSession session, SampledProfile profile) => session with
    {
        Functions = [.. session.Functions.Concat(profile.Functions).OrderByDescending(f => f.SelfPct ?? -1)],
        Stacks = profile.Stacks ?? session.Stacks,
        WaitStacks = profile.WaitStacks ?? session.WaitStacks,
        Contentions = [.. session.Contentions, .. profile.Contentions],
        Allocations = [.. session.Allocations, .. profile.Allocations],
        Samples = CounterSampleMatcher.AttachAll(session.Samples, profile.Counters),
        Warnings = [.. session.Warnings, .. profile.Warnings.Select(w => $"{Name}: {w}")],
    };

    /// <summary>
    /// Records the root's runtime while it waits at the port, then lets it run. False when RustScope gave up waiting
    /// (the runtime is then resumed without being sampled should it connect later).
    /// </summary>
    private async Task<bool> StartSuspendedRootAsync(int rootPid, CancellationToken cancellationToken)
    {
        DiagnosticsClient? client;
        try
        {
            client = await _port!.WaitForRuntimeAsync(rootPid, _connectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _warnings.Add("interrupted while waiting for the .NET runtime of the target to connect; no function data");
            return false;
        }

        if (client is null)
        {
            _warnings.Add($"the .NET runtime of the target did not connect to RustScope's diagnostic port within {_connectTimeout.TotalSeconds:0.#} s; no function data");
            return false;
        }

        try
        {
            if (await StartRecordingAsync(client, rootPid, fromStart: true, cancellationToken).ConfigureAwait(false))
            {
                InheritNonSuspendingPort(client);
            }
        }
        finally
        {
            // Whatever happened above, an interrupt included: a runtime left suspended would never run.
            await _port.ResumeAsync(rootPid).ConfigureAwait(false);
        }

        return true;
    }

    private void InheritNonSuspendingPort(DiagnosticsClient client)
    {
        try
        {
            // Children of the root must not wait at the port: one that starts once RustScope stopped listening would
            // wait forever. They connect and run on, and are sampled from the moment RustScope has attached.
            client.SetEnvironmentVariable(DiagnosticPortListener.PortsVariable, _port!.NonSuspendingPort);
        }
        catch (UnsupportedCommandException)
        {
            _warnings.Add(".NET child processes of this runtime may wait at RustScope's diagnostic port until the session ends");
        }
    }

    private async Task StartAttachedAsync(int pid, CancellationToken cancellationToken) =>
        await StartRecordingAsync(new DiagnosticsClient(pid), pid, fromStart: false, cancellationToken).ConfigureAwait(false);

    private async Task<bool> StartRecordingAsync(DiagnosticsClient client, int pid, bool fromStart, CancellationToken cancellationToken)
    {
        try
        {
            return await _runtimes.StartAsync(client, pid, fromStart, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _warnings.Add("interrupted before the EventPipe session started; no function data");
            return false;
        }
    }

    private void StartPerf(int rootPid)
    {
        _perfPath = CommandResolver.Resolve("perf", Environment.GetEnvironmentVariable("PATH"));
        if (_perfPath is null)
        {
            _warnings.Add("perf is not installed (apt-get install linux-perf); no function data for this native target");
            return;
        }

        // With --pid the tree may already have children: perf -p follows only processes forked after it attached.
        (_perf, var warning) = PerfRecording.Start(TreePids(rootPid), _perfPath, _workDirectory, perfOptions ?? new PerfOptions());
        if (warning is not null)
        {
            _warnings.Add(warning);
        }
    }

    private static List<int> TreePids(int rootPid)
    {
        List<int> pids = [rootPid];
        for (var i = 0; i < pids.Count; i++)
        {
            pids.AddRange(ProcChildren.Of(pids[i]).Where(child => !pids.Contains(child)));
        }

        return pids;
    }

    private async Task<(IReadOnlyList<SampledProcess> Processes, SampledProfile? Perf)> FinishRecordingsAsync()
    {
        var perf = _perf?.CompleteAsync(_perfPath!, _startTimestamp, _perfMaps);
        var (processes, warnings) = await _runtimes.StopAsync().ConfigureAwait(false);
        _warnings.AddRange(warnings);
        return (processes, perf is null ? null : await perf.ConfigureAwait(false));
    }
}
