using System.CommandLine;
using System.Globalization;
using MathNet.Numerics.Statistics;
using RustScope.Cli.History;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.History;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope history show COMMIT</c>: the sessions stored for a commit (a full or abbreviated sha), each with its
/// host and the median of every metric over its runs, as the comparer reads them.
/// </summary>
internal static class HistoryShowCommand
{
    public static Command Create(CliConsole console)
    {
        var commit = new Argument<string>("commit") { Description = "A commit sha, full or abbreviated." };
        var target = new Option<string?>("--target") { Description = "Only this target's sessions." };
        var store = new HistoryStoreOption();
        var command = new Command("show", "Show the sessions stored for a commit: host, runs and each metric's median.") { commit, target, store.Store };
        command.SetAction((parse, _) => HistoryAction.RunAsync(console, () =>
        {
            using var history = store.Open(parse, console);
            var sha = parse.GetValue(commit)!;
            var sessions = history.List(new SessionQuery { Commit = sha, Target = parse.GetValue(target) });
            if (sessions.Count == 0)
            {
                throw HistoryAction.Invalid($"no sessions of commit {sha} in {history.Location}");
            }

            foreach (var stored in sessions)
            {
                console.Out.WriteLine(TerminalText.Neutralize(string.Create(CultureInfo.InvariantCulture,
                    $"{stored.Target} at {stored.Commit} ({stored.Branch ?? "no branch"}), {stored.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {stored.Runs} run(s), session {stored.Hash}")));
                console.Out.WriteLine(TerminalText.Neutralize($"  host {stored.Host}: {stored.HostDescription}"));
                foreach (var (key, series) in SessionMetrics.Extract(history.Load(stored.Hash)).OrderBy(static m => m.Key.Kind).ThenBy(static m => m.Key.Subject, StringComparer.Ordinal).ThenBy(static m => m.Key.Metric, StringComparer.Ordinal))
                {
                    var name = new MetricName(key.Kind, key.Subject ?? "", key.Metric).ToString();
                    console.Out.WriteLine(TerminalText.Neutralize(string.Create(CultureInfo.InvariantCulture,
                        $"  {name,-48} {series.Values.Median(),14:G6} {series.Unit,-6} n={series.Values.Count}")));
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
