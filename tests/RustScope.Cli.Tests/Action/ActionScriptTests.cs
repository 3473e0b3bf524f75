using System.Diagnostics;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Action;

/// <summary>The action's gate step (eng/action/gate.sh) run for real with the built rustscope, as the runner would run it.</summary>
public sealed class ActionScriptTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ActionScriptTests()
    {
        // `rustscope` on PATH, as the action's install step leaves it.
        var bin = Directory.CreateDirectory(_temp.File("bin")).FullName;
        var wrapper = Path.Combine(bin, "rustscope");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec {string.Join(' ', Repository.CliCommand.Select(part => $"'{part}'"))} \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(_temp.File("summary.md"), "");
        File.WriteAllText(_temp.File("output.txt"), "");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_command_over_its_budget_annotates_the_line_writes_the_summary_and_reports_exit_code_1()
    {
        File.WriteAllText(_temp.File("rustscope.yml"), "version: 1\ntargets:\n  - name: sleepy\n    budgets:\n      process: { wall_time: 1ms }\n");

        var (exitCode, output) = await RunGateScript(new()
        {
            ["RS_COMMAND"] = "sleep 0.05", ["RS_NAME"] = "sleepy", ["RS_RUNS"] = "2", ["RS_WARMUP_RUNS"] = "0", ["RS_BUDGET"] = "rustscope.yml",
        });

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"::error file=rustscope\.yml,line=5,", output);
        var outputs = Outputs();
        Assert.Equal("1", outputs["exit-code"]);
        Assert.Equal("rustscope-reports/rustscope.md", outputs["markdown"]);
        Assert.Equal("rustscope-reports/sleepy.junit.xml", outputs["junit"]);
        Assert.Equal("rustscope-reports/rustscope.html", outputs["html"]);
        Assert.Contains("id=\"rustscope-data\"", File.ReadAllText(_temp.File("rustscope-reports/rustscope.html")), StringComparison.Ordinal);
        var comment = File.ReadAllText(_temp.File("rustscope-reports/rustscope.md"));
        Assert.Contains("\nFull report: rustscope.html\n", comment, StringComparison.Ordinal);
        Assert.Equal(1, comment.Split("<!-- rustscope -->").Length - 1);
        Assert.EndsWith("<!-- rustscope -->\n", comment, StringComparison.Ordinal);
        Assert.Contains("wall_time", File.ReadAllText(_temp.File("summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_targets_run_with_their_own_commands_and_pass_without_baselines()
    {
        File.WriteAllText(_temp.File("rustscope.yml"),
            "version: 1\ndefaults: { runs: 2 }\ntargets:\n  - name: nap\n    command: [sleep, '0.05']\n    budgets:\n      process: { wall_time: 1m }\n");

        // The runs input applies to targets that set none of their own, over the file's defaults.runs.
        var (exitCode, output) = await RunGateScript(new() { ["RS_BUDGET"] = "rustscope.yml", ["RS_WARMUP_RUNS"] = "0", ["RS_BASELINE_DIR"] = "perf", ["RS_RUNS"] = "3" });

        Assert.True(exitCode == 0, output);
        // The CLI's own warning, with its code, as an annotation and in the comment.
        Assert.Contains("perf/nap.json: warning RS9004: no baseline yet", output, StringComparison.Ordinal);
        Assert.Contains("::warning title=RustScope::perf/nap.json: warning RS9004: no baseline yet", output, StringComparison.Ordinal);
        Assert.Contains("RS9004", File.ReadAllText(_temp.File("rustscope-reports/rustscope.md")), StringComparison.Ordinal);
        Assert.Equal("0", Outputs()["exit-code"]);
        Assert.Equal(3, SessionJson.Read(_temp.File("rustscope-reports/sessions/nap.json")).Runs.Count);
        Assert.Equal("rustscope-reports/rustscope.junit.xml", Outputs()["junit"]);
    }

    [Fact]
    public async Task Git_base_mode_compares_the_merge_base_with_head_in_one_ab_call()
    {
        var repository = await ThrowawayRepository.CreateAsync(_temp.File("repo"));

        var (exitCode, output) = await RunGateScript(new()
        {
            ["RS_GIT_BASE"] = "main", ["RS_BUILD"] = ThrowawayRepository.Build, ["RS_COMMAND"] = ThrowawayRepository.Command,
            ["RS_RUNS"] = "8", ["RS_WARMUP_RUNS"] = "0", ["RS_REPORT_DIR"] = _temp.File("reports"),
        }, repository.Path);

        Assert.True(exitCode == 0, output);
        Assert.Equal(1, output.Split("rustscope ab: base is ").Length - 1);
        Assert.Contains("::error title=RustScope ", output, StringComparison.Ordinal);
        Assert.Equal("1", Outputs()["exit-code"]);
        Assert.Matches(@"❌ regressed \| [^|]+ \| `wall_time`", File.ReadAllText(_temp.File("reports/rustscope.md")));
        Assert.True(File.Exists(_temp.File("reports/ab.junit.xml")), output);
        Assert.True(File.Exists(_temp.File("reports/sessions/rustscope-base.json")), output);
    }

    private async Task<(int ExitCode, string Output)> RunGateScript(Dictionary<string, string> inputs, string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo("bash") { WorkingDirectory = workingDirectory ?? _temp.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(Path.Combine(Repository.Root, "eng", "action", "gate.sh"));
        startInfo.Environment["PATH"] = _temp.File("bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        startInfo.Environment["GITHUB_ACTIONS"] = "true";
        startInfo.Environment["GITHUB_STEP_SUMMARY"] = _temp.File("summary.md");
        startInfo.Environment["GITHUB_OUTPUT"] = _temp.File("output.txt");
        foreach (var (name, value) in inputs)
        {
            startInfo.Environment[name] = value;
        }

        using var process = FixtureProcess.Start(startInfo);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private Dictionary<string, string> Outputs() =>
        File.ReadAllLines(_temp.File("output.txt")).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
