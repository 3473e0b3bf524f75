namespace RustScope.History;

/// <summary>One commit's values of one metric: every run of every session stored for it, in push order.</summary>
/// <param name="Commit">The commit sha.</param>
/// <param name="Time">When its first session started.</param>
/// <param name="Values">The values, one per run (per iteration for a benchmark measured in one run).</param>
internal sealed record CommitValues(string Commit, DateTimeOffset Time, IReadOnlyList<double> Values);
