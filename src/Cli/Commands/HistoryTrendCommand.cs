using System.CommandLine;
using RustScope.Cli.History;
using RustScope.Core.Diagnostics;
using RustScope.Core.Statistics.ChangePoints;
using RustScope.History;
using RustScope.Reporters.Console;
using RustScope.Reporters.Html;
using Spectre.Console;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope history trend METRIC [--target T] [--html FILE]</c>: a metric's series over commits (one host's runs,
/// the median per commit) as a table, with the change points E-divisive means finds: the first commit of each step,
/// its size with an interval, and its p-value; and as an HTML chart with the steps marked.
/// </summary>
internal static class HistoryTrendCommand
{
    public static Command Create(CliConsole console)
    {
        var metric = new Argument<string>("metric") { Description = "wall_time, cpu_time, peak_rss… for the process; \"SUBJECT METRIC\" for a function's or a benchmark's (\"Shop.Checkout p95\")." };
        var target = new Option<string?>("--target") { Description = "The target (default the store's only one)." };
        var branch = new Option<string?>("--branch") { Description = "Only sessions of this branch (default main).", DefaultValueFactory = _ => "main" };
        var host = new Option<string?>("--host") { Description = "The host fingerprint whose runs to take (default the host with the most sessions of the target)." };
        var html = new Option<FileInfo?>("--html") { Description = "Write the trend chart, with its change points marked, to this HTML file." };
        var store = new HistoryStoreOption();
        var command = new Command("trend", "Show a metric over commits with the change points (steps) found in it.") { metric, target, branch, host, html, store.Store };
        command.SetAction((parse, _) => HistoryAction.RunAsync(console, () =>
        {
            using var history = store.Open(parse, console);
            var (trend, hosts) = HistoryTrend.Of(history, parse.GetValue(metric)!, parse.GetValue(target), parse.GetValue(host), parse.GetValue(branch));
            if (hosts.Count > 1 && parse.GetValue(host) is null)
            {
                console.Error.WriteLine(TerminalText.Neutralize($"runs of {hosts.Count} hosts are stored; the trend is of {hosts[0].Description} [{hosts[0].Fingerprint}] (--host picks another: {string.Join(", ", hosts.Skip(1).Select(static h => h.Fingerprint))})"));
            }

            var table = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = ConsoleReporter.ShouldUseColors(console.IsOutputRedirected, console.Environment("NO_COLOR")) ? AnsiSupport.Yes : AnsiSupport.No,
                Out = new AnsiConsoleOutput(console.Out),
                Interactive = InteractionSupport.No,
                Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            });
            table.Profile.Width = 160;
            TrendTable.Write(trend, table);
            if (parse.GetValue(html) is { } file)
            {
                TrendReport.WriteFile(file.FullName, [trend], $"{trend.Target}: {trend.Metric}");
                console.Error.WriteLine(TerminalText.Neutralize($"wrote {file}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
