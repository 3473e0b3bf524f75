using System.Data.Common;
using System.IO.Compression;
using System.Security.Cryptography;
using RustScope.Core.Comparison;
using RustScope.Core.Metrics;
using RustScope.Core.Model;

namespace RustScope.History;

/// <summary>
/// <see cref="IHistoryStore"/> over any <see cref="HistoryEngine"/>: one schema, one set of statements, so SQLite and
/// PostgreSQL behave the same. A push is one transaction (a writer killed half-way leaves nothing behind); the session's
/// hash is unique, so a retried or concurrent push of the same session stores it once.
/// </summary>
internal sealed class HistoryStore : IHistoryStore
{
    private readonly HistoryEngine _engine;
    private readonly DbConnection _connection;
    private Dictionary<(string Kind, string Subject, string Name), long>? _metricIds;

    private HistoryStore(HistoryEngine engine, DbConnection connection)
    {
        _engine = engine;
        _connection = connection;
    }

    public string Location => _engine.Location;

    /// <summary>Opens the store, creating or migrating its schema on first use.</summary>
    /// <exception cref="HistoryStoreException">It cannot be reached, is not a RustScope history, or a newer RustScope wrote it.</exception>
    public static HistoryStore Open(HistoryEngine engine)
    {
        DbConnection? connection = null;
        try
        {
            connection = engine.Open();
            Migrate(engine, connection);
            return new HistoryStore(engine, connection);
        }
        catch (DbException e)
        {
            connection?.Dispose();
            throw new HistoryStoreException($"cannot use the history store {engine.Location}: {e.Message}", e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    private static void Migrate(HistoryEngine engine, DbConnection connection)
    {
        using var transaction = engine.BeginSchemaTransaction(connection);
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS rustscope_schema (version INTEGER NOT NULL)");
        var version = Convert.ToInt32(Scalar(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM rustscope_schema"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > HistoryMigrations.Latest)
        {
            throw new HistoryStoreException(
                $"the history store {engine.Location} was written by a newer RustScope (schema version {version}; this RustScope knows up to {HistoryMigrations.Latest}): upgrade RustScope to use it; nothing was changed");
        }

        for (var step = version; step < HistoryMigrations.Latest; step++)
        {
            foreach (var statement in HistoryMigrations.Steps[step](engine))
            {
                Execute(connection, transaction, statement);
            }

            Execute(connection, transaction, "INSERT INTO rustscope_schema (version) VALUES (@v)", ("v", step + 1));
        }

        transaction.Commit();
    }

    public PushResult Push(ProfileSession session, string commit, string? branch) => Push([new SessionPush(session, commit, branch)])[0];

    public IReadOnlyList<PushResult> Push(IReadOnlyList<SessionPush> pushes)
    {
        var prepared = pushes.Select(static p => (Push: p, Json: SessionJson.Serialize(p.Session), Values: SessionMetrics.Extract(p.Session)))
            .Select(static p => (p.Push, p.Json, Hash: Convert.ToHexStringLower(SHA256.HashData(p.Json)), p.Values))
            .ToList();
        var ids = MetricIds([.. prepared.SelectMany(static p => p.Values.Select(static m => (m.Key, m.Value.Unit))).DistinctBy(static m => m.Key)]);
        return Guarded(() =>
        {
            var results = new PushResult[prepared.Count];
            var rows = new List<ValueRow>();
            using var transaction = _engine.BeginWriteTransaction(_connection);
            // One statement for every session, its parameters set again per session: both engines reuse its parsed form.
            using var insert = Command(_connection, transaction,
                """
                INSERT INTO sessions (hash, commit_sha, branch, time_ms, pushed_ms, target, host, host_cpu, host_cores, host_runtime, host_cpu_limit, host_memory_limit_mb, runs, session)
                VALUES (@hash, @commit, @branch, @time, @pushed, @target, @host, @cpu, @cores, @runtime, @cpuLimit, @memoryLimit, @runs, @session)
                ON CONFLICT (hash) DO NOTHING RETURNING id
                """, []);
            // In hash order: two transactions on a server that share sessions lock them in the same order, never in a deadlock.
            foreach (var i in Enumerable.Range(0, prepared.Count).OrderBy(i => prepared[i].Hash, StringComparer.Ordinal))
            {
                var (push, json, hash, values) = prepared[i];
                var host = push.Session.Meta.Host;
                Set(insert,
                    ("hash", hash), ("commit", push.Commit), ("branch", push.Branch), ("time", push.Session.Meta.StartTs), ("pushed", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
                    ("target", push.Session.Meta.Project), ("host", HostFingerprint.Of(host)), ("cpu", host?.Cpu), ("cores", host?.Cores ?? 0), ("runtime", host?.Runtime),
                    ("cpuLimit", host?.ContainerCpuLimit), ("memoryLimit", host?.ContainerMemoryLimitMb), ("runs", Math.Max(1, push.Session.Runs.Count)), ("session", Compress(json)));
                if (insert.ExecuteScalar() is not { } id || id is DBNull)
                {
                    results[i] = new PushResult(hash, false, 0);
                    continue;
                }

                var sessionId = Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
                var before = rows.Count;
                rows.AddRange(values.SelectMany(m => m.Value.Values.Select((v, r) => new ValueRow(ids[Key(m.Key)], sessionId, m.Value.Runs?[r] ?? r, v))));
                results[i] = new PushResult(hash, true, rows.Count - before);
            }

            _engine.InsertValues(_connection, transaction, rows);
            transaction.Commit();
            return results;
        });
    }

    /// <summary>
    /// The ids of the metrics, adding the new ones first, each in its own short statement outside the session's
    /// transaction: two pushes never wait on each other's new names, and a name without values harms nothing.
    /// </summary>
    private Dictionary<(string, string, string), long> MetricIds(IReadOnlyList<(MetricKey Key, string Unit)> metrics)
    {
        _metricIds ??= Guarded(() => Query(_connection, null, "SELECT id, kind, subject, name FROM metrics", static r => ((r.GetString(1), r.GetString(2), r.GetString(3)), r.GetInt64(0)))
            .ToDictionary(static m => m.Item1, static m => m.Item2));
        foreach (var (key, unit) in metrics.Where(m => !_metricIds.ContainsKey(Key(m.Key))).OrderBy(m => Key(m.Key).ToString(), StringComparer.Ordinal))
        {
            var (kind, subject, name) = Key(key);
            _metricIds[Key(key)] = Guarded(() =>
            {
                Execute(_connection, null, "INSERT INTO metrics (kind, subject, name, unit) VALUES (@k, @s, @n, @u) ON CONFLICT (kind, subject, name) DO NOTHING",
                    ("k", kind), ("s", subject), ("n", name), ("u", unit));
                return Convert.ToInt64(Scalar(_connection, null, "SELECT id FROM metrics WHERE kind = @k AND subject = @s AND name = @n", ("k", kind), ("s", subject), ("n", name)),
                    System.Globalization.CultureInfo.InvariantCulture);
            });
        }

        return _metricIds;
    }

    private static (string Kind, string Subject, string Name) Key(MetricKey key) => (key.Kind.ToString().ToLowerInvariant(), key.Subject ?? "", key.Metric);

    public IReadOnlyList<StoredSession> List(SessionQuery query)
    {
        var (where, parameters) = Where(query);
        return Guarded(() => Query(_connection, null,
            $"SELECT hash, commit_sha, branch, time_ms, target, host, host_cpu, host_cores, host_runtime, host_cpu_limit, host_memory_limit_mb, runs FROM sessions{where} ORDER BY time_ms, id",
            static r => new StoredSession(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
                r.GetString(4), r.GetString(5), Describe(r, 6), r.GetInt32(11)),
            parameters));
    }

    private static (string Where, (string, object?)[] Parameters) Where(SessionQuery query)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        void When(object? value, string condition, string name)
        {
            if (value is not null)
            {
                conditions.Add(condition);
                parameters.Add((name, value));
            }
        }

        When(query.Target, "target = @target", "target");
        When(query.Branch, "branch = @branch", "branch");
        // A prefix match on an abbreviated sha; a full one is compared exactly so the index serves it.
        When(query.Commit is { Length: < 40 } prefix ? prefix + "%" : null, "commit_sha LIKE @prefix", "prefix");
        When(query.Commit is { Length: >= 40 } commit ? commit : null, "commit_sha = @commit", "commit");
        if (query.Commits is { } commits)
        {
            conditions.Add(commits.Count == 0 ? "1 = 0" : $"commit_sha IN ({string.Join(", ", commits.Select(static (_, i) => FormattableString.Invariant($"@c{i}")))})");
            parameters.AddRange(commits.Select(static (c, i) => (FormattableString.Invariant($"c{i}"), (object?)c)));
        }

        When(query.Host, "host = @host", "host");
        When(query.Since?.ToUnixTimeMilliseconds(), "time_ms >= @since", "since");
        return (conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions), [.. parameters]);
    }

    private static string Describe(DbDataReader reader, int first) => HostFingerprint.Describe(
        reader.IsDBNull(first) ? null : reader.GetString(first), reader.GetInt32(first + 1), reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2),
        reader.IsDBNull(first + 3) ? null : reader.GetDouble(first + 3), reader.IsDBNull(first + 4) ? null : reader.GetDouble(first + 4));

    public ProfileSession Load(string hash)
    {
        var bytes = Guarded(() => Query(_connection, null, "SELECT session FROM sessions WHERE hash = @hash", static r => (byte[])r.GetValue(0), ("hash", hash)));
        return bytes is [var compressed] ? SessionJson.Parse(Decompress(compressed), $"{Location} session {hash}") : throw new HistoryStoreException($"no session {hash} in {Location}");
    }

    public int Prune(int commits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(commits);
        return Guarded(() =>
        {
            using var transaction = _engine.BeginWriteTransaction(_connection);
            var drop = Query(_connection, transaction, "SELECT target, commit_sha, MAX(time_ms) FROM sessions GROUP BY target, commit_sha", static r => (Target: r.GetString(0), Commit: r.GetString(1), Time: r.GetInt64(2)))
                .GroupBy(static c => c.Target, StringComparer.Ordinal)
                .SelectMany(t => t.OrderByDescending(static c => c.Time).ThenBy(static c => c.Commit, StringComparer.Ordinal).Skip(commits));
            var deleted = 0;
            foreach (var (target, commit, _) in drop)
            {
                Execute(_connection, transaction, "DELETE FROM metric_values WHERE session_id IN (SELECT id FROM sessions WHERE target = @t AND commit_sha = @c)", ("t", target), ("c", commit));
                deleted += Execute(_connection, transaction, "DELETE FROM sessions WHERE target = @t AND commit_sha = @c", ("t", target), ("c", commit));
            }

            transaction.Commit();
            return deleted;
        });
    }

    // Counted from an index alone, then one session per host describes it (the parts of a fingerprint are the same in all its sessions).
    public IReadOnlyList<HostSummary> Hosts(string target, string? commit = null) => Guarded(() => Query(_connection, null,
        "SELECT h.host, s.host_cpu, s.host_cores, s.host_runtime, s.host_cpu_limit, s.host_memory_limit_mb, h.sessions FROM (SELECT host, COUNT(*) AS sessions, MIN(id) AS first FROM sessions WHERE target = @t"
            + (commit is null ? "" : " AND commit_sha = @c") + " GROUP BY host) h JOIN sessions s ON s.id = h.first ORDER BY h.sessions DESC, h.host",
        static r => new HostSummary(r.GetString(0), Describe(r, 1), Convert.ToInt32(r.GetValue(6), System.Globalization.CultureInfo.InvariantCulture)),
        commit is null ? [("t", target)] : [("t", target), ("c", commit)]));

    public IReadOnlyList<string> Targets() => Guarded(() => Query(_connection, null, "SELECT DISTINCT target FROM sessions ORDER BY target", static r => r.GetString(0)));

    public IReadOnlyList<StoredMetric> FindMetrics(string subject, string metric) => Guarded(() => Query(_connection, null,
        "SELECT id, kind, unit FROM metrics WHERE subject = @s AND name = @n ORDER BY kind",
        r => new StoredMetric(r.GetInt64(0), new MetricName(Enum.Parse<MetricKind>(r.GetString(1), ignoreCase: true), subject, metric), r.GetString(2)),
        ("s", subject), ("n", metric)));

    // Two reads that each walk one index in order (the sessions of the host, then the metric's values over their
    // range of ids), joined here: joined in SQL, each value fetched its session's row, blob and all, one at a time.
    public IReadOnlyList<CommitValues> Series(StoredMetric metric, string target, string host, string? branch) => Guarded<IReadOnlyList<CommitValues>>(() =>
    {
        var sessions = Query(_connection, null,
            "SELECT id, commit_sha, time_ms FROM sessions WHERE target = @t AND host = @h" + (branch is null ? "" : " AND branch = @b") + " ORDER BY time_ms, id",
            static r => (Id: r.GetInt64(0), Commit: r.GetString(1), Time: r.GetInt64(2)),
            branch is null ? [("t", target), ("h", host)] : [("t", target), ("h", host), ("b", branch)]);
        if (sessions.Count == 0)
        {
            return [];
        }

        var values = Query(_connection, null,
            "SELECT session_id, value FROM metric_values WHERE metric_id = @m AND session_id BETWEEN @first AND @last ORDER BY session_id, run",
            static r => (Session: r.GetInt64(0), Value: r.GetDouble(1)),
            ("m", metric.Id), ("first", sessions.Min(static s => s.Id)), ("last", sessions.Max(static s => s.Id)))
            .ToLookup(static v => v.Session, static v => v.Value);

        // Ordered by each commit's first session: GroupBy keeps the order in which keys first appear.
        return [.. sessions.Where(s => values.Contains(s.Id)).GroupBy(static s => s.Commit, StringComparer.Ordinal)
            .Select(c => new CommitValues(c.Key, DateTimeOffset.FromUnixTimeMilliseconds(c.First().Time), [.. c.SelectMany(s => values[s.Id])]))];
    });

    public void Dispose() => _connection.Dispose();

    private T Guarded<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DbException e)
        {
            throw new HistoryStoreException($"the history store {Location} failed: {e.Message}", e);
        }
    }

    private static byte[] Compress(byte[] json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(json);
        }

        return buffer.ToArray();
    }

    private static byte[] Decompress(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var json = new MemoryStream();
        gzip.CopyTo(json);
        return json.ToArray();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }

    /// <summary>Gives a command's parameters new values, adding them on its first use.</summary>
    private static void Set(DbCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }
            else
            {
                Add(command, name, value);
            }
        }
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(DbConnection connection, DbTransaction? transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    private static List<T> Query<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
