using System.Text;

namespace RustScope.Reporters.GitHub;

/// <summary>
/// What the GitHub Actions runner tells a step through its environment. The environment is an input (the CLI passes
/// <see cref="Environment.GetEnvironmentVariable(string)"/>, tests a dictionary), so no reporter reads process-wide state.
/// </summary>
/// <param name="environment">Looks up an environment variable; null when unset.</param>
public sealed class GitHubActions(Func<string, string?> environment)
{
    /// <summary>Whether GitHub output is on: asked for with <c>--github</c>, or running in GitHub Actions (<c>GITHUB_ACTIONS=true</c>).</summary>
    public bool IsEnabled(bool requested) =>
        requested || string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The job summary file the runner renders as Markdown on the run's page, if this is a runner.</summary>
    public string? StepSummaryPath => environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } path ? path : null;

    /// <summary>
    /// Appends <paramref name="markdown"/> to the job summary. Appending is the runner's protocol (earlier steps'
    /// summaries stay), so this is one append of the whole text rather than an atomic replace.
    /// </summary>
    /// <returns>False when there is no job summary file to append to.</returns>
    public bool AppendStepSummary(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (StepSummaryPath is not { } path)
        {
            return false;
        }

        File.AppendAllText(path, markdown.EndsWith('\n') ? markdown : markdown + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return true;
    }
}
