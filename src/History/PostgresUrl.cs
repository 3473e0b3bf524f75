using Npgsql;

namespace RustScope.History;

/// <summary>
/// <c>postgres://user:password@host:port/database?sslmode=require</c> (the form libpq, Heroku and CI services give) as
/// Npgsql's connection string, which does not read URLs itself.
/// </summary>
internal static class PostgresUrl
{
    public static bool Is(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="HistoryStoreException">The URL cannot be read.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new HistoryStoreException($"'{Redacted(url)}' is not a PostgreSQL URL (postgres://user:password@host:port/database)");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : "postgres",
        };
        if (uri.UserInfo.Split(':', 2) is [var user, .. var rest] && user.Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user);
            if (rest is [var password])
            {
                builder.Password = Uri.UnescapeDataString(password);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, v) : (pair, "");
            try
            {
                builder[Uri.UnescapeDataString(key)] = Uri.UnescapeDataString(value);
            }
            catch (ArgumentException e)
            {
                throw new HistoryStoreException($"{Redacted(url)}: {e.Message}");
            }
        }

        return builder;
    }

    /// <summary>The URL with its password left out, for messages.</summary>
    public static string Redacted(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? url.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
            : url;
}
