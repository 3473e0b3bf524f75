namespace RustScope.History;

/// <summary>
/// The store's schema, as versioned steps applied in order on first use (never edited once released: a change is a new
/// step). A store whose version is above <see cref="Latest"/> was written by a newer RustScope and is refused.
/// </summary>
internal static class HistoryMigrations
{
    /// <summary>The schema version this RustScope writes.</summary>
    public static int Latest => Steps.Count;

    /// <summary>The statements of each version, from 1, for an engine's column types.</summary>
    public static IReadOnlyList<Func<HistoryEngine, IReadOnlyList<string>>> Steps { get; } =
    [
        static engine =>
        [
            // One row per pushed session; hash is the SHA-256 of its canonical JSON, which makes a retried push a no-op.
            $"""
            CREATE TABLE sessions (
              id {engine.IdColumn},
              hash TEXT NOT NULL UNIQUE,
              commit_sha TEXT NOT NULL,
              branch TEXT,
              time_ms BIGINT NOT NULL,
              pushed_ms BIGINT NOT NULL,
              target TEXT NOT NULL,
              host TEXT NOT NULL,
              host_cpu TEXT,
              host_cores INTEGER NOT NULL,
              host_runtime TEXT,
              host_cpu_limit DOUBLE PRECISION,
              host_memory_limit_mb DOUBLE PRECISION,
              runs INTEGER NOT NULL,
              session {engine.BlobType} NOT NULL)
            """,
            "CREATE INDEX sessions_commit ON sessions (commit_sha)",
            "CREATE INDEX sessions_target_host ON sessions (target, host, commit_sha)",
            "CREATE INDEX sessions_time ON sessions (time_ms)",
            // Metric names interned: two hundred metrics a session would otherwise repeat their names in every row.
            $"CREATE TABLE metrics (id {engine.IdColumn}, kind TEXT NOT NULL, subject TEXT NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL, UNIQUE (kind, subject, name))",
            "CREATE TABLE metric_values (metric_id BIGINT NOT NULL, session_id BIGINT NOT NULL, run INTEGER NOT NULL, value DOUBLE PRECISION NOT NULL, PRIMARY KEY (metric_id, session_id, run))",
            "CREATE INDEX metric_values_session ON metric_values (session_id)",
        ],
        static engine =>
        [
            // A metric's values kept together with their key: a trend over 10,000 sessions read 20,000 rows one by one
            // from all over the table (issue 26's benchmark, benchmarks/History).
            $"CREATE TABLE metric_values_covered (metric_id BIGINT NOT NULL, session_id BIGINT NOT NULL, run INTEGER NOT NULL, value DOUBLE PRECISION NOT NULL, PRIMARY KEY (metric_id, session_id, run){engine.CoveringKey.Key}){engine.CoveringKey.Table}",
            "INSERT INTO metric_values_covered (metric_id, session_id, run, value) SELECT metric_id, session_id, run, value FROM metric_values",
            "DROP TABLE metric_values",
            "ALTER TABLE metric_values_covered RENAME TO metric_values",
            "CREATE INDEX metric_values_session ON metric_values (session_id)",
            // A commit's sessions of a target and host from one index: with only the commit's, SQLite took the
            // (target, host, commit) index and walked every session of the target.
            "DROP INDEX sessions_commit",
            "CREATE INDEX sessions_commit ON sessions (commit_sha, target, host)",
            // A trend's sessions (a host's, of a target and branch, in time order) from this index alone.
            "CREATE INDEX sessions_series ON sessions (target, host, branch, time_ms, id, commit_sha)",
            .. engine.BlobsOutOfRows,
        ],
    ];
}
