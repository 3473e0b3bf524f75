using System.Diagnostics;
using RustScope.Collectors.Process;
using RustScope.Core.Model;

namespace RustScope.Collectors.Host;

/// <summary>The commit the working directory is at, asked of git itself (worktrees, packed refs and detached heads included).</summary>
internal static class GitProbe
{
    public static GitInfo? Read(string directory)
    {
        var sha = Git(directory, "rev-parse", "--verify", "-q", "HEAD");
        if (sha is null)
        {
            return null;
        }

        var branch = Git(directory, "symbolic-ref", "-q", "--short", "HEAD");
        return new GitInfo { Sha = sha, Branch = branch };
    }

    private static string? Git(string directory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            using var git = HelperProcesses.Start(startInfo);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
