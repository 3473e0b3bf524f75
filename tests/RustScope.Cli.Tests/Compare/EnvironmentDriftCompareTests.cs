using System.Text.Json.Nodes;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Compare;

/// <summary>
/// A baseline recorded on the machine as it is against heads recorded with two CPU burners beside them: the same
/// program never fails the gate (its wall time is the machine's, its CPU time unchanged), and 30 % more work still
/// does, because the CPU time agrees. Nothing here depends on how busy the machine was before the burners started.
/// </summary>
public sealed class EnvironmentDriftCompareTests(EnvironmentDriftRecordings recordings) : IClassFixture<EnvironmentDriftRecordings>
{
    [Fact]
    public async Task The_same_program_recorded_beside_two_burners_passes_and_the_report_names_the_machine_change()
    {
        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(recordings.Folder,
            "compare", recordings.Baseline, recordings.SameWorkUnderBurners, "--json", "aa.json");

        Assert.True(exitCode == 0, stdout + stderr);
        var report = stdout + stderr;
        Assert.Contains("base and head ran under materially different machine conditions (", report, StringComparison.Ordinal);
        Assert.Matches(@"base ran with other processes using [0-9.]+ % of the CPUs, head with [0-9.]+ %", report);
        var wallTime = Metric(await File.ReadAllTextAsync(Path.Combine(recordings.Folder, "aa.json")), "wall_time");
        Assert.True((string?)wallTime["verdict"] is "environment_changed" or "inconclusive" or "unchanged" or "improved", wallTime.ToJsonString());
    }

    [Fact]
    public async Task Thirty_percent_more_work_recorded_beside_the_same_burners_still_fails_on_cpu_time()
    {
        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(recordings.Folder,
            "compare", recordings.Baseline, recordings.MoreWorkUnderBurners, "--json", "slower.json");

        Assert.True(exitCode == 1, stdout + stderr);
        var result = await File.ReadAllTextAsync(Path.Combine(recordings.Folder, "slower.json"));
        Assert.Equal("regressed", (string?)Metric(result, "cpu_time")["verdict"]);
        // The machine changed too, but the CPU time agrees: the slower wall time is the code's.
        Assert.NotEqual("environment_changed", (string?)Metric(result, "wall_time")["verdict"]);
    }

    [Fact]
    public async Task Each_session_and_run_records_the_machine_load_it_ran_under()
    {
        var quiet = JsonNode.Parse(await File.ReadAllTextAsync(recordings.Baseline))!;
        var busy = JsonNode.Parse(await File.ReadAllTextAsync(recordings.SameWorkUnderBurners))!;

        Assert.All(busy["runs"]!.AsArray(), run => Assert.NotNull(run!["machine_load"]?["other_cpu_share"]));
        Assert.InRange((double)quiet["meta"]!["machine_load"]!["other_cpu_share"]!, 0, 1);
        // Two burners take two thirds of two cores from a single-threaded target on a quiet machine; on a busy one the
        // other processes take even more.
        Assert.InRange((double)busy["meta"]!["machine_load"]!["other_cpu_share"]!, 0.3, 1);
    }

    private static JsonNode Metric(string comparison, string metric) =>
        JsonNode.Parse(comparison)!["targets"]![0]!["metrics"]!.AsArray().Single(m => (string?)m!["metric"] == metric && m["subject"] is null)!;
}
