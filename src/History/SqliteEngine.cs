using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace RustScope.History;

/// <summary>
/// One SQLite file (the embedded default): write-ahead logging so readers never block the writer and a killed writer
/// leaves only an uncommitted log tail, and a long busy timeout so parallel pushes queue instead of failing.
/// </summary>
internal sealed class SqliteEngine(string path) : HistoryEngine
{
    // Parallel CI jobs on one cache may wait for each other's pushes: generous, as a push holds the lock for milliseconds.
    private const int BusyTimeoutSeconds = 120;

    public override string Location => path;

    public override string IdColumn => "INTEGER PRIMARY KEY";

    public override string BlobType => "BLOB";

    // A WITHOUT ROWID table is stored in its key's b-tree.
    public override (string Key, string Table) CoveringKey => ("", " WITHOUT ROWID");

    // Nothing to do: the blob is the last column, read only when asked for, and what a trend or the hosts need is in indexes.
    public override IReadOnlyList<string> BlobsOutOfRows => [];

    public override DbConnection Open()
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = BusyTimeoutSeconds,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public override DbTransaction BeginSchemaTransaction(DbConnection connection) => BeginWriteTransaction(connection);

    // BEGIN IMMEDIATE: the write lock up front, so a transaction that read first never has to abort on SQLITE_BUSY later.
    public override DbTransaction BeginWriteTransaction(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    // In process there are no round trips to save: one prepared single-row statement, run per row, is SQLite's fastest
    // path (a statement of hundreds of rows spends its time parsing and binding parameters by name).
    public override void InsertValues(DbConnection connection, DbTransaction transaction, IReadOnlyList<ValueRow> rows)
    {
        using var command = ((SqliteConnection)connection).CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = "INSERT INTO metric_values (metric_id, session_id, run, value) VALUES ($metric, $session, $run, $value)";
        var metric = command.Parameters.Add("$metric", SqliteType.Integer);
        var session = command.Parameters.Add("$session", SqliteType.Integer);
        var run = command.Parameters.Add("$run", SqliteType.Integer);
        var value = command.Parameters.Add("$value", SqliteType.Real);
        command.Prepare();
        foreach (var row in rows)
        {
            metric.Value = row.Metric;
            session.Value = row.Session;
            run.Value = row.Run;
            value.Value = row.Value;
            command.ExecuteNonQuery();
        }
    }
}
