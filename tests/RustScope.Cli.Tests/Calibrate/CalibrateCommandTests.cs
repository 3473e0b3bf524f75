using System.Text.Json;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Calibrate;

/// <summary><c>rustscope calibrate</c>: A/A runs of a real program whose noise is known, the calibration file, and bad input.</summary>
public sealed class CalibrateCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static JsonElement Metric(JsonElement target, string name) =>
        target.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == name);

    [Fact]
    public async Task Finds_the_known_spread_of_a_program_that_sleeps_a_known_sample_within_20_percent_of_what_the_machine_adds()
    {
        // 10 runs a side, no warm-up: the 20 runs sleep 20 durations whose sample sd is exactly 60 ms around 300 ms.
        // Process start and a busy machine add noise of their own, in quadrature: the same program sleeping a constant
        // 300 ms, calibrated just before, measures that floor (a few ms when quiet, 45 ms was seen at load 18).
        const int runs = 10;
        var floor = await CalibratedWallSd("constant", "0", runs);
        var (wall, stdout) = await Calibrate("known", "60", runs);

        var sd = wall.GetProperty("sd").GetDouble();
        Assert.Equal(2 * runs, wall.GetProperty("runs").GetInt32());
        Assert.InRange(sd, 0.060 * 0.8, Math.Sqrt((0.060 * 0.060) + (floor * floor)) * 1.2);
        Assert.InRange(wall.GetProperty("median").GetDouble(), 0.295, 0.360 + floor);
        Assert.Equal([5, 10, 20, 30], wall.GetProperty("smallest_change").EnumerateArray().Select(s => s.GetProperty("runs").GetInt32()));
        Assert.Matches(@"(?m)^wall_time\s+0\.3\d+ s\s+\d+\.\d %", stdout);
    }

    private async Task<double> CalibratedWallSd(string name, string sdMs, int runs) => (await Calibrate(name, sdMs, runs)).Wall.GetProperty("sd").GetDouble();

    private async Task<(JsonElement Wall, string Stdout)> Calibrate(string name, string sdMs, int runs)
    {
        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(_directory.Path,
            "calibrate", "--runs", $"{runs}", "--warmup-runs", "0", "--baseline", $"perf/{name}.json", "--",
            NativeFixtures.Path("stratified_sleeper"), _directory.File($"draws-{name}"), "300", sdMs, $"{2 * runs}");

        Assert.True(exitCode == 0, stdout + stderr);
        using var calibration = JsonDocument.Parse(await File.ReadAllTextAsync(_directory.File($"perf/{name}.calibration.json")));
        var target = Assert.Single(calibration.RootElement.GetProperty("targets").EnumerateArray());
        return (Metric(target, "wall_time").Clone(), stdout);
    }

    [Fact]
    public async Task Calibrates_every_target_of_a_budget_into_the_file_it_names()
    {
        Directory.CreateDirectory(_directory.File("ci"));
        await File.WriteAllTextAsync(_directory.File("ci/rustscope.yml"), """
            version: 1
            defaults: { calibration: noise/all.json }
            targets:
              - name: short
                command: [sleep, "0.01"]
                threshold: 10%
              - name: shorter
                command: [sleep, "0.005"]
            """);

        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "calibrate", "--budget", "ci/rustscope.yml", "--runs", "3", "--warmup-runs", "0");

        Assert.True(exitCode == 0, stdout + stderr);
        using var calibration = JsonDocument.Parse(await File.ReadAllTextAsync(_directory.File("ci/noise/all.json")));
        var targets = calibration.RootElement.GetProperty("targets").EnumerateArray().ToArray();
        Assert.Equal(["short", "shorter"], targets.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([0.10, 0.05], targets.Select(t => Metric(t, "wall_time").GetProperty("threshold").GetDouble()));
        Assert.Equal(1, calibration.RootElement.GetProperty("schema_version").GetInt32());
    }

    [Fact]
    public async Task A_failing_command_is_reported_and_nothing_is_written()
    {
        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "calibrate", "--runs", "3", "--", NativeFixtures.Path("exit_with"), "3");

        Assert.Equal(2, exitCode);
        Assert.Matches(@"rustscope calibrate: exit_with: .* exit code 3", stderr);
        Assert.False(File.Exists(_directory.File("rustscope-calibration.json")));
    }

    [Theory]
    [InlineData("give the command to calibrate after --, or --budget FILE", "calibrate")]
    [InlineData("--runs must be at least 3", "calibrate", "--runs", "2", "--", "true")]
    [InlineData("--isolate-cpus '1-x' is not a CPU list", "calibrate", "--isolate-cpus", "1-x", "--", "true")]
    [InlineData("--isolate-cpus 1023: CPU 1023 is not one this process may run on", "calibrate", "--isolate-cpus", "1023", "--", "true")]
    [InlineData("broken.yml:4:18: error RS9103: 'calibration' takes a single value here", "calibrate", "--budget", "broken.yml")]
    [InlineData("RS9109: no target 'nope' in the budget file", "calibrate", "--budget", "rustscope.yml", "--target", "nope", "--", "true")]
    [InlineData("not found", "calibrate", "--runs", "3", "--", "no-such-program-rustscope")]
    [InlineData("alpha 0.7 is not a significance level", "calibrate", "--alpha", "0.7", "--", "true")]
    public async Task Bad_input_is_a_usage_error(string message, params string[] arguments)
    {
        await File.WriteAllTextAsync(_directory.File("rustscope.yml"), "version: 1\ntargets:\n  - name: a\n    command: [\"true\"]\n");
        await File.WriteAllTextAsync(_directory.File("broken.yml"), "version: 1\ntargets:\n  - name: a\n    calibration: [a.json]\n");

        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, arguments);

        Assert.True(exitCode == 2, stdout + stderr);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}
