using Microsoft.Diagnostics.NETCore.Client;
using RustScope.Collectors.Process;
using RustScope.Collectors.Sampling.EventPipe;
using RustScope.Collectors.Sampling.Perf;
using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling;

/// <summary>
/// Function-level sampling: EventPipe (CPU samples, allocation sampling, runtime counters) for .NET targets,
/// <c>perf</c> for native ones. Whatever goes wrong becomes a session warning; the session is always written.
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
    private DiagnosticPortListener? _port;
    private EventPipeRecording? _eventPipe;
    private PerfRecording? _perf;
    private string? _perfPath;
    private PerfMaps? _perfMaps;
    private long _startTimestamp;
    private bool _launched;
    private Task<SampledProfile>? _profile;

    public string Name => "sampling";

    public ValueTask PrepareLaunchAsync(LaunchSpec launch, CancellationToken cancellationToken)
    {
        _launched = true;
        if (enabled && DotnetTargetDetector.IsDotnet(launch))
        {
            Directory.CreateDirectory(_workDirectory);
            _port = DiagnosticPortListener.Listen(launch, Path.Combine(_workDirectory, "port.sock"));
        }
        else if (enabled)
        {
            // A native root goes to perf, which then samples the .NET processes it starts too (dotnet build's).
            _perfMaps = PerfMaps.Request(launch, Path.Combine(_workDirectory, "perf-maps"));
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
            await StartSuspendedDotnetAsync(rootPid, cancellationToken).ConfigureAwait(false);
        }
        // Only an attached process is looked for among the published ones: a spawned native target may have the pid of
        // a crashed .NET process whose diagnostic socket was left behind in /tmp.
        else if (!_launched && DiagnosticsClient.GetPublishedProcesses().Contains(rootPid))
        {
            await StartEventPipeAsync(new DiagnosticsClient(rootPid), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            StartPerf(rootPid);
        }
    }

    /// <inheritdoc/>
    public async ValueTask ReleaseTargetAsync()
    {
        if (_eventPipe is not null)
        {
            await _eventPipe.EndSessionsAsync(ReleaseTimeout).ConfigureAwait(false);
        }
    }

    public Task FinishAsync() => Profile();

    public async ValueTask<ProfileSession> CompleteAsync(ProfileSession session, CancellationToken cancellationToken) =>
        Merge(session, await Profile().ConfigureAwait(false));

    // On the pool: the stacks are resolved synchronously once the streams have ended, which must not hold up the other
    // collectors' FinishAsync.
    private Task<SampledProfile> Profile() => _profile ??= Task.Run(FinishProfileAsync);

    public async ValueTask DisposeAsync()
    {
        if (_eventPipe is not null)
        {
            await _eventPipe.DisposeAsync().ConfigureAwait(false);
        }

        if (_port is not null)
        {
            await _port.DisposeAsync().ConfigureAwait(false);
        }

        if (_perf is not null)
        {
            await _perf.DisposeAsync().ConfigureAwait(false);
        }

        if (Directory.Exists(_workDirectory))
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
    }

    private ProfileSession Merge(ProfileSession session, SampledProfile profile) => session with
    {
        Functions = [.. session.Functions.Concat(profile.Functions).OrderByDescending(f => f.SelfPct ?? -1)],
        Stacks = profile.Stacks ?? session.Stacks,
        Allocations = [.. session.Allocations, .. profile.Allocations],
        Samples = CounterSampleMatcher.Attach(session.Samples, profile.Counters),
        Warnings = [.. session.Warnings, .. profile.Warnings.Select(w => $"{Name}: {w}")],
    };

    private async Task StartSuspendedDotnetAsync(int rootPid, CancellationToken cancellationToken)
    {
        DiagnosticsClient? client;
        try
        {
            client = await _port!.WaitForRuntimeAsync(rootPid, _connectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The runtime waits at a suspending port until resumed: if it connects after all, it must still run.
            _port!.ResumeWhenConnected();
            _warnings.Add("interrupted while waiting for the .NET runtime of the target to connect; no function data");
            return;
        }

        if (client is null)
        {
            _port.ResumeWhenConnected();
            _warnings.Add($"the .NET runtime of the target did not connect to RustScope's diagnostic port within {_connectTimeout.TotalSeconds:0.#} s; no function data");
            return;
        }

        try
        {
            await StartEventPipeAsync(client, cancellationToken).ConfigureAwait(false);
            ClearPortVariable(client);
        }
        finally
        {
            // Whatever happened above, an interrupt included: a runtime left suspended would never run.
            client.ResumeRuntime();
        }
    }

    private void ClearPortVariable(DiagnosticsClient client)
    {
        try
        {
            // Children of the target must not inherit the port and wait at it for a session nobody opens.
            client.SetEnvironmentVariable(DiagnosticPortListener.PortsVariable, string.Empty);
        }
        catch (UnsupportedCommandException)
        {
            _warnings.Add(".NET child processes of this runtime may wait at RustScope's diagnostic port until the session ends");
        }
    }

    private async Task StartEventPipeAsync(DiagnosticsClient client, CancellationToken cancellationToken)
    {
        try
        {
            _eventPipe = await EventPipeRecording.StartAsync(client, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _warnings.Add("interrupted before the EventPipe session started; no function data");
        }
        catch (Exception e) when (e is ServerNotAvailableException or ServerErrorException or UnsupportedCommandException or IOException)
        {
            _warnings.Add($"the EventPipe session could not start ({e.Message}); no function data");
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

    private async Task<SampledProfile> FinishProfileAsync()
    {
        var profile = _eventPipe is not null ? await _eventPipe.StopAsync().ConfigureAwait(false)
            : _perf is not null ? await _perf.CompleteAsync(_perfPath!, _startTimestamp, _perfMaps).ConfigureAwait(false)
            : new SampledProfile();
        return profile with { Warnings = [.. _warnings, .. profile.Warnings] };
    }
}
