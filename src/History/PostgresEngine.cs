using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace RustScope.History;

/// <summary>A PostgreSQL database shared by a team's CI runners.</summary>
internal sealed class PostgresEngine(NpgsqlConnectionStringBuilder connectionString) : HistoryEngine
{
    // Any fixed number shared by every RustScope: the advisory lock that serialises schema migrations.
    private const long SchemaLockKey = 0x5275_7374_5363_6f70;

    public override string Location => $"postgres://{connectionString.Host}:{connectionString.Port}/{connectionString.Database}";

    public override string IdColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override string BlobType => "BYTEA";

    // The key's index carries the value, so a series is an index-only scan.
    public override (string Key, string Table) CoveringKey => (" INCLUDE (value)", "");

    // A session's gzip (a kilobyte or more) is moved to the TOAST table only above 2 kB by default: rows of sessions of
    // one run stayed a kilobyte wide, and the hosts and targets read 10,000 of them for a few bytes each.
    public override IReadOnlyList<string> BlobsOutOfRows => ["ALTER TABLE sessions SET (toast_tuple_target = 128)"];

    public override DbConnection Open()
    {
        var connection = new NpgsqlConnection(connectionString.ToString());
        connection.Open();
        return connection;
    }

    public override DbTransaction BeginSchemaTransaction(DbConnection connection)
    {
        var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({SchemaLockKey})";
        command.ExecuteNonQuery();
        return transaction;
    }

    public override DbTransaction BeginWriteTransaction(DbConnection connection) => connection.BeginTransaction();

    // Binary COPY: every row of a push in one stream, no statement to parse and no round trip per row or per batch.
    public override void InsertValues(DbConnection connection, DbTransaction transaction, IReadOnlyList<ValueRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var copy = ((NpgsqlConnection)connection).BeginBinaryImport("COPY metric_values (metric_id, session_id, run, value) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            copy.StartRow();
            copy.Write(row.Metric, NpgsqlDbType.Bigint);
            copy.Write(row.Session, NpgsqlDbType.Bigint);
            copy.Write(row.Run, NpgsqlDbType.Integer);
            copy.Write(row.Value, NpgsqlDbType.Double);
        }

        copy.Complete();
    }
}
