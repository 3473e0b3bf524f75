using RustScope.Collectors.Process;
using RustScope.Core.Model;

namespace RustScope.Collectors;

/// <summary>
/// A source of session data that runs beside the /proc sampler for one profiled target
/// (function sampling, the in-process library's flush file, the allocation shim…).
/// </summary>
internal interface ISessionCollector : IAsyncDisposable
{
    /// <summary>Short name for warnings and logs.</summary>
    string Name { get; }

    /// <summary>
    /// Adds what the collector needs to the child's launch (environment variables, a listening diagnostic port)
    /// before it is spawned. Not called when attaching with <c>--pid</c>.
    /// </summary>
    ValueTask PrepareLaunchAsync(LaunchSpec launch, CancellationToken cancellationToken);

    /// <summary>Called once the root process exists, spawned or attached.</summary>
    ValueTask StartAsync(int rootPid, CancellationToken cancellationToken);

    /// <summary>
    /// Called when RustScope is about to signal the target (an interrupt or the end of <c>--duration</c>), before the
    /// signal: ends whatever would make the target's own shutdown wait for RustScope (an open EventPipe session, whose
    /// rundown the runtime writes as it exits), so that it exits as fast as unprofiled. Nothing by default.
    /// </summary>
    ValueTask ReleaseTargetAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Called once the target ended or was stopped, for every collector at once: the slow part that needs no session
    /// (stopping and analysing a trace, reading a file), so that the collectors' parts overlap. Called again, it
    /// returns the same task.
    /// </summary>
    Task FinishAsync();

    /// <summary>
    /// Then, collector after collector: returns the session with this collector's data and warnings added (finishing
    /// first when <see cref="FinishAsync"/> was not called).
    /// </summary>
    ValueTask<ProfileSession> CompleteAsync(ProfileSession session, CancellationToken cancellationToken);
}
