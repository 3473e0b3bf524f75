using System.Globalization;

namespace RustScope.History.Tests.Infrastructure;

/// <summary>Plain SQL on a store, to look behind the store's API (row counts) or to tamper with it (a newer schema).</summary>
public static class RawStore
{
    public static long Scalar(string location, string sql)
    {
        using var connection = HistoryStores.Engine(location).Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static void Execute(string location, string sql) => Scalar(location, sql + "; SELECT 0");

    /// <summary>Value rows per stored session (a session missing some would be a torn push).</summary>
    public static IReadOnlyList<long> ValuesPerSession(string location)
    {
        using var connection = HistoryStores.Engine(location).Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(v.value) FROM sessions s LEFT JOIN metric_values v ON v.session_id = s.id GROUP BY s.id";
        using var reader = command.ExecuteReader();
        var counts = new List<long>();
        while (reader.Read())
        {
            counts.Add(reader.GetInt64(0));
        }

        return counts;
    }
}
