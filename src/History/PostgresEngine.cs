using System.Data.Common;
using Npgsql;

namespace RustScope.History;

/// <summary>A PostgreSQL database shared by a team's CI runners.</summary>
internal sealed class PostgresEngine(NpgsqlConnectionStringBuilder connectionString) : HistoryEngine
{
    // Any fixed number shared by every RustScope: the advisory lock that serialises schema migrations.
    private const long SchemaLockKey = 0x5275_7374_5363_6f70;

    public override string Location => $"postgres://{connectionString.Host}:{connectionString.Port}/{connectionString.Database}";

    public override string IdColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override string BlobType => "BYTEA";

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
}
