using System.Xml.Linq;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Gate;

/// <summary>The whole gate through real processes: profiled runs of a real .NET program, then compare and check.</summary>
public sealed class GateCommandTests : IDisposable, IClassFixture<ProfiledBuilds>
{
    private const string Budget = """
        version: 1
        defaults: { alpha: 0.01, threshold: 5% }
        targets:
          - name: ProfiledApp
            budgets:
              process: { peak_rss: 2GB }
              functions:
                "ProfiledLibrary.Checkout.W*": { p95: 1s, regression: { relative: 10% } }
        """;

    private readonly TempDirectory _directory = new();

    public GateCommandTests(ProfiledBuilds builds)
    {
        File.WriteAllText(_directory.File("rustscope.yml"), Budget);
        File.Copy(builds.Baseline, _directory.File("base.json"));
        File.Copy(builds.Head, _directory.File("head.json"));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_broken_baseline_is_an_input_error_before_anything_runs()
    {
        await File.WriteAllTextAsync(_directory.File("broken.json"), "{ \"schema_version\": 1, ");

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "gate", "--command", "true", "--runs", "2", "--baseline", "broken.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("broken.json", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.File("rustscope-last.json")), "the command ran before the baseline was read");
    }

    [Fact]
    public async Task A_slower_heavier_head_fails_the_gate_and_the_reports_name_the_function()
    {
        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path,
            "compare", "base.json", "head.json", "--budget", "rustscope.yml", "--markdown", "pr.md", "--junit", "junit.xml", "--json", "result.json");

        Assert.True(exitCode == 1, stdout + stderr);
        var markdown = await File.ReadAllTextAsync(_directory.File("pr.md"));
        Assert.StartsWith("### ❌ RustScope: gate failed", markdown, StringComparison.Ordinal);
        Assert.Contains("<!-- rustscope -->", markdown, StringComparison.Ordinal);
        // Twice the allocation is deterministic, so the function is named whatever the machine's load. Whether 30 %
        // more time is shown too depends on the runner's noise (Inconclusive on a loaded one): latency detection is
        // asserted with controlled noise in SessionComparerTests and measured in benchmarks/Detection.
        Assert.Contains("| ❌ regressed | ProfiledApp | ProfiledLibrary.Checkout.Work `alloc_per_call`", markdown, StringComparison.Ordinal);
        Assert.Matches(@"ProfiledLibrary\.Checkout\.Work `(p50|mean|p95)` \| (geometric mean|median) of \d+ runs \| [0-9.]+ ms \| [0-9.]+ ms \| \+", markdown);
        Assert.Contains("rustscope.yml:8:", markdown, StringComparison.Ordinal);
        var failures = XDocument.Load(_directory.File("junit.xml")).Descendants("failure").Select(f => (string)f.Parent!.Attribute("name")!).ToList();
        Assert.Contains("ProfiledLibrary.Checkout.Work alloc_per_call", failures);
        Assert.Contains("\"verdict\": \"regressed\"", await File.ReadAllTextAsync(_directory.File("result.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_build_twice_passes()
    {
        var command = $"dotnet '{Fixtures.ProfiledApp}' work {ProfiledBuilds.Units}";

        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(_directory.Path,
            "ab", "--base-cmd", command, "--head-cmd", command, "--runs", "10", "--warmup-runs", "1", "--budget", "rustscope.yml", "--junit", "junit.xml");

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Empty(XDocument.Load(_directory.File("junit.xml")).Descendants("failure"));
    }

    [Fact]
    public async Task Check_fails_on_an_exceeded_budget_without_a_baseline()
    {
        File.WriteAllText(_directory.File("tight.yml"), Budget.Replace("p95: 1s", "p95: 10us", StringComparison.Ordinal));

        var (exitCode, stdout, _) = await RustscopeInProcess.RunAsync(_directory.Path, "check", "head.json", "--budget", "tight.yml", "--msbuild");

        Assert.Equal(1, exitCode);
        Assert.Matches(@"tight\.yml\(8,\d+\): error RS1001: ProfiledLibrary\.Checkout\.Work p95 over budget: [0-9.]+ (µs|ms|s) \(median of \d+ runs\) exceeds the budget of 10 µs", stdout);
    }

    [Fact]
    public async Task A_budget_with_an_unknown_key_is_an_input_error_at_its_line()
    {
        File.WriteAllText(_directory.File("typo.yml"), Budget.Replace("peak_rss", "peak_rs", StringComparison.Ordinal));

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "compare", "head.json", "head.json", "--budget", "typo.yml", "--markdown", "pr.md");

        Assert.Equal(2, exitCode);
        Assert.Contains("typo.yml:6:18: error RS9101: unknown key 'peak_rs' in process; did you mean 'peak_rss'?", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.File("pr.md")));
    }

    [Theory]
    [InlineData("compare", "head.json", "head.json")]
    [InlineData("check", "head.json")]
    [InlineData("gate", "--command", "true")]
    public async Task Under_msbuild_the_same_error_takes_the_canonical_form(params string[] arguments)
    {
        File.WriteAllText(_directory.File("typo.yml"), Budget.Replace("peak_rss", "peak_rs", StringComparison.Ordinal));

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, [.. arguments, "--budget", "typo.yml", "--msbuild"]);

        Assert.Equal(2, exitCode);
        Assert.Equal("typo.yml(6,18): error RS9101: unknown key 'peak_rs' in process; did you mean 'peak_rss'?", stderr.TrimEnd());
    }

    [Fact]
    public async Task The_correction_can_be_chosen_on_the_command_line()
    {
        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "compare", "base.json", "base.json", "--correction", "holm", "--json", "result.json");

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("\"correction\": \"holm\"", await File.ReadAllTextAsync(_directory.File("result.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_session_is_an_input_error_and_no_report_is_written()
    {
        var whole = await File.ReadAllTextAsync(_directory.File("base.json"));
        await File.WriteAllTextAsync(_directory.File("cut.json"), whole[..(whole.Length / 3)]);

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "compare", "base.json", "cut.json", "--junit", "junit.xml", "--json", "result.json");

        Assert.Equal(2, exitCode);
        Assert.Matches(@"cut\.json:\d+:\d+: error RS9002: ", stderr);
        Assert.False(File.Exists(_directory.File("junit.xml")));
        Assert.Empty(Directory.GetFiles(_directory.Path, ".*.tmp"));
    }

    [Fact]
    public async Task GitHub_mode_annotates_the_budget_line_and_appends_the_job_summary()
    {
        var summary = _directory.File("summary.md");

        var (exitCode, stdout, _) = await RustscopeInProcess.RunAsync(_directory.Path,
            new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary },
            "compare", "base.json", "head.json", "--budget", "rustscope.yml");

        Assert.Equal(1, exitCode);
        Assert.Matches(@"::error file=rustscope\.yml,line=8,col=\d+,title=RustScope ProfiledApp%3A ProfiledLibrary\.Checkout\.Work", stdout);
        Assert.Contains("<!-- rustscope -->", await File.ReadAllTextAsync(summary), StringComparison.Ordinal);
    }
}
