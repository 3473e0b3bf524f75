using System.Data.Common;

namespace RustScope.History;

/// <summary>
/// What differs between the databases a history lives in: how to connect, two column types, how schema changes are
/// serialised, and the fastest way to write many value rows. Everything else (schema, queries, behaviour) is <see cref="HistoryStore"/>'s, once for both.
/// </summary>
internal abstract class HistoryEngine
{
    /// <summary>Where the store is, for messages: a file path or a server and database (never a password).</summary>
    public abstract string Location { get; }

    /// <summary>An auto-numbered primary key column's type and constraint.</summary>
    public abstract string IdColumn { get; }

    /// <summary>The column type of raw bytes.</summary>
    public abstract string BlobType { get; }

    /// <summary>
    /// What makes a table's primary key hold the table's other columns too, as (after the key's columns, after the
    /// table's): a metric's series is then read from the key alone, in key order, never row by row from elsewhere.
    /// </summary>
    public abstract (string Key, string Table) CoveringKey { get; }

    /// <summary>
    /// Statements that keep the sessions' blobs out of their rows, so reading a session's other columns (a trend, the
    /// hosts) never walks past them.
    /// </summary>
    public abstract IReadOnlyList<string> BlobsOutOfRows { get; }

    /// <summary>An open connection, set up for concurrent writers.</summary>
    public abstract DbConnection Open();

    /// <summary>
    /// A write transaction that holds the schema lock from its start, so two processes opening a new store do not both
    /// migrate it and a push never interleaves with a migration.
    /// </summary>
    public abstract DbTransaction BeginSchemaTransaction(DbConnection connection);

    /// <summary>A write transaction; on SQLite it takes the write lock at once, so it never fails half-way on a busy file.</summary>
    public abstract DbTransaction BeginWriteTransaction(DbConnection connection);

    /// <summary>Writes <paramref name="rows"/> to <c>metric_values</c> in <paramref name="transaction"/>.</summary>
    public abstract void InsertValues(DbConnection connection, DbTransaction transaction, IReadOnlyList<ValueRow> rows);
}
