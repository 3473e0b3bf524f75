// The history's costs at scale (issue 26): with 10,000 stored sessions of 196 metrics (2 runs each) on one target and
// host over 1,000 main commits, on SQLite and on a PostgreSQL server started here (the tests' own, from Debian's
// postgresql): push of one more session, the baseline choice (10 sessions of the commit merged, 5 newer main commits
// without runs skipped), and one metric's trend with its change points over the 1,000 commits, each as the commands
// do it. The store is filled through the store's own push, a few hundred sessions a transaction (what
// `history push` does with many files), so 10,000 sessions take minutes. Prints medians; asserts nothing.
// Usage: dotnet run -c Release --project benchmarks/History [-- SESSIONS [REPEATS]]
using System.Diagnostics;
using System.Globalization;
using RustScope.Cli.History;
using RustScope.History;
using RustScope.History.Tests.Infrastructure;

var sessions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 21;
const int PerCommit = 10;
const int PerFillTransaction = 500;
var commits = sessions / PerCommit;
var folder = Directory.CreateTempSubdirectory("rustscope-history-bench-").FullName;
using var server = new PostgresServer();
try
{
    Console.WriteLine(FormattableString.Invariant($"{sessions} sessions ({commits} commits x {PerCommit}), 196 metrics x 2 runs each; medians of {repeats}: wall ms (this process's CPU ms)"));
    Console.WriteLine("engine      fill s (CPU s)         push ms         baseline ms    trend+change points ms");
    foreach (var (engine, location) in new[] { ("sqlite", Path.Combine(folder, "history.db")), ("postgres", server.NewDatabase()) })
    {
        using var store = HistoryStores.Open(location);
        var fillCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var fill = Stopwatch.StartNew();
        for (var first = 0; first < sessions; first += PerFillTransaction)
        {
            // A step at the middle commit, so the detector has one change point to find.
            store.Push([.. Enumerable.Range(first, Math.Min(PerFillTransaction, sessions - first)).Select(i => i / PerCommit).Select((commit, k) => new SessionPush(
                SyntheticSessions.Make(first + k, SyntheticSessions.Commit(commit), runs: 2, functions: 32, level: commit < commits / 2 ? 1.0 : 1.1), SyntheticSessions.Commit(commit), "main"))]);
        }

        fill.Stop();
        fillCpu = Process.GetCurrentProcess().TotalProcessorTime - fillCpu;
        if (engine == "postgres")
        {
            // What autovacuum does on a server in use, pushes after pushes: statistics, and the visibility map that lets a
            // series be read from its index alone. A fill of minutes gives it no time to.
            using var connection = HistoryStores.Engine(location).Open();
            using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM ANALYZE";
            vacuum.ExecuteNonQuery();
        }

        var extra = sessions;
        var push = Median(repeats, () => store.Push(SyntheticSessions.Make(extra++, SyntheticSessions.Commit(commits + 10), runs: 2, functions: 32), SyntheticSessions.Commit(commits + 10), "main"));

        // Nearest first, as git rev-list gives them: five newer commits the history never saw, then the stored ones.
        var candidates = Enumerable.Range(commits, 5).Select(SyntheticSessions.Commit).Reverse().Concat(Enumerable.Range(0, commits).Reverse().Select(SyntheticSessions.Commit)).ToList();
        var host = HostFingerprint.Of(SyntheticSessions.Host);
        var baseline = Median(repeats, () => HistoryBaseline.Choose(store, HistoryTarget.Resolve(store, null), host, candidates));
        var trend = Median(repeats, () => HistoryTrend.Of(store, "wall_time", null, null, "main"));
        Console.WriteLine(FormattableString.Invariant($"{engine,-10}  {fill.Elapsed.TotalSeconds,6:0.0} ({fillCpu.TotalSeconds,6:0.0})  {push.Wall,6:0.0} ({push.Cpu,6:0.0})  {baseline.Wall,8:0.0} ({baseline.Cpu,6:0.0})  {trend.Wall,12:0.0} ({trend.Cpu,6:0.0})"));
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static (double Wall, double Cpu) Median(int repeats, Action action)
{
    action();
    var walls = new List<double>();
    var cpus = new List<double>();
    using var process = Process.GetCurrentProcess();
    for (var i = 0; i < repeats; i++)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        walls.Add(watch.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpus.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    walls.Sort();
    cpus.Sort();
    return (walls[repeats / 2], cpus[repeats / 2]);
}
