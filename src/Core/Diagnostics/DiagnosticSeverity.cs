namespace RustScope.Core.Diagnostics;

/// <summary>Whether a diagnostic stops the command (error) or only tells the user something (warning).</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input cannot be used: the command exits with 2.</summary>
    Error,

    /// <summary>Worth knowing; the command goes on.</summary>
    Warning,
}
