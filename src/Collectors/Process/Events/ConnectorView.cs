namespace RustScope.Collectors.Process.Events;

/// <summary>What the process-event connector saw of one run, taken once the run has ended.</summary>
/// <param name="RootLifetime">Monotonic nanoseconds of the root's fork and exit.</param>
/// <param name="Lifetimes">Every process of the tree, however short-lived.</param>
/// <param name="Overflowed">Events were dropped: some processes may be missing.</param>
internal sealed record ConnectorView((long StartNs, long EndNs)? RootLifetime, IReadOnlyList<ProcessLifetime> Lifetimes, bool Overflowed);
