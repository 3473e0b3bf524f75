using RustScope.Collectors.Process;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Collectors;

/// <summary>
/// Merges what RustScope.Profiling records inside the target: the child is told where to flush through
/// <c>RUSTSCOPE_SESSION_OUT</c>, and its functions and benchmarks join the session when it ends.
/// </summary>
internal sealed class InstrumentedSessionCollector : ISessionCollector
{
    public const string SessionOutVariable = "RUSTSCOPE_SESSION_OUT";
    private string? _flushPath;
    private Task<(ProfileSession? Flushed, string? Warning)>? _flushed;

    public string Name => "instrumented";

    public ValueTask PrepareLaunchAsync(LaunchSpec launch, CancellationToken cancellationToken)
    {
        _flushPath = Path.Combine(Path.GetTempPath(), $"rustscope-{Environment.ProcessId}-{Guid.NewGuid():N}.session.json");
        launch.Environment[SessionOutVariable] = _flushPath;
        return ValueTask.CompletedTask;
    }

    public ValueTask StartAsync(int rootPid, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task FinishAsync() => Flushed();

    public async ValueTask<ProfileSession> CompleteAsync(ProfileSession session, CancellationToken cancellationToken) =>
        await Flushed().ConfigureAwait(false) switch
        {
            ({ } flushed, _) => Merge(session, flushed),
            (_, { } warning) => session with { Warnings = [.. session.Warnings, warning] },
            _ => session,
        };

    private Task<(ProfileSession? Flushed, string? Warning)> Flushed() => _flushed ??= Task.Run(ReadFlushed);

    private (ProfileSession? Flushed, string? Warning) ReadFlushed()
    {
        // No file is normal: the target does not use RustScope.Profiling.
        if (_flushPath is null || !File.Exists(_flushPath))
        {
            return (null, null);
        }

        try
        {
            return (SessionJson.Read(_flushPath), null);
        }
        catch (InputException e)
        {
            return (null, $"the target's instrumentation data was not readable: {e.Message}");
        }
        finally
        {
            File.Delete(_flushPath);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_flushPath is not null)
        {
            File.Delete(_flushPath);
        }

        return ValueTask.CompletedTask;
    }

    internal static ProfileSession Merge(ProfileSession session, ProfileSession flushed) => session with
    {
        Functions = [.. session.Functions.Concat(flushed.Functions.Select(f => f with { Source = FunctionSource.Instrumented }))
            .OrderByDescending(f => f.SelfPct ?? -1)
            .ThenByDescending(f => (f.LatencyNs?.Mean ?? 0) * (f.Calls ?? 0))],
        Benchmarks = [.. session.Benchmarks, .. flushed.Benchmarks],
        Warnings = [.. session.Warnings, .. flushed.Warnings],
    };
}
