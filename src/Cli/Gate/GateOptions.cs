using System.CommandLine;
using RustScope.Core.Comparison;
using RustScope.Core.Statistics;

namespace RustScope.Cli.Gate;

/// <summary>The options compare and check share: budget, statistics overrides, and where reports go.</summary>
internal sealed class GateOptions
{
    public Option<FileInfo?> Budget { get; } = new("--budget") { Description = "The budget file (rustscope.yml)." };

    public Option<string?> Target { get; } = new("--target") { Description = "The budget target to apply (default: the one named like the session's project, or the only one)." };

    public Option<FileInfo?> Markdown { get; } = new("--markdown") { Description = "Write the Markdown report (a PR comment) here." };

    public Option<FileInfo?> JUnit { get; } = new("--junit") { Description = "Write a JUnit XML report here." };

    public Option<FileInfo?> Json { get; } = new("--json") { Description = "Write the comparison as JSON here." };

    public Option<bool> GitHub { get; } = new("--github") { Description = "Emit GitHub Actions annotations and append to the job summary (on by itself when GITHUB_ACTIONS=true)." };

    public Option<bool> MSBuild { get; } = new("--msbuild") { Description = "Print MSBuild canonical diagnostics (file(line,col): error RS2001: …) instead of the table." };

    public Option<double?> Alpha { get; } = new("--alpha") { Description = "Significance level before correction (overrides the budget file's default)." };

    public Option<string?> Correction { get; } = CorrectionOption();

    public Option<string?> Threshold { get; } = new("--threshold") { Description = "Relative noise threshold, e.g. 5% (overrides the budget file's default)." };

    public Option<FailOn> FailOn { get; } = new("--fail-on") { Description = "Fail on regressions and exceeded budgets only, or on inconclusive metrics too.", DefaultValueFactory = _ => Core.Comparison.FailOn.Regressed };

    public IEnumerable<Option> All => [Budget, Target, Markdown, JUnit, Json, GitHub, MSBuild, Alpha, Correction, Threshold, FailOn];

    private static Option<string?> CorrectionOption()
    {
        var option = new Option<string?>("--correction") { Description = "Multiple-comparison correction across every metric: benjamini-hochberg (default) or holm (overrides the budget file's default)." };
        option.AcceptOnlyFromAmong([.. CorrectionNames.All]);
        return option;
    }
}
