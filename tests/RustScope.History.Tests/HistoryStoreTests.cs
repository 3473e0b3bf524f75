using RustScope.Core.Model;
using RustScope.History.Tests.Infrastructure;
using static RustScope.History.Tests.Infrastructure.SyntheticSessions;

namespace RustScope.History.Tests;

/// <summary>The store's behaviour, the same on SQLite and on a real PostgreSQL server.</summary>
[Collection(PostgresTests.Name)]
public sealed class HistoryStoreTests(PostgresServer server) : IDisposable
{
    private readonly StoreLocations _stores = new(server);

    // 4 process metrics + 6 per function.
    private static int Metrics(int functions) => 4 + (6 * functions);

    [Theory]
    [MemberData(nameof(StoreLocations.Engines), MemberType = typeof(StoreLocations))]
    public void A_push_stores_one_value_per_run_and_metric_and_a_retried_push_changes_nothing(string engine)
    {
        var location = _stores.New(engine);
        using var store = HistoryStores.Open(location);
        var session = Make(1, Commit(1), runs: 3, functions: 4);

        var first = store.Push(session, Commit(1), "main");
        var again = store.Push(SessionJson.Parse(SessionJson.Serialize(session), "copy"), Commit(1), "main");

        Assert.True(first.Added);
        Assert.Equal(3 * Metrics(4), first.Values);
        Assert.False(again.Added);
        Assert.Equal(first.Hash, again.Hash);
        Assert.Equal(1, RawStore.Scalar(location, "SELECT COUNT(*) FROM sessions"));
        Assert.Equal(3 * Metrics(4), RawStore.Scalar(location, "SELECT COUNT(*) FROM metric_values"));
    }

    [Theory]
    [MemberData(nameof(StoreLocations.Engines), MemberType = typeof(StoreLocations))]
    public void Many_sessions_pushed_at_once_are_each_stored_once_and_reported_in_the_order_given(string engine)
    {
        var location = _stores.New(engine);
        using var store = HistoryStores.Open(location);
        var stored = Make(1, Commit(1), runs: 2);
        store.Push(stored, Commit(1), "main");
        var fresh = Enumerable.Range(2, 5).Select(i => new SessionPush(Make(i, Commit(i), runs: 2, functions: 8), Commit(i), "main")).ToList();

        // A session stored before and one given twice in the same push are written once.
        var results = store.Push([fresh[0], new SessionPush(stored, Commit(1), "main"), .. fresh[1..], fresh[0]]);

        Assert.Equal([true, false, true, true, true, true, false], results.Select(static r => r.Added));
        Assert.Equal(results[0].Hash, results[^1].Hash);
        Assert.All(results.Where(static r => r.Added), static r => Assert.Equal(2 * Metrics(8), r.Values));
        Assert.Equal([Commit(1), .. fresh.Select(static p => p.Commit)], store.List(new SessionQuery()).Select(static s => s.Commit));
        Assert.Equal([2 * Metrics(4), .. Enumerable.Repeat(2 * Metrics(8), fresh.Count)], RawStore.ValuesPerSession(location).Order());
        Assert.Equal(fresh[3].Session.Meta.StartTs, store.List(new SessionQuery { Commits = [Commit(5), Commit(99)] }).Single().Time.ToUnixTimeMilliseconds());
    }

    [Theory]
    [MemberData(nameof(StoreLocations.Engines), MemberType = typeof(StoreLocations))]
    public void The_stored_session_loads_back_whole_with_its_commit_branch_target_and_host(string engine)
    {
        using var store = HistoryStores.Open(_stores.New(engine));
        var session = Make(7, Commit(7), runs: 2, functions: 3);
        var hash = store.Push(session, Commit(7), "main").Hash;

        var listed = Assert.Single(store.List(new SessionQuery { Commit = Commit(7)[..10] }));
        Assert.Equal((Commit(7), "main", "checkout", HostFingerprint.Of(Host), 2), (listed.Commit, listed.Branch, listed.Target, listed.Host, listed.Runs));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(session.Meta.StartTs), listed.Time);
        Assert.Contains("Test CPU 3000, 8 cores, .NET 10.0.0", listed.HostDescription, StringComparison.Ordinal);
        Assert.Equal(SessionJson.Serialize(session), SessionJson.Serialize(store.Load(hash)));
    }

    [Theory]
    [MemberData(nameof(StoreLocations.Engines), MemberType = typeof(StoreLocations))]
    public void A_series_gives_each_commit_the_runs_of_one_host_oldest_commit_first(string engine)
    {
        using var store = HistoryStores.Open(_stores.New(engine));
        var other = Host with { Cpu = "Other CPU" };
        store.Push(Make(1, Commit(1), runs: 2, level: 1.0), Commit(1), "main");
        store.Push(Make(2, Commit(2), runs: 2, level: 2.0), Commit(2), "main");
        store.Push(Make(3, Commit(2), runs: 3, level: 2.0), Commit(2), "main");
        store.Push(Make(4, Commit(3), runs: 2, level: 9.0, host: other), Commit(3), "main");
        store.Push(Make(5, Commit(4), runs: 2, level: 9.0, branch: "topic"), Commit(4), "topic");

        var wallTime = Assert.Single(store.FindMetrics("", "wall_time"));
        var series = store.Series(wallTime, "checkout", HostFingerprint.Of(Host), "main");

        Assert.Equal([Commit(1), Commit(2)], series.Select(static c => c.Commit));
        Assert.Equal([2, 5], series.Select(static c => c.Values.Count));
        Assert.All(series[1].Values, static v => Assert.InRange(v, 2.0, 2.01));
        Assert.Equal([HostFingerprint.Of(Host), HostFingerprint.Of(other)], store.Hosts("checkout").Select(static h => h.Fingerprint));
        Assert.Equal("Shop.Checkout.Step1 p95", Assert.Single(store.FindMetrics("Shop.Checkout.Step1", "p95")).Name.ToString());
    }

    [Theory]
    [MemberData(nameof(StoreLocations.Engines), MemberType = typeof(StoreLocations))]
    public void Prune_keeps_the_sessions_of_each_targets_newest_commits(string engine)
    {
        var location = _stores.New(engine);
        using var store = HistoryStores.Open(location);
        for (var i = 1; i <= 5; i++)
        {
            store.Push(Make(i, Commit(i)), Commit(i), "main");
            store.Push(Make(i, Commit(i), project: "search"), Commit(i), "main");
        }

        Assert.Equal(6, store.Prune(2));

        Assert.Equal([Commit(4), Commit(5)], store.List(new SessionQuery { Target = "checkout" }).Select(static s => s.Commit));
        Assert.Equal([Commit(4), Commit(5)], store.List(new SessionQuery { Target = "search" }).Select(static s => s.Commit));
        Assert.Equal(4 * 3 * Metrics(4), RawStore.Scalar(location, "SELECT COUNT(*) FROM metric_values"));
    }

    [Theory]
    [MemberData(nameof(StoreLocations.Engines), MemberType = typeof(StoreLocations))]
    public void A_store_of_schema_version_1_is_migrated_keeping_its_sessions_and_values(string engine)
    {
        var location = _stores.New(engine);
        var version1 = HistoryStores.Engine(location);
        // Version 1 as its release wrote it, holding one session of two runs.
        string[] statements =
        [
            "CREATE TABLE rustscope_schema (version INTEGER NOT NULL)",
            .. HistoryMigrations.Steps[0](version1),
            "INSERT INTO rustscope_schema (version) VALUES (1)",
            $"INSERT INTO sessions (hash, commit_sha, branch, time_ms, pushed_ms, target, host, host_cpu, host_cores, host_runtime, runs, session) VALUES ('h1', '{Commit(1)}', 'main', 1, 1, 'checkout', 'host-a', 'CPU', 2, '.NET', 2, CAST('' AS {version1.BlobType}))",
            "INSERT INTO metrics (kind, subject, name, unit) VALUES ('process', '', 'wall_time', 's')",
            "INSERT INTO metric_values (metric_id, session_id, run, value) VALUES (1, 1, 0, 1.5), (1, 1, 1, 1.6)",
        ];
        foreach (var statement in statements)
        {
            RawStore.Execute(location, statement);
        }

        using var store = HistoryStores.Open(location);

        Assert.Equal(HistoryMigrations.Latest, RawStore.Scalar(location, "SELECT MAX(version) FROM rustscope_schema"));
        var series = Assert.Single(store.Series(Assert.Single(store.FindMetrics("", "wall_time")), "checkout", "host-a", "main"));
        Assert.Equal(Commit(1), series.Commit);
        Assert.Equal([1.5, 1.6], series.Values);
        Assert.Equal(1, Assert.Single(store.Hosts("checkout", Commit(1))).Sessions);
        Assert.True(store.Push(Make(2, Commit(2)), Commit(2), "main").Added);
    }

    [Theory]
    [MemberData(nameof(StoreLocations.Engines), MemberType = typeof(StoreLocations))]
    public void A_store_written_by_a_newer_RustScope_is_refused_and_left_as_it_is(string engine)
    {
        var location = _stores.New(engine);
        using (var store = HistoryStores.Open(location))
        {
            store.Push(Make(1, Commit(1)), Commit(1), "main");
        }

        RawStore.Execute(location, $"INSERT INTO rustscope_schema (version) VALUES ({HistoryMigrations.Latest + 1})");

        var refused = Assert.Throws<HistoryStoreException>(() => HistoryStores.Open(location));
        Assert.Contains($"written by a newer RustScope (schema version {HistoryMigrations.Latest + 1}; this RustScope knows up to {HistoryMigrations.Latest})", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, RawStore.Scalar(location, "SELECT COUNT(*) FROM sessions"));
    }

    [Theory]
    [MemberData(nameof(StoreLocations.Engines), MemberType = typeof(StoreLocations))]
    public void Opening_a_store_again_applies_no_migration_twice(string engine)
    {
        var location = _stores.New(engine);
        HistoryStores.Open(location).Dispose();
        HistoryStores.Open(location).Dispose();

        Assert.Equal(HistoryMigrations.Latest, RawStore.Scalar(location, "SELECT COUNT(*) FROM rustscope_schema"));
    }

    [Fact]
    public void A_file_that_is_no_database_is_refused_with_its_path()
    {
        var path = Path.Combine(_stores.Folder, "not-a-db.db");
        File.WriteAllText(path, "this is not SQLite, and long enough to have a header of sorts........................................");

        var refused = Assert.Throws<HistoryStoreException>(() => HistoryStores.Open(path));

        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgres_url_becomes_a_connection_string_and_its_password_stays_out_of_messages()
    {
        var builder = PostgresUrl.Parse("postgres://ci%40team:s%3Acret@db.example:6543/perf?sslmode=require");

        Assert.Equal(("ci@team", "s:cret", "db.example", 6543, "perf"), (builder.Username, builder.Password, builder.Host, builder.Port, builder.Database));
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
        Assert.DoesNotContain("s%3Acret", PostgresUrl.Redacted("postgres://ci:s%3Acret@db.example/perf"), StringComparison.Ordinal);
        Assert.DoesNotContain("s%3Acret", new PostgresEngine(builder).Location, StringComparison.Ordinal);
    }

    public void Dispose() => _stores.Dispose();
}
