using RustScope.Core.Budgets;
using RustScope.Core.Diagnostics;

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
        Assert.False(checkout.Benchmarks[0].Rules.LowerIsBetter);
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
                "rustscope.yml:2:13: RS9101: unknown key 'alpah' in defaults; did you mean 'alpha'?",
                "rustscope.yml:6:28: RS9102: '200 parsecs' is not a number with a known unit for 'peak_rss' (units: ns, us, µs, ms, s, m, KiB, MiB, GiB, KB, MB, GB, B, %)",
                "rustscope.yml:6:52: RS9107: 'wall_time' takes a duration (ns, us, ms, s, m), not a size (B, KB, MB, GB, KiB, MiB, GiB)",
                "rustscope.yml:8:31: RS9101: unknown key 'p96' in functions 'X.*'; did you mean 'p95'?",
                "rustscope.yml:8:23: RS9103: 'p95' takes a single value here, not a list",
                "rustscope.yml:9:5: RS9104: target 'a' is defined twice",
            ],
            error.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("version: 2\ntargets: []", "rustscope.yml:1:10: RS9105: budget file version 2 is not supported; this RustScope reads version 1")]
    [InlineData("targets: []", "rustscope.yml:1:1: RS9106: 'version: 1' is required")]
    [InlineData("version: 1\ntargets:\n  - name: [x", "rustscope.yml:4:1: RS9100: not valid YAML")]
    [InlineData("version: 1\ntargets: { a: 1 }", "rustscope.yml:2:10: RS9103: 'targets' is a list")]
    [InlineData("version: 1\ntargets:\n  - name: t\n    command: dotnet run", "rustscope.yml:4:14: RS9103: 'command' is a list of arguments")]
    [InlineData("version: 1\ndefaults: { alpha: 2 }", "rustscope.yml:2:20: RS9102: 'alpha' must be between 0 and 0.5")]
    [InlineData("version: 1\ndefaults: { threshold: 5 }", "rustscope.yml:2:24: RS9107: a threshold is a percentage")]
    [InlineData("version: 1\ndefaults: { runs: 2.5 }", "rustscope.yml:2:19: RS9102: 'runs' must be a whole number")]
    [InlineData("version: 1\nversion: 1", "rustscope.yml:2:1: RS9100: not valid YAML")]
    [InlineData("- just\n- a list", "rustscope.yml:1:1: RS9103: a budget file is a mapping")]
    public void Each_kind_of_error_is_located(string yaml, string expectedStart)
    {
        var error = Assert.Throws<InputException>(() => BudgetFile.Parse(yaml, "rustscope.yml"));

        Assert.StartsWith(expectedStart, error.Diagnostics[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() => BudgetFile.Load("/nonexistent/rustscope.yml"));

        Assert.Equal(DiagnosticCodes.BudgetUnreadable, Assert.Single(error.Diagnostics).Code);
    }
}
