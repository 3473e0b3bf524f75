using System.Globalization;
using System.Text;
using RustScope.Core.Calibration;

namespace RustScope.Cli.Calibration;

/// <summary>The console table of a calibration: one row per gated metric, what its noise allows a gate to see.</summary>
internal static class CalibrationTable
{
    public static string Render(TargetCalibration calibration)
    {
        // The default run count of ab and calibrate: the column a user compares with the threshold.
        var runs = NoiseCalibration.CheckedRuns[1];
        string[][] rows =
        [
            ["metric", "median", "CV", "robust CV", "pair-ratio sd", "outliers", "drift", Invariant($"smallest change @{runs}"), "runs needed", "verdict"],
            .. calibration.Metrics.Select(m => new[]
            {
                m.Subject is null ? m.Metric : $"{m.Subject} {m.Metric}",
                Invariant($"{m.Median:0.####} {m.Unit}"),
                Percent(m.Cv),
                Percent(m.RobustCv),
                Invariant($"{m.PairRatioSd:0.0000}"),
                Percent(m.OutlierRate),
                m.Drift is { } drift ? Percent(drift, signed: true) : "n/a",
                Percent(m.SmallestChange.Single(s => s.Runs == runs).Change),
                m.TooNoisy ? Invariant($">{calibration.MaxRunsPerSide} ({m.RunsNeeded})") : Invariant($"{m.RunsNeeded}"),
                m.Verdict,
            }),
        ];
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{calibration.Name}: A/A noise over {calibration.RunsPerSide} interleaved runs a side ({calibration.WarmupRuns} warm-up), alpha {calibration.Alpha}, {calibration.Power:0%} power; too noisy = more than {calibration.MaxRunsPerSide} runs a side for the threshold"));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }

        return text.ToString();
    }

    private static string Percent(double fraction, bool signed = false) =>
        !double.IsFinite(fraction) ? "n/a" : signed ? Invariant($"{fraction * 100:+0.0;-0.0;0.0} %") : Invariant($"{fraction * 100:0.0} %");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
