using RustScope.Cli.Gate;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Metrics;
using RustScope.Core.Statistics;

namespace RustScope.Cli.Tests.Gate;

public sealed class RepositoryPathsTests
{
    private readonly RepositoryPaths _paths = new("/work/repo");

    [Theory]
    [InlineData("/work/repo/perf/head.json", "perf/head.json")]
    [InlineData("/work/repo/examples/BuildGate/../rustscope.yml", "examples/rustscope.yml")]
    [InlineData("/tmp/ci-1234/head.json", "/tmp/ci-1234/head.json")]
    [InlineData("/work/repo-other/head.json", "/work/repo-other/head.json")]
    [InlineData("/work/repo/..head.json", "..head.json")]
    public void Paths_under_the_repository_are_shown_from_its_root_and_others_whole(string path, string shown)
    {
        Assert.Equal(shown, _paths.Show(path));
    }

    [Fact]
    public void Every_path_a_report_shows_is_shown_from_the_root()
    {
        var result = new ComparisonResult
        {
            Baseline = "/work/repo/perf/baseline.json",
            Head = "/work/repo/obj/rustscope/checkout.json",
            BudgetFile = "/work/repo/rustscope.yml",
            Alpha = 0.01,
            Correction = "holm",
            Targets = [new TargetComparison
            {
                Name = "checkout",
                Metrics = [new MetricComparison { Kind = MetricKind.Process, Metric = "wall_time", Unit = "s", Verdict = Verdict.Regressed, BudgetLocation = new SourceLocation("/work/repo/rustscope.yml", 8, 9) }],
            }],
        };

        var shown = _paths.Show(result);

        Assert.Equal(("perf/baseline.json", "obj/rustscope/checkout.json", "rustscope.yml"), (shown.Baseline, shown.Head, shown.BudgetFile));
        Assert.Equal(new SourceLocation("rustscope.yml", 8, 9), shown.AllMetrics.Single().BudgetLocation);
    }

    [Fact]
    public void The_repository_is_the_nearest_folder_up_with_a_git_entry_else_the_folder_itself()
    {
        var root = Directory.CreateTempSubdirectory("rustscope-repo-").FullName;
        try
        {
            var project = Directory.CreateDirectory(Path.Combine(root, "examples", "BuildGate")).FullName;
            Assert.Equal("perf/baseline.json", RepositoryPaths.Around(project).Show(Path.Combine(project, "perf", "baseline.json")));

            // A worktree's .git is a file.
            File.WriteAllText(Path.Combine(root, ".git"), "gitdir: /elsewhere");
            Assert.Equal("examples/perf/baseline.json", RepositoryPaths.Around(project).Show(Path.Combine(project, "..", "perf", "baseline.json")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
