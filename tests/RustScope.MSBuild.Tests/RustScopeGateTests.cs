using System.Xml.Linq;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Diagnostics;
using RustScope.MSBuild.Tests.Infrastructure;

namespace RustScope.MSBuild.Tests;

/// <summary>The task over the real rustscope CLI, with a mock engine standing in for MSBuild.</summary>
public sealed class RustScopeGateTests : IDisposable
{
    private const string Budget = """
        version: 1
        defaults: { threshold: 5% }
        targets:
          - name: sleepy
            budgets:
              process:
                wall_time: 1ms
        """;

    private readonly TempDirectory _temp = new();
    private readonly MockBuildEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_exceeded_budget_is_an_error_at_the_budget_line_and_the_reports_are_written()
    {
        File.WriteAllText(_temp.File("rustscope.yml"), Budget);
        var task = Gate(budget: "rustscope.yml");

        Assert.False(task.Execute(), _engine.Log);

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("RS1001", error.Code);
        Assert.Equal("rustscope.yml", error.File);
        Assert.Equal(7, error.LineNumber);
        Assert.True(error.ColumnNumber > 0);
        Assert.Contains("wall_time", error.Message, StringComparison.Ordinal);
        Assert.Equal([_temp.File("reports/sleepy.md"), _temp.File("reports/sleepy.junit.xml")], task.Reports.Select(r => r.ItemSpec));
        Assert.All(task.Reports, r => Assert.True(File.Exists(r.ItemSpec), r.ItemSpec));
        Assert.Contains("<!-- rustscope -->", File.ReadAllText(task.Reports[0].ItemSpec), StringComparison.Ordinal);
        Assert.True(File.Exists(task.Session));
    }

    [Fact]
    public void A_missing_baseline_is_a_warning_with_the_command_that_creates_it()
    {
        var task = Gate(baseline: "perf/baseline.json");

        Assert.True(task.Execute(), _engine.Log);

        var warning = Assert.Single(_engine.Warnings, w => w.Code == "RS9004");
        Assert.Equal("perf/baseline.json", warning.File);
        Assert.Contains("-p:RustScopeUpdateBaseline=true", warning.Message, StringComparison.Ordinal);
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void Updating_the_baseline_writes_it_and_the_next_run_is_compared_with_it()
    {
        var update = Gate(baseline: "perf/baseline.json");
        update.UpdateBaseline = true;
        Assert.True(update.Execute(), _engine.Log);
        Assert.True(File.Exists(_temp.File("perf/baseline.json")));
        Assert.Contains("rustscope: baseline written to perf/baseline.json", _engine.HighImportanceMessages);

        var compare = Gate(baseline: "perf/baseline.json");
        Assert.True(compare.Execute(), _engine.Log);

        Assert.DoesNotContain(_engine.Warnings, w => w.Code == "RS9004");
        Assert.Empty(_engine.Errors);
        Assert.Contains("perf/baseline.json", File.ReadAllText(_temp.File("reports/sleepy.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_show_paths_from_the_repository_root_not_the_machine_s()
    {
        // The scratch folder is no repository: its root is the working directory, the project's.
        File.WriteAllText(_temp.File("rustscope.yml"), Budget);
        var task = Gate(budget: "rustscope.yml", baseline: "perf/baseline.json");
        task.ReportFormats = ["markdown", "junit", "json"];

        task.Execute();

        var markdown = File.ReadAllText(_temp.File("reports/sleepy.md"));
        Assert.Contains("Checked reports/sleepy.json against absolute budgets", markdown, StringComparison.Ordinal);
        Assert.Contains("· budget rustscope.yml", markdown, StringComparison.Ordinal);
        Assert.All(task.Reports, r => Assert.DoesNotContain(_temp.Path, File.ReadAllText(r.ItemSpec), StringComparison.Ordinal));
    }

    [Fact]
    public void A_program_built_without_optimizations_is_profiled_with_a_warning_in_the_build_and_the_report()
    {
        var program = EmittedProgram.Write(_temp.Path, "Shop.Bench", EmittedProgram.Debug);

        Assert.True(Gate(command: $"dotnet {program}").Execute(), _engine.Log);

        var warning = Assert.Single(_engine.Warnings, w => w.Code == DiagnosticCodes.DebugBuild);
        Assert.Equal(program, warning.File);
        Assert.Contains("Shop.Bench.dll was built without optimizations (a Debug build)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet build -c Release -t:RustScopeProfile", warning.Message, StringComparison.Ordinal);
        Assert.Contains("> ⚠️ Shop.Bench.dll was built without optimizations", File.ReadAllText(_temp.File("reports/sleepy.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Release_program_gets_no_such_warning()
    {
        var program = EmittedProgram.Write(_temp.Path, "Shop.Bench", EmittedProgram.Release);

        Assert.True(Gate(command: $"dotnet {program}").Execute(), _engine.Log);

        Assert.DoesNotContain(_engine.Warnings, w => w.Code == DiagnosticCodes.DebugBuild);
    }

    [Fact]
    public void A_broken_budget_file_is_an_RS9_error_at_its_line()
    {
        File.WriteAllText(_temp.File("rustscope.yml"), Budget.Replace("threshold: 5%", "treshold: 5%", StringComparison.Ordinal));

        Assert.False(Gate(budget: "rustscope.yml").Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("RS9101", error.Code);
        Assert.Equal(("rustscope.yml", 2), (error.File, error.LineNumber));
        Assert.Contains("threshold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_stops_the_cli_and_the_profiled_process()
    {
        var task = Gate(command: "sleep 61.25");
        var execution = Task.Run(task.Execute);
        Assert.True(SpinWait.SpinUntil(() => SleeperPids().Count > 0, TimeSpan.FromMinutes(1)), "the profiled sleep never started");

        task.Cancel();

        Assert.False(await execution.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.True(SpinWait.SpinUntil(() => SleeperPids().Count == 0, TimeSpan.FromSeconds(30)), "the profiled sleep outlived the cancelled build");
    }

    [Fact]
    public void The_command_reaches_the_cli_as_one_argument_whatever_its_spaces_and_quotes()
    {
        var task = Gate(command: "dotnet \"/a b/app.dll\" --bench", budget: "perf budgets/rustscope.yml");
        task.FailOnInconclusive = true;
        task.ReportFormats = ["json"];

        var arguments = task.Arguments().ToString();

        Assert.Contains(" gate --msbuild --name sleepy --command \"dotnet \\\"/a b/app.dll\\\" --bench\" --runs 2 --warmup-runs 0 ", arguments, StringComparison.Ordinal);
        Assert.Contains("--budget \"perf budgets/rustscope.yml\"", arguments, StringComparison.Ordinal);
        Assert.Contains("--fail-on Inconclusive", arguments, StringComparison.Ordinal);
        Assert.EndsWith($"--json {_temp.File("reports/sleepy.comparison.json")}", arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_auto_reaches_the_cli_with_its_bounds()
    {
        var task = Gate();
        (task.Runs, task.MaxRuns, task.MaxTime) = ("auto", "20", "10m");

        Assert.Contains(" --runs auto --max-runs 20 --max-time 10m --warmup-runs 0 ", task.Arguments().ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "2", 0, false, "perf/baseline.json", DiagnosticCodes.CommandInvalid)]
    [InlineData("sleep 0.05", "2", 0, true, null, DiagnosticCodes.BaselinePathMissing)]
    public void A_bad_item_is_its_own_error_and_nothing_is_profiled(string command, string runs, int warmupRuns, bool updateBaseline, string? baseline, string code)
    {
        var task = Gate(command: command, baseline: baseline);
        task.Runs = runs;
        task.WarmupRuns = warmupRuns;
        task.UpdateBaseline = updateBaseline;

        Assert.False(task.Execute(), _engine.Log);

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Contains("RustScopeProfile 'sleepy'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.File("reports")), "the CLI ran for an invalid item");
    }

    [Theory]
    [InlineData("0", 0, "--runs must be at least 1")]
    [InlineData("often", 0, "--runs takes a number or 'auto', not 'often'")]
    [InlineData("2", -1, "--warmup-runs cannot be negative")]
    public void Bad_runs_are_the_clis_own_error_in_the_build_log_and_nothing_is_profiled(string runs, int warmupRuns, string message)
    {
        var task = Gate(baseline: "perf/baseline.json");
        task.Runs = runs;
        task.WarmupRuns = warmupRuns;

        Assert.False(task.Execute(), _engine.Log);

        // One validator: the task passes the values on, the CLI says what `rustscope gate` says on a terminal.
        var error = Assert.Single(_engine.Errors);
        Assert.Equal((DiagnosticCodes.RunsInvalid, message), (error.Code, error.Message));
        Assert.False(File.Exists(_temp.File("reports/sleepy.json")), "the CLI profiled an invalid item");
    }

    [Fact]
    public void Every_code_the_package_reports_is_one_of_the_shared_diagnostic_codes_and_no_two_codes_clash()
    {
        var codes = typeof(DiagnosticCodes).GetFields().Select(f => (Name: f.Name, Code: (string)f.GetRawConstantValue()!)).ToList();
        var targets = XDocument.Load(Path.Combine(Repository.Root, "src", "Tasks", "build", "RustScope.MSBuild.targets"));
        var targetCodes = targets.Descendants().Select(e => e.Attribute("Code")?.Value).OfType<string>().ToList();

        Assert.Equal(codes.Count, codes.Select(c => c.Code).Distinct().Count());
        Assert.Equal([DiagnosticCodes.NothingToProfile], targetCodes);
    }

    private RustScopeGate Gate(string command = "sleep 0.05", string? budget = null, string? baseline = null) => new()
    {
        BuildEngine = _engine,
        Name = "sleepy",
        Command = command,
        CliPath = Repository.CliPath,
        ReportDirectory = _temp.File("reports"),
        WorkingDirectory = _temp.Path,
        Budget = budget,
        Baseline = baseline,
        Runs = "2",
        WarmupRuns = 0,
    };

    private static List<int> SleeperPids() =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => (Pid: int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0, Dir: d))
            .Where(p => p.Pid > 0 && ReadCommandLine(p.Dir)?.EndsWith("sleep\061.25\0", StringComparison.Ordinal) == true)
            .Select(p => p.Pid)];

    private static string? ReadCommandLine(string procDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procDirectory, "cmdline"));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
