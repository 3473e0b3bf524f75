namespace RustScope.History;

/// <summary>
/// Finds the store a command means: <c>--store</c>, else the <c>RUSTSCOPE_HISTORY</c> variable, else the SQLite file
/// <c>.rustscope/history.db</c> under the current folder. A <c>postgres://</c> URL names a PostgreSQL database,
/// anything else a SQLite file.
/// </summary>
internal static class HistoryStores
{
    /// <summary>The environment variable that names the store when no option does.</summary>
    public const string Variable = "RUSTSCOPE_HISTORY";

    /// <summary>The SQLite file used when nothing names a store.</summary>
    public static string DefaultPath { get; } = Path.Combine(".rustscope", "history.db");

    /// <summary>The location <paramref name="option"/> or the environment gives.</summary>
    public static string Resolve(string? option, Func<string, string?> environment) =>
        option is { Length: > 0 } ? option : environment(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultPath;

    /// <summary>Opens the store at <paramref name="location"/>, migrating it on first use.</summary>
    /// <exception cref="HistoryStoreException">It cannot be used.</exception>
    public static IHistoryStore Open(string location) => HistoryStore.Open(Engine(location));

    /// <summary>The engine of the store at <paramref name="location"/>.</summary>
    /// <exception cref="HistoryStoreException">A PostgreSQL URL that cannot be read.</exception>
    public static HistoryEngine Engine(string location) =>
        PostgresUrl.Is(location) ? new PostgresEngine(PostgresUrl.Parse(location)) : new SqliteEngine(location);
}
