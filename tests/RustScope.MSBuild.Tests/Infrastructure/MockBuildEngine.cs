using System.Collections;
using Microsoft.Build.Framework;

namespace RustScope.MSBuild.Tests.Infrastructure;

/// <summary>The part of MSBuild a task talks to, recording what it logs (no real engine can be hosted in a test).</summary>
internal sealed class MockBuildEngine : IBuildEngine
{
    private readonly List<BuildErrorEventArgs> _errors = [];
    private readonly List<BuildWarningEventArgs> _warnings = [];
    private readonly List<string> _messages = [];
    private readonly List<string> _highImportance = [];

    public IReadOnlyList<BuildErrorEventArgs> Errors { get { lock (_errors) { return [.. _errors]; } } }

    public IReadOnlyList<BuildWarningEventArgs> Warnings { get { lock (_warnings) { return [.. _warnings]; } } }

    public string Log { get { lock (_messages) { return string.Join('\n', _messages); } } }

    /// <summary>The messages MSBuild shows at its default (minimal) verbosity.</summary>
    public IReadOnlyList<string> HighImportanceMessages { get { lock (_highImportance) { return [.. _highImportance]; } } }

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.csproj";

    public void LogErrorEvent(BuildErrorEventArgs e)
    {
        lock (_errors)
        {
            _errors.Add(e);
        }

        Record($"error {e.Code}: {e.File}({e.LineNumber},{e.ColumnNumber}) {e.Message}");
    }

    public void LogWarningEvent(BuildWarningEventArgs e)
    {
        lock (_warnings)
        {
            _warnings.Add(e);
        }

        Record($"warning {e.Code}: {e.File}({e.LineNumber},{e.ColumnNumber}) {e.Message}");
    }

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        if (e.Importance == MessageImportance.High)
        {
            lock (_highImportance)
            {
                _highImportance.Add(e.Message ?? "");
            }
        }

        Record(e.Message ?? "");
    }

    public void LogCustomEvent(CustomBuildEventArgs e) => Record(e.Message ?? "");

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("RustScopeGate builds no projects");

    private void Record(string message)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }
    }
}
