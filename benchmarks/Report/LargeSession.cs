using RustScope.Core.Model;

namespace RustScope.Benchmarks.Report;

/// <summary>A sampled session as big as a long profile gets: many samples over many distinct stacks, seeded.</summary>
internal static class LargeSession
{
    public static ProfileSession Create(int samples, int stacks, int functions, int seed = 22)
    {
        var random = new Random(seed);
        var frames = Enumerable.Range(0, functions)
            .Select(i => new StackFrame { Name = i % 5 == 0 ? $"System.Collections.Generic.Helper{i}.Run" : $"Shop.Module{i % 97}.Function{i}", Module = i % 5 == 0 ? "System.Private.CoreLib" : "Shop" })
            .ToList();

        // Each stack's weight is its share of the samples; the first gets the rounding so they add up exactly.
        var weights = Enumerable.Range(0, stacks).Select(_ => random.NextDouble()).ToArray();
        var scale = samples / weights.Sum();
        var counts = weights.Select(w => Math.Max(1, Math.Floor(w * scale))).ToArray();
        counts[0] += samples - counts.Sum();
        var stackSamples = counts.Select(count =>
        {
            var depth = random.Next(8, 40);
            return new StackSample { Stack = [0, .. Enumerable.Range(0, depth).Select(_ => random.Next(1, functions))], Weight = count };
        }).ToList();

        return new ProfileSession
        {
            SchemaVersion = SessionJson.CurrentSchemaVersion,
            Meta = new SessionMeta { Project = "large", StartTs = 1_700_000_000_000, TargetBinary = "/usr/bin/dotnet", SamplingHz = 1000 },
            Summary = new SessionSummary { DurationS = samples / 1000.0, CpuPctMean = 99, CpuPctMax = 100, PeakRssMb = 512, PeakThreads = 16, PeakFds = 64, EventCount = 0 },
            Samples = [.. Enumerable.Range(0, (int)(samples / 1000.0)).Select(i => new Sample { Ts = 1_700_000_000_000 + (i * 1000L), CpuPct = 90 + (i % 10), HeapMb = 200 + (i % 300), Threads = 16, Fds = 64 })],
            Stacks = new StackProfile { Frames = frames, Samples = stackSamples },
        };
    }
}
