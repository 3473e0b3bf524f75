using System.Diagnostics;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>
/// A git repository made for one test: a "fast" commit on main and a "slower" one on the checked-out feature branch.
/// Its build (<see cref="Build"/>) copies delay.txt to built.txt; its command (<see cref="Command"/>) sleeps for that long.
/// </summary>
internal sealed class ThrowawayRepository
{
    public const string Build = "cp delay.txt built.txt";

    public const string Command = "xargs -a built.txt sleep";

    private ThrowawayRepository(string path, string mergeBase)
    {
        Path = path;
        MergeBase = mergeBase;
    }

    public string Path { get; }

    /// <summary>The main commit: the merge-base of the feature branch and main.</summary>
    public string MergeBase { get; }

    public static async Task<ThrowawayRepository> CreateAsync(string path, string baseDelay = "0.05", string headDelay = "0.3")
    {
        Directory.CreateDirectory(path);
        Git(path, "init", "-q", "-b", "main");
        await File.WriteAllTextAsync(System.IO.Path.Combine(path, "delay.txt"), baseDelay + "\n");
        Git(path, "add", "delay.txt");
        Git(path, "commit", "-q", "-m", "fast");
        var mergeBase = Git(path, "rev-parse", "HEAD");
        Git(path, "checkout", "-q", "-b", "feature");
        await File.WriteAllTextAsync(System.IO.Path.Combine(path, "delay.txt"), headDelay + "\n");
        Git(path, "commit", "-q", "-a", "-m", "slower");
        return new ThrowawayRepository(path, mergeBase);
    }

    public string Git(params string[] arguments) => Git(Path, arguments);

    public static string Git(string directory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["GIT_AUTHOR_NAME"] = startInfo.Environment["GIT_COMMITTER_NAME"] = "RustScope Tests";
        startInfo.Environment["GIT_AUTHOR_EMAIL"] = startInfo.Environment["GIT_COMMITTER_EMAIL"] = "tests@rustscope.invalid";
        using var git = Process.Start(startInfo)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {error}");
    }
}
