using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using RustScope.Core.Diagnostics;
using RustScope.Core.IO;
using RustScope.Reporters;

namespace RustScope.MSBuild;

/// <summary>
/// Runs <c>rustscope gate</c> for one <c>RustScopeProfile</c> item: profiles its command, compares it with its baseline
/// (or records the baseline) and checks its budget. The CLI prints MSBuild canonical diagnostics
/// (<c>rustscope.yml(12,7): error RS2001: …</c>) that <see cref="ToolTask"/> logs as errors and warnings at the budget
/// line; cancelling the build stops the CLI and the profiled process tree.
/// </summary>
public sealed class RustScopeGate : ToolTask
{
    /// <summary>The item's name: the session's project and the budget target it is judged under.</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>The command to profile, one string split like a shell would split it, but never run by one.</summary>
    /// <remarks>Not <c>[Required]</c>: an item without one gets this package's own error, with its code and the item's name.</remarks>
    public string Command { get; set; } = "";

    /// <summary>The packed CLI, <c>rustscope.dll</c>.</summary>
    [Required]
    public string CliPath { get; set; } = "";

    /// <summary>Where the session and the reports go.</summary>
    [Required]
    public string ReportDirectory { get; set; } = "";

    /// <summary>The budget file (rustscope.yml), relative to the project, or empty for none.</summary>
    public string? Budget { get; set; }

    /// <summary>The budget target to apply when it is not named like the item.</summary>
    public string? BudgetTarget { get; set; }

    /// <summary>The baseline session, relative to the project, or empty to check absolute budgets only.</summary>
    public string? Baseline { get; set; }

    /// <summary>Measured runs, or <c>auto</c>: as many as decide the comparison (at most <see cref="MaxRuns"/>).</summary>
    public string Runs { get; set; } = "5";

    /// <summary>With <c>Runs="auto"</c>: the most measured runs, or empty for the CLI's default (30).</summary>
    public string? MaxRuns { get; set; }

    /// <summary>With <c>Runs="auto"</c>: the most time for the runs (<c>90s</c>, <c>10m</c>), or empty for no limit.</summary>
    public string? MaxTime { get; set; }

    /// <summary>Discarded runs before the measured ones.</summary>
    public int WarmupRuns { get; set; } = 1;

    /// <summary>Write the new session to <see cref="Baseline"/> instead of comparing with it.</summary>
    public bool UpdateBaseline { get; set; }

    /// <summary>Make inconclusive metrics errors rather than warnings.</summary>
    public bool FailOnInconclusive { get; set; }

    /// <summary>Report formats among <c>markdown</c>, <c>junit</c> and <c>json</c>.</summary>
    public string[] ReportFormats { get; set; } = ["markdown", "junit"];

    /// <summary>The directory relative paths are resolved from (the project's).</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>The session written by this run.</summary>
    [Output]
    public string? Session { get; private set; }

    /// <summary>The report files written by this run.</summary>
    [Output]
    public ITaskItem[] Reports { get; private set; } = [];

    /// <inheritdoc/>
    protected override string ToolName => "dotnet";

    /// <inheritdoc/>
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.High;

    /// <inheritdoc/>
    protected override string GenerateFullPathToTool() =>
        // The dotnet host that runs this build; DOTNET_HOST_PATH is how the SDK tells tasks which one that is.
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : ToolName;

    /// <inheritdoc/>
    protected override string? GetWorkingDirectory() => string.IsNullOrEmpty(WorkingDirectory) ? null : WorkingDirectory;

    /// <inheritdoc/>
    protected override bool ValidateParameters()
    {
        if (string.IsNullOrWhiteSpace(Command))
        {
            Log.LogError(null, DiagnosticCodes.CommandInvalid, null, null, 0, 0, 0, 0, "RustScopeProfile '{0}' has no Command to profile.", Name);
        }

        // Runs, WarmupRuns, MaxRuns and MaxTime are checked by the CLI, with the same message and code (RS9007) as on the
        // command line, before it runs anything.
        if (UpdateBaseline && string.IsNullOrEmpty(Baseline))
        {
            Log.LogError(null, DiagnosticCodes.BaselinePathMissing, null, null, 0, 0, 0, 0, "RustScopeProfile '{0}': RustScopeUpdateBaseline=true needs a Baseline path to write.", Name);
        }

        foreach (var format in ReportFormats.Where(f => ReportFormat.FindFile(f) is null))
        {
            Log.LogError(null, DiagnosticCodes.UnknownReportFormat, null, null, 0, 0, 0, 0, "RustScopeReportFormats: unknown format '{0}' (known: {1}).", format, string.Join(", ", ReportFormat.Files.Select(f => f.Name)));
        }

        return !Log.HasLoggedErrors && base.ValidateParameters();
    }

    /// <inheritdoc/>
    protected override string GenerateCommandLineCommands() => Arguments().ToString();

    /// <inheritdoc/>
    protected override int ExecuteTool(string pathToTool, string responseFileCommands, string commandLineCommands)
    {
        Directory.CreateDirectory(ReportDirectory);
        Session = SessionPath;
        Reports = [.. ReportFormats.Select(f => (ITaskItem)new TaskItem(ReportPath(f)))];
        return base.ExecuteTool(pathToTool, responseFileCommands, commandLineCommands);
    }

    /// <summary>The CLI's arguments for this item: a pure function of the parameters, which tests read.</summary>
    internal CommandLineBuilder Arguments()
    {
        var builder = new CommandLineBuilder(quoteHyphensOnCommandLine: false, useNewLineSeparator: false);
        builder.AppendFileNameIfNotNull(CliPath);
        builder.AppendTextUnquoted(" gate --msbuild");
        builder.AppendSwitchIfNotNull("--name ", Name);
        builder.AppendSwitchIfNotNull("--command ", Command);
        builder.AppendSwitchIfNotNull("--runs ", Runs);
        AppendIfSet(builder, "--max-runs ", MaxRuns);
        AppendIfSet(builder, "--max-time ", MaxTime);
        builder.AppendSwitchIfNotNull("--warmup-runs ", WarmupRuns.ToString(CultureInfo.InvariantCulture));
        builder.AppendSwitchIfNotNull("--session ", SessionPath);
        AppendIfSet(builder, "--budget ", Budget);
        AppendIfSet(builder, "--target ", BudgetTarget);
        AppendIfSet(builder, "--baseline ", Baseline);
        if (UpdateBaseline)
        {
            builder.AppendSwitch("--update-baseline");
        }

        if (FailOnInconclusive)
        {
            builder.AppendSwitch("--fail-on Inconclusive");
        }

        foreach (var format in ReportFormats.Select(ReportFormat.FindFile).OfType<ReportFormat>().Distinct())
        {
            builder.AppendSwitchIfNotNull($"--{format.Name} ", ReportPath(format.Name));
        }

        return builder;
    }

    private string SessionPath => Path.Combine(ReportDirectory, SafeName + ".json");

    private string ReportPath(string format) => Path.Combine(ReportDirectory, SafeName + ReportFormat.FindFile(format)?.Suffix);

    private string SafeName => SafeFileName.From(Name);

    private static void AppendIfSet(CommandLineBuilder builder, string option, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            builder.AppendSwitchIfNotNull(option, value);
        }
    }
}
