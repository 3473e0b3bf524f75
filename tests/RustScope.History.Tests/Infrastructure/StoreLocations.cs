namespace RustScope.History.Tests.Infrastructure;

/// <summary>Fresh stores of either engine: a SQLite file in a temporary folder, or a new database on the test server.</summary>
public sealed class StoreLocations(PostgresServer server) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rustscope-history-").FullName;

    public static TheoryData<string> Engines => ["sqlite", "postgres"];

    public string Folder => _directory;

    public string New(string engine) => engine == "sqlite"
        ? Path.Combine(_directory, $"{Guid.NewGuid():N}", "history.db")
        : server.NewDatabase();

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
