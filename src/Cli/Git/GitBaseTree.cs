namespace RustScope.Cli.Git;

/// <summary>
/// The merge-base of HEAD and a base ref, checked out in a temporary git worktree beside the user's tree, so the
/// base build runs on this machine in the same job as the head build. Removed again on dispose.
/// </summary>
internal sealed class GitBaseTree : IAsyncDisposable
{
    private readonly string _repository;
    private readonly string _worktree;

    private GitBaseTree(string repository, string worktree, string mergeBase, string directory)
    {
        _repository = repository;
        _worktree = worktree;
        MergeBase = mergeBase;
        Directory = directory;
    }

    /// <summary>The commit checked out: <c>git merge-base HEAD baseRef</c>.</summary>
    public string MergeBase { get; }

    /// <summary>The base tree's counterpart of the directory the tree was created from.</summary>
    public string Directory { get; }

    /// <summary>Checks out the merge-base of HEAD and <paramref name="baseRef"/> for the repository around <paramref name="directory"/>.</summary>
    public static async Task<GitBaseTree> CreateAsync(string baseRef, string directory)
    {
        var repository = await ToolProcess.GitAsync(directory, "rev-parse", "--show-toplevel").ConfigureAwait(false);
        var mergeBase = await ToolProcess.GitAsync(directory, "merge-base", "HEAD", baseRef).ConfigureAwait(false);
        var worktree = Path.Combine(System.IO.Directory.CreateTempSubdirectory("rustscope-base-").FullName, "tree");
        await ToolProcess.GitAsync(repository, "worktree", "add", "--detach", worktree, mergeBase).ConfigureAwait(false);
        var relative = Path.GetRelativePath(repository, Path.GetFullPath(directory));
        return new GitBaseTree(repository, worktree, mergeBase, Path.GetFullPath(Path.Combine(worktree, relative)));
    }

    public async ValueTask DisposeAsync()
    {
        await ToolProcess.GitAsync(_repository, "worktree", "remove", "--force", _worktree).ConfigureAwait(false);
        System.IO.Directory.Delete(Path.GetDirectoryName(_worktree)!, recursive: true);
    }
}
