using System.CommandLine;
using System.Text.Json;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Gate;

/// <summary>compare's and check's options over sessions the test writes: cheap, and each option's effect is visible.</summary>
public sealed class GateOptionsTests : IDisposable
{
    private static readonly Dictionary<string, string> NotInGitHub = new() { ["GITHUB_ACTIONS"] = "false", ["GITHUB_STEP_SUMMARY"] = "" };

    private readonly TempDirectory _directory = new();

    public GateOptionsTests()
    {
        SyntheticSessions.Write(_directory.File("base.json"), SyntheticSessions.AroundOneSecond(1.0));
        SyntheticSessions.Write(_directory.File("slow.json"), SyntheticSessions.AroundOneSecond(1.3));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_30_percent_slowdown_fails_at_the_default_threshold_and_passes_under_a_50_percent_one()
    {
        var strict = await Compare("base.json", "slow.json");
        var lenient = await Compare("base.json", "slow.json", "--threshold", "50%");

        Assert.True(strict.ExitCode == 1, strict.Stdout + strict.Stderr);
        Assert.True(lenient.ExitCode == 0, lenient.Stdout + lenient.Stderr);
    }

    [Theory]
    [InlineData("--threshold", "5", "--threshold: error RS9102: '5' is not a percentage such as 5%")]
    [InlineData("--threshold", "-5%", "--threshold: error RS9102: '-5%' is not a percentage such as 5%")]
    [InlineData("--alpha", "0.7", "--alpha: error RS9102: alpha 0.7 is not a significance level; it must be between 0 and 0.5 (exclusive), e.g. 0.01")]
    [InlineData("--alpha", "5", "--alpha: error RS9102: alpha 5 is not a significance level")]
    [InlineData("--alpha", "0", "--alpha: error RS9102: alpha 0 is not a significance level")]
    public async Task A_bad_statistics_override_is_an_input_error(string option, string value, string message)
    {
        var (exitCode, _, stderr) = await Compare("base.json", "slow.json", option, value, "--json", "result.json");

        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.File("result.json")));
    }

    [Fact]
    public async Task Alpha_reaches_the_comparison()
    {
        var (exitCode, _, stderr) = await Compare("base.json", "base.json", "--alpha", "0.2", "--json", "result.json");

        Assert.True(exitCode == 0, stderr);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(_directory.File("result.json")));
        Assert.Equal(0.2, result.RootElement.GetProperty("alpha").GetDouble());
    }

    [Fact]
    public async Task An_inconclusive_change_fails_only_under_fail_on_inconclusive()
    {
        // Wide noise and a small shift: neither a regression beyond 5 % nor equivalence can be shown with 5 runs.
        SyntheticSessions.Write(_directory.File("noisy-base.json"), 1.0, 1.5, 0.7, 1.3, 0.8);
        SyntheticSessions.Write(_directory.File("noisy-head.json"), 1.1, 1.4, 0.8, 1.4, 0.9);

        var lenient = await Compare("noisy-base.json", "noisy-head.json", "--json", "result.json");
        var strict = await Compare("noisy-base.json", "noisy-head.json", "--fail-on", "inconclusive");

        Assert.True(lenient.ExitCode == 0, lenient.Stdout + lenient.Stderr);
        Assert.Contains("\"verdict\": \"inconclusive\"", await File.ReadAllTextAsync(_directory.File("result.json")), StringComparison.Ordinal);
        Assert.True(strict.ExitCode == 1, strict.Stdout + strict.Stderr);
    }

    [Fact]
    public async Task Explicit_github_annotates_and_writes_the_summary_outside_GitHub_Actions()
    {
        var summary = _directory.File("summary.md");
        var environment = new Dictionary<string, string>(NotInGitHub) { ["GITHUB_STEP_SUMMARY"] = summary };

        var (exitCode, stdout, _) = await RustscopeInProcess.RunAsync(_directory.Path, environment, "compare", "base.json", "slow.json", "--github");

        Assert.Equal(1, exitCode);
        Assert.Contains("::error title=RustScope app%3A wall_time regressed::", stdout, StringComparison.Ordinal);
        Assert.Contains("<!-- rustscope -->", await File.ReadAllTextAsync(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_msbuild_GitHub_output_is_only_written_when_asked_for()
    {
        var summary = _directory.File("summary.md");
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };

        var implicitly = await RustscopeInProcess.RunAsync(_directory.Path, environment, "compare", "base.json", "slow.json", "--msbuild");
        Assert.False(File.Exists(summary));
        var explicitly = await RustscopeInProcess.RunAsync(_directory.Path, environment, "compare", "base.json", "slow.json", "--msbuild", "--github");

        Assert.Equal((1, 1), (implicitly.ExitCode, explicitly.ExitCode));
        Assert.Contains("error RS2001: wall_time regressed", implicitly.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("::error", implicitly.Stdout, StringComparison.Ordinal);
        Assert.Contains("::error title=RustScope app%3A wall_time regressed::", explicitly.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(summary));
    }

    [Fact]
    public async Task A_report_path_that_cannot_be_written_is_an_input_error_naming_it()
    {
        await File.WriteAllTextAsync(_directory.File("not-a-directory"), "");

        var (exitCode, _, stderr) = await Compare("base.json", "slow.json", "--junit", "not-a-directory/junit.xml");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("not-a-directory/junit.xml: error RS9203: cannot write the report: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_summary_that_cannot_be_written_is_an_input_error_naming_it()
    {
        var directory = Directory.CreateDirectory(_directory.File("summary-is-a-directory")).FullName;

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path,
            new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = directory }, "compare", "base.json", "base.json");

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"{directory}: error RS9203: cannot write the report: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_error_exits_2_with_one_line_and_no_stack_trace()
    {
        // Every known failure has its own message; this is the net for the unknown ones, so a command that fails in a
        // way no code expects stands in for them.
        var failing = new Command("fail");
        failing.SetAction(int (_) => throw new IOException("the disk went away"));
        using var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["fail"], [failing], new CliConsole(TextWriter.Null, error, IsOutputRedirected: true, _ => null));

        Assert.Equal(2, exitCode);
        Assert.Equal("rustscope: unexpected error: IOException: the disk went away (set RUSTSCOPE_DEBUG=1 for the stack trace)", error.ToString().TrimEnd());
    }

    [Fact]
    public async Task Check_without_a_budget_is_a_usage_error()
    {
        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, NotInGitHub, "check", "base.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("--budget", stderr, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> Compare(params string[] arguments) =>
        RustscopeInProcess.RunAsync(_directory.Path, NotInGitHub, ["compare", .. arguments]);
}
