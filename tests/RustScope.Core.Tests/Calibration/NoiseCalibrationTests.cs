using NJsonSchema;
using RustScope.Core.Budgets;
using RustScope.Core.Calibration;
using RustScope.Core.Comparison;
using RustScope.Core.Model;
using static RustScope.Core.Tests.Comparison.SessionBuilder;

namespace RustScope.Core.Tests.Calibration;

/// <summary>
/// The noise of an A/A series, checked against SciPy 1.10 on the same samples (numpy std with ddof=1,
/// scipy.stats.median_abs_deviation(scale='normal'), norm.ppf(0.99) + norm.ppf(0.8) for the sample-size formula).
/// </summary>
public sealed class NoiseCalibrationTests
{
    private static readonly double[] First = [1.00, 1.02, 0.98, 1.05, 0.97, 1.01, 0.99, 1.03];

    // The last run is a slow outlier.
    private static readonly double[] Second = [1.01, 0.99, 1.00, 1.04, 0.96, 1.02, 1.00, 1.30];

    private static ProfileSession Side(double[] wallTimes) => WithRuns(wallTimes.Length) with
    {
        Runs = [.. WithRuns(wallTimes.Length).Runs.Select((r, i) => r with { WallTimeS = wallTimes[i] })],
    };

    private static MetricNoise Wall(ComparisonOptions options) =>
        Assert.Single(NoiseCalibration.Analyze(Side(First), Side(Second), options, out _), m => m.Metric == "wall_time");

    [Fact]
    public void Spread_outliers_and_pair_ratios_match_scipy()
    {
        var wall = Wall(new ComparisonOptions());

        Assert.Equal(16, wall.Runs);
        Assert.Equal(0.0759372582089869, wall.Cv, 1e-12);
        // SciPy scales the MAD by 1/Φ⁻¹(3/4) = 1.482602…, RustScope by 1.4826.
        Assert.Equal(0.02212839132097932, wall.RobustCv, 1e-6);
        Assert.Equal(0.0838393285924819, wall.PairRatioSd, 1e-12);
        Assert.Equal(1.0 / 16, wall.OutlierRate);
        Assert.Equal(0.0, wall.Drift);
    }

    [Fact]
    public void Smallest_change_and_runs_needed_follow_the_normal_sample_size_formula()
    {
        var wall = Wall(new ComparisonOptions());

        // exp(z · sd / √n) − 1 with sd the pair ratios' sd, and ⌈(z · sd / ln 1.05)²⌉ runs a side.
        Assert.Equal([5, 10, 20, 30], wall.SmallestChange.Select(s => s.Runs));
        Assert.Equal(0.1261222693700872, wall.SmallestChange[0].Change, 1e-12);
        Assert.Equal(0.08761825912209997, wall.SmallestChange[1].Change, 1e-12);
        Assert.Equal(0.05, wall.Threshold);
        Assert.Equal(30, wall.RunsNeeded);
        Assert.False(wall.TooNoisy);
    }

    [Theory]
    [InlineData("threshold: 4%", 46, true)]
    [InlineData("threshold: 10%", 8, false)]
    // An absolute threshold of 0.1 s is 10 % of the 1 s median: a change must exceed both parts.
    [InlineData("threshold: { relative: 2%, absolute: 100ms }", 8, false)]
    public void The_budgets_threshold_sets_the_runs_needed_and_the_verdict(string threshold, int runs, bool tooNoisy)
    {
        var budget = BudgetFile.Parse($"version: 1\ntargets:\n  - name: checkout\n    {threshold}\n", "rustscope.yml");

        var wall = Wall(new ComparisonOptions { Budget = budget });

        Assert.Equal((runs, tooNoisy, tooNoisy ? "too noisy" : "ok"), (wall.RunsNeeded, wall.TooNoisy, wall.Verdict));
    }

    [Fact]
    public void Only_gated_metrics_measured_in_runs_are_calibrated()
    {
        var metrics = NoiseCalibration.Analyze(Side(First), Side(Second), new ComparisonOptions(), out var alpha);

        Assert.Equal(0.01, alpha);
        // cpu_mean is never judged; p99 and calls are not compared by default; this session has no CPU seconds.
        Assert.Equal(["wall_time", "peak_rss", "p50", "p95", "mean", "alloc_per_call"], metrics.Select(m => m.Metric));
        var alloc = Assert.Single(metrics, m => m.Metric == "alloc_per_call");
        Assert.Equal((0.0, 0.0, 2, false), (alloc.Cv, alloc.PairRatioSd, alloc.RunsNeeded, alloc.TooNoisy));
    }

    [Fact]
    public async Task The_calibration_file_follows_the_published_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schema", "calibration.v1.schema.json"));
        var file = new CalibrationFile
        {
            CreatedTs = 1,
            Host = Host(),
            Targets = [new TargetCalibration
            {
                Name = "checkout", Command = ["dotnet", "Shop.dll"], RunsPerSide = 8, WarmupRuns = 1, Alpha = 0.01, Power = 0.8,
                MaxRunsPerSide = NoiseCalibration.MaxRunsPerSide, Isolation = new Isolation { Environment = new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" } },
                Metrics = NoiseCalibration.Analyze(Side(First), Side(Second), new ComparisonOptions(), out _),
            }],
        };

        var json = System.Text.Encoding.UTF8.GetString(CalibrationJson.Serialize(file));

        Assert.Empty(schema.Validate(json).Select(e => e.ToString()));
        Assert.Contains("\"verdict\": \"ok\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_is_the_change_of_the_median_from_the_first_half_of_the_series_to_the_second()
    {
        Assert.Equal(0.5, NoiseStatistics.Drift([1.0, 1.1, 0.9, 1.0, 1.5, 1.6, 1.4, 1.5])!.Value, 1e-12);
        Assert.Null(NoiseStatistics.Drift([0.0, 0.0, 1.0, 1.0]));
    }

    [Fact]
    public void Pairs_with_a_zero_are_measured_on_the_raw_scale()
    {
        // Differences 0, 0.2, −0.2 over the mean of 0.5.
        Assert.Equal(0.4, NoiseStatistics.PairRatioSd([(0.0, 0.0), (0.4, 0.6), (1.1, 0.9)]), 1e-12);
    }
}
