// A small workload for the demo: a fixed amount of CPU-bound work while memory grows in steps, so rustscope
// shows CPU use, a rising RSS and spike events. Usage: Quickstart [ROUNDS] [--slowdown FACTOR]; --slowdown 1.3 plays
// a deliberately slower build (an argument, so `rustscope ab` can give it to the head side only).
using System.Diagnostics;
using System.Globalization;

var slowdownAt = Array.IndexOf(args, "--slowdown");
var slowdown = slowdownAt >= 0 && slowdownAt + 1 < args.Length ? double.Parse(args[slowdownAt + 1], CultureInfo.InvariantCulture) : 1.0;
var rounds = args.Length > 0 && slowdownAt != 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
// Twelve growth steps over the run; a run of fewer than twelve rounds grows every round.
var roundsPerStep = Math.Max(1, rounds / 12);
var retained = new List<byte[]>();
var clock = Stopwatch.StartNew();
var checksum = 0UL;
for (var round = 0; round < rounds; round++)
{
    checksum += Workload.Burn((int)(2_000_000 * slowdown));
    if (round % roundsPerStep == 0)
    {
        // 8 MB a step, touched so it becomes resident.
        var block = new byte[8 * 1024 * 1024];
        Array.Fill(block, (byte)retained.Count);
        retained.Add(block);
    }
}

Console.WriteLine(FormattableString.Invariant($"Quickstart: {clock.Elapsed.TotalSeconds:F2} s, {retained.Count * 8} MB retained, checksum {checksum}"));
