using System.Diagnostics;
using System.Globalization;
using RustScope.Benchmarks.Detection;
using RustScope.Core.Statistics;

// Usage: dotnet run -c Release --project benchmarks/Detection [-- trials]
// Prints Markdown tables (docs/statistics.md quotes them). Each cell: Holm / Benjamini-Hochberg.
var trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 600;
var clock = Stopwatch.StartNew();
var tables = new DetectionTables(trials, Console.Out);
tables.FalseAlarms(ChangeAnalysisOptions.Default);
tables.Power(ChangeAnalysisOptions.Default);
tables.SmallShift(ChangeAnalysisOptions.Default);
tables.NoisyLargeShift(ChangeAnalysisOptions.Default);
tables.TestSelection();
tables.IntervalLevel();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{trials} trials of 200 metrics per cell; {clock.Elapsed.TotalSeconds:F0} s on {Environment.ProcessorCount} cores."));
