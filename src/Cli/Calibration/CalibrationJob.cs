namespace RustScope.Cli.Calibration;

/// <summary>One command <c>rustscope calibrate</c> runs as A/A.</summary>
/// <param name="Name">The budget target's name, or the command's project name.</param>
/// <param name="Command">The command, one argument per entry.</param>
/// <param name="Target">The budget target whose thresholds apply, or null for the defaults.</param>
/// <param name="Output">The full path of the calibration file it goes to.</param>
internal sealed record CalibrationJob(string Name, IReadOnlyList<string> Command, string? Target, string Output);
