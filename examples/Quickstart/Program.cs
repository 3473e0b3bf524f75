// A small workload for the demo: a few seconds of CPU-bound work while memory grows in steps,
// so rustscope shows CPU use, a rising RSS and spike events.
using System.Diagnostics;
using System.Globalization;

var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 4;
var stepEvery = TimeSpan.FromSeconds(seconds / 12);
var retained = new List<byte[]>();
var clock = Stopwatch.StartNew();
var checksum = 0UL;
while (clock.Elapsed.TotalSeconds < seconds)
{
    checksum += Workload.Burn(2_000_000);
    if (clock.Elapsed >= stepEvery * retained.Count && retained.Count < 12)
    {
        // 8 MB a step, twelve steps over the run, touched so it becomes resident.
        var block = new byte[8 * 1024 * 1024];
        Array.Fill(block, (byte)retained.Count);
        retained.Add(block);
    }
}

Console.WriteLine(FormattableString.Invariant($"Quickstart: {clock.Elapsed.TotalSeconds:F1} s, {retained.Count * 8} MB retained, checksum {checksum}"));
