namespace RustScope.Core.Diagnostics;

/// <summary>
/// Stable diagnostic codes. RS1xxx: an absolute budget was exceeded; RS2xxx: a regression against the
/// baseline; RS9xxx: input or configuration errors.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>A session file cannot be read.</summary>
    public const string SessionUnreadable = "RS9001";

    /// <summary>A session file is malformed or lacks a required field.</summary>
    public const string SessionInvalid = "RS9002";

    /// <summary>A session file has a newer schema version than this build reads.</summary>
    public const string SessionTooNew = "RS9003";
}
