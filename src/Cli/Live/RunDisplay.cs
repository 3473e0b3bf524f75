namespace RustScope.Cli.Live;

/// <summary>How rustscope shows a profiled run. Never on stdout but through the terminal: stdout is the child's.</summary>
internal enum RunDisplay
{
    /// <summary>The live dashboard on an interactive terminal; the child's output goes to a log file.</summary>
    Dashboard,

    /// <summary>Progress lines, the summary and warnings on stderr; the child's output passes through.</summary>
    Lines,

    /// <summary>Nothing but errors (<c>--quiet</c>); warnings stay in the session.</summary>
    Quiet,
}
