using System.CommandLine;
using RustScope.Collectors;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Metrics;
using RustScope.Core.Model;
using RustScope.History;
using RustScope.Reporters.Console;
using RustScope.Reporters.GitHub;

namespace RustScope.Cli.History;

/// <summary>
/// <c>gate --baseline-from history</c>: each target's baseline is chosen from the history (as <c>history baseline</c>
/// chooses it) before any run, and after a run on the main branch the head sessions are pushed and the change points
/// that push reveals are reported as warnings (<c>::warning</c> under GitHub Actions).
/// </summary>
internal sealed class HistoryGateOptions
{
    // A step is reported on the main-branch pushes whose trend can first show it (at least MinSegment points after it)
    // and a few more, not on every push forever.
    private const int RecentCommits = 6;

    public Option<string> BaselineFrom { get; } = BaselineFromOption();

    public Option<string> BaselineFor { get; } = new("--baseline-for") { Description = "With --baseline-from history: the ref whose merge-base with main gives the baseline (default HEAD).", DefaultValueFactory = _ => "HEAD" };

    public HistoryBaselineOptions Baseline { get; } = new();

    public IEnumerable<Option> All => [BaselineFrom, BaselineFor, .. Baseline.All];

    public bool FromHistory(ParseResult parse) => parse.GetValue(BaselineFrom) == "history";

    /// <summary>Each job's baseline from the history, or null with a warning saying why there is none.</summary>
    /// <exception cref="InputException">The store cannot be used, or git cannot name main's commits.</exception>
    public async Task<IReadOnlyList<(ProfileSession? Session, string? Label)>> BaselinesAsync(
        ParseResult parse, CliConsole console, IReadOnlyList<Gate.GateJob> jobs, DiagnosticWriter diagnostics, CancellationToken cancel)
    {
        using var history = Baseline.Store.Open(parse, console);
        var baselines = new List<(ProfileSession?, string?)>();
        foreach (var job in jobs)
        {
            var target = TargetOf(job);
            try
            {
                var choice = await Baseline.ChooseAsync(parse, history, parse.GetValue(BaselineFor)!, target, Directory.GetCurrentDirectory(), cancel).ConfigureAwait(false);
                console.Error.WriteLine(TerminalText.Neutralize(choice.Note));
                baselines.Add((choice.Session, $"history:{choice.Commit[..Math.Min(12, choice.Commit.Length)]}"));
            }
            catch (InputException e) when (e.Diagnostics.All(static d => d.Code == DiagnosticCodes.HistoryBaselineNone))
            {
                // Like a committed baseline not yet recorded: the budgets still hold, the first main push starts the history.
                foreach (var diagnostic in e.Diagnostics)
                {
                    diagnostics.Warning(diagnostic with { Code = DiagnosticCodes.BaselineMissing });
                }

                baselines.Add((null, null));
            }
        }

        return baselines;
    }

    /// <summary>
    /// After a main-branch run: pushes the heads, then warns of each recent change point in their gated metrics.
    /// Elsewhere nothing is pushed (a pull request's runs are not main's history).
    /// </summary>
    /// <exception cref="InputException">The store cannot be used.</exception>
    public void PushIfMain(ParseResult parse, CliConsole console, IEnumerable<ProfileSession> heads, bool github, DiagnosticWriter diagnostics)
    {
        var main = parse.GetValue(Baseline.Main)!;
        var onMain = heads.Where(h => h.Meta.Git is { } git && (git.Branch == main || (git.Branch is null && console.Environment("GITHUB_REF") == "refs/heads/" + main))).ToList();
        if (onMain.Count == 0)
        {
            return;
        }

        using var history = Baseline.Store.Open(parse, console);
        foreach (var head in onMain)
        {
            var result = history.Push(head, head.Meta.Git!.Sha, main);
            console.Error.WriteLine(TerminalText.Neutralize($"{head.Meta.Project}: {(result.Added ? "pushed to" : "already in")} the history {history.Location} at {head.Meta.Git.Sha[..Math.Min(12, head.Meta.Git.Sha.Length)]}"));
            WarnOfSteps(history, head, main, console, github, diagnostics);
        }
    }

    private static void WarnOfSteps(IHistoryStore history, ProfileSession head, string main, CliConsole console, bool github, DiagnosticWriter diagnostics)
    {
        var host = HostFingerprint.Of(head.Meta.Host);
        foreach (var key in SessionMetrics.Extract(head).Keys.Where(static k => MetricCatalog.Find(k.Kind, k.Metric) is { ComparedByDefault: true, Judging: not MetricJudging.Never }))
        {
            foreach (var metric in history.FindMetrics(key.Subject ?? "", key.Metric).Where(m => m.Name.Kind == key.Kind))
            {
                var trend = HistoryTrend.Build(history, metric, head.Meta.Project, host, main);
                foreach (var step in HistoryTrend.Recent(trend, RecentCommits))
                {
                    var message = $"{head.Meta.Project}: {trend.Metric} {TrendTable.Sentence(step, trend.Unit)}";
                    if (github)
                    {
                        console.Out.WriteLine($"::warning title={WorkflowCommand.Property($"RustScope trend: {head.Meta.Project} {trend.Metric} stepped")}::{WorkflowCommand.Data(message)}");
                    }
                    else
                    {
                        diagnostics.Warning(DiagnosticWriter.CommandLine(DiagnosticCodes.HistoryChangePoint, message));
                    }
                }
            }
        }
    }

    private static string TargetOf(Gate.GateJob job) => job.Name ?? ProjectName.For(job.Command[0], [.. job.Command.Skip(1)]);

    private static Option<string> BaselineFromOption()
    {
        var option = new Option<string>("--baseline-from") { Description = "Where baselines come from: file (--baseline, --baseline-dir) or history (the store's runs of main, see history baseline; pushes after a main-branch run).", DefaultValueFactory = _ => "file" };
        option.AcceptOnlyFromAmong("file", "history");
        return option;
    }
}
