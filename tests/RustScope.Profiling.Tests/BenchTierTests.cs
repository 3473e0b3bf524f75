using System.Diagnostics;
using System.Globalization;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Profiling.Tests;

/// <summary>Bench.Run measures the code a long-running process runs: tier 1, as fast as with tiered compilation off.</summary>
public sealed class BenchTierTests
{
    [Fact]
    public async Task Bench_run_measures_promoted_code_as_fast_as_with_tiered_compilation_off()
    {
        // Interleaved, best of three each: the machine's load moves both alike, and the fastest run is the least disturbed.
        var tiered = new List<double>();
        var untiered = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            var (median, tier) = await BenchSumAsync(tieredCompilation: true);
            Assert.Equal(nameof(JitTier.Tier1), tier);
            tiered.Add(median);

            (median, tier) = await BenchSumAsync(tieredCompilation: false);
            Assert.Equal(nameof(JitTier.Optimized), tier);
            untiered.Add(median);
        }

        var ratio = tiered.Min() / untiered.Min();
        Assert.True(ratio is > 0.8 and < 1.2, $"tiered {string.Join(", ", tiered)} ns against untiered {string.Join(", ", untiered)} ns: ratio {ratio:F2}");
    }

    private static async Task<(double MedianNs, string Tier)> BenchSumAsync(bool tieredCompilation)
    {
        var start = new ProcessStartInfo("dotnet", [Fixtures.ProfiledApp, "bench-sum"]) { RedirectStandardOutput = true };
        start.Environment["DOTNET_TieredCompilation"] = tieredCompilation ? "1" : "0";
        using var process = FixtureProcess.Start(start);
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        var fields = output.Trim().Split(' ');
        return (double.Parse(fields[0], CultureInfo.InvariantCulture), fields[1]);
    }
}
