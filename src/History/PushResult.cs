namespace RustScope.History;

/// <summary>What a push did.</summary>
/// <param name="Hash">The session's identity in the store.</param>
/// <param name="Added">False when the same session was already stored (a retried push): nothing was written.</param>
/// <param name="Values">Metric values written, one per run and metric.</param>
internal sealed record PushResult(string Hash, bool Added, int Values);
