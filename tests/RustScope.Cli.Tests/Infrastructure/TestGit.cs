using System.Diagnostics;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>Runs git for throw-away test repositories, with a fixed identity so commits work on any machine.</summary>
internal static class TestGit
{
    /// <summary>Runs git in <paramref name="directory"/> and returns its trimmed output; throws with git's error when it fails.</summary>
    public static string Run(string directory, params string[] arguments)
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
