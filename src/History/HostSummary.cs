namespace RustScope.History;

/// <summary>A host that pushed sessions, and how many.</summary>
/// <param name="Fingerprint">Its <see cref="HostFingerprint"/>.</param>
/// <param name="Description">The host in words.</param>
/// <param name="Sessions">Sessions stored from it (for the query that listed it).</param>
internal sealed record HostSummary(string Fingerprint, string Description, int Sessions);
