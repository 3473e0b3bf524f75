using System.Text.RegularExpressions;

namespace RustScope.MSBuild.Tests.EndToEnd;

/// <summary><c>dotnet build -t:RustScopeProfile</c> on examples/BuildGate with the packed RustScope.MSBuild.</summary>
public sealed class BuildGateTests
{
    [Fact]
    public async Task Warns_without_a_baseline_records_one_passes_against_it_and_fails_a_slower_hungrier_build_at_the_budget_line()
    {
        using var example = new BuildGateExample(nameof(BuildGateTests) + "-gate");
        File.Delete(example.Path("perf/baseline.json"));

        var (noBaseline, noBaselineOutput) = await example.ProfileAsync("no-baseline");
        Assert.True(noBaseline == 0, noBaselineOutput);
        Assert.Matches(@"\.\./perf/baseline\.json ?: warning RS9004: no baseline yet", noBaselineOutput);
        Assert.Contains("-p:RustScopeUpdateBaseline=true", noBaselineOutput, StringComparison.Ordinal);

        var (update, updateOutput) = await example.ProfileAsync("update", "RustScopeUpdateBaseline=true");
        Assert.True(update == 0, updateOutput);
        Assert.True(File.Exists(example.Path("perf/baseline.json")), updateOutput);
        Assert.Contains("rustscope: baseline written to perf/baseline.json", updateOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("RS9009", updateOutput, StringComparison.Ordinal);

        var (same, sameOutput) = await example.ProfileAsync("same");
        Assert.True(same == 0, sameOutput);
        Assert.DoesNotContain(": error RS", sameOutput, StringComparison.Ordinal);

        var (slow, slowOutput) = await example.ProfileAsync("slow", "ShopSlowCheckout=true");
        Assert.NotEqual(0, slow);

        // wall_time is on line 8 and peak_rss on line 9 of examples/BuildGate/rustscope.yml; which of them a loaded
        // runner shows significantly can vary, that at least one regression is reported at its line cannot.
        Assert.Matches(@"\.\./rustscope\.yml\((8|9),\d+\): error RS2001: (wall_time|peak_rss) regressed", slowOutput);
        var junit = File.ReadAllText(Path.Combine(example.ReportDirectory, "checkout.junit.xml"));
        Assert.Contains("<failure", junit, StringComparison.Ordinal);
        var markdown = File.ReadAllText(Path.Combine(example.ReportDirectory, "checkout.md"));
        Assert.Contains("<!-- rustscope -->", markdown, StringComparison.Ordinal);
        Assert.Contains("regressed", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Shop.Bench/obj/rustscope/checkout.json compared with perf/baseline.json", markdown, StringComparison.Ordinal);
        Assert.Contains("· budget rustscope.yml", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(example.Path(""), markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Debug_build_is_profiled_with_a_warning_that_names_its_unoptimized_assemblies()
    {
        using var example = new BuildGateExample(nameof(BuildGateTests) + "-debug") { Configuration = "Debug" };

        // The committed baseline is a Release build's: against it a Debug build is a regression, not the point here.
        File.Delete(example.Path("perf/baseline.json"));

        var (exitCode, output) = await example.ProfileAsync("debug");

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"bin/Debug/net10\.0/Shop\.Bench\.dll ?: warning RS9009: Shop\.Bench\.dll, Shop\.dll were built without optimizations \(a Debug build\)", output);
        Assert.Contains("dotnet build -c Release -t:RustScopeProfile", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_budget_file_fails_the_build_at_its_line_before_anything_is_profiled()
    {
        using var example = new BuildGateExample(nameof(BuildGateTests) + "-broken-budget");
        var budget = File.ReadAllText(example.Path("rustscope.yml"));
        File.WriteAllText(example.Path("rustscope.yml"), budget.Replace("wall_time: 30s", "wall_time: 30 parsecs", StringComparison.Ordinal));

        var (exitCode, output) = await example.ProfileAsync("broken");

        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"\.\./rustscope\.yml\(8,\d+\): error RS9102: ", output);
        Assert.False(File.Exists(Path.Combine(example.ReportDirectory, "checkout.json")), output);
    }

    [Fact]
    public async Task With_RustScopeProfileOnBuild_a_plain_build_runs_the_gate_after_building()
    {
        using var example = new BuildGateExample(nameof(BuildGateTests) + "-on-build");
        File.Delete(example.Path("perf/baseline.json"));

        var (plain, plainOutput) = await example.BuildAsync("plain");
        Assert.True(plain == 0, plainOutput);
        Assert.False(File.Exists(Path.Combine(example.ReportDirectory, "checkout.json")), plainOutput);

        var (exitCode, output) = await example.BuildAsync("on-build", "RustScopeProfileOnBuild=true");

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"\.\./perf/baseline\.json ?: warning RS9004: no baseline yet", output);
        Assert.True(File.Exists(Path.Combine(example.ReportDirectory, "checkout.json")), output);
        Assert.True(File.Exists(Path.Combine(example.ReportDirectory, "checkout.junit.xml")), output);
    }

    [Fact]
    public async Task An_undecided_comparison_warns_by_default_and_fails_the_build_with_RustScopeFailOnInconclusive()
    {
        using var example = new BuildGateExample(nameof(BuildGateTests) + "-inconclusive");
        // One run a side leaves each timing's noise unknown, so no test can decide it: Inconclusive whatever the load.
        var project = example.Path("Shop.Bench/Shop.Bench.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("Runs=\"5\"", "Runs=\"1\"", StringComparison.Ordinal));
        var (update, updateOutput) = await example.ProfileAsync("update", "RustScopeUpdateBaseline=true");
        Assert.True(update == 0, updateOutput);

        var (lenient, lenientOutput) = await example.ProfileAsync("lenient");
        Assert.True(lenient == 0, lenientOutput);
        Assert.Matches(@"\.\./rustscope\.yml\(8,\d+\): warning RS2101: wall_time ", lenientOutput);
        Assert.Contains("not decided", File.ReadAllText(Path.Combine(example.ReportDirectory, "checkout.md")), StringComparison.Ordinal);

        var (strict, strictOutput) = await example.ProfileAsync("strict", "RustScopeFailOnInconclusive=true");
        Assert.NotEqual(0, strict);
        Assert.Matches(@"\.\./rustscope\.yml\(8,\d+\): error RS2101: wall_time ", strictOutput);
    }

    [Fact]
    public async Task An_item_without_a_Command_fails_the_build_with_its_name_and_code()
    {
        using var example = new BuildGateExample(nameof(BuildGateTests) + "-no-command");
        var project = example.Path("Shop.Bench/Shop.Bench.csproj");
        var text = File.ReadAllText(project);
        var command = Regex.Match(text, "Command=\"[^\"]*\"");
        Assert.True(command.Success, text);
        File.WriteAllText(project, text.Replace(command.Value, "", StringComparison.Ordinal));

        var (exitCode, output) = await example.ProfileAsync("no-command");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error RS9005: RustScopeProfile 'checkout' has no Command to profile.", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(example.ReportDirectory, "checkout.json")), output);
    }
}
