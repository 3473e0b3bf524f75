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
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled; nothing is left behind.</exception>
    public static async Task<GitBaseTree> CreateAsync(string baseRef, string directory, CancellationToken cancel)
    {
        var repository = await ToolProcess.GitAsync(directory, cancel, "rev-parse", "--show-toplevel").ConfigureAwait(false);
        var mergeBase = await ToolProcess.GitAsync(directory, cancel, "merge-base", "HEAD", baseRef).ConfigureAwait(false);
        var worktree = Path.Combine(System.IO.Directory.CreateTempSubdirectory("rustscope-base-").FullName, "tree");
        var relative = Path.GetRelativePath(repository, Path.GetFullPath(directory));
        var tree = new GitBaseTree(repository, worktree, mergeBase, Path.GetFullPath(Path.Combine(worktree, relative)));
        try
        {
            // Not cancelled half-way: a worktree git is still writing is harder to remove than a finished one.
            await ToolProcess.GitAsync(repository, CancellationToken.None, "worktree", "add", "--detach", worktree, mergeBase).ConfigureAwait(false);
            cancel.ThrowIfCancellationRequested();
            return tree;
        }
        catch
        {
            await tree.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ToolProcess.GitAsync(_repository, CancellationToken.None, "worktree", "remove", "--force", _worktree).ConfigureAwait(false);
        }
        catch (GitException)
        {
            // Never (fully) added: the folder goes below, and prune drops what git may have registered.
        }

        var temporary = Path.GetDirectoryName(_worktree)!;
        if (System.IO.Directory.Exists(temporary))
        {
            System.IO.Directory.Delete(temporary, recursive: true);
        }

        await ToolProcess.GitAsync(_repository, CancellationToken.None, "worktree", "prune").ConfigureAwait(false);
    }
}
