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
}
