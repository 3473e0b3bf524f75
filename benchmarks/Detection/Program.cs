using System.Diagnostics;
using System.Globalization;
using RustScope.Benchmarks.Detection;
using RustScope.Core.Statistics;

// Usage: dotnet run -c Release --project benchmarks/Detection [-- trials [sequential]]
// Prints Markdown tables (docs/statistics.md quotes them). Cells of (a)–(f): Holm / Benjamini-Hochberg.
// "sequential" prints only tables (g) and (h), --runs auto against fixed run counts; "g" or "h" one of them.
var trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 600;
var clock = Stopwatch.StartNew();
if (args.Length > 1 && args[1] is "sequential" or "g" or "h")
{
    var sequential = new SequentialTables(trials, Console.Out);
    if (args[1] != "h")
    {
        sequential.Write();
    }

    if (args[1] != "g")
    {
        sequential.WriteFew();
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{trials} A/A trials per row (a third for shifted rows of (g)); {clock.Elapsed.TotalSeconds:F0} s on {Environment.ProcessorCount} cores."));
    return;
}

var tables = new DetectionTables(trials, Console.Out);
tables.FalseAlarms(ChangeAnalysisOptions.Default);
tables.Power(ChangeAnalysisOptions.Default);
tables.SmallShift(ChangeAnalysisOptions.Default);
tables.NoisyLargeShift(ChangeAnalysisOptions.Default);
tables.TestSelection();
tables.IntervalLevel();
var sequentialTables = new SequentialTables(trials, Console.Out);
sequentialTables.Write();
sequentialTables.WriteFew();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{trials} trials of 200 metrics per cell; {clock.Elapsed.TotalSeconds:F0} s on {Environment.ProcessorCount} cores."));
