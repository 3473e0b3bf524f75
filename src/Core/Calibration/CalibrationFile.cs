using RustScope.Core.Model;

namespace RustScope.Core.Calibration;

/// <summary>The calibration JSON (<c>B.calibration.json</c>, <c>rustscope-calibration.json</c>): one entry per calibrated target.</summary>
internal sealed record CalibrationFile
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>When the calibration was written, Unix epoch milliseconds.</summary>
    public required long CreatedTs { get; init; }

    public string? ToolVersion { get; init; }

    /// <summary>The machine the noise was measured on: the figures hold for it alone.</summary>
    public HostInfo? Host { get; init; }

    public required IReadOnlyList<TargetCalibration> Targets { get; init; }
}
