namespace RustScope.Core.Diagnostics;

/// <summary>
/// Stable diagnostic codes. RS1xxx: an absolute budget was exceeded; RS2xxx: a regression against the
/// baseline; RS9xxx: input or configuration errors.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>An absolute budget is exceeded.</summary>
    public const string BudgetExceeded = "RS1001";

    /// <summary>A significant regression against the baseline.</summary>
    public const string Regressed = "RS2001";

    /// <summary>Neither a regression nor equivalence could be shown (a warning unless Inconclusive fails the gate).</summary>
    public const string Inconclusive = "RS2101";

    /// <summary>A metric's data cannot be judged (NaN, negative or overflowing values, no samples, all-zero durations): an error, since the gate fails.</summary>
    public const string InvalidData = "RS2102";

    /// <summary>Wall time changed only while the machine's load did, and CPU time does not agree (a warning: not attributed to the code).</summary>
    public const string EnvironmentChanged = "RS2103";

    /// <summary>A session file cannot be read.</summary>
    public const string SessionUnreadable = "RS9001";

    /// <summary>A session file is malformed or lacks a required field.</summary>
    public const string SessionInvalid = "RS9002";

    /// <summary>A session file has a newer schema version than this build reads.</summary>
    public const string SessionTooNew = "RS9003";

    /// <summary>The baseline session to compare with does not exist yet (a warning: only absolute budgets are checked).</summary>
    public const string BaselineMissing = "RS9004";

    /// <summary>The command to profile cannot be split, found or run.</summary>
    public const string CommandInvalid = "RS9005";

    /// <summary>A project asks for the RustScopeProfile target but declares no RustScopeProfile item (a warning).</summary>
    public const string NothingToProfile = "RS9006";

    /// <summary>A run plan that cannot be: too few measured runs, negative warm-up runs, bounds of <c>--runs auto</c> without it.</summary>
    public const string RunsInvalid = "RS9007";

    /// <summary>Recording a baseline was asked for without a baseline path to write it to.</summary>
    public const string BaselinePathMissing = "RS9008";

    /// <summary>The profiled program was built without optimizations, a Debug build (a warning: its timings say little about Release).</summary>
    public const string DebugBuild = "RS9009";

    /// <summary>The budget file is not valid YAML.</summary>
    public const string BudgetSyntax = "RS9100";

    /// <summary>A key the budget file format does not have.</summary>
    public const string BudgetUnknownKey = "RS9101";

    /// <summary>A value that is not a number with a known unit, or out of range.</summary>
    public const string BudgetBadValue = "RS9102";

    /// <summary>A mapping where a value was expected, or the other way round.</summary>
    public const string BudgetWrongType = "RS9103";

    /// <summary>Two targets with the same name, or a pattern twice.</summary>
    public const string BudgetDuplicate = "RS9104";

    /// <summary>A budget file version this build does not read.</summary>
    public const string BudgetVersion = "RS9105";

    /// <summary>A required key is missing.</summary>
    public const string BudgetMissingKey = "RS9106";

    /// <summary>A unit of the wrong kind for the metric (a size for a latency).</summary>
    public const string BudgetUnitMismatch = "RS9107";

    /// <summary>The budget file cannot be read.</summary>
    public const string BudgetUnreadable = "RS9108";

    /// <summary>The requested budget target does not exist.</summary>
    public const string BudgetUnknownTarget = "RS9109";

    /// <summary>A report format name that no reporter has.</summary>
    public const string UnknownReportFormat = "RS9201";

    /// <summary>A collapsed-stacks (folded) file is malformed.</summary>
    public const string CollapsedInvalid = "RS9200";

    /// <summary>A session has no data for the requested export.</summary>
    public const string ExportNoData = "RS9202";

    /// <summary>A report (or the GitHub job summary) cannot be written to the path given.</summary>
    public const string ReportUnwritable = "RS9203";

    /// <summary>A pprof profile (profile.proto, gzip-compressed or not) is malformed.</summary>
    public const string PprofInvalid = "RS9204";

    /// <summary>A speedscope JSON file is malformed.</summary>
    public const string SpeedscopeInvalid = "RS9205";

    /// <summary>A Firefox Profiler processed profile (as samply writes it) is malformed.</summary>
    public const string FirefoxProfileInvalid = "RS9206";

    /// <summary>An input is of no format RustScope reads, or a gzip stream in it is corrupt.</summary>
    public const string InputFormatUnknown = "RS9207";

    /// <summary>Building RustScope from source: npm, which builds the HTML report's page (src/Viewer), is not installed.</summary>
    public const string ViewerNpmMissing = "RS9210";

    /// <summary>Building RustScope from source: npm failed to install or build the HTML report's page (src/Viewer).</summary>
    public const string ViewerBuildFailed = "RS9211";

    /// <summary>The history store cannot be used: unreachable, not a RustScope history, or written by a newer RustScope.</summary>
    public const string HistoryStoreUnusable = "RS9300";

    /// <summary>The history holds no runs that can serve as the baseline (no earlier main commit with runs on a comparable host).</summary>
    public const string HistoryBaselineNone = "RS9301";

    /// <summary>A session cannot be pushed to the history: it names no commit, or the metric asked for is not stored.</summary>
    public const string HistoryInputInvalid = "RS9302";

    /// <summary>A metric's history on main stepped at a recent commit (a warning after a main-branch push).</summary>
    public const string HistoryChangePoint = "RS2104";
}
