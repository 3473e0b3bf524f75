using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

// A fixed amount of JSON/Regex work (about 3 CPU seconds by default); the last line is the process's own CPU (user +
// system), read as late as it can be, so a harness can subtract it from the CPU of the tool that ran it.
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 12_000;
var digits = new Regex("[0-9]+", RegexOptions.Compiled);
string[] tags = ["alpha", "beta", "gamma"];
var clock = Stopwatch.StartNew();
long matches = 0;
for (var round = 0; round < rounds; round++)
{
    var json = JsonSerializer.Serialize(Enumerable.Range(round, 40).Select(i => new { Id = i, Name = $"item-{i}", Tags = tags }));
    matches += digits.Count(json);
}

var cpu = Environment.CpuUsage;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"JsonRegex: {matches} matches in {clock.Elapsed.TotalSeconds:F3} s, cpu_s={cpu.TotalTime.TotalSeconds:F3}"));
