using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace RustScope.History.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server from Debian's postgresql package: initdb in a temporary data directory, pg_ctl start on a
/// free loopback port, stopped and deleted after the tests. Run as the postgres user when the tests run as root
/// (the server refuses root). Each test gets its own fresh database.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string User = "rustscope";
    private readonly string _bin;
    private readonly string _data;
    private int _databases;

    public PostgresServer()
    {
        _bin = Directory.EnumerateDirectories("/usr/lib/postgresql").Select(static d => Path.Combine(d, "bin"))
            .Where(static d => File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(static d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault() ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql; ./build.sh test installs it)");
        _data = Directory.CreateTempSubdirectory("rustscope-pg-").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            Run("chown", "postgres:postgres", _data);
        }

        Port = FreePort();
        Postgres("initdb", "-D", _data, "-U", User, "--auth=trust", "--no-sync", "-E", "UTF8");
        Postgres("pg_ctl", "-D", _data, "-l", Path.Combine(_data, "server.log"), "-w", "-t", "120",
            "-o", $"-p {Port} -k {_data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>A new empty database's URL, as a user would give it to --store.</summary>
    public string NewDatabase()
    {
        var name = $"history_{Interlocked.Increment(ref _databases)}";
        using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username={User};Database=postgres;Pooling=false"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            create.ExecuteNonQuery();
        }

        return $"postgres://{User}@127.0.0.1:{Port}/{name}";
    }

    public void Dispose()
    {
        try
        {
            Postgres("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private void Postgres(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (Environment.IsPrivilegedProcess)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output.Result}{error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
