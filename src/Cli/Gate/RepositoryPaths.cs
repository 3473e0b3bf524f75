using RustScope.Core.Comparison;

namespace RustScope.Cli.Gate;

/// <summary>
/// Paths as a pull request reads them: relative to the repository's top level (the nearest folder up from the current
/// one with a <c>.git</c>, else the current folder) when they lie under it, whole otherwise. A report that says
/// "/tmp/ci-1234/work/perf/head.json" leaks a machine's layout and means nothing to a reviewer.
/// </summary>
/// <param name="root">The folder paths are shown relative to.</param>
internal sealed class RepositoryPaths(string root)
{
    /// <summary>The repository around the current directory, or the current directory outside one.</summary>
    public static RepositoryPaths Current() => Around(Directory.GetCurrentDirectory());

    /// <summary>The repository around <paramref name="directory"/>, or that directory outside one.</summary>
    public static RepositoryPaths Around(string directory)
    {
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            // A .git folder in a clone, a .git file in a worktree or a submodule.
            if (Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git")))
            {
                return new RepositoryPaths(folder.FullName);
            }
        }

        return new RepositoryPaths(Path.GetFullPath(directory));
    }

    /// <summary><paramref name="path"/> relative to the root when under it, else its full path.</summary>
    public string Show(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(root, full);
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    /// <summary><paramref name="result"/> with every path it shows (sessions, budget file, budget lines) shown from the root.</summary>
    public ComparisonResult Show(ComparisonResult result) => result with
    {
        Baseline = result.Baseline is null ? null : Show(result.Baseline),
        Head = Show(result.Head),
        BudgetFile = result.BudgetFile is null ? null : Show(result.BudgetFile),
        Targets = [.. result.Targets.Select(t => t with
        {
            Metrics = [.. t.Metrics.Select(m => m.BudgetLocation is { } at ? m with { BudgetLocation = at with { File = Show(at.File) } } : m)],
        })],
    };
}
