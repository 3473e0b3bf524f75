using System.Diagnostics;
using System.Globalization;
using RustScope.Benchmarks.Detection;
using RustScope.Core.Statistics;

// Usage: dotnet run -c Release --project benchmarks/Detection [-- trials [sequential]]
// Prints Markdown tables (docs/statistics.md quotes them). Cells of (a)–(f): Holm / Benjamini-Hochberg.
// "sequential" prints only table (g), --runs auto against fixed run counts.
var trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 600;
var clock = Stopwatch.StartNew();
if (args.Length > 1 && args[1] == "sequential")
{
    new SequentialTables(trials, Console.Out).Write();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{trials} A/A trials per row (a third for shifted rows); {clock.Elapsed.TotalSeconds:F0} s on {Environment.ProcessorCount} cores."));
    return;
}

var tables = new DetectionTables(trials, Console.Out);
tables.FalseAlarms(ChangeAnalysisOptions.Default);
tables.Power(ChangeAnalysisOptions.Default);
tables.SmallShift(ChangeAnalysisOptions.Default);
tables.NoisyLargeShift(ChangeAnalysisOptions.Default);
tables.TestSelection();
tables.IntervalLevel();
new SequentialTables(trials, Console.Out).Write();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{trials} trials of 200 metrics per cell; {clock.Elapsed.TotalSeconds:F0} s on {Environment.ProcessorCount} cores."));
