using RustScope.Collectors.Process.Events;

namespace RustScope.Collectors.Process;

/// <summary>What the kernel reported of a spawned tree, beside what the samples saw.</summary>
/// <param name="Exit">The root's reap: status, spawn-to-reap time, rusage of the root and all it reaped.</param>
/// <param name="SpawnedAtTimestamp">Stopwatch timestamp (monotonic nanoseconds here) of the spawn: the session's zero.</param>
/// <param name="Events">The process-event connector's view; null when it could not be used.</param>
/// <param name="EventsUnavailable">Why the connector could not be used, for the warning.</param>
internal sealed record KernelAccount(ChildExit Exit, long SpawnedAtTimestamp, ConnectorView? Events, string? EventsUnavailable);
