namespace RustScope.Core.Calibration;

/// <summary>The smallest relative change a metric can show with <paramref name="Runs"/> runs a side.</summary>
/// <param name="Runs">Runs a side.</param>
/// <param name="Change">The change as a fraction (0.05 = 5 %), at the gate's alpha with 80 % power.</param>
internal sealed record SmallestChange(int Runs, double Change);
