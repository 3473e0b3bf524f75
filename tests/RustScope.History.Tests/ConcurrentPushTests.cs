using RustScope.Core.Model;
using RustScope.History.Tests.Infrastructure;
using static RustScope.History.Tests.Infrastructure.SyntheticSessions;

namespace RustScope.History.Tests;

/// <summary>
/// Real writers: several <c>rustscope history push</c> processes at once on a store none of them has created yet, and a
/// push killed with SIGKILL in the middle, on both engines.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class ConcurrentPushTests(PostgresServer server) : IDisposable
{
    private const int Writers = 6;
    private const int SessionsEach = 3;
    private readonly StoreLocations _stores = new(server);

    [Theory]
    [MemberData(nameof(StoreLocations.Engines), MemberType = typeof(StoreLocations))]
    public async Task Parallel_pushes_lose_nothing_and_store_a_session_they_share_once(string engine)
    {
        var location = _stores.New(engine);
        var shared = Write(Make(0, Commit(0)), "shared.json");
        var files = Enumerable.Range(0, Writers).Select(w => Enumerable.Range(0, SessionsEach).Select(s => Write(Make(1 + (w * SessionsEach) + s, Commit(w + 1)), $"w{w}-s{s}.json")).Append(shared).ToList()).ToList();

        var pushes = files.Select(f => Rustscope.Start(_stores.Folder, ["history", "push", .. f, "--store", location])).ToList();
        var results = await Task.WhenAll(pushes.Select(Rustscope.FinishAsync));

        Assert.All(results, static r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.Equal((Writers * SessionsEach) + 1, RawStore.Scalar(location, "SELECT COUNT(*) FROM sessions"));
        Assert.Equal(1, results.Count(static r => r.Out.Contains("shared.json: pushed", StringComparison.Ordinal)));
        Assert.All(RawStore.ValuesPerSession(location), static count => Assert.Equal(3 * (4 + (6 * 4)), count));
        Assert.Equal(HistoryMigrations.Latest, RawStore.Scalar(location, "SELECT COUNT(*) FROM rustscope_schema"));
    }

    [Theory]
    [MemberData(nameof(StoreLocations.Engines), MemberType = typeof(StoreLocations))]
    public async Task A_push_killed_with_SIGKILL_leaves_only_whole_sessions_and_the_retry_completes_it(string engine)
    {
        var location = _stores.New(engine);
        // Big sessions (5 runs x 196 metrics), and ten transactions of them, so the kill lands while one is being written
        // more often than not.
        var files = Enumerable.Range(0, 80).Select(i => Write(Make(i, Commit(i), runs: 5, functions: 32), $"big{i}.json")).ToList();

        using (var push = Rustscope.Start(_stores.Folder, ["history", "push", .. files, "--store", location]))
        {
            // Killed once it is writing: after its first transaction is in.
            var first = await push.StandardOutput.ReadLineAsync();
            Assert.NotNull(first);
            push.Kill();
            await push.WaitForExitAsync();
        }

        var stored = RawStore.Scalar(location, "SELECT COUNT(*) FROM sessions");
        Assert.InRange(stored, 1, files.Count - 1);
        Assert.All(RawStore.ValuesPerSession(location), static count => Assert.Equal(5 * (4 + (6 * 32)), count));
        if (engine == "sqlite")
        {
            Assert.Equal(0, RawStore.Scalar(location, "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"));
        }

        var retry = await Rustscope.RunAsync(_stores.Folder, ["history", "push", .. files, "--store", location]);
        Assert.True(retry.ExitCode == 0, retry.Error);
        Assert.Equal(files.Count, RawStore.Scalar(location, "SELECT COUNT(*) FROM sessions"));
        Assert.All(RawStore.ValuesPerSession(location), static count => Assert.Equal(5 * (4 + (6 * 32)), count));
    }

    private string Write(ProfileSession session, string name)
    {
        var path = Path.Combine(_stores.Folder, name);
        SessionJson.Write(session, path);
        return path;
    }

    public void Dispose() => _stores.Dispose();
}
