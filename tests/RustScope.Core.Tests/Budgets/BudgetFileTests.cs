using RustScope.Core.Budgets;
using RustScope.Core.Diagnostics;
using RustScope.Core.Metrics;
using RustScope.Core.Statistics;

namespace RustScope.Core.Tests.Budgets;

public sealed class BudgetFileTests
{
    private const string Valid = """
        version: 1
        defaults: { alpha: 0.01, threshold: 5%, runs: 5 }
        targets:
          - name: checkout
            command: [dotnet, bin/Release/net10.0/Shop.dll, --bench]
            runs: 10
            budgets:
              process:   { peak_rss: 200MB, wall_time: 10s, cpu_mean: 90% }
              functions:
                "Shop.Checkout.*": { p95: 2ms, alloc_per_call: 1KB, regression: { relative: 10%, absolute: 100us } }
                "Shop.Checkout.Pay": { p99: { budget: 5ms, regression: { relative: 3% } } }
              benchmarks:
                "throughput*": { median: 1us, direction: higher }
          - name: import
            command: [./import.sh]
        """;

    [Fact]
    public void Reads_the_documented_shape_with_values_in_base_units()
    {
        var file = BudgetFile.Parse(Valid, "rustscope.yml");

        Assert.Equal(0.01, file.Defaults.Alpha);
        Assert.Equal(0.05, file.Defaults.Threshold!.Relative);
        Assert.Equal(["checkout", "import"], file.Targets.Select(t => t.Name));
        var checkout = file.Targets[0];
        Assert.Equal(["dotnet", "bin/Release/net10.0/Shop.dll", "--bench"], checkout.Command);
        Assert.Equal(10, checkout.Runs);
        Assert.Equal(200e6, checkout.Process.Metrics["peak_rss"].Budget);
        Assert.Equal(10e9, checkout.Process.Metrics["wall_time"].Budget);
        Assert.Equal(90, checkout.Process.Metrics["cpu_mean"].Budget);
        var checkoutFunctions = checkout.Functions[0].Rules;
        Assert.Equal(2e6, checkoutFunctions.Metrics["p95"].Budget);
        Assert.Equal(1000, checkoutFunctions.Metrics["alloc_per_call"].Budget);
        Assert.Equal(new RegressionThreshold(0.10, 100_000), checkoutFunctions.Regression!.For(QuantityKind.Time, 1));
        Assert.Equal(new RegressionThreshold(0.10, null), checkoutFunctions.Regression.For(QuantityKind.Bytes, 1));
        var pay = checkout.Functions[1].Rules.Metrics["p99"];
        Assert.Equal((5e6, 0.03), (pay.Budget!.Value, pay.Regression!.Relative!.Value));
        Assert.Equal(MetricDirection.HigherIsBetter, checkout.Benchmarks[0].Rules.Direction);
    }

    [Fact]
    public void Budgets_remember_where_they_are_written()
    {
        var file = BudgetFile.Parse(Valid, "rustscope.yml");

        var checkout = file.Targets[0];
        Assert.Equal(new SourceLocation("rustscope.yml", 4, 5), checkout.Location);
        Assert.Equal(new SourceLocation("rustscope.yml", 10, 35), checkout.Functions[0].Rules.Metrics["p95"].Location);
        Assert.Equal(new SourceLocation("rustscope.yml", 8, 30), checkout.Process.Metrics["peak_rss"].Location);
    }

    [Fact]
    public void Every_error_is_reported_at_once_with_its_location()
    {
        const string broken = """
            version: 1
            defaults: { alpah: 0.01 }
            targets:
              - name: a
                budgets:
                  process: { peak_rss: 200 parsecs, wall_time: 2MB }
                  functions:
                    "X.*": { p95: [1, 2], p96: 1ms }
              - name: a
            """;

        var error = Assert.Throws<InputException>(() => BudgetFile.Parse(broken, "rustscope.yml"));

        Assert.Equal(
            [
                "rustscope.yml:2:13: error RS9101: unknown key 'alpah' in defaults; did you mean 'alpha'?",
                "rustscope.yml:6:28: error RS9102: '200 parsecs' is not a number with a known unit for 'peak_rss' (units: ns, us, µs, ms, s, m, KiB, MiB, GiB, KB, MB, GB, B, %)",
                "rustscope.yml:6:52: error RS9107: 'wall_time' takes a duration (ns, us, ms, s, m), not a size (B, KB, MB, GB, KiB, MiB, GiB)",
                "rustscope.yml:8:23: error RS9103: 'p95' takes a single value here, not a list",
                "rustscope.yml:8:31: error RS9101: unknown key 'p96' in functions 'X.*'; did you mean 'p95'?",
                "rustscope.yml:9:5: error RS9104: target 'a' is defined twice",
            ],
            error.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("version: 2\ntargets: []", "rustscope.yml:1:10: error RS9105: budget file version 2 is not supported; this RustScope reads version 1")]
    [InlineData("targets: []", "rustscope.yml:1:1: error RS9106: 'version: 1' is required")]
    [InlineData("version: 1\ntargets:\n  - name: [x", "rustscope.yml:4:1: error RS9100: not valid YAML")]
    [InlineData("version: 1\ntargets: { a: 1 }", "rustscope.yml:2:10: error RS9103: 'targets' is a list")]
    [InlineData("version: 1\ntargets:\n  - name: t\n    command: dotnet run", "rustscope.yml:4:14: error RS9103: 'command' is a list of arguments")]
    [InlineData("version: 1\ndefaults: { alpha: 2 }", "rustscope.yml:2:20: error RS9102: 'alpha' must be between 0 and 0.5")]
    [InlineData("version: 1\ndefaults: { threshold: 5 }", "rustscope.yml:2:24: error RS9107: a threshold is a percentage")]
    [InlineData("version: 1\ndefaults: { runs: 2.5 }", "rustscope.yml:2:19: error RS9102: 'runs' must be a whole number")]
    [InlineData("version: 1\nversion: 1", "rustscope.yml:2:1: error RS9104: 'version' appears twice in the same mapping (first at line 1, column 1)")]
    [InlineData("version: 1\ndefaults: { threshold: -5% }", "rustscope.yml:2:24: error RS9102: a threshold cannot be negative")]
    [InlineData("version: 1\ntargets:\n  - name: t\n    threshold: -200us", "rustscope.yml:4:16: error RS9102: a threshold cannot be negative")]
    [InlineData("version: 1\ntargets:\n  - name: t\n    budgets:\n      functions:\n        ? [A, B]\n        : { p95: 1ms }", "rustscope.yml:6:11: error RS9103: a name pattern in 'functions' is a single string")]
    [InlineData("version: 1\ndefaults: { correction: hlom }", "rustscope.yml:2:25: error RS9102: correction 'hlom' is neither 'holm' nor 'benjamini-hochberg'; did you mean 'holm'?")]
    [InlineData("- just\n- a list", "rustscope.yml:1:1: error RS9103: a budget file is a mapping")]
    public void Each_kind_of_error_is_located(string yaml, string expectedStart)
    {
        var error = Assert.Throws<InputException>(() => BudgetFile.Parse(yaml, "rustscope.yml"));

        Assert.StartsWith(expectedStart, error.Diagnostics[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_key_is_one_located_error_among_the_others()
    {
        const string repeated = """
            version: 1
            defaults: { alpha: 0.01, alpha: 0.02, runz: 3 }
            targets:
              - name: a
                name: b
                budgets:
                  process: { wall_time: 2MB }
            """;

        var error = Assert.Throws<InputException>(() => BudgetFile.Parse(repeated, "rustscope.yml"));

        Assert.Equal(
            [
                "rustscope.yml:2:26: error RS9104: 'alpha' appears twice in the same mapping (first at line 2, column 13); only the first is read",
                "rustscope.yml:2:39: error RS9101: unknown key 'runz' in defaults; did you mean 'runs'?",
                "rustscope.yml:5:5: error RS9104: 'name' appears twice in the same mapping (first at line 4, column 5); only the first is read",
                "rustscope.yml:7:29: error RS9107: 'wall_time' takes a duration (ns, us, ms, s, m), not a size (B, KB, MB, GB, KiB, MiB, GiB)",
            ],
            error.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_target_without_a_name_still_has_its_other_errors_reported()
    {
        const string nameless = """
            version: 1
            targets:
              - budgets:
                  process: { wall_time: 2MB }
            """;

        var error = Assert.Throws<InputException>(() => BudgetFile.Parse(nameless, "rustscope.yml"));

        Assert.Equal(
            [
                "rustscope.yml:3:5: error RS9106: every target needs a 'name'",
                "rustscope.yml:4:29: error RS9107: 'wall_time' takes a duration (ns, us, ms, s, m), not a size (B, KB, MB, GB, KiB, MiB, GiB)",
            ],
            error.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("defaults: { correction: holm }", MultipleComparisonCorrection.Holm)]
    [InlineData("defaults: { correction: benjamini-hochberg }", MultipleComparisonCorrection.BenjaminiHochberg)]
    public void The_correction_can_be_chosen_in_the_defaults(string defaults, MultipleComparisonCorrection? expected)
    {
        var file = BudgetFile.Parse($"version: 1\n{defaults}", "rustscope.yml");

        Assert.Equal(expected, file.Defaults.Correction);
    }

    [Fact]
    public void The_calibration_file_is_resolved_against_the_budget_files_directory()
    {
        var file = BudgetFile.Parse("""
            version: 1
            defaults: { calibration: perf/noise.json }
            targets:
              - name: a
                calibration: perf/a.calibration.json
              - name: b
            """, Path.Combine("ci", "rustscope.yml"));

        Assert.Equal(Path.Combine("ci", "perf", "noise.json"), file.Defaults.Calibration);
        Assert.Equal([Path.Combine("ci", "perf", "a.calibration.json"), null], file.Targets.Select(t => t.Calibration));
    }

    [Fact]
    public void A_calibration_that_is_not_a_path_is_located()
    {
        var error = Assert.Throws<InputException>(() => BudgetFile.Parse("version: 1\ntargets:\n  - name: a\n    calibration: [a.json]\n", "rustscope.yml"));

        Assert.Equal("rustscope.yml:4:18: error RS9103: 'calibration' takes a single value here, not a list", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() => BudgetFile.Load("/nonexistent/rustscope.yml"));

        Assert.Equal(DiagnosticCodes.BudgetUnreadable, Assert.Single(error.Diagnostics).Code);
    }

    [Theory]
    [InlineData("[", "]", 50_000)]
    [InlineData("{a: ", "}", 50_000)]
    [InlineData("- ", "", 100)] // block nesting needs its indentation: 100 levels are 10,000 spaces already
    public void Deep_nesting_is_a_located_error_not_a_stack_overflow(string open, string close, int depth)
    {
        var yaml = open == "- "
            ? "version: 1\ntargets:\n" + string.Concat(Enumerable.Range(1, depth).Select(i => new string(' ', 2 * i) + "- x:\n"))
            : "version: 1\ntargets: " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + "\n";

        var error = Assert.Throws<InputException>(() => BudgetFile.Parse(yaml, "rustscope.yml"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.BudgetSyntax, diagnostic.Code);
        Assert.Contains("nest deeper than 64 levels", diagnostic.Message, StringComparison.Ordinal);
        Assert.NotNull(diagnostic.Line);
    }
}
