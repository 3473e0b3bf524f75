using RustScope.Core.Comparison;
using RustScope.Core.Statistics;

namespace RustScope.Core.Tests.Comparison;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData(2.6, "s", "2.6 s")]
    [InlineData(0.26475, "s", "264.75 ms")]
    [InlineData(1_500, "ns", "1.5 µs")]
    [InlineData(210.4, "MB", "210.4 MB")]
    [InlineData(13.9, "B", "13.9 B")]
    [InlineData(95.54, "%", "95.5 %")]
    [InlineData(2.345, "%", "2.35 %")]
    [InlineData(0.5512, "%", "0.551 %")]
    [InlineData(1200, "count", "1200")]
    [InlineData(double.PositiveInfinity, "B", "∞")]
    public void Values_are_scaled_and_keep_enough_digits_to_read_a_change(double value, string unit, string text)
    {
        Assert.Equal(text, NumberText.Value(value, unit));
    }

    [Fact]
    public void Changes_are_signed_percentages_and_thresholds_read_as_written()
    {
        Assert.Equal(("+9.4 %", "-33.3 %", "0.0 %", "∞", "–"), (NumberText.Change(0.094), NumberText.Change(-1 / 3.0), NumberText.Change(0), NumberText.Change(double.PositiveInfinity), NumberText.Change(null)));
        Assert.Equal("5 % and 100 µs", NumberText.Threshold(new RegressionThreshold(0.05, 100_000), "ns"));
        Assert.Equal(("4.0e-5", "0.0123"), (NumberText.PValue(0.00004), NumberText.PValue(0.0123)));
    }
}
