namespace RustScope.Cli;

/// <summary>The documented exit codes (DESIGN.md, "Exit codes and diagnostics").</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int GateFailed = 1;
    public const int UsageError = 2;
}
