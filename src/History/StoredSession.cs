namespace RustScope.History;

/// <summary>One pushed session as the store lists it (the session itself is loaded with <see cref="IHistoryStore.Load"/>).</summary>
/// <param name="Hash">SHA-256 of the session's canonical JSON: its identity.</param>
/// <param name="Commit">The commit sha it was recorded at.</param>
/// <param name="Branch">The branch, when known.</param>
/// <param name="Time">When the session started.</param>
/// <param name="Target">The project or budget target it profiled.</param>
/// <param name="Host">The host's fingerprint (<see cref="HostFingerprint"/>).</param>
/// <param name="HostDescription">The host in words.</param>
/// <param name="Runs">Its measured runs (1 for a session without <c>runs[]</c>).</param>
internal sealed record StoredSession(string Hash, string Commit, string? Branch, DateTimeOffset Time, string Target, string Host, string HostDescription, int Runs);
