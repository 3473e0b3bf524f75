// The history's costs at scale (issue 26): with 10,000 stored sessions of 196 metrics (2 runs each) on one target and
// host over 1,000 main commits, on SQLite and on a PostgreSQL server started here: push of one more session, the
// baseline choice (10 sessions of the commit merged, 5 newer main commits without runs skipped), and one metric's
// trend with its change points over the 1,000 commits. Prints medians; asserts nothing.
// Usage: dotnet run -c Release --project benchmarks/History [-- SESSIONS]
using System.Diagnostics;
using System.Globalization;
using RustScope.Cli.History;
using RustScope.History;
using RustScope.History.Tests.Infrastructure;

var sessions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
const int PerCommit = 10;
const int Repeats = 15;
var commits = sessions / PerCommit;
var folder = Directory.CreateTempSubdirectory("rustscope-history-bench-").FullName;
using var server = new PostgresServer();
try
{
    Console.WriteLine(FormattableString.Invariant($"{sessions} sessions ({commits} commits x {PerCommit}), 196 metrics x 2 runs each; medians of {Repeats}"));
    Console.WriteLine("engine      fill (s)  push (ms)  baseline (ms)  trend+change points (ms)");
    foreach (var (engine, location) in new[] { ("sqlite", Path.Combine(folder, "history.db")), ("postgres", server.NewDatabase()) })
    {
        using var store = HistoryStores.Open(location);
        var fill = Stopwatch.StartNew();
        for (var i = 0; i < sessions; i++)
        {
            // A step at the middle commit, so the detector has one change point to find.
            var commit = i / PerCommit;
            store.Push(SyntheticSessions.Make(i, SyntheticSessions.Commit(commit), runs: 2, functions: 32, level: commit < commits / 2 ? 1.0 : 1.1), SyntheticSessions.Commit(commit), "main");
        }

        fill.Stop();
        var extra = sessions;
        var push = Median(() => store.Push(SyntheticSessions.Make(extra++, SyntheticSessions.Commit(commits + 10), runs: 2, functions: 32), SyntheticSessions.Commit(commits + 10), "main"));

        // Nearest first, as git rev-list gives them: five newer commits the history never saw, then the stored ones.
        var candidates = Enumerable.Range(commits, 5).Select(SyntheticSessions.Commit).Reverse().Concat(Enumerable.Range(0, commits).Reverse().Select(SyntheticSessions.Commit)).ToList();
        var host = HostFingerprint.Of(SyntheticSessions.Host);
        var baseline = Median(() => HistoryBaseline.Choose(store, "checkout", host, candidates));
        var metric = store.FindMetrics("", "wall_time")[0];
        var trend = Median(() => HistoryTrend.Build(store, metric, "checkout", host, "main"));
        Console.WriteLine(FormattableString.Invariant($"{engine,-10}  {fill.Elapsed.TotalSeconds,8:0.0}  {push,9:0.0}  {baseline,13:0.0}  {trend,24:0.0}"));
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static double Median(Action action)
{
    action();
    var times = new List<double>();
    for (var i = 0; i < Repeats; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return times[times.Count / 2];
}
